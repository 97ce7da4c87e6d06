import {
  CHANGE_CATEGORY_LABELS,
  CHANGE_TYPE_LABELS,
  followUpMessages,
  type ChangeCategory,
  type ChangeType,
} from "../../messages";
import { CheckboxGroup, Field, RadioGroup } from "../../ui/form-fields";
import type { ChangeState } from "./follow-up-input";

const t = followUpMessages.form;
const YES_NO = [
  ["yes", t.changeYes],
  ["no", t.changeNo],
] as const;
const TYPES = Object.entries(CHANGE_TYPE_LABELS) as [ChangeType, string][];
const CATEGORIES = Object.entries(CHANGE_CATEGORY_LABELS) as [ChangeCategory, string][];

/**
 * 変化あり/なし, then (only when there was one) its kind and what changed, and the narrative. Used by the follow-up
 * record and by the final observation a move to 定着・終結 asks for; `errorPrefix` maps the server's field paths.
 */
export function ChangeFields({
  value,
  onChange,
  errors,
  errorPrefix = "",
  narrativeLabel = t.narrative,
  narrativeRequired = false,
}: {
  value: ChangeState;
  onChange: (value: ChangeState) => void;
  errors: Record<string, string[]>;
  errorPrefix?: string;
  narrativeLabel?: string;
  narrativeRequired?: boolean;
}) {
  const err = (field: string) => errors[`${errorPrefix}${field}`] ?? [];
  const set = (patch: Partial<ChangeState>) => onChange({ ...value, ...patch });
  const observed = value.observed === null ? null : value.observed ? "yes" : "no";

  return (
    <>
      <RadioGroup
        legend={t.changeObserved}
        required
        options={YES_NO}
        value={observed}
        onChange={(choice) => set({ observed: choice === "yes" })}
        errors={err("changeObserved")}
      />
      {value.observed && (
        <>
          <RadioGroup
            legend={t.changeType}
            options={TYPES}
            value={value.type}
            onChange={(type) => set({ type })}
            errors={err("changeType")}
          />
          <CheckboxGroup
            legend={t.changeCategories}
            options={CATEGORIES}
            values={value.categories}
            onChange={(categories) => set({ categories })}
            errors={err("changeCategories")}
          />
        </>
      )}
      <Field label={narrativeLabel} errors={err("narrative")} className="field--wide" required={narrativeRequired}>
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={4}
            maxLength={4000}
            required={narrativeRequired}
            value={value.narrative}
            onChange={(e) => set({ narrative: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
