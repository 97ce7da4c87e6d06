import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { today } from "@tsunagu/calendar";
import { graphql } from "../../gql";
import type { MeetingKind } from "../../gql/graphql";
import { MEETING_KIND_LABELS, recordsMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field, FieldErrors } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import { useOrganizationChoices } from "../catalog/OrganizationPicker";
import { MY_SUPPORT_MEETING_GROUPS_QUERY } from "../people/form/BasisFields";
import { useCreateMeetingRecord, useUpdateMeetingRecord } from "./use-save-meeting";

const PERSON_CHOICES = graphql(`
  query MeetingPersonChoices($text: String) {
    persons(first: 20, text: $text) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.meetings;

interface Named {
  id: string;
  name: string;
}

export interface MeetingDraft {
  id: string;
  version: number;
  heldOn: string;
  kind: MeetingKind;
  title: string;
  decisions: string;
  supportMeetingGroupId: string | null;
  organizations: Named[];
  attendees: Named[];
  persons: Named[];
}

/** A list of chosen rows, each with a button to take it off again. */
function ChosenList({ items, label, onRemove }: { items: Named[]; label: string; onRemove: (id: string) => void }) {
  return (
    <ul aria-label={label} className="chosen-list">
      {items.length === 0 && <li>{t.none}</li>}
      {items.map((item) => (
        <li key={item.id}>
          {item.name}{" "}
          <button type="button" className="button button--secondary" onClick={() => onRemove(item.id)}>
            {t.remove(item.name)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One row to add from a name search: a search box, a select of what it found, and 加える. */
function AddFromSearch({
  searchLabel,
  chooseLabel,
  addLabel,
  search,
  onSearch,
  found,
  onAdd,
}: {
  searchLabel: string;
  chooseLabel: string;
  addLabel: string;
  search: string;
  onSearch: (text: string) => void;
  found: Named[];
  onAdd: (item: Named) => void;
}) {
  const [chosen, setChosen] = useState("");
  return (
    <div className="add-from-search">
      <Field label={searchLabel}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="search"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        )}
      </Field>
      <Field label={chooseLabel}>
        {(props) => (
          <select {...props} className="field__control" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{chooseLabel}</option>
            {found.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button
        type="button"
        className="button button--secondary"
        disabled={!chosen}
        onClick={() => {
          const item = found.find((f) => f.id === chosen);
          if (item) onAdd(item);
          setChosen("");
        }}
      >
        {addLabel}
      </button>
    </div>
  );
}

/** 会議の記録: when, what kind, under which 支援会議, who attended, which persons were discussed, what was decided. */
export function MeetingForm({
  editing,
  me,
  onDone,
  onCancel,
}: {
  editing: MeetingDraft | null;
  me: Named;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [heldOn, setHeldOn] = useState(editing?.heldOn ?? today());
  const [kind, setKind] = useState<MeetingKind>(editing?.kind ?? "SHIEN_KAIGI");
  const [title, setTitle] = useState(editing?.title ?? "");
  const [decisions, setDecisions] = useState(editing?.decisions ?? "");
  const [groupId, setGroupId] = useState(editing?.supportMeetingGroupId ?? "");
  const [organizations, setOrganizations] = useState<Named[]>(editing?.organizations ?? []);
  const [attendees, setAttendees] = useState<Named[]>(editing?.attendees ?? [me]);
  const [persons, setPersons] = useState<Named[]>(editing?.persons ?? []);
  const [orgSearch, setOrgSearch] = useState("");
  const [personSearch, setPersonSearch] = useState("");
  const [error, setError] = useState<ParsedError | null>(null);
  const groups = useQuery(MY_SUPPORT_MEETING_GROUPS_QUERY, { skip: kind !== "SHIEN_KAIGI" });
  const orgChoices = useOrganizationChoices(useDebouncedValue(orgSearch.trim(), 250));
  const personText = useDebouncedValue(personSearch.trim(), 250);
  const personChoices = useQuery(PERSON_CHOICES, { variables: { text: personText || null } });
  const [create, created] = useCreateMeetingRecord();
  const [update, updated] = useUpdateMeetingRecord();
  const busy = created.loading || updated.loading;
  const headingId = editing ? "meeting-edit-heading" : "meeting-new-heading";
  const attended = attendees.some((a) => a.id === me.id);
  const add = (list: Named[], item: Named) => (list.some((x) => x.id === item.id) ? list : [...list, item]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      heldOn,
      kind,
      title: title.trim(),
      decisions: decisions.trim(),
      supportMeetingGroupId: kind === "SHIEN_KAIGI" ? groupId || null : null,
      organizationIds: organizations.map((o) => o.id),
      attendeeIds: attendees.map((a) => a.id),
      personIds: persons.map((p) => p.id),
    };
    try {
      if (editing) {
        await update({ variables: { input: { ...input, id: editing.id, expectedVersion: editing.version } } });
        onDone(m.saved);
      } else {
        await create({ variables: { input } });
        onDone(m.recorded);
      }
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{editing ? t.formEdit : t.formNew}</h2>
      {error && <ErrorSummary>{error.message}</ErrorSummary>}
      <Field label={t.heldOn} required errors={fieldMessages(error, "heldOn")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="date"
            required
            max={today()}
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.kind} required errors={fieldMessages(error, "kind")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={kind}
            onChange={(e) => setKind(e.target.value as MeetingKind)}
          >
            {(Object.entries(MEETING_KIND_LABELS) as [MeetingKind, string][]).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === "SHIEN_KAIGI" && (
        <Field label={t.group} required hint={t.groupHint} errors={fieldMessages(error, "supportMeetingGroupId")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              required
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
            >
              <option value="">{t.groupChoose}</option>
              {(groups.data?.mySupportMeetingGroups ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t.title} required errors={fieldMessages(error, "title")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="text"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="choice-group">
        <legend className="field__label">{t.organizations}</legend>
        <ChosenList
          items={organizations}
          label={t.organizations}
          onRemove={(id) => setOrganizations(organizations.filter((o) => o.id !== id))}
        />
        <AddFromSearch
          searchLabel={recordsMessages.cooperation.organizationSearch}
          chooseLabel={recordsMessages.cooperation.organizationChoose}
          addLabel={t.addOrganization}
          search={orgSearch}
          onSearch={setOrgSearch}
          found={orgChoices}
          onAdd={(o) => setOrganizations(add(organizations, o))}
        />
        <FieldErrors id="meeting-organizations-errors" messages={fieldMessages(error, "organizationIds")} />
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t.attendees}</legend>
        <ChosenList
          items={attendees}
          label={t.attendees}
          onRemove={(id) => setAttendees(attendees.filter((a) => a.id !== id))}
        />
        <label>
          <input
            type="checkbox"
            checked={attended}
            onChange={(e) =>
              setAttendees(e.target.checked ? add(attendees, me) : attendees.filter((a) => a.id !== me.id))
            }
          />{" "}
          {t.attendedMyself}
        </label>
        <FieldErrors id="meeting-attendees-errors" messages={fieldMessages(error, "attendeeIds")} />
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t.persons}</legend>
        <ChosenList
          items={persons}
          label={t.persons}
          onRemove={(id) => setPersons(persons.filter((p) => p.id !== id))}
        />
        <AddFromSearch
          searchLabel={t.personSearch}
          chooseLabel={t.personChoose}
          addLabel={t.addPerson}
          search={personSearch}
          onSearch={setPersonSearch}
          found={(personChoices.data?.persons.edges ?? []).map((e) => ({ id: e.node.id, name: e.node.displayName }))}
          onAdd={(p) => setPersons(add(persons, p))}
        />
        <FieldErrors id="meeting-persons-errors" messages={fieldMessages(error, "personIds")} />
      </fieldset>
      <Field label={t.decisions} hint={t.decisionsHint} errors={fieldMessages(error, "decisions")}>
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={4}
            maxLength={4000}
            value={decisions}
            onChange={(e) => setDecisions(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? m.submitting : editing ? m.save : m.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
