import { addDays, addMonths, fiscalYearRange, inRange } from "@tsunagu/calendar";
import { FollowUpDueStatus } from "../followups/followup.enums.js";
import { MatchStage } from "../matching/match.enums.js";
import { PARTICIPATING, isReopening } from "../matching/match.stages.js";

/*
 * 年度の成果指標, computed from records only: no I/O here, so every definition below is
 * checked against hand-computed fixtures (outcome.compute.unit.test.ts). Dates are JST "YYYY-MM-DD" strings.
 *
 * 定義 (GraphQL の説明文 outcome.types.ts と同じ):
 * - マッチング件数: 「本人へ提案」(PROPOSED) に初めて入った日が年度内のマッチング。保留→提案も「入った」に数える。
 *   1件のマッチングは最初に提案した年度に1回だけ数える。
 * - 参加開始数: 「参加開始」(ACTIVE_FOLLOW_UP) に初めて入った日が年度内のマッチング。再開は数えない。
 *   再開数: 中断・終結・終結後フォローから参加開始に戻った移行の数 (移行日が年度内)。
 * - N か月定着率: 最初の参加開始日 + N か月 (月末は切り詰め) の「確認日」が年度内かつ今日以前のマッチングが分母。
 *   確認日の終わりの段階が 参加開始・定着 なら定着。終結・終結後フォローは、その終結が「定着」からの終結のとき
 *   だけ定着に数える (中断→終結は定着ではない)。
 * - 行動や気持ちに変化が見られた人の割合: 分母 = 年度内に参加していた日が1日でもある本人 (実人数)。
 *   参加期間 = 参加開始に入った日から、参加開始・定着以外の段階へ移った日の前日まで (開始日は必ず含む; 続いて
 *   いれば今日まで)。分子 = そのうち年度内の記録日で「変化あり」のフォローアップ記録が1件以上ある本人。
 * - フォローアップ: 予定日が年度内かつ今日以前で、取消でない予定が「期日到来」。実施日 ≤ 予定日 + 猶予日数 なら
 *   期限内、それより後 (または実施日の記録なし) は遅れて実施。未実施で予定日を過ぎたもの (予定日 < 今日) が
 *   期限切れ (一覧の「期限切れ」と同じ)、未実施で予定日が今日のものが「今日が予定日」。期日到来 = 期限内 + 遅れて実施
 *   + 期限切れ + 今日が予定日 (この4つで全体になる)。期限内実施率 = 期限内 ÷ 判定済み (実施済み + 猶予を過ぎても未実施):
 *   猶予期間中の未実施はまだ期限内に実施できるので分母に入れない。
 * - 月別: 集計日の月より後の月は null (まだ来ていない月; 0件とは区別する)。
 * - 同意: 新規相談者 = 相談受付日が年度内の本人。同意者 = 最初の同意 (全同意記録の最も早い同意日) が年度内の本人
 *   (後に撤回していても「同意を得た」に数える)。同意率 = 同意者 ÷ 新規相談者 は市の同意率の近似: 3月に受け付けて
 *   4月に同意した人は、分母は前年度・分子は当年度に入るため、年度によっては 100% を超えうる。
 */

/** How far after the first start the 定着 marks fall; the service reads back this far for the cohort. */
export const SETTLING_MONTHS = [3, 6] as const;
export const LONGEST_SETTLING_MONTHS = Math.max(...SETTLING_MONTHS);

export interface TransitionFact {
  fromStage: MatchStage | null;
  toStage: MatchStage;
  effectiveOn: string;
  /** Tie-break for moves on the same day; without it the array order is taken as the order they were recorded. */
  createdAt?: Date;
}

export interface OutcomeInput {
  fiscalYear: number;
  /** 集計日 (JST): marks and due dates after it are not yet due. */
  today: string;
  graceDays: number;
  matches: { id: string; personId: string; transitions: TransitionFact[] }[];
  records: { personId: string; contactedOn: string; changeObserved: boolean }[];
  dues: { dueOn: string; status: FollowUpDueStatus; doneOn: string | null }[];
  persons: { id: string; registeredOn: string }[];
  /** A person's consents (one row each, or one row with the earliest date): the earliest counts. */
  firstConsentOn: { personId: string; givenOn: string }[];
}

export interface RatioFigures {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, unrounded (the UI rounds); null when nothing is in the denominator. */
  rate: number | null;
}

export interface FollowUpFigures {
  dueCount: number;
  onTimeCount: number;
  lateCount: number;
  overdueCount: number;
  /** Not done yet and due today: with the three above, the parts of dueCount. */
  dueTodayCount: number;
  onTimeRate: RatioFigures;
}

/** One month of the fiscal year: the same counts as the year's, by the month their day falls in. */
export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  /** null for a month after the one `today` falls in (not reached yet: nothing to count, not zero). */
  matchingCount: number | null;
  startedCount: number | null;
}

export interface OutcomeFigures {
  fiscalYear: number;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  matchingCount: number;
  startedCount: number;
  reopenedCount: number;
  settlingRate3Months: RatioFigures;
  settlingRate6Months: RatioFigures;
  changeRate: RatioFigures;
  followUps: FollowUpFigures;
  consentRate: RatioFigures;
  monthly: MonthFigures[];
}

type Period = { start: string; end: string };

export const ratio = (numerator: number, denominator: number): RatioFigures =>
  ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

export function computeOutcomes(input: OutcomeInput): OutcomeFigures {
  const fy = fiscalYearRange(input.fiscalYear);
  const timelines = input.matches.map((m) => ({ personId: m.personId, ...matchTimeline(m.transitions) }));

  const settling = (months: number) => {
    let due = 0;
    let settled = 0;
    for (const t of timelines) {
      if (!t.firstStartedOn) continue;
      const mark = settlingMark(t, months);
      if (!inRange(mark, fy) || mark > input.today) continue;
      due++;
      if (settledAt(t.ordered, mark)) settled++;
    }
    return ratio(settled, due);
  };

  const participants = new Set(timelines
    .filter((t) => t.intervals.some((iv) => participatedWithin(iv, fy, input.today)))
    .map((t) => t.personId));
  const changed = new Set(input.records
    .filter((r) => r.changeObserved && inRange(r.contactedOn, fy) && participants.has(r.personId))
    .map((r) => r.personId));

  return {
    fiscalYear: input.fiscalYear,
    periodStart: fy.start,
    periodEnd: fy.end,
    asOf: input.today,
    matchingCount: timelines.filter((t) => inRange(t.firstProposedOn, fy)).length,
    startedCount: timelines.filter((t) => inRange(t.firstStartedOn, fy)).length,
    reopenedCount: timelines.reduce((n, t) => n + t.reopenedOn.filter((d) => inRange(d, fy)).length, 0),
    settlingRate3Months: settling(3),
    settlingRate6Months: settling(6),
    changeRate: ratio(changed.size, participants.size),
    followUps: followUpFigures(input, fy),
    consentRate: consentFigures(input, fy),
    monthly: monthlyFigures(input.fiscalYear, input.today, timelines),
  };
}

/** April to March, always twelve; a month after today's month has null counts (it has not been reached). */
function monthlyFigures(
  fiscalYear: number, today: string, timelines: { firstProposedOn: string | null; firstStartedOn: string | null }[],
): MonthFigures[] {
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = (3 + i) % 12 + 1;
    return `${m >= 4 ? fiscalYear : fiscalYear + 1}-${String(m).padStart(2, "0")}`;
  });
  const thisMonth = today.slice(0, 7);
  const proposed = new Map<string, number>();
  const started = new Map<string, number>();
  const bump = (counts: Map<string, number>, day: string | null) => {
    if (day) counts.set(day.slice(0, 7), (counts.get(day.slice(0, 7)) ?? 0) + 1);
  };
  for (const t of timelines) {
    bump(proposed, t.firstProposedOn);
    bump(started, t.firstStartedOn);
  }
  return months.map((month) => month > thisMonth ? { month, matchingCount: null, startedCount: null } : {
    month,
    matchingCount: proposed.get(month) ?? 0,
    startedCount: started.get(month) ?? 0,
  });
}

/** One participation: from the day it started until the day it moved to a non-participating stage (exclusive). */
interface Interval {
  from: string;
  until: string | null;
}

/**
 * Replays a match's moves in the order they took effect: by effectiveOn, then by when they were recorded (a
 * back-dated move is placed on its day, and two moves on one day keep the order they were made in). The sort is
 * stable, so moves with no recorded time keep the order they were given in.
 */
export function orderTransitions(transitions: TransitionFact[]): TransitionFact[] {
  return [...transitions].sort((a, b) => {
    if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
    return a.createdAt && b.createdAt ? a.createdAt.getTime() - b.createdAt.getTime() : 0;
  });
}

export interface MatchTimeline {
  ordered: TransitionFact[];
  firstProposedOn: string | null;
  firstStartedOn: string | null;
  reopenedOn: string[];
  intervals: Interval[];
  /** 定着 marks already worked out, by months after the first start. */
  marks: Map<number, string>;
}

/**
 * A match's moves replayed once per transitions array: the evaluation report asks for four 年度 and for many subsets
 * of one snapshot's matches. The arrays of a snapshot are never changed after loading; a caller that changed one in
 * place would read the timeline of its old contents.
 */
const TIMELINES = new WeakMap<TransitionFact[], MatchTimeline>();

export function matchTimeline(transitions: TransitionFact[]): MatchTimeline {
  let found = TIMELINES.get(transitions);
  if (!found) TIMELINES.set(transitions, (found = timeline(transitions)));
  return found;
}

function settlingMark(t: MatchTimeline, months: number): string {
  let mark = t.marks.get(months);
  if (mark === undefined) t.marks.set(months, (mark = addMonths(t.firstStartedOn!, months)));
  return mark;
}

function timeline(transitions: TransitionFact[]): MatchTimeline {
  const ordered = orderTransitions(transitions);
  let firstProposedOn: string | null = null;
  let firstStartedOn: string | null = null;
  const reopenedOn: string[] = [];
  const intervals: Interval[] = [];
  let open: string | null = null;
  for (const t of ordered) {
    if (t.toStage === MatchStage.PROPOSED) firstProposedOn ??= t.effectiveOn;
    if (t.toStage === MatchStage.ACTIVE_FOLLOW_UP) firstStartedOn ??= t.effectiveOn;
    if (t.fromStage && isReopening(t.fromStage, t.toStage)) reopenedOn.push(t.effectiveOn);
    if (PARTICIPATING.has(t.toStage)) {
      open ??= t.effectiveOn;
    } else if (open !== null) {
      intervals.push({ from: open, until: t.effectiveOn });
      open = null;
    }
  }
  if (open !== null) intervals.push({ from: open, until: null });
  return { ordered, firstProposedOn, firstStartedOn, reopenedOn, intervals, marks: new Map() };
}

/**
 * 定着 at the end of `mark`: still taking part (参加開始・定着), or ended through 定着 → 終結 (and possibly 終結後フォロー
 * since). A 終結 reached from 中断 is the end of a participation that did not settle.
 */
function settledAt(ordered: TransitionFact[], mark: string): boolean {
  let stage: MatchStage | null = null;
  let closedAfterSettling = false;
  for (const t of ordered) {
    if (t.effectiveOn > mark) break;
    stage = t.toStage;
    if (t.toStage === MatchStage.CLOSED) closedAfterSettling = t.fromStage === MatchStage.STABLE;
  }
  if (stage === null) return false;
  if (PARTICIPATING.has(stage)) return true;
  return (stage === MatchStage.CLOSED || stage === MatchStage.POST_CLOSURE) && closedAfterSettling;
}

/**
 * Whether an interval has a day inside the period. The day it ended is not a participation day (the move happened
 * that day), except when it started and ended on one day; an open interval runs to today, never into the future.
 */
function participatedWithin(iv: Interval, period: Period, today: string): boolean {
  if (iv.from > period.end || iv.from > today) return false;
  const lastDay = iv.until === null ? today : maxDay(iv.from, addDays(iv.until, -1));
  return lastDay >= period.start;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

function followUpFigures(input: OutcomeInput, fy: Period): FollowUpFigures {
  let dueCount = 0;
  let onTimeCount = 0;
  let lateCount = 0;
  let overdueCount = 0;
  let dueTodayCount = 0;
  let missedCount = 0;
  for (const due of input.dues) {
    if (due.status === FollowUpDueStatus.CANCELLED || !inRange(due.dueOn, fy) || due.dueOn > input.today) continue;
    dueCount++;
    const deadline = addDays(due.dueOn, input.graceDays);
    if (due.status === FollowUpDueStatus.DONE) {
      // A DONE without a date cannot be shown to be on time.
      if (due.doneOn !== null && due.doneOn <= deadline) onTimeCount++;
      else lateCount++;
    } else {
      if (due.dueOn < input.today) overdueCount++;
      else dueTodayCount++;
      if (deadline < input.today) missedCount++;
    }
  }
  return { dueCount, onTimeCount, lateCount, overdueCount, dueTodayCount, onTimeRate: ratio(onTimeCount, onTimeCount + lateCount + missedCount) };
}

function consentFigures(input: OutcomeInput, fy: Period): RatioFigures {
  const newPersons = new Set(input.persons.filter((p) => inRange(p.registeredOn, fy)).map((p) => p.id));
  const first = new Map<string, string>();
  for (const c of input.firstConsentOn) {
    const seen = first.get(c.personId);
    if (seen === undefined || c.givenOn < seen) first.set(c.personId, c.givenOn);
  }
  const consented = [...first.values()].filter((on) => inRange(on, fy)).length;
  return ratio(consented, newPersons.size);
}
