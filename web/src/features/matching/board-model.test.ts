import { describe, expect, it } from "vitest";
import { ENDED_STAGES, OPEN_STAGES, daysInStage, groupByStage, isInProgress, nextFollowUp } from "./board-model";

describe("match board layout", () => {
  it("places each of the 13 stages exactly once", () => {
    const all = [...OPEN_STAGES, ...ENDED_STAGES];
    expect(all).toHaveLength(13);
    expect(new Set(all).size).toBe(13);
  });

  it("groups by current stage, keeping order and showing a match once even when two lists hold it", () => {
    const a = { id: "a", stage: "CANDIDATE" as const };
    const b = { id: "b", stage: "NOT_A_FIT" as const };
    const c = { id: "c", stage: "CANDIDATE" as const };
    const groups = groupByStage([[a, b, c], [b]]);
    expect(groups.get("CANDIDATE")).toEqual([a, c]);
    expect(groups.get("NOT_A_FIT")).toEqual([b]);
  });

  it("counts days since the last move into the current stage", () => {
    const match = {
      stage: "ACTIVE_FOLLOW_UP" as const,
      history: [
        { toStage: "CANDIDATE" as const, effectiveOn: "2026-09-01" },
        { toStage: "ACTIVE_FOLLOW_UP" as const, effectiveOn: "2026-10-01" },
        { toStage: "SUSPENDED" as const, effectiveOn: "2026-10-20" },
        { toStage: "ACTIVE_FOLLOW_UP" as const, effectiveOn: "2026-11-02" },
      ],
    };
    expect(daysInStage(match, "2026-11-22")).toBe(20);
    expect(daysInStage({ stage: "STABLE", history: [] }, "2026-11-22")).toBeNull();
  });

  it("finds the earliest planned follow-up and how late it is", () => {
    const dues = [
      { id: "d1", dueOn: "2026-11-03", status: "DONE" },
      { id: "d3", dueOn: "2026-12-01", status: "PLANNED" },
      { id: "d2", dueOn: "2026-11-20", status: "PLANNED" },
    ];
    expect(nextFollowUp(dues, "2026-11-22")).toEqual({ dueId: "d2", dueOn: "2026-11-20", overdueDays: 2 });
    expect(nextFollowUp(dues, "2026-11-20")).toEqual({ dueId: "d2", dueOn: "2026-11-20", overdueDays: 0 });
    expect(nextFollowUp([{ id: "x", dueOn: "2026-11-01", status: "CANCELLED" }], "2026-11-22")).toBeNull();
  });

  it("treats declined, not-a-fit and closed matches as finished for suggestions", () => {
    expect(isInProgress("PROPOSED")).toBe(true);
    expect(isInProgress("ON_HOLD")).toBe(true);
    expect(isInProgress("CLOSED")).toBe(false);
    expect(isInProgress("HOST_DECLINED")).toBe(false);
  });
});
