import type {
  CreateSupportPlanInput,
  SupportPlanStatus,
  SupportPlanVersion,
  UpdateSupportPlanInput,
} from "../../../gql/graphql";

export interface SupportPlanFormState {
  planVersion: SupportPlanVersion;
  status: SupportPlanStatus;
  /** One goal a line, as typed. */
  goals: string;
  agreedOn: string;
  reviewOn: string;
}

export interface LoadedPlan {
  planVersion: SupportPlanVersion;
  status: SupportPlanStatus;
  goals: readonly string[];
  agreedOn: string | null;
  reviewOn: string | null;
}

/** A first plan is 新規; once there is one, the next is usually a 再プラン. */
export const newPlanForm = (hasPlans: boolean): SupportPlanFormState => ({
  planVersion: hasPlans ? "REPLAN" : "NEW",
  status: "DRAFT",
  goals: "",
  agreedOn: "",
  reviewOn: "",
});

export const planFormFrom = (plan: LoadedPlan): SupportPlanFormState => ({
  planVersion: plan.planVersion,
  status: plan.status,
  goals: plan.goals.join("\n"),
  agreedOn: plan.agreedOn ?? "",
  reviewOn: plan.reviewOn ?? "",
});

/** One goal a line; blank lines are dropped (the server refuses empty goals). */
export const goalsOf = (text: string): string[] =>
  text
    .split("\n")
    .map((g) => g.trim())
    .filter(Boolean);

/**
 * Form → CreateSupportPlanInput. Whether 合意済 has its agreed date is the server's rule, and its message is shown
 * beside the date field, so it is not repeated here.
 */
export function toCreateSupportPlanInput(personId: string, form: SupportPlanFormState): CreateSupportPlanInput {
  return {
    personId,
    planVersion: form.planVersion,
    status: form.status,
    goals: goalsOf(form.goals),
    agreedOn: form.agreedOn || null,
    reviewOn: form.reviewOn || null,
  };
}

/** Form → UpdateSupportPlanInput (新規 / 再プラン stays as created). */
export function toUpdateSupportPlanInput(
  id: string,
  expectedVersion: number,
  form: SupportPlanFormState,
): UpdateSupportPlanInput {
  return {
    id,
    expectedVersion,
    status: form.status,
    goals: goalsOf(form.goals),
    agreedOn: form.agreedOn || null,
    reviewOn: form.reviewOn || null,
  };
}
