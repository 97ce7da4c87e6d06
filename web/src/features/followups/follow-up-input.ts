import type {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  OutcomeObservationInput,
  ParticipationLevel,
  RecordFollowUpInput,
  RelationshipStability,
} from "../../gql/graphql";
import { followUpValidationMessages as v } from "../../messages";

/** 行動や気持ちの変化: shared by the follow-up record and the outcome observation a move to 定着・終結 needs. */
export interface ChangeState {
  observed: boolean | null;
  type: ChangeType | null;
  categories: ChangeCategory[];
  narrative: string;
}

export const emptyChange = (): ChangeState => ({ observed: null, type: null, categories: [], narrative: "" });

export interface FollowUpFormState {
  /** "" lets the server pick the oldest open planned visit. */
  dueId: string;
  contactedOn: string;
  method: ContactMethod | null;
  counterparts: Counterpart[];
  sessionsPlanned: string;
  sessionsAttended: string;
  participationLevel: ParticipationLevel | "";
  change: ChangeState;
  relationshipStability: RelationshipStability | "";
  hostFeedback: string;
  hostGuidance: string;
  nextDueOn: string;
}

export function initialFollowUpForm(today: string, dueId = ""): FollowUpFormState {
  return {
    dueId,
    contactedOn: today,
    method: null,
    counterparts: ["PERSON"],
    sessionsPlanned: "",
    sessionsAttended: "",
    participationLevel: "",
    change: emptyChange(),
    relationshipStability: "",
    hostFeedback: "",
    hostGuidance: "",
    nextDueOn: "",
  };
}

/** Field errors keyed like the server's (`extensions.fields` without the `input.` prefix). */
export type FieldErrorMap = Record<string, string[]>;

type Result<T> = { ok: true; input: T } | { ok: false; errors: FieldErrorMap };

function count(value: string): number | null | undefined {
  const text = value.trim();
  if (!text) return null;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The change fields as the API takes them: no type or categories unless a change was seen (the server refuses those). */
function changeFields(change: ChangeState) {
  const observed = change.observed === true;
  return {
    changeObserved: observed,
    changeType: observed ? change.type : null,
    changeCategories: observed ? change.categories : [],
    narrative: change.narrative.trim(),
  };
}

/** Form → RecordFollowUpInput. Everything the server checks itself (dates in order, counts) is left to it. */
export function toRecordFollowUpInput(matchId: string, form: FollowUpFormState): Result<RecordFollowUpInput> {
  const errors: FieldErrorMap = {};
  if (!form.contactedOn) errors.contactedOn = [v.enterDate];
  if (!form.method) errors.method = [v.chooseMethod];
  if (!form.counterparts.length) errors.counterparts = [v.chooseCounterpart];
  if (form.change.observed === null) errors.changeObserved = [v.chooseChange];
  const sessionsPlanned = count(form.sessionsPlanned);
  const sessionsAttended = count(form.sessionsAttended);
  if (sessionsPlanned === undefined) errors.sessionsPlanned = [v.wholeNumber];
  if (sessionsAttended === undefined) errors.sessionsAttended = [v.wholeNumber];
  if (Object.keys(errors).length || !form.method) return { ok: false, errors };

  return {
    ok: true,
    input: {
      matchId,
      ...(form.dueId ? { dueId: form.dueId } : {}),
      contactedOn: form.contactedOn,
      method: form.method,
      counterparts: form.counterparts,
      sessionsPlanned: sessionsPlanned ?? null,
      sessionsAttended: sessionsAttended ?? null,
      participationLevel: form.participationLevel || null,
      ...changeFields(form.change),
      relationshipStability: form.relationshipStability || null,
      hostFeedback: form.hostFeedback.trim(),
      hostGuidance: form.hostGuidance.trim(),
      nextDueOn: form.nextDueOn || null,
    },
  };
}

export interface OutcomeFormState {
  change: ChangeState;
  relationshipStability: RelationshipStability | "";
  participationLevel: ParticipationLevel | "";
}

export const initialOutcomeForm = (): OutcomeFormState => ({
  change: emptyChange(),
  relationshipStability: "",
  participationLevel: "",
});

/** The final observation for 定着・終結; method and counterpart are the server's own defaults (面接, 本人). */
export function toOutcomeInput(form: OutcomeFormState): Result<OutcomeObservationInput> {
  const errors: FieldErrorMap = {};
  if (form.change.observed === null) errors["outcome.changeObserved"] = [v.chooseChange];
  if (!form.relationshipStability) errors["outcome.relationshipStability"] = [v.chooseStability];
  if (!form.change.narrative.trim()) errors["outcome.narrative"] = [v.enterNarrative];
  if (Object.keys(errors).length || !form.relationshipStability) return { ok: false, errors };
  return {
    ok: true,
    input: {
      method: "INTERVIEW",
      counterparts: ["PERSON"],
      ...changeFields(form.change),
      relationshipStability: form.relationshipStability,
      participationLevel: form.participationLevel || null,
    },
  };
}
