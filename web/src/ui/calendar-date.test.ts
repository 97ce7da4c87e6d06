import { describe, expect, it } from "vitest";
import { addDaysIso, daysBetweenIso, endOfWeekIso, todayIso } from "./calendar-date";

describe("calendar dates (JST)", () => {
  it("takes today's date in JST, whatever the device's zone", () => {
    expect(todayIso(new Date("2026-11-21T15:00:00Z"))).toBe("2026-11-22"); // 00:00 JST
    expect(todayIso(new Date("2026-11-21T14:59:59Z"))).toBe("2026-11-21");
  });

  it("adds and counts days across months and years", () => {
    expect(addDaysIso("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDaysIso("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetweenIso("2026-11-03", "2026-11-22")).toBe(19);
    expect(daysBetweenIso("2026-11-22", "2026-11-20")).toBe(-2);
  });

  it("ends the week on Sunday (weeks run Monday to Sunday)", () => {
    expect(endOfWeekIso("2026-11-16")).toBe("2026-11-22"); // Monday
    expect(endOfWeekIso("2026-11-21")).toBe("2026-11-22"); // Saturday
    expect(endOfWeekIso("2026-11-22")).toBe("2026-11-22"); // Sunday
  });
});
