import { describe, expect, it } from "vitest";
import {
  initialFollowUpForm,
  initialOutcomeForm,
  toOutcomeInput,
  toRecordFollowUpInput,
  type FollowUpFormState,
} from "./follow-up-input";

const filled = (patch: Partial<FollowUpFormState> = {}): FollowUpFormState => ({
  ...initialFollowUpForm("2026-11-22"),
  method: "VISIT",
  change: { observed: false, type: null, categories: [], narrative: "" },
  ...patch,
});

describe("follow-up form → RecordFollowUpInput", () => {
  it("starts on today, with 本人 as the counterpart and nothing else chosen", () => {
    const form = initialFollowUpForm("2026-11-22", "due-1");
    expect(form).toMatchObject({ contactedOn: "2026-11-22", dueId: "due-1", method: null, counterparts: ["PERSON"] });
    expect(form.change.observed).toBeNull();
  });

  it("asks for the choices the API cannot do without, keyed like the server's field messages", () => {
    const result = toRecordFollowUpInput("m-1", {
      ...initialFollowUpForm(""),
      counterparts: [],
      sessionsAttended: "2.5",
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        contactedOn: ["日付を入力してください"],
        method: ["方法を選んでください"],
        counterparts: ["相手を1つ以上選んでください"],
        changeObserved: ["変化の有無を選んでください"],
        sessionsAttended: ["回数は0以上の整数で入力してください"],
      },
    });
  });

  it("maps every field, trimming text and sending blanks as null", () => {
    const result = toRecordFollowUpInput(
      "m-1",
      filled({
        dueId: "due-1",
        counterparts: ["PERSON", "HOST"],
        sessionsPlanned: "4",
        sessionsAttended: " 3 ",
        participationLevel: "REGULAR",
        change: { observed: true, type: "BEHAVIOUR", categories: ["TRAVELS_ALONE"], narrative: "  一人で来られた  " },
        relationshipStability: "PARTLY",
        hostFeedback: " 笑顔が増えた ",
        hostGuidance: "",
        nextDueOn: "2026-12-20",
      }),
    );
    expect(result).toEqual({
      ok: true,
      input: {
        matchId: "m-1",
        dueId: "due-1",
        contactedOn: "2026-11-22",
        method: "VISIT",
        counterparts: ["PERSON", "HOST"],
        sessionsPlanned: 4,
        sessionsAttended: 3,
        participationLevel: "REGULAR",
        changeObserved: true,
        changeType: "BEHAVIOUR",
        changeCategories: ["TRAVELS_ALONE"],
        narrative: "一人で来られた",
        relationshipStability: "PARTLY",
        hostFeedback: "笑顔が増えた",
        hostGuidance: "",
        nextDueOn: "2026-12-20",
      },
    });
  });

  it("leaves the planned visit to the server when none is chosen, and drops change details when there was no change", () => {
    const result = toRecordFollowUpInput(
      "m-1",
      filled({
        change: { observed: false, type: "FEELING", categories: ["OTHER"], narrative: "" },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).not.toHaveProperty("dueId");
    expect(result.input).toMatchObject({
      changeObserved: false,
      changeType: null,
      changeCategories: [],
      sessionsPlanned: null,
      sessionsAttended: null,
      participationLevel: null,
      relationshipStability: null,
      nextDueOn: null,
    });
  });
});

describe("outcome observation (定着・終結)", () => {
  it("needs the change, the relationship and a narrative", () => {
    expect(toOutcomeInput(initialOutcomeForm())).toEqual({
      ok: false,
      errors: {
        "outcome.changeObserved": ["変化の有無を選んでください"],
        "outcome.relationshipStability": ["本人と受け入れ先の関係性を選んでください"],
        "outcome.narrative": ["評価の内容を入力してください"],
      },
    });
  });

  it("keeps the server's defaults for method and counterpart", () => {
    const result = toOutcomeInput({
      change: { observed: true, type: "BOTH", categories: ["WANTS_TO_CONTINUE"], narrative: " 毎週通えている " },
      relationshipStability: "STABLE",
      participationLevel: "",
    });
    expect(result).toEqual({
      ok: true,
      input: {
        method: "INTERVIEW",
        counterparts: ["PERSON"],
        changeObserved: true,
        changeType: "BOTH",
        changeCategories: ["WANTS_TO_CONTINUE"],
        narrative: "毎週通えている",
        relationshipStability: "STABLE",
        participationLevel: null,
      },
    });
  });
});
