import { useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { today } from "@tsunagu/calendar";
import { graphql } from "../../gql";
import type { CooperationAnswer, CooperationKind } from "../../gql/graphql";
import { COOPERATION_ANSWER_LABELS, COOPERATION_KIND_LABELS, recordsMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import { OrganizationSelect } from "./OrganizationSelect";
import { useCreateCooperationRequest, useUpdateCooperationRequest } from "./use-host-relations";

const PERSON_CHOICES = graphql(`
  query CooperationPersonChoices($text: String) {
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

const GAP_CHOICES = graphql(`
  query CooperationGapChoices {
    resourceGaps(statuses: [IDENTIFIED, DISCUSSING, DEVELOPING]) {
      id
      need
    }
  }
`);

const m = recordsMessages;
const t = recordsMessages.cooperation;

export interface CooperationDraft {
  id: string;
  version: number;
  organization: { id: string; name: string } | null;
  requestedOn: string;
  kind: CooperationKind;
  answer: CooperationAnswer;
  answeredOn: string | null;
  person: { id: string; displayName: string } | null;
  resourceGapId: string | null;
  note: string;
}

const options = <T extends string>(labels: Record<T, string>) => Object.entries(labels) as [T, string][];

/** 協力依頼の記録: the organization asked, when, for what, and its answer (recorded whatever it is). */
export function CooperationForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: CooperationDraft | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [organizationId, setOrganizationId] = useState(editing?.organization?.id ?? "");
  const [requestedOn, setRequestedOn] = useState(editing?.requestedOn ?? today());
  const [kind, setKind] = useState<CooperationKind>(editing?.kind ?? "ACCEPT_PERSON");
  const [answer, setAnswer] = useState<CooperationAnswer>(editing?.answer ?? "PENDING");
  const [answeredOn, setAnsweredOn] = useState(editing?.answeredOn ?? "");
  const [personSearch, setPersonSearch] = useState("");
  const [personId, setPersonId] = useState(editing?.person?.id ?? "");
  const [resourceGapId, setResourceGapId] = useState(editing?.resourceGapId ?? "");
  const [note, setNote] = useState(editing?.note ?? "");
  const [error, setError] = useState<ParsedError | null>(null);
  const personText = useDebouncedValue(personSearch.trim(), 250);
  const persons = useQuery(PERSON_CHOICES, { variables: { text: personText || null } });
  const gaps = useQuery(GAP_CHOICES, { skip: kind !== "CREATE_PLACE" });
  const [create, created] = useCreateCooperationRequest();
  const [update, updated] = useUpdateCooperationRequest();
  const busy = created.loading || updated.loading;
  const headingId = editing ? "cooperation-edit-heading" : "cooperation-new-heading";
  const found = persons.data?.persons.edges.map((e) => e.node) ?? [];
  const personOptions =
    editing?.person && !found.some((p) => p.id === editing.person!.id) ? [editing.person, ...found] : found;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      organizationId,
      requestedOn,
      kind,
      answer,
      answeredOn: answeredOn || null,
      personId: personId || null,
      resourceGapId: kind === "CREATE_PLACE" ? resourceGapId || null : null,
      note: note.trim(),
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
      <OrganizationSelect
        label={t.organization}
        value={organizationId}
        current={editing?.organization ?? null}
        onChange={setOrganizationId}
        errors={fieldMessages(error, "organizationId")}
      />
      <Field label={t.requestedOn} required errors={fieldMessages(error, "requestedOn")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="date"
            required
            max={today()}
            value={requestedOn}
            onChange={(e) => setRequestedOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.kind} required errors={fieldMessages(error, "kind")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={kind}
            onChange={(e) => setKind(e.target.value as CooperationKind)}
          >
            {options(COOPERATION_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.answer} required errors={fieldMessages(error, "answer")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={answer}
            onChange={(e) => setAnswer(e.target.value as CooperationAnswer)}
          >
            {options(COOPERATION_ANSWER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.answeredOn} hint={t.answeredOnHint} errors={fieldMessages(error, "answeredOn")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="date"
            max={today()}
            value={answeredOn}
            onChange={(e) => setAnsweredOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.personSearch}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="search"
            value={personSearch}
            onChange={(e) => setPersonSearch(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.person} errors={fieldMessages(error, "personId")}>
        {(props) => (
          <select {...props} className="field__control" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{m.optional}</option>
            {personOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === "CREATE_PLACE" && (
        <Field label={t.resourceGap} hint={t.resourceGapHint} errors={fieldMessages(error, "resourceGapId")}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={resourceGapId}
              onChange={(e) => setResourceGapId(e.target.value)}
            >
              <option value="">{m.optional}</option>
              {(gaps.data?.resourceGaps ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.need}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t.note} hint={m.noteHint} errors={fieldMessages(error, "note")}>
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
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
