import type { BreakdownAxis, EvaluationReportQuery } from "../../gql/graphql";
import {
  CONTACT_METHOD_LABELS,
  RESOURCE_KIND_LABELS,
  SUPPORT_PLAN_VERSION_LABELS,
  TARGET_GROUP_LABELS,
  evaluationMessages as m,
} from "../../messages";

export type Report = EvaluationReportQuery["evaluationReport"];
export type ReportRow = Report["rows"][number];
export type Narrative = Report["narratives"][number];

/** A row with its № (its place in the report, counted across the 事業 as the seed's report numbers them). */
export interface NumberedRow {
  number: number;
  row: ReportRow;
}

export const JIGYO = [1, 2, 3, 4, 5] as const;

/** One section per 事業 (第1号〜第5号), in catalog order, each indicator numbered across the whole report. */
export function sectionsOf(report: Report): { jigyo: number; rows: NumberedRow[]; narrative: Narrative | null }[] {
  const numbered = report.rows.map((row, i) => ({ number: i + 1, row }));
  return JIGYO.map((jigyo) => ({
    jigyo,
    rows: numbered.filter((n) => n.row.jigyo === jigyo),
    narrative: report.narratives.find((n) => n.jigyo === jigyo) ?? null,
  }));
}

/** The report's 年度 choices: this one and five back (the seeds report four 年度 at a time). */
export function reportYearOptions(current: number): number[] {
  return Array.from({ length: 6 }, (_, i) => current - i);
}

/** Targets are set before a 年度 begins too: next 年度 first, then this one and five back. */
export function targetYearOptions(current: number): number[] {
  return [current + 1, ...reportYearOptions(current)];
}

/** `?fy=2025` when it is one of the options; else `fallback` (this 年度). */
export function yearFromParam(param: string | null, options: readonly number[], fallback: number): number {
  const year = Number(param);
  return options.includes(year) ? year : fallback;
}

const SHARED_LABELS: Record<string, string> = {
  ...RESOURCE_KIND_LABELS,
  ...TARGET_GROUP_LABELS,
  ...CONTACT_METHOD_LABELS,
  ...SUPPORT_PLAN_VERSION_LABELS,
};

/**
 * The words for a breakdown key: an area's name for AREA (全市・地区なし for CITYWIDE), else the label of the code
 * (the server sends codes; the client owns the labels). An unknown code is shown as it is rather than hidden.
 */
export function breakdownLabel(axis: BreakdownAxis, key: string, areaNames: ReadonlyMap<string, string>): string {
  if (axis === "AREA") return key === "CITYWIDE" ? m.breakdowns.citywide : (areaNames.get(key) ?? key);
  // A listing's target group (ELDERLY = 高齢者) before an intake's 分野 (ALL, POVERTY …), which has its own codes.
  if (axis === "TARGET_GROUP" && key in TARGET_GROUP_LABELS) return SHARED_LABELS[key];
  return m.codes[key] ?? SHARED_LABELS[key] ?? key;
}

export interface BreakdownLine {
  indicatorId: string;
  indicator: string;
  unit: string;
  key: string;
  label: string;
  value: number;
}

export const AXES: readonly BreakdownAxis[] = ["AREA", "TARGET_GROUP", "KIND", "METHOD"];

/** The breakdowns of the report's 年度, one table per axis: every indicator that has one, its keys by size. */
export function breakdownTables(
  rows: readonly ReportRow[],
  areaNames: ReadonlyMap<string, string>,
): { axis: BreakdownAxis; lines: BreakdownLine[] }[] {
  return AXES.map((axis) => ({
    axis,
    lines: rows.flatMap((row) =>
      row.breakdown
        .filter((b) => b.axis === axis)
        .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key))
        .map((b) => ({
          indicatorId: row.indicatorId,
          indicator: row.name,
          unit: row.unit,
          key: b.key,
          label: breakdownLabel(axis, b.key, areaNames),
          value: b.value,
        })),
    ),
  })).filter((t) => t.lines.length > 0);
}

/** What a number box holds: empty, a number ≥ 0, or not a number (the server checks the range and says so). */
export function parseAmount(text: string): { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid" } {
  const trimmed = text.trim().replace(/,/g, "");
  if (!trimmed) return { kind: "empty" };
  // Full-width digits typed with the Japanese IME are read as digits.
  const ascii = trimmed.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const value = Number(ascii);
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

/** The scale of one indicator's chart: the largest target or actual of its four 年度 (1 when all are empty or 0). */
export function chartMax(years: readonly { target: number | null; actual: number | null }[]): number {
  return Math.max(1, ...years.flatMap((y) => [y.target ?? 0, y.actual ?? 0]));
}

/**
 * Whether the viewer may set targets, entered actuals and narratives. The report carries no `viewerCan`, so this
 * mirrors the server's rule (indicator.policy.ts: administrators write); the server still refuses anyone else.
 */
export const canWriteEvaluation = (role: string | null | undefined): boolean => role === "ADMIN";
