import { describe, expect, it } from "vitest";
import { splitDues, withinDaysForThisWeek } from "./today-model";

const due = (id: string, state: string, dueOn: string) => ({ id, state, due: { dueOn } });

describe("今日・今週", () => {
  it("asks for the rest of the week, Monday to Sunday", () => {
    expect(withinDaysForThisWeek("2026-11-16")).toBe(6); // Monday
    expect(withinDaysForThisWeek("2026-11-20")).toBe(2); // Friday
    expect(withinDaysForThisWeek("2026-11-22")).toBe(0); // Sunday
  });

  it("splits by the server's state, and keeps 今週 to this Sunday", () => {
    const dues = [
      due("a", "OVERDUE", "2026-11-10"),
      due("b", "DUE_TODAY", "2026-11-20"),
      due("c", "UPCOMING", "2026-11-22"),
      due("d", "UPCOMING", "2026-11-23"),
    ];
    const sections = splitDues(dues, "2026-11-20");
    expect(sections.overdue.map((d) => d.id)).toEqual(["a"]);
    expect(sections.today.map((d) => d.id)).toEqual(["b"]);
    expect(sections.thisWeek.map((d) => d.id)).toEqual(["c"]);
  });
});
