import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { today as jstToday } from "@tsunagu/calendar";
import { graphql } from "../../gql";
import {
  CORRECTION_FIELD_LABELS,
  ERASURE_COUNT_LABELS,
  formatDateTime,
  personRightsMessages as m,
} from "../../messages";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError } from "../../ui/graphql-errors";

export const PERSON_RIGHTS_QUERY = graphql(`
  query PersonRights($id: ID!) {
    person(id: $id) {
      id
      version
      displayName
      nameKana
      contactNote
      householdNote
      stoppedOn
      stopReason
      erasedAt
      retentionEndsOn
      corrections {
        id
        field
        before
        after
        reason
        correctedAt
      }
      erasure {
        id
        cause
        counts
        erasedAt
      }
    }
  }
`);

const CORRECT = graphql(`
  mutation CorrectPerson($input: CorrectPersonInput!) {
    correctPerson(input: $input) {
      person {
        id
        version
        displayName
        nameKana
        contactNote
        householdNote
      }
    }
  }
`);

const STOP = graphql(`
  mutation StopPersonUse($input: StopPersonUseInput!) {
    stopPersonUse(input: $input) {
      person {
        id
        stoppedOn
        stopReason
      }
    }
  }
`);

const RESUME = graphql(`
  mutation ResumePersonUse($input: ResumePersonUseInput!) {
    resumePersonUse(input: $input) {
      person {
        id
        stoppedOn
        stopReason
      }
    }
  }
`);

const ERASE = graphql(`
  mutation ErasePerson($input: ErasePersonInput!) {
    erasePerson(input: $input) {
      person {
        id
        displayName
        erasedAt
      }
      erasure {
        id
        cause
        counts
        erasedAt
      }
    }
  }
`);

type CorrectableField = "displayName" | "nameKana" | "contactNote" | "householdNote";
const CORRECTABLE: CorrectableField[] = ["displayName", "nameKana", "contactNote", "householdNote"];

/**
 * 本人の権利 on the person page: the 開示 (page and JSON file), 訂正 with its reason and history, 利用停止 / 再開, and
 * 消去 once the person is stopped and the retention period has run (the server decides; this only offers it).
 */
export function PersonRights({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const { data } = useQuery(PERSON_RIGHTS_QUERY, { variables: { id: personId } });
  const refetchQueries = ["PersonRights", "PersonDetail"];
  const [correct, correcting] = useMutation(CORRECT, { refetchQueries });
  const [stop, stopping] = useMutation(STOP, { refetchQueries });
  const [resume, resuming] = useMutation(RESUME, { refetchQueries });
  const [erase, erasing] = useMutation(ERASE, { refetchQueries });
  const [open, setOpen] = useState<"correct" | "stop" | "erase" | null>(null);
  const [field, setField] = useState<CorrectableField>("contactNote");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [stoppedOn, setStoppedOn] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const person = data?.person;
  if (!person) return null;

  const openForm = (which: typeof open) => {
    setOpen(which);
    setReason("");
    setErrors({});
    setFailure(null);
    if (which === "correct") setValue(person[field] ?? "");
  };
  const run = async (action: () => Promise<unknown>, saved: string) => {
    setFailure(null);
    try {
      await action();
    } catch (err) {
      const parsed = parseGraphQLError(err);
      setErrors(parsed.fieldErrors);
      setFailure(parsed.message);
      return;
    }
    setOpen(null);
    onDone(saved);
  };
  const submitCorrect = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        correct({
          variables: { input: { id: person.id, expectedVersion: person.version, [field]: value, reason } },
        }),
      m.correct.saved,
    );
  };
  const submitStop = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => stop({ variables: { input: { personId: person.id, reason, stoppedOn: stoppedOn || null } } }),
      m.stop.saved,
    );
  };
  const submitErase = (e: FormEvent) => {
    e.preventDefault();
    void run(() => erase({ variables: { input: { personId: person.id } } }), m.erase.saved);
  };

  const erased = person.erasedAt != null;
  const stopped = person.stoppedOn != null;
  const retentionOver = person.retentionEndsOn != null && person.retentionEndsOn <= jstToday();
  const failureNotice = failure && (
    <p className="notice notice--error" role="alert">
      {failure}
    </p>
  );

  return (
    <div className="person-rights">
      <p>{m.lead}</p>
      {stopped && !erased && (
        <p className="notice notice--warn">
          <span className="badge badge--warn">{m.stoppedBadge}</span>{" "}
          {m.stoppedSince(person.stoppedOn!, person.stopReason ?? "")}
        </p>
      )}
      {erased && person.erasure && (
        <div className="notice notice--warn">
          <p>
            <span className="badge badge--warn">{m.erasedBadge}</span>{" "}
            {m.erase.done(formatDateTime(person.erasure.erasedAt))}
          </p>
          <p>{m.erase.counts}</p>
          <ul>
            {Object.entries(person.erasure.counts as Record<string, number>).map(([k, n]) => (
              <li key={k}>
                {ERASURE_COUNT_LABELS[k] ?? k}: {n}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="title-actions">
        <Link className="button button--secondary" to={`/people/${person.id}/disclosure`}>
          {m.disclosure.open}
        </Link>
        <a className="button button--secondary" href={`/export/person/${person.id}/disclosure.json?download=1`}>
          {m.disclosure.download}
        </a>
        {!erased && open === null && (
          <>
            <button type="button" className="button button--secondary" onClick={() => openForm("correct")}>
              {m.correct.open}
            </button>
            {stopped ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={resuming.loading}
                onClick={() =>
                  void run(() => resume({ variables: { input: { personId: person.id } } }), m.resume.saved)
                }
              >
                {resuming.loading ? m.resume.saving : m.resume.submit}
              </button>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => openForm("stop")}>
                {m.stop.open}
              </button>
            )}
            {stopped && retentionOver && (
              <button type="button" className="button" onClick={() => openForm("erase")}>
                {m.erase.open}
              </button>
            )}
          </>
        )}
      </div>
      {!erased && stopped && !retentionOver && (
        <p className="field__hint">
          {person.retentionEndsOn ? m.erase.notYet(person.retentionEndsOn) : m.erase.openMatch}
        </p>
      )}
      {open === null && failureNotice}

      {open === "correct" && (
        <form className="person-rights__form" onSubmit={submitCorrect} noValidate aria-label={m.correct.open}>
          <Field label={m.correct.field}>
            {(props) => (
              <select
                {...props}
                className="field__control"
                value={field}
                onChange={(e) => {
                  const f = e.target.value as CorrectableField;
                  setField(f);
                  setValue(person[f] ?? "");
                }}
              >
                {CORRECTABLE.map((f) => (
                  <option key={f} value={f}>
                    {m.correct.fields[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={m.correct.value} errors={errors[field] ?? []} className="field--wide">
            {(props) => (
              <textarea
                {...props}
                className="field__control"
                rows={2}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </Field>
          <Field label={m.correct.reason} hint={m.correct.reasonHint} errors={errors.reason ?? []} required>
            {(props) => (
              <textarea
                {...props}
                className="field__control"
                rows={2}
                maxLength={1000}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          {failureNotice}
          <div className="form__actions">
            <button type="submit" className="button" disabled={correcting.loading}>
              {correcting.loading ? m.correct.saving : m.correct.submit}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
              {m.correct.cancel}
            </button>
          </div>
        </form>
      )}

      {open === "stop" && (
        <form className="person-rights__form" onSubmit={submitStop} noValidate aria-label={m.stop.open}>
          <p className="notice notice--warn">{m.stop.note}</p>
          <Field label={m.stop.reason} errors={errors.reason ?? []} required className="field--wide">
            {(props) => (
              <textarea
                {...props}
                className="field__control"
                rows={2}
                maxLength={1000}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <Field label={m.stop.stoppedOn} errors={errors.stoppedOn ?? []}>
            {(props) => (
              <input
                {...props}
                type="date"
                className="field__control"
                value={stoppedOn}
                onChange={(e) => setStoppedOn(e.target.value)}
              />
            )}
          </Field>
          {failureNotice}
          <div className="form__actions">
            <button type="submit" className="button" disabled={stopping.loading}>
              {stopping.loading ? m.stop.saving : m.stop.submit}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
              {m.stop.cancel}
            </button>
          </div>
        </form>
      )}

      {open === "erase" && (
        <form className="person-rights__form" onSubmit={submitErase} noValidate aria-label={m.erase.open}>
          <label className="choice">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{" "}
            {m.erase.confirm}
          </label>
          {failureNotice}
          <div className="form__actions">
            <button type="submit" className="button" disabled={!confirmed || erasing.loading}>
              {erasing.loading ? m.erase.saving : m.erase.submit}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
              {m.stop.cancel}
            </button>
          </div>
        </form>
      )}

      <h3>{m.correct.history}</h3>
      {person.corrections.length === 0 ? (
        <p>{m.correct.noHistory}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{m.correct.columns.when}</th>
                <th scope="col">{m.correct.columns.field}</th>
                <th scope="col">{m.correct.columns.before}</th>
                <th scope="col">{m.correct.columns.after}</th>
                <th scope="col">{m.correct.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {person.corrections.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.correctedAt)}</td>
                  <td>{CORRECTION_FIELD_LABELS[c.field] ?? c.field}</td>
                  <td>{c.before}</td>
                  <td>{c.after}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
