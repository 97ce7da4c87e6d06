/**
 * What follows a start: the planned follow-ups (from the municipality's schedule, as the app plans them), their
 * outcome (done on time, late, still open, or cancelled by a 中断 / 終結), and the weekly attendance at the host.
 */
import { addDays, daysBetween } from "@tsunagu/calendar";
import { FollowUpDueStatus, FollowUpKind } from "../../followups/followup.enums.js";
import {
  participationSchedule,
  postClosureSchedule,
  type FollowUpRules,
  type PlannedFollowUp,
} from "../../followups/followup.schedule.js";
import { DEFAULT_OFFICE_DAYS, nextOpenDay, onOpenDays } from "../../followups/office-days.js";
import { MatchStage } from "../../matching/match.enums.js";
import { WEEKDAYS_IN_ORDER, Weekday } from "../../schedules/schedule.value.js";
import type { Scenario } from "./demo-caseload.scenarios.js";
import type {
  CatalogResource,
  DemoAttendance,
  DemoFollowUpDue,
  DemoMatch,
  DemoPerson,
  DemoUserKey,
} from "./demo-caseload.types.js";
import type { Rng } from "./rng.js";

const S = MatchStage;

export interface FollowUpContext {
  rng: Rng;
  today: string;
  rules: FollowUpRules;
  graceDays: number;
  hostOrganizationKey: string;
  employerOrganizationKey: string | null;
}

/** A stretch of participation: from a (re)start to the 中断 or 終結 that ended it, or still running (end null). */
export interface Interval {
  start: string;
  end: string | null;
}

export function participationIntervals(m: Pick<DemoMatch, "transitions">): Interval[] {
  const out: Interval[] = [];
  for (const t of m.transitions) {
    const open = out.at(-1)?.end === null;
    if (t.toStage === S.ACTIVE_FOLLOW_UP && !open) out.push({ start: t.effectiveOn, end: null });
    if ((t.toStage === S.SUSPENDED || t.toStage === S.CLOSED) && open) out.at(-1)!.end = t.effectiveOn;
  }
  return out;
}

/** A planned follow-up with where it came from: which schedule (start index, or "post") and its place in it. */
export interface DueDraft extends DemoFollowUpDue {
  source: number | "post" | "adhoc";
  index: number;
}

/** When a planned follow-up was done: around its day, or late; never before the previous one of its schedule. */
function doneOn(
  ctx: FollowUpContext,
  planned: PlannedFollowUp,
  late: boolean,
  cap: string,
  after: string | null,
): string | null {
  const { rng, today } = ctx;
  const delay = late ? rng.int(ctx.graceDays + 2, ctx.graceDays + 14) : rng.int(-2, 4);
  let on = addDays(planned.dueOn, delay);
  // One contact completes one planned follow-up, the oldest open one first (FollowUpService.record).
  if (after !== null && on <= after) on = addDays(after, 1);
  if (on > cap) on = cap;
  if (on > today) {
    // Due a few days ago and not done yet: still open (not overdue). Longer ago: done today.
    if (daysBetween(planned.dueOn, today) <= 4) return null;
    on = today;
  }
  return on;
}

/** Planned follow-ups of a match, with their states as of today. Records are linked later (demo-caseload.records.ts). */
export function buildDues(ctx: FollowUpContext, m: DemoMatch, s: Scenario): DueDraft[] {
  const { today, rules, rng } = ctx;
  const dues: DueDraft[] = [];
  participationIntervals(m).forEach((iv, i) => {
    let lastDone: string | null = null;
    // Planned as the app plans them (FollowUpPlanner): on the office's open days, the seeded settings' defaults.
    onOpenDays(participationSchedule(iv.start, rules), DEFAULT_OFFICE_DAYS).forEach((planned, j) => {
      const base = {
        matchKey: m.key,
        kind: planned.kind,
        dueOn: planned.dueOn,
        recordKey: null,
        createdOn: iv.start,
        source: i,
        index: j,
      };
      if (iv.end !== null && planned.dueOn > iv.end) {
        dues.push({ ...base, status: FollowUpDueStatus.CANCELLED, doneOn: null });
        return;
      }
      const keepOpen = planned.dueOn > today || (i === 0 && (s.overdue ?? []).includes(j));
      const late = (i === 0 && (s.late ?? []).includes(j)) || rng.chance(0.1);
      const done = keepOpen ? null : doneOn(ctx, planned, late, iv.end ?? today, lastDone);
      lastDone = done ?? lastDone;
      dues.push({ ...base, status: done ? FollowUpDueStatus.DONE : FollowUpDueStatus.PLANNED, doneOn: done });
    });
  });
  // After a 中断 the coordinator keeps in touch: the call at the suspension sets a next contact (次回予定).
  for (const t of m.transitions.filter((x) => x.toStage === S.SUSPENDED)) {
    const planned = {
      kind: FollowUpKind.AD_HOC,
      dueOn: nextOpenDay(addDays(t.effectiveOn, rng.int(21, 35)), DEFAULT_OFFICE_DAYS),
    };
    const restart = m.transitions.find((x) => x.effectiveOn > t.effectiveOn && x.toStage === S.ACTIVE_FOLLOW_UP);
    if (restart && planned.dueOn >= restart.effectiveOn) continue;
    const done = planned.dueOn > today ? null : doneOn(ctx, planned, false, today, t.effectiveOn);
    dues.push({
      matchKey: m.key,
      ...planned,
      recordKey: null,
      createdOn: t.effectiveOn,
      source: "adhoc",
      index: 0,
      status: done ? FollowUpDueStatus.DONE : FollowUpDueStatus.PLANNED,
      doneOn: done,
    });
  }
  if (m.closedOn) {
    const firstContact = m.transitions.find((t) => t.toStage === S.POST_CLOSURE)?.effectiveOn ?? null;
    onOpenDays(postClosureSchedule(m.closedOn, rules), DEFAULT_OFFICE_DAYS).forEach((planned, j) => {
      const base = {
        matchKey: m.key,
        kind: planned.kind,
        dueOn: planned.dueOn,
        recordKey: null,
        createdOn: m.closedOn!,
        source: "post" as const,
        index: j,
      };
      // Still 終結 (not yet 終結後フォロー): no post-closure contact has happened.
      let done: string | null = null;
      if (firstContact && j === 0) done = firstContact;
      else if (firstContact && planned.dueOn <= today)
        done = doneOn(ctx, planned, rng.chance(0.15), today, firstContact);
      dues.push({ ...base, status: done ? FollowUpDueStatus.DONE : FollowUpDueStatus.PLANNED, doneOn: done });
    });
  }
  return dues;
}

const recorderOf = (ctx: FollowUpContext, m: DemoMatch): DemoUserKey =>
  m.organizationKey === ctx.hostOrganizationKey
    ? "host"
    : m.organizationKey === ctx.employerOrganizationKey
      ? "host2"
      : m.coordinator;

const weekdayOf = (date: string): Weekday => WEEKDAYS_IN_ORDER[new Date(`${date}T00:00:00Z`).getUTCDay()];

const ABSENCE_NOTES = ["連絡あり欠席", "体調不良のため欠席", "通院のため欠席", "", ""];

/** Weekly sessions on one of the listing's days while the person takes part; attendance firms up over the weeks. */
export function buildAttendance(
  ctx: FollowUpContext,
  m: DemoMatch,
  r: CatalogResource,
  p: DemoPerson,
): DemoAttendance[] {
  const { rng, today } = ctx;
  const days = r.weekdays.length ? r.weekdays : p.needs.weekdays.length ? p.needs.weekdays : [Weekday.WED];
  const day = rng.pick(days);
  const recordedBy = recorderOf(ctx, m);
  const rows: DemoAttendance[] = [];
  for (const iv of participationIntervals(m)) {
    const last = iv.end ? addDays(iv.end, -1) : today;
    let on = iv.start;
    while (weekdayOf(on) !== day) on = addDays(on, 1);
    for (; on <= last; on = addDays(on, 7)) {
      const weeks = daysBetween(m.firstStartedOn!, on) / 7;
      // Before a 中断 attendance thins out; otherwise it steadies as the person settles in.
      const fading =
        iv.end !== null &&
        m.transitions.some((t) => t.toStage === S.SUSPENDED && t.effectiveOn === iv.end) &&
        daysBetween(on, iv.end) < 28;
      const attended = rng.chance(fading ? 0.35 : Math.min(0.92, 0.68 + 0.02 * weeks));
      const first = rows.length === 0;
      rows.push({
        matchKey: m.key,
        sessionOn: on,
        attended,
        recordedBy,
        note: attended ? (first ? "初参加。緊張していたが最後まで参加" : "") : rng.pick(ABSENCE_NOTES),
      });
    }
  }
  return rows;
}
