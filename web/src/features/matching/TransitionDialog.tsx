import { useEffect, useRef, useState, type FormEvent } from "react";
import type { MatchStage, OutcomeObservationInput, ParticipationLevel, RelationshipStability } from "../../gql/graphql";
import {
  PARTICIPATION_LEVEL_LABELS,
  RELATIONSHIP_STABILITY_LABELS,
  followUpMessages,
  matchingMessages,
} from "../../messages";
import { today } from "@tsunagu/calendar";
import { Field, RadioGroup } from "../../ui/form-fields";
import type { ParsedError } from "../../ui/graphql-errors";
import { ChangeFields } from "../followups/ChangeFields";
import { initialOutcomeForm, toOutcomeInput, type FieldErrorMap } from "../followups/follow-up-input";

export interface TransitionDetails {
  reason?: string;
  effectiveOn?: string;
  outcome?: OutcomeObservationInput;
}

const t = matchingMessages.transitions;
const f = followUpMessages.form;
const STABILITY = Object.entries(RELATIONSHIP_STABILITY_LABELS) as [RelationshipStability, string][];
const LEVELS = Object.entries(PARTICIPATION_LEVEL_LABELS) as [ParticipationLevel, string][];

/**
 * Asks what the server needs for this move (a reason; for 定着・終結 the final observation) in a modal `<dialog>`:
 * the browser keeps focus inside it, Esc closes it, and focus goes back to the button that opened it.
 */
export function TransitionDialog({
  target,
  person,
  resource,
  busy,
  onSubmit,
  onClose,
}: {
  target: { to: MatchStage; label: string; reasonRequired: boolean; outcomeRequired: boolean };
  person: string;
  resource: string;
  busy: boolean;
  onSubmit: (details: TransitionDetails) => Promise<ParsedError | null>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [effectiveOn, setEffectiveOn] = useState("");
  const [outcome, setOutcome] = useState(initialOutcomeForm);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    let details: TransitionDetails = {
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(effectiveOn ? { effectiveOn } : {}),
    };
    if (target.outcomeRequired) {
      const checked = toOutcomeInput(outcome);
      if (!checked.ok) {
        setErrors(checked.errors);
        return;
      }
      details = { ...details, outcome: checked.input };
    }
    setErrors({});
    const failed = await onSubmit(details);
    if (failed) {
      setErrors(failed.fieldErrors);
      setFailure(failed.message);
    }
  };

  const titleId = `transition-${target.to}-title`;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="dialog__title">
          {t.dialogTitle(target.label)}
        </h2>
        <p className="dialog__lead">{t.dialogLead(person, resource)}</p>

        <Field
          label={t.reason}
          required={target.reasonRequired}
          hint={t.reasonHint}
          errors={errors.reason ?? []}
          className="field--wide"
        >
          {(props) => (
            <textarea
              {...props}
              className="field__control"
              rows={3}
              maxLength={1000}
              required={target.reasonRequired}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>

        <Field label={t.effectiveOn} hint={t.effectiveOnHint} errors={errors.effectiveOn ?? []}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              max={today()}
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.target.value)}
            />
          )}
        </Field>

        {target.outcomeRequired && (
          <fieldset className="dialog__group">
            <legend>{t.outcomeLegend}</legend>
            <p className="field__hint">{t.outcomeHint}</p>
            <RadioGroup
              legend={f.relationshipStability}
              required
              options={STABILITY}
              value={outcome.relationshipStability || null}
              onChange={(relationshipStability) => setOutcome({ ...outcome, relationshipStability })}
              errors={errors["outcome.relationshipStability"] ?? []}
            />
            <ChangeFields
              value={outcome.change}
              onChange={(change) => setOutcome({ ...outcome, change })}
              errors={errors}
              errorPrefix="outcome."
              narrativeLabel={t.narrative}
              narrativeRequired
            />
            <Field label={f.participationLevel} errors={errors["outcome.participationLevel"] ?? []}>
              {(props) => (
                <select
                  {...props}
                  className="field__control"
                  value={outcome.participationLevel}
                  onChange={(e) =>
                    setOutcome({ ...outcome, participationLevel: e.target.value as ParticipationLevel | "" })
                  }
                >
                  <option value="">{f.participationLevelKeep}</option>
                  {LEVELS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        )}

        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}

        <div className="dialog__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.moving : t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
