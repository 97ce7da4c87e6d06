import {
  BUNYA,
  JIGYO_LABELS,
  computedKind,
  indicatorById,
  type BreakdownRow,
  type Bunya,
  type IndicatorDefinition,
  type Jigyo,
} from "./indicator-catalog.js";
import { plannedPersons, supportedPersons } from "./indicator-measures.js";
import type { IndicatorRecords } from "./indicator-records.js";

/*
 * 実施状況報告 for a 年度, computed from plain data only (the service loads it). For the 年度 and the three before it,
 * each indicator's target, actual and 達成率; the 年度's bucket; the bucket tables by 事業 and by 分野 (as 高松市's
 * report counts them); the 参加支援 funnel; breakdowns; the narratives.
 *
 * 達成率 = actual ÷ target × 100, rounded to one decimal (63 / 220 → 28.6). None (null) without a target, with a target
 * of 0, or without an actual. The bucket is read from the rounded rate, the figure the reader sees (99.96 → 100.0 →
 * 100%以上).
 */

export const BUCKETS = ["100%以上", "75%以上", "50%以上", "25%以上", "0%超", "0%"] as const;
export type Bucket = (typeof BUCKETS)[number];

export const YEARS_SHOWN = 4;

export interface TargetValue {
  indicatorId: string;
  fiscalYear: number;
  value: number;
}
export type EnteredValue = TargetValue;

export interface Narrative {
  jigyo: Jigyo;
  achievementEvaluation: string;
  issuesAndDirection: string;
}

export interface YearFigures {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  rate: number | null;
}

export interface IndicatorRow {
  indicatorId: string;
  name: string;
  unit: string;
  jigyo: Jigyo;
  bunya: readonly Bunya[];
  definition: string;
  entered: boolean;
  /** Oldest first; the last one is the report's 年度. */
  years: YearFigures[];
  rate: number | null;
  bucket: Bucket | null;
  breakdown: BreakdownRow[];
}

export interface BucketTableRow {
  key: string;
  label: string;
  /** Indicators with a 達成率 (those without a target are in `noTarget`). */
  total: number;
  counts: Record<Bucket, number>;
  noTarget: number;
}

export interface Funnel {
  intakes: number;
  consents: number;
  supportedPersons: number;
  carriedOverPersons: number;
  planPersons: number;
  newPlanPersons: number;
  replanPersons: number;
  cooperationOrganizations: number;
  matchings: number;
}

export interface EvaluationReport {
  fiscalYear: number;
  years: number[];
  rows: IndicatorRow[];
  byJigyo: BucketTableRow[];
  byBunya: BucketTableRow[];
  funnel: Funnel;
  narratives: Narrative[];
}

export interface ReportInput {
  fiscalYear: number;
  catalog: readonly IndicatorDefinition[];
  records: IndicatorRecords;
  targets: readonly TargetValue[];
  enteredValues: readonly EnteredValue[];
  narratives: readonly Narrative[];
}

export function achievementRate(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return Math.round((actual / target) * 1000) / 10;
}

export function bucketOf(rate: number | null): Bucket | null {
  if (rate === null) return null;
  if (rate >= 100) return "100%以上";
  if (rate >= 75) return "75%以上";
  if (rate >= 50) return "50%以上";
  if (rate >= 25) return "25%以上";
  if (rate > 0) return "0%超";
  return "0%";
}

const emptyCounts = (): Record<Bucket, number> =>
  Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;

function bucketTable(
  rows: readonly IndicatorRow[],
  groups: { key: string; label: string; has: (r: IndicatorRow) => boolean }[],
) {
  const table = groups.map(({ key, label, has }) => {
    const row: BucketTableRow = { key, label, total: 0, counts: emptyCounts(), noTarget: 0 };
    for (const r of rows.filter(has)) {
      if (r.bucket === null) row.noTarget++;
      else {
        row.total++;
        row.counts[r.bucket]++;
      }
    }
    return row;
  });
  const sum: BucketTableRow = { key: "TOTAL", label: "合計", total: 0, counts: emptyCounts(), noTarget: 0 };
  // The total counts each indicator once, even one tagged with two 分野.
  for (const r of rows) {
    if (r.bucket === null) sum.noTarget++;
    else {
      sum.total++;
      sum.counts[r.bucket]++;
    }
  }
  return [...table, sum];
}

const valueOf = (values: readonly TargetValue[], indicatorId: string, fiscalYear: number) =>
  values.find((v) => v.indicatorId === indicatorId && v.fiscalYear === fiscalYear)?.value ?? null;

export function buildEvaluationReport(input: ReportInput): EvaluationReport {
  const { fiscalYear, records } = input;
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => fiscalYear - (YEARS_SHOWN - 1) + i);
  const rows: IndicatorRow[] = input.catalog.map((d) => {
    const computed = computedKind(d);
    const yearFigures = years.map((y): YearFigures => {
      const target = valueOf(input.targets, d.id, y);
      const actual = computed ? computed.computed(records, y) : valueOf(input.enteredValues, d.id, y);
      return { fiscalYear: y, target, actual, rate: achievementRate(actual, target) };
    });
    const rate = yearFigures[yearFigures.length - 1].rate;
    return {
      indicatorId: d.id,
      name: d.name,
      unit: d.unit,
      jigyo: d.jigyo,
      bunya: d.bunya,
      definition: d.definition,
      entered: computed === null,
      years: yearFigures,
      rate,
      bucket: bucketOf(rate),
      breakdown: computed?.breakdown?.(records, fiscalYear) ?? [],
    };
  });
  const jigyos = [...new Set(input.catalog.map((d) => d.jigyo))].sort();
  const bunyas = BUNYA.filter((b) => input.catalog.some((d) => d.bunya.includes(b)));
  // The funnel reads the standard catalog's definitions whatever catalog the rows come from.
  const standard = (id: string) => computedKind(indicatorById(id)!)?.computed(records, fiscalYear) ?? 0;
  const planned = plannedPersons(records, fiscalYear);
  const supported = supportedPersons(records, fiscalYear);
  return {
    fiscalYear,
    years,
    rows,
    byJigyo: bucketTable(
      rows,
      jigyos.map((j) => ({ key: String(j), label: JIGYO_LABELS[j], has: (r) => r.jigyo === j })),
    ),
    byBunya: bucketTable(
      rows,
      bunyas.map((b) => ({ key: b, label: b, has: (r) => r.bunya.includes(b) })),
    ),
    funnel: {
      intakes: standard("consultation-intakes"),
      consents: standard("consents"),
      supportedPersons: supported.total,
      carriedOverPersons: supported.carriedOver,
      planPersons: planned.total,
      newPlanPersons: planned.fresh,
      replanPersons: planned.replan,
      cooperationOrganizations: standard("cooperation-organizations"),
      matchings: standard("matchings"),
    },
    narratives: [...input.narratives].sort((a, b) => a.jigyo - b.jigyo),
  };
}
