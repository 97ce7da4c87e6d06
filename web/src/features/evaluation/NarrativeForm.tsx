import { useState } from "react";
import { evaluationMessages as m, formatDateTime } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { fieldMessages, type ParsedError } from "../../ui/graphql-errors";
import type { Narrative } from "./evaluation-model";
import { useSetReportNarrative } from "./use-evaluation";

const FIELDS = ["achievementEvaluation", "issuesAndDirection"] as const;
const LABELS = { achievementEvaluation: m.narrative.achievement, issuesAndDirection: m.narrative.issues };

/** The two narratives of one 事業: read by everyone who reads the report, written by those who may. */
export function NarrativeBlock({
  jigyo,
  fiscalYear,
  narrative,
  canWrite,
}: {
  jigyo: number;
  fiscalYear: number;
  narrative: Narrative | null;
  canWrite: boolean;
}) {
  const headingId = `narrative-${jigyo}`;
  // Kept here, not in the form: a save reads the report again, and the form is made anew from what was saved.
  const [status, setStatus] = useState("");
  return (
    <section className="narrative" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {m.narrative.title} ({m.jigyoShort(jigyo)})
      </h3>
      {canWrite && (
        <NarrativeForm
          key={narrative?.updatedAt ?? "new"}
          jigyo={jigyo}
          fiscalYear={fiscalYear}
          narrative={narrative}
          onStatus={setStatus}
        />
      )}
      {/* What a reader sees, and what prints (a form's boxes do not print well): the text as saved. */}
      <div className={canWrite ? "print-only" : undefined}>
        {FIELDS.map((field) => (
          <div key={field} className="narrative__text">
            <h4>{LABELS[field]}</h4>
            <p>{narrative?.[field] || m.narrative.empty}</p>
          </div>
        ))}
      </div>
      {narrative && (
        <p className="field__hint">
          {m.narrative.updatedAt(formatDateTime(narrative.updatedAt), narrative.updatedByName)}
        </p>
      )}
      <p role="status" className={status ? "notice notice--success no-print" : "visually-hidden"}>
        {status}
      </p>
    </section>
  );
}

function NarrativeForm({
  jigyo,
  fiscalYear,
  narrative,
  onStatus,
}: {
  jigyo: number;
  fiscalYear: number;
  narrative: Narrative | null;
  onStatus: (status: string) => void;
}) {
  const [values, setValues] = useState({
    achievementEvaluation: narrative?.achievementEvaluation ?? "",
    issuesAndDirection: narrative?.issuesAndDirection ?? "",
  });
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [save, saving] = useSetReportNarrative();

  return (
    <form
      className="narrative__form no-print"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onStatus("");
        setFailure(null);
        void save({ fiscalYear, jigyo, ...values }).then((result) => {
          if (result.ok) onStatus(m.narrative.saved);
          else setFailure(result.error);
        });
      }}
    >
      {failure && <ErrorSummary>{failure.message}</ErrorSummary>}
      {FIELDS.map((field) => (
        <Field key={field} label={LABELS[field]} errors={fieldMessages(failure, field)}>
          {(props) => (
            <textarea
              {...props}
              className="field__control narrative__textarea"
              rows={5}
              value={values[field]}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <button type="submit" className="button no-print" disabled={saving}>
        {saving ? m.narrative.saving : m.narrative.save}
      </button>
    </form>
  );
}
