import type { OutcomesQuery } from "../../gql/graphql";
import { reportMessages as m } from "../../messages";

export type OutcomeSummaryData = OutcomesQuery["outcomeSummary"];

type FigureKey = keyof typeof m.figures;

export type Figure =
  | { key: FigureKey; label: string; definition: string; kind: "count"; value: number }
  | { key: FigureKey; label: string; definition: string; kind: "ratio"; numerator: number; denominator: number; rate: number | null };

const count = (key: FigureKey, value: number): Figure => ({ key, ...m.figures[key], kind: "count", value });
const ratio = (key: FigureKey, r: { numerator: number; denominator: number; rate: number | null }): Figure => ({
  key, ...m.figures[key], kind: "ratio", numerator: r.numerator, denominator: r.denominator, rate: r.rate,
});

/** The headline figures in reading order: counts first, then the rates with their numerator and denominator. */
export function outcomeFigures(s: OutcomeSummaryData): Figure[] {
  return [
    count("matchingCount", s.matchingCount),
    count("startedCount", s.startedCount),
    count("reopenedCount", s.reopenedCount),
    ratio("settlingRate3Months", s.settlingRate3Months),
    ratio("settlingRate6Months", s.settlingRate6Months),
    ratio("changeRate", s.changeRate),
    ratio("onTimeRate", s.followUps.onTimeRate),
    ratio("consentRate", s.consentRate),
  ];
}

/** Follow-up counts, in the order the table and the chart show them. */
export function followUpCounts(s: OutcomeSummaryData): { key: keyof typeof m.followUps; label: string; value: number }[] {
  const f = s.followUps;
  // 期日到来 is the sum of the four parts after it (the server counts them so).
  return (["dueCount", "onTimeCount", "lateCount", "overdueCount", "dueTodayCount"] as const).map((key) => ({
    key, label: m.followUps[key], value: f[key],
  }));
}

/** A month's counts; null for a month not reached yet, which has nothing to count (not zero). */
export interface MonthCounts {
  month: string;
  matchingCount: number | null;
  startedCount: number | null;
}

/**
 * The monthly rows with the months after this one (in JST: `today` is a todayIso() date) left empty. The server
 * sends null for a month not reached yet; a server that sends 0 for them is read the same way, by the date.
 */
export function monthlyCounts(s: { monthly: readonly MonthCounts[] }, today: string): MonthCounts[] {
  const thisMonth = today.slice(0, 7);
  return s.monthly.map((row) => {
    const reached = row.month <= thisMonth;
    return {
      month: row.month,
      matchingCount: reached ? row.matchingCount : null,
      startedCount: reached ? row.startedCount : null,
    };
  });
}

/** The 年度 a page may show: this one and a few back (the API takes 2000–2100; older figures are rarely asked for). */
export function fiscalYearOptions(current: number, back = 4): number[] {
  return Array.from({ length: back + 1 }, (_, i) => current - i);
}

/** `?fy=2025` when it is one of the options, else the current 年度. */
export function fiscalYearFromParam(param: string | null, options: readonly number[]): number {
  const year = Number(param);
  return options.includes(year) ? year : options[0];
}
