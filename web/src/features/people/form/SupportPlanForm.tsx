import { useId, useState, type FormEvent } from "react";
import type { SupportPlanItem_PlanFragment, SupportPlanStatus, SupportPlanVersion } from "../../../gql/graphql";
import { SUPPORT_PLAN_STATUS_LABELS, SUPPORT_PLAN_VERSION_LABELS, personFormMessages } from "../../../messages";
import { Field, RadioGroup } from "../../../ui/form-fields";
import { parseGraphQLError, type ParsedError } from "../../../ui/graphql-errors";
import {
  newPlanForm,
  planFormFrom,
  toCreateSupportPlanInput,
  toUpdateSupportPlanInput,
  type SupportPlanFormState,
} from "./support-plan-form";
import { useCreateSupportPlan } from "./use-create-support-plan";
import { useUpdateSupportPlan } from "./use-update-support-plan";

const t = personFormMessages.plans;
const VERSIONS = Object.entries(SUPPORT_PLAN_VERSION_LABELS) as [SupportPlanVersion, string][];
const STATUSES = Object.entries(SUPPORT_PLAN_STATUS_LABELS) as [SupportPlanStatus, string][];

export type PlanFormMode =
  | { kind: "create"; personId: string; hasPlans: boolean }
  | { kind: "update"; plan: SupportPlanItem_PlanFragment; title: string };

/**
 * 支援プランを作る / 編集: goals one a line, the agreed and review dates, the status. The server checks that a plan
 * other than 作成中 has its agreed date and says so beside that field. A CONFLICT (someone saved the plan first)
 * offers to load the latest version, which replaces this form.
 */
export function SupportPlanForm({
  mode,
  today,
  onDone,
  onCancel,
  onReload,
}: {
  mode: PlanFormMode;
  today: string;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const headingId = useId();
  const [form, setForm] = useState<SupportPlanFormState>(() =>
    mode.kind === "create" ? newPlanForm(mode.hasPlans) : planFormFrom(mode.plan),
  );
  const [error, setError] = useState<ParsedError | null>(null);
  const [create, { loading: creating }] = useCreateSupportPlan(mode.kind === "create" ? mode.personId : "");
  const [update, { loading: updating }] = useUpdateSupportPlan();
  const saving = creating || updating;
  const set = (patch: Partial<SupportPlanFormState>) => setForm({ ...form, ...patch });
  const err = (field: string) =>
    Object.entries(error?.fieldErrors ?? {})
      .filter(([key]) => key === field || key.startsWith(`${field}.`))
      .flatMap(([, m]) => m);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (mode.kind === "create") {
        await create({ variables: { input: toCreateSupportPlanInput(mode.personId, form) } });
        onDone(t.created);
      } else {
        await update({ variables: { input: toUpdateSupportPlanInput(mode.plan.id, mode.plan.version, form) } });
        onDone(t.updated);
      }
    } catch (caught) {
      setError(parseGraphQLError(caught));
    }
  };

  const conflict = error?.code === "CONFLICT";
  return (
    <form className="form-section plan-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{mode.kind === "create" ? t.createTitle : t.editTitle(mode.title)}</h3>
      {mode.kind === "create" && (
        <RadioGroup
          legend={t.planVersion}
          required
          options={VERSIONS}
          value={form.planVersion}
          onChange={(planVersion) => set({ planVersion })}
          errors={err("planVersion")}
        />
      )}
      <RadioGroup
        legend={t.status}
        required
        options={STATUSES}
        value={form.status}
        onChange={(status) => set({ status })}
        errors={err("status")}
      />
      <Field label={t.goals} hint={t.goalsHint} errors={err("goals")} className="field--wide">
        {(props) => (
          <textarea
            {...props}
            className="field__control"
            rows={4}
            value={form.goals}
            onChange={(e) => set({ goals: e.target.value })}
          />
        )}
      </Field>
      <div className="field-row">
        <Field label={t.agreedOn} hint={t.agreedOnHint} errors={err("agreedOn")}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              max={today}
              value={form.agreedOn}
              onChange={(e) => set({ agreedOn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.reviewOn} errors={err("reviewOn")}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="field__control"
              value={form.reviewOn}
              onChange={(e) => set({ reviewOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{conflict ? t.conflict : error.message}</p>
          {conflict && (
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t.reload}
            </button>
          )}
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t.saving : mode.kind === "create" ? t.submitCreate : t.submitUpdate}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
