// Test data only (imported by *.test.ts[x], never by the app).
import type { OutcomeSummaryData } from "./outcome-model";

const ratio = (numerator: number, denominator: number) => ({
  numerator, denominator, rate: denominator ? numerator / denominator : null,
});

export const summary2026: OutcomeSummaryData = {
  fiscalYear: 2026,
  asOf: "2026-11-22",
  periodStart: "2026-04-01",
  periodEnd: "2027-03-31",
  matchingCount: 18,
  startedCount: 11,
  reopenedCount: 1,
  settlingRate3Months: ratio(2, 3),
  settlingRate6Months: ratio(0, 0),
  changeRate: ratio(5, 8),
  consentRate: ratio(21, 20),
  followUps: {
    dueCount: 41,
    onTimeCount: 30,
    lateCount: 6,
    overdueCount: 4,
    dueTodayCount: 1,
    onTimeRate: ratio(30, 38),
  },
  // April–March; the months after 集計日 are zero, as the server sent them before it sent null for them.
  monthly: [3, 2, 1, 4, 2, 1, 3, 2, 0, 0, 0, 0].map((matchingCount, i) => {
    const m = (3 + i) % 12 + 1;
    return {
      month: `${m >= 4 ? 2026 : 2027}-${String(m).padStart(2, "0")}`,
      matchingCount,
      startedCount: [2, 1, 1, 2, 1, 1, 2, 1, 0, 0, 0, 0][i],
    };
  }),
};
