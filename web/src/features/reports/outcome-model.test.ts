import { describe, expect, it } from "vitest";
import { today } from "@tsunagu/calendar";
import { monthlyCounts } from "./outcome-model";

const year = (values: (number | null)[]) => ({
  monthly: values.map((v, i) => {
    const m = (3 + i) % 12 + 1;
    return { month: `${m >= 4 ? 2026 : 2027}-${String(m).padStart(2, "0")}`, matchingCount: v, startedCount: v };
  }),
});

describe("月別の件数", () => {
  it("counts the months up to this one (in JST) and leaves the later ones empty, even when the server sent 0", () => {
    const rows = monthlyCounts(year([3, 2, 1, 4, 2, 1, 3, 2, 0, 0, 0, 0]), "2026-11-22");
    expect(rows.map((r) => r.matchingCount)).toEqual([3, 2, 1, 4, 2, 1, 3, 2, null, null, null, null]);
    expect(rows.map((r) => r.startedCount)).toEqual([3, 2, 1, 4, 2, 1, 3, 2, null, null, null, null]);
    expect(rows.map((r) => r.month).slice(7, 9)).toEqual(["2026-11", "2026-12"]);
  });

  it("starts a month at midnight JST, not UTC", () => {
    // 2026-11-30 15:00 UTC is 12月1日 0:00 in Japan: December has begun, and its 0 is a real zero.
    const rows = monthlyCounts(year([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]), today(new Date("2026-11-30T15:00:00Z")));
    expect(rows[8]).toEqual({ month: "2026-12", matchingCount: 0, startedCount: 0 });
    expect(rows[9].matchingCount).toBeNull();
  });

  it("leaves a month the server sent as null empty, whatever the date", () => {
    const rows = monthlyCounts(year([1, null, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]), "2027-04-10");
    expect(rows.map((r) => r.matchingCount)).toEqual([1, null, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
