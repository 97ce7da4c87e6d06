import { describe, expect, it } from "vitest";
import { dayOf, daysBetween, fiscalYearOf } from "@tsunagu/calendar";
import { formatCalendarDate, formatDate, formatDateTime, formatFiscalYear, searchMessages as messages } from ".";

describe("messages", () => {
  it("formats dates in JST as 2026年11月22日(日), whatever the device time zone", () => {
    expect(formatDate("2026-11-22T01:00:00+09:00")).toBe("2026年11月22日(日)");
    expect(formatDate("2026-11-21T15:00:00Z")).toBe("2026年11月22日(日)"); // 00:00 JST
    expect(formatDate("2026-11-21T14:59:59Z")).toBe("2026年11月21日(土)");
    expect(formatCalendarDate("2026-11-22")).toBe("2026年11月22日(日)");
    expect(formatDateTime("2026-11-22T01:05:00Z")).toBe("2026年11月22日(日) 10:05");
  });

  it("counts calendar days in JST", () => {
    const days = (from: string, to: string) => daysBetween(dayOf(from), dayOf(to));
    expect(days("2026-11-21T23:30:00+09:00", "2026-11-22T00:10:00+09:00")).toBe(1);
    expect(days("2026-11-22T00:10:00+09:00", "2026-11-22T23:50:00+09:00")).toBe(0);
    expect(days("2026-05-26T12:00:00+09:00", "2026-11-22T12:00:00+09:00")).toBe(180);
  });

  it("formats money and counts", () => {
    expect(messages.card.costPerSession(1500)).toBe("1回 1,500円");
    expect(messages.totalCount(1234)).toBe("全 1,234 件");
  });
});

describe("fiscal years", () => {
  it("runs April to March and reads as 2026年度", () => {
    expect(fiscalYearOf(dayOf("2027-03-31T12:00:00+09:00"))).toBe(2026);
    expect(fiscalYearOf(dayOf("2027-04-01T00:00:00+09:00"))).toBe(2027);
    expect(formatFiscalYear(2026)).toBe("2026年度");
  });
});
