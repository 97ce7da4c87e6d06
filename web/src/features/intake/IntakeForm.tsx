import { useState, type FormEvent } from "react";
import { today } from "@tsunagu/calendar";
import type { AgeBand, IntakeField, IntakeOutcome, IntakeRoute } from "../../gql/graphql";
import {
  AGE_BAND_LABELS,
  INTAKE_FIELD_LABELS,
  INTAKE_OUTCOME_LABELS,
  INTAKE_ROUTE_LABELS,
  recordsMessages,
} from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useCreateIntake, useUpdateIntake } from "./use-save-intake";

const m = recordsMessages;
const t = recordsMessages.intakes;

/** What the form edits: a consultation as read (to correct it), or nothing (a new one). */
export interface IntakeDraft {
  id: string;
  version: number;
  receivedOn: string;
  route: IntakeRoute;
  field: IntakeField;
  areaId: string | null;
  ageBand: AgeBand | null;
  outcome: IntakeOutcome;
  note: string;
}

const options = <T extends string>(labels: Record<T, string>) => Object.entries(labels) as [T, string][];

/** 相談受付の記録: the day, how it came, 分野, 地区 and age band (no names), and what came of it. */
export function IntakeForm({
  editing,
  areas,
  onDone,
  onCancel,
}: {
  editing: IntakeDraft | null;
  areas: readonly { id: string; name: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [receivedOn, setReceivedOn] = useState(editing?.receivedOn ?? today());
  const [route, setRoute] = useState<IntakeRoute>(editing?.route ?? "WALK_IN");
  const [field, setField] = useState<IntakeField>(editing?.field ?? "ALL");
  const [areaId, setAreaId] = useState(editing?.areaId ?? "");
  const [ageBand, setAgeBand] = useState<AgeBand | "">(editing?.ageBand ?? "");
  const [outcome, setOutcome] = useState<IntakeOutcome>(editing?.outcome ?? "PENDING");
  const [note, setNote] = useState(editing?.note ?? "");
  const [error, setError] = useState<ParsedError | null>(null);
  const [create, created] = useCreateIntake();
  const [update, updated] = useUpdateIntake();
  const busy = created.loading || updated.loading;
  const headingId = editing ? "intake-edit-heading" : "intake-new-heading";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const fields = {
      receivedOn,
      route,
      field,
      areaId: areaId || null,
      ageBand: ageBand || null,
      outcome,
      note: note.trim(),
    };
    try {
      if (editing) {
        await update({ variables: { input: { ...fields, id: editing.id, expectedVersion: editing.version } } });
        onDone(m.saved);
      } else {
        await create({ variables: { input: fields } });
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
      <Field label={t.receivedOn} required errors={fieldMessages(error, "receivedOn")}>
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="date"
            required
            max={today()}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.route} required errors={fieldMessages(error, "route")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={route}
            onChange={(e) => setRoute(e.target.value as IntakeRoute)}
          >
            {options(INTAKE_ROUTE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.field} required errors={fieldMessages(error, "field")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={field}
            onChange={(e) => setField(e.target.value as IntakeField)}
          >
            {options(INTAKE_FIELD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.area} errors={fieldMessages(error, "areaId")}>
        {(props) => (
          <select {...props} className="field__control" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{m.optional}</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.ageBand} errors={fieldMessages(error, "ageBand")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={ageBand}
            onChange={(e) => setAgeBand(e.target.value as AgeBand | "")}
          >
            <option value="">{m.optional}</option>
            {options(AGE_BAND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.outcome} required errors={fieldMessages(error, "outcome")}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as IntakeOutcome)}
          >
            {options(INTAKE_OUTCOME_LABELS).map(([value, label]) => (
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
