import { addMonths, fiscalYearRange, inRange } from "@tsunagu/calendar";
import { FINAL_STAGES, PARTICIPATING } from "../matching/match.stages.js";
import { SupportPlanVersion } from "../people/person.enums.js";
import {
  LONGEST_SETTLING_MONTHS,
  computeOutcomes,
  matchTimeline,
  type OutcomeFigures,
  type RatioFigures,
} from "../reports/outcome.compute.js";
import { ParticipationRole, ResourceKind, ResourceStatus } from "../resources/resource.enums.js";
import { listingStateOn, type IndicatorRecords, type ListingState, type MatchFact } from "./indicator-records.js";

/*
 * The measures the catalog's definitions are made of. Where outcome.compute.ts already defines a figure (マッチング件数,
 * 参加開始数, 定着率, 変化が見られた人の割合, 同意者数, フォローアップ), it is read from computeOutcomes over the same records,
 * never re-implemented: a subset (就労支援) is computeOutcomes over that subset's matches. The breakdowns of マッチング件数
 * by 種類・地区・対象 read each match's first 本人へ提案 once (firstProposedOn), checked against computeOutcomes.
 */

export type Period = { start: string; end: string };

/**
 * 就労支援: the matched listing is of an employment kind (受け入れ企業・就労準備・就労体験・在宅ワーク・シルバー人材), or offers
 * a 就労体験 role whatever its kind (a 地活 or a farm taking someone for a work trial). A volunteer or productive-activity
 * role alone is not employment support.
 */
export const EMPLOYMENT_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.EMPLOYMENT_HOST,
  ResourceKind.SHURO_JUNBI,
  ResourceKind.SHURO_TAIKEN,
  ResourceKind.HOME_BASED_WORK,
  ResourceKind.SILVER_JINZAI,
]);
export const isEmploymentSupport = (m: Pick<MatchFact, "resourceKind" | "rolesOffered">): boolean =>
  EMPLOYMENT_KINDS.has(m.resourceKind) || m.rolesOffered.includes(ParticipationRole.WORK_TRIAL);

/** 通いの場 in the 介護予防 sense (住民主体の通いの場・サロン・介護予防の自主グループ・健康体操). */
export const KAYOI_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.KAYOI_NO_BA,
  ResourceKind.SALON,
  ResourceKind.KAIGO_YOBO_GROUP,
  ResourceKind.HEALTH_EXERCISE,
]);
/** 集いの場・居場所 (あきる野市の指標): 通いの場 plus the places anyone may drop in to. */
export const IBASHO_KINDS: ReadonlySet<ResourceKind> = new Set([
  ...KAYOI_KINDS,
  ResourceKind.IBASHO,
  ResourceKind.COMMUNITY_CAFE,
  ResourceKind.KOSODATE_HIROBA,
  ResourceKind.KODOMO_SHOKUDO,
  ResourceKind.SELF_HELP_GROUP,
]);

const memo = new WeakMap<IndicatorRecords, Map<string, OutcomeFigures>>();

/** computeOutcomes for the 年度 over all of `records`. */
export function outcomes(records: IndicatorRecords, fiscalYear: number): OutcomeFigures {
  return memoised(records, `${fiscalYear}|all`, () =>
    computeOutcomes({
      fiscalYear,
      today: records.asOf,
      graceDays: records.graceDays,
      matches: countableMatches(records, fiscalYear).map(plainMatch),
      records: records.followUps.changes.map((c) => ({ ...c, changeObserved: true })),
      dues: records.dues,
      persons: records.persons,
      firstConsentOn: records.consents,
    }),
  );
}

/** The figures of a subset of matches (named by `key` for the memo) that depend on the matches alone. */
export type MatchFigures = Pick<OutcomeFigures, "matchingCount" | "startedCount" | "reopenedCount">;

/**
 * computeOutcomes over the matches `only` keeps (就労支援, one kind, one 地区): only its match figures are read, so
 * follow-ups, dues and persons are left out (they would cost a pass over every follow-up per subset).
 */
export function matchOutcomes(
  records: IndicatorRecords,
  fiscalYear: number,
  key: string,
  only: (m: MatchFact) => boolean,
): MatchFigures {
  return memoised(records, `${fiscalYear}|${key}`, () =>
    computeOutcomes({
      fiscalYear,
      today: records.asOf,
      graceDays: records.graceDays,
      matches: records.matches.filter(only).map(plainMatch),
      records: [],
      dues: [],
      persons: [],
      firstConsentOn: [],
    }),
  );
}

/** The matches that can change a figure of the 年度 (canCount). */
function countableMatches(records: IndicatorRecords, fiscalYear: number): MatchFact[] {
  const from = addMonths(fy(fiscalYear).start, -LONGEST_SETTLING_MONTHS);
  return records.matches.filter((m) => canCount(m, from));
}

/**
 * Whether a match can change a figure of the 年度, as OutcomeService loads them: it moved on or after the day a
 * 定着 mark in the year could have started from (LONGEST_SETTLING_MONTHS before the year), or it was taking part on
 * that day. Any other match ended (or stood still outside participation) before anything the year counts.
 */
function canCount(m: MatchFact, from: string): boolean {
  const { ordered } = matchTimeline(m.transitions);
  const last = ordered[ordered.length - 1];
  if (!last) return false;
  if (last.effectiveOn >= from) return true;
  return PARTICIPATING.has(last.toStage);
}

/**
 * The day each match first entered 本人へ提案 (what マッチング件数 counts in outcome.compute.ts), once per records: the
 * breakdowns count matchings per 種類・地区・対象 from it in one pass. indicator-catalog.unit.test.ts checks that the
 * breakdown by 種類 adds up to computeOutcomes' マッチング件数.
 */
const proposedMemo = new WeakMap<IndicatorRecords, Map<string, string | null>>();
export function firstProposedOn(records: IndicatorRecords, m: MatchFact): string | null {
  let byMatch = proposedMemo.get(records);
  if (!byMatch) {
    byMatch = new Map(records.matches.map((x) => [x.id, matchTimeline(x.transitions).firstProposedOn]));
    proposedMemo.set(records, byMatch);
  }
  return byMatch.get(m.id) ?? null;
}

const plainMatch = (m: MatchFact) => ({ id: m.id, personId: m.personId, transitions: m.transitions });

function memoised(records: IndicatorRecords, key: string, compute: () => OutcomeFigures): OutcomeFigures {
  let byKey = memo.get(records);
  if (!byKey) memo.set(records, (byKey = new Map()));
  let figures = byKey.get(key);
  if (!figures) byKey.set(key, (figures = compute()));
  return figures;
}

/** A ratio as a percentage rounded to one decimal; null when nothing is in the denominator. */
export const percent = (r: RatioFigures): number | null => (r.rate === null ? null : Math.round(r.rate * 1000) / 10);

const PERIODS = new Map<number, Period>();
/** The 年度's first and last day, made once per 年度 (every figure asks, for each record it looks at). */
export function fy(fiscalYear: number): Period {
  let period = PERIODS.get(fiscalYear);
  if (!period) PERIODS.set(fiscalYear, (period = fiscalYearRange(fiscalYear)));
  return period;
}

/**
 * 支援プラン策定人数: persons with at least one plan agreed (agreedOn) in the 年度 (実人数). A person counts as 新規 when one
 * of those plans is 新規, otherwise as 再プラン, so 新規 + 再プラン = 策定人数.
 */
export function plannedPersons(records: IndicatorRecords, fiscalYear: number) {
  const period = fy(fiscalYear);
  const byPerson = new Map<string, boolean>();
  for (const p of records.plans) {
    if (!inRange(p.agreedOn, period)) continue;
    byPerson.set(p.personId, (byPerson.get(p.personId) ?? false) || p.planVersion === SupportPlanVersion.NEW);
  }
  const all = [...byPerson.values()];
  return { total: all.length, fresh: all.filter((n) => n).length, replan: all.filter((n) => !n).length };
}

/** The days a match was open (first move up to the move into a final stage, that day excluded unless it is the first). */
function openIntervals(m: MatchFact): { from: string; until: string | null }[] {
  const out: { from: string; until: string | null }[] = [];
  let open: string | null = null;
  for (const t of matchTimeline(m.transitions).ordered) {
    if (FINAL_STAGES.has(t.toStage)) {
      if (open !== null) out.push({ from: open, until: t.effectiveOn });
      open = null;
    } else {
      open ??= t.effectiveOn;
    }
  }
  if (open !== null) out.push({ from: open, until: null });
  return out;
}

const overlaps = (from: string, until: string | null, period: Period, asOf: string) =>
  from <= period.end &&
  from <= asOf &&
  (until === null || until > period.start || (until === from && from >= period.start));

/**
 * 支援人数 (実人数, 繰越を含む): persons with, on at least one day of the 年度 (up to the 集計日), a plan in force (agreed on
 * or before that day and not closed before it) or a match open (entered, and not yet in 終結・辞退・不成立). Carried over:
 * those of them whose plan or match began before the 年度.
 */
export function supportedPersons(records: IndicatorRecords, fiscalYear: number) {
  const period = fy(fiscalYear);
  const supported = new Set<string>();
  const carried = new Set<string>();
  const note = (personId: string, from: string) => {
    supported.add(personId);
    if (from < period.start) carried.add(personId);
  };
  for (const p of records.plans) {
    if (p.agreedOn === null) continue;
    if (overlaps(p.agreedOn, p.closedOn, period, records.asOf)) note(p.personId, p.agreedOn);
  }
  for (const m of records.matches) {
    for (const iv of openIntervals(m)) if (overlaps(iv.from, iv.until, period, records.asOf)) note(m.personId, iv.from);
  }
  return { total: supported.size, carriedOver: carried.size, fresh: supported.size - carried.size };
}

/** Per person, the matches open on at least one day of the 年度 (up to the 集計日), as 支援人数 reads them. */
export function openMatchesByPerson(records: IndicatorRecords, fiscalYear: number): Map<string, Set<string>> {
  const period = fy(fiscalYear);
  const byPerson = new Map<string, Set<string>>();
  for (const m of records.matches) {
    if (!openIntervals(m).some((iv) => overlaps(iv.from, iv.until, period, records.asOf))) continue;
    const set = byPerson.get(m.personId) ?? new Set<string>();
    set.add(m.id);
    byPerson.set(m.personId, set);
  }
  return byPerson;
}

/** The day a match first entered 参加開始 (as outcome.compute.ts's 参加開始数 reads it), or null. */
export const firstStartedOn = (m: MatchFact): string | null => matchTimeline(m.transitions).firstStartedOn;

/** The listings in the catalog on the 年度's last day (or its latest state when the 年度 has not ended): not 終了. */
export function listingsAtYearEnd(records: IndicatorRecords, fiscalYear: number): ListingState[] {
  const day = fy(fiscalYear).end;
  return records.listings
    .map((l) => listingStateOn(l, day))
    .filter((s): s is ListingState => s !== null && s.status !== ResourceStatus.ENDED);
}

/** Counts per key (each item counting `weight`, 1 by default), sorted by key (a stable order for tables and tests). */
export function countBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
  weight: (item: T) => number = () => 1,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of keys(item)) counts.set(k, (counts.get(k) ?? 0) + weight(item));
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const CITYWIDE_KEY = "CITYWIDE";
export const areaKeys = (areaIds: readonly string[]) => (areaIds.length ? areaIds : [CITYWIDE_KEY]);
