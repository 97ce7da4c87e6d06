/**
 * フォローアップ記録 of a match: the trial accompanied, every follow-up done, a call at a 中断, and the outcome
 * evaluation at 定着 and 終結. The ladder level rises with time in the activity; the changes (行動や気持ちの変化)
 * are placed afterwards, per fiscal year, so that about two thirds of the people taking part show one.
 */
import { addDays, daysBetween, fiscalYearOf, fiscalYearRange } from "@tsunagu/calendar";
import {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  FollowUpDueStatus,
  FollowUpKind,
  RelationshipStability,
} from "../../followups/followup.enums.js";
import { MatchStage } from "../../matching/match.enums.js";
import { PARTICIPATION_LEVELS_IN_ORDER, ParticipationLevel } from "../../people/person.enums.js";
import { ResourceKind } from "../../resources/resource.enums.js";
import { participationIntervals, type DueDraft } from "./demo-caseload.followups.js";
import * as T from "./demo-caseload.text.js";
import type { Weighted } from "./rng.js";
import type { CatalogResource, DemoAttendance, DemoFollowUpRecord, DemoMatch } from "./demo-caseload.types.js";
import type { Rng } from "./rng.js";

const S = MatchStage;
const L = ParticipationLevel;
const { PERSON, FAMILY, HOST, OTHER_AGENCY } = Counterpart;

const WORK_KINDS = new Set<ResourceKind>([
  ResourceKind.SHURO_TAIKEN,
  ResourceKind.SHURO_JUNBI,
  ResourceKind.EMPLOYMENT_HOST,
  ResourceKind.HOME_BASED_WORK,
  ResourceKind.SILVER_JINZAI,
]);
const HELPER_KINDS = new Set<ResourceKind>([
  ResourceKind.VOLUNTEER,
  ResourceKind.SUPPORTER_ROLE,
  ResourceKind.KYOJO_ACTIVITY,
  ResourceKind.SERVICE_B,
  ResourceKind.SALON,
  ResourceKind.KAYOI_NO_BA,
  ResourceKind.COMMUNITY_CAFE,
  ResourceKind.KODOMO_SHOKUDO,
]);

const rank = (l: ParticipationLevel) => PARTICIPATION_LEVELS_IN_ORDER.indexOf(l);
const atMost = (l: ParticipationLevel, cap: ParticipationLevel) => (rank(l) <= rank(cap) ? l : cap);

/** The furthest step this match leads to (担い手 at a place with roles, 就労体験 at a work listing). */
function peakLevel(rng: Rng, r: CatalogResource): ParticipationLevel {
  if (WORK_KINDS.has(r.kind)) return rng.chance(0.7) ? L.WORK_TRIAL : L.REGULAR;
  if (HELPER_KINDS.has(r.kind)) return rng.chance(0.6) ? L.HELPER : L.REGULAR;
  return rng.chance(0.2) ? L.HELPER : L.REGULAR;
}

type Event =
  | { type: "trial"; on: string }
  | { type: "due"; on: string; due: DueDraft }
  | { type: "suspension"; on: string }
  | { type: "outcome"; on: string; closing: boolean };

type Contact = [ContactMethod, Counterpart[]];

function contactFor(rng: Rng, e: Event): Contact {
  if (e.type === "trial") return [ContactMethod.ACCOMPANY, [PERSON, HOST]];
  if (e.type === "suspension") return [ContactMethod.PHONE, [rng.pick([PERSON, FAMILY])]];
  if (e.type === "outcome") return [rng.pick([ContactMethod.HOST_SITE_VISIT, ContactMethod.INTERVIEW]), [PERSON, HOST]];
  const options: Record<FollowUpKind, Weighted<Contact>[]> = {
    FIRST_CHECK: [
      [[ContactMethod.HOST_SITE_VISIT, [PERSON, HOST]], 60],
      [[ContactMethod.VISIT, [PERSON]], 25],
      [[ContactMethod.PHONE, [PERSON, FAMILY]], 15],
    ],
    MONTHLY: [
      [[ContactMethod.PHONE, [PERSON]], 35],
      [[ContactMethod.VISIT, [PERSON, FAMILY]], 20],
      [[ContactMethod.HOST_SITE_VISIT, [PERSON, HOST]], 25],
      [[ContactMethod.INTERVIEW, [PERSON]], 15],
      [[ContactMethod.EMAIL, [PERSON]], 5],
    ],
    SETTLING_CHECK: [
      [[ContactMethod.HOST_SITE_VISIT, [PERSON, HOST]], 80],
      [[ContactMethod.INTERVIEW, [PERSON, OTHER_AGENCY]], 20],
    ],
    POST_CLOSURE: [
      [[ContactMethod.PHONE, [PERSON]], 60],
      [[ContactMethod.VISIT, [PERSON]], 30],
      [[ContactMethod.LETTER, [PERSON]], 10],
    ],
    AD_HOC: [
      [[ContactMethod.PHONE, [PERSON]], 60],
      [[ContactMethod.PHONE, [FAMILY]], 40],
    ],
  };
  return rng.pickWeighted(options[e.due.kind]);
}

function narrativeFor(rng: Rng, e: Event): string {
  if (e.type === "trial") return rng.pick(T.TRIAL_NOTES);
  if (e.type === "suspension") return rng.pick(T.SUSPENSION_NOTES);
  if (e.type === "outcome") return rng.pick(e.closing ? T.OUTCOME_NOTES.closed : T.OUTCOME_NOTES.stable);
  const pools: Record<FollowUpKind, readonly string[]> = {
    FIRST_CHECK: T.FIRST_CHECK_NOTES,
    MONTHLY: T.MONTHLY_NOTES,
    SETTLING_CHECK: T.SETTLING_NOTES,
    POST_CLOSURE: T.POST_CLOSURE_NOTES,
    AD_HOC: T.SUSPENDED_CHECK_NOTES,
  };
  return rng.pick(pools[e.due.kind]);
}

/** Records of one match; links each done follow-up to its record. */
export function buildRecords(
  rng: Rng,
  m: DemoMatch,
  r: CatalogResource,
  dues: DueDraft[],
  attendance: readonly DemoAttendance[],
  nextKey: () => string,
): DemoFollowUpRecord[] {
  const events: Event[] = [];
  for (const t of m.transitions) {
    if (t.toStage === S.VISIT_TRIAL) events.push({ type: "trial", on: t.effectiveOn });
    if (t.toStage === S.SUSPENDED) events.push({ type: "suspension", on: t.effectiveOn });
    if (t.toStage === S.STABLE || t.toStage === S.CLOSED)
      events.push({ type: "outcome", on: t.effectiveOn, closing: t.toStage === S.CLOSED });
  }
  for (const due of dues) if (due.status === FollowUpDueStatus.DONE) events.push({ type: "due", on: due.doneOn!, due });
  events.sort((a, b) => a.on.localeCompare(b.on));

  const peak = peakLevel(rng, r);
  let since: string | null = null;
  return events.map((e): DemoFollowUpRecord => {
    const post = e.type === "due" && e.due.kind === FollowUpKind.POST_CLOSURE;
    // A call while 中断 tells how the person is, not where they stand at the host.
    const paused = e.type === "suspension" || (e.type === "due" && e.due.kind === FollowUpKind.AD_HOC);
    const d = m.firstStartedOn ? daysBetween(m.firstStartedOn, e.on) : -1;
    let level: ParticipationLevel | null =
      d < 0 || e.type === "trial" ? L.GOES_OUT : atMost(d < 45 ? L.JOINS_PLACE : d < 120 ? L.REGULAR : peak, peak);
    if (post && r.kind === ResourceKind.EMPLOYMENT_HOST) level = L.EMPLOYED;
    if (paused) level = null;
    const stability =
      e.type === "outcome" || post
        ? RelationshipStability.STABLE
        : e.type === "trial" || paused
          ? null
          : d < 60
            ? RelationshipStability.NOT_YET
            : d < 150
              ? RelationshipStability.PARTLY
              : RelationshipStability.STABLE;
    const [method, counterparts] = contactFor(rng, e);
    const counted = e.type === "outcome" || (e.type === "due" && !post && !paused);
    const sessions = counted
      ? attendance.filter((a) => (since === null || a.sessionOn > since) && a.sessionOn <= e.on)
      : [];
    if (counted) since = e.on;
    const key = nextKey();
    if (e.type === "due") e.due.recordKey = key;
    const withHost = counterparts.includes(HOST);
    return {
      key,
      matchKey: m.key,
      personKey: m.personKey,
      recordedBy: m.coordinator,
      contactedOn: e.on,
      method,
      counterparts,
      sessionsAttended: sessions.length ? sessions.filter((a) => a.attended).length : null,
      sessionsPlanned: sessions.length ? sessions.length : null,
      participationLevel: level,
      changeObserved: false,
      changeType: null,
      changeCategories: [],
      narrative: narrativeFor(rng, e),
      relationshipStability: stability,
      hostFeedback: withHost ? rng.pick(e.type === "trial" ? T.TRIAL_HOST_FEEDBACK : T.HOST_FEEDBACK) : "",
      hostGuidance: withHost && rng.chance(0.35) ? rng.pick(T.HOST_GUIDANCE) : "",
      // Only the call at a 中断 sets a next contact; otherwise the municipal schedule already plans the next visit.
      nextDueOn:
        e.type === "suspension"
          ? (dues.find((d) => d.kind === FollowUpKind.AD_HOC && d.createdOn === e.on)?.dueOn ?? null)
          : null,
      isOutcomeEvaluation: e.type === "outcome",
    };
  });
}

/** Share of the people taking part in a fiscal year who show a change in it (60–70%, the share the demo aims at). */
export const CHANGED_SHARE = 0.65;

const CHANGE_POOL: readonly ChangeCategory[] = [
  ChangeCategory.WANTS_TO_CONTINUE,
  ChangeCategory.TRAVELS_ALONE,
  ChangeCategory.DAILY_RHYTHM,
  ChangeCategory.NEW_RELATIONSHIP,
  ChangeCategory.CONTACTS_AGENCY,
  ChangeCategory.NEW_ACTIVITY,
  ChangeCategory.OTHER,
];

/** People taking part at some time in [start, end]. */
export function participantsIn(matches: readonly DemoMatch[], start: string, end: string): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    // The day a participation ends is not a day of taking part (as in reports/outcome.compute.ts).
    if (
      participationIntervals(m).some(
        (iv) => iv.start <= end && (iv.end === null || iv.end === iv.start || addDays(iv.end, -1) >= start),
      )
    ) {
      out.add(m.personKey);
    }
  }
  return out;
}

/** Marks changes in the previous and the current fiscal year (the outcome figures' two columns). */
export function placeChanges(
  rng: Rng,
  today: string,
  matches: readonly DemoMatch[],
  records: DemoFollowUpRecord[],
): void {
  const started = new Map(matches.map((m) => [m.key, m.firstStartedOn]));
  const fy = fiscalYearOf(today);
  for (const year of [fy - 1, fy]) {
    const { start } = fiscalYearRange(year);
    const end = year === fy ? today : fiscalYearRange(year).end;
    const people = [...participantsIn(matches, start, end)].sort();
    const eligible = (rec: DemoFollowUpRecord) => {
      const from = started.get(rec.matchKey);
      return (
        rec.contactedOn >= start &&
        rec.contactedOn <= end &&
        rec.participationLevel !== null &&
        !!from &&
        rec.contactedOn >= addDays(from, 14) &&
        rec.relationshipStability !== null
      );
    };
    let target = Math.round(people.length * CHANGED_SHARE);
    for (const person of rng.shuffle(people)) {
      if (target === 0) break;
      const options = records.filter((rec) => rec.personKey === person && eligible(rec));
      if (!options.length) continue;
      const rec = rng.pick(options);
      const categories =
        rec.participationLevel === L.HELPER && rng.chance(0.6)
          ? [ChangeCategory.TOOK_HELPER_ROLE]
          : rng.sample(CHANGE_POOL, rng.int(1, 2));
      rec.changeObserved = true;
      rec.changeType = rng.pick([ChangeType.BEHAVIOUR, ChangeType.FEELING, ChangeType.BOTH]);
      rec.changeCategories = categories;
      rec.narrative = `${categories.map((c) => T.CHANGE_NOTES[c]).join("")}${rec.narrative}`;
      target--;
    }
  }
}
