import { useState, type FormEvent } from "react";
import { today } from "@tsunagu/calendar";
import type { ContactMethod, HostSupportKind } from "../../gql/graphql";
import { CONTACT_METHOD_LABELS, HOST_SUPPORT_KIND_LABELS, recordsMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { OrganizationSelect } from "./OrganizationSelect";
import { useCreateHostSupport, useUpdateHostSupport } from "./use-host-relations";

const m = recordsMessages;
const t = recordsMessages.hostSupport;

export interface HostSupportDraft {
  id: string;
  version: number;
  organization: { id: string; name: string } | null;
  givenOn: string;
  kind: HostSupportKind;
  method: ContactMethod;
  note: string;
}

const options = <T extends string>(labels: Record<T, string>) => Object.entries(labels) as [T, string][];

/** 受け入れ先支援の記録: which organization, when, what kind of support and how. */
export function HostSupportForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: HostSupportDraft | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [organizationId, setOrganizationId] = useState(editing?.organization?.id ?? "");
  const [givenOn, setGivenOn] = useState(editing?.givenOn ?? today());
  const [kind, setKind] = useState<HostSupportKind>(editing?.kind ?? "VISIT");
  const [method, setMethod] = useState<ContactMethod>(editing?.method ?? "VISIT");
  const [note, setNote] = useState(editing?.note ?? "");
  const [error, setError] = useState<ParsedError | null>(null);
  const [create, created] = useCreateHostSupport();
  const [update, updated] = useUpdateHostSupport();
  const busy = created.loading || updated.loading;
  const headingId = editing ? "host-support-edit-heading" : "host-support-new-heading";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = { organizationId, givenOn, kind, method, note: note.trim() };
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
      <Field label={t.givenOn} required errors={fieldMessages(error, "givenOn")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="date"
            required
            max={today()}
            value={givenOn}
            onChange={(e) => setGivenOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.kind} required errors={fieldMessages(error, "kind")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={kind}
            onChange={(e) => setKind(e.target.value as HostSupportKind)}
          >
            {options(HOST_SUPPORT_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.method} required errors={fieldMessages(error, "method")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={method}
            onChange={(e) => setMethod(e.target.value as ContactMethod)}
          >
            {options(CONTACT_METHOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
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
