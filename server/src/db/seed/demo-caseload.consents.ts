/**
 * 同意 and 支援プラン of each consented person, dated around their matches: a referral consent covers every host
 * before it is contacted; plans are re-planned at 定着, after a 中断, before a restart or a second match, and at
 * the half-yearly review.
 */
import { addDays, addMonths, daysBetween } from "@tsunagu/calendar";
import { MatchStage } from "../../matching/match.enums.js";
import { FINAL_STAGES, isReopening, transitionRule } from "../../matching/match.stages.js";
import { ConsentFact, ConsentMethod, ConsentPurpose } from "../../people/consent.enums.js";
import { SupportPlanStatus, SupportPlanVersion } from "../../people/person.enums.js";
import { archetype } from "./demo-caseload.archetypes.js";
import { CONSENT_NOTES, REPLAN_GOALS, WITHDRAWAL_REASONS } from "./demo-caseload.text.js";
import type { DemoConsent, DemoMatch, DemoPerson, DemoSupportPlan } from "./demo-caseload.types.js";
import type { Rng } from "./rng.js";

const S = MatchStage;

export interface PersonHistoryOptions {
  /** the referral consent expired while a match waited (see scenario OH1) */
  expiredReferral: boolean;
  /** withdraw the referral consent(s) on this day */
  withdrawReferralOn: string | null;
}

/** Valid on `on`: given, not yet expired and not yet withdrawn (the history as it was that day). */
export function consentCoversOn(c: DemoConsent, organizationKey: string, on: string): boolean {
  return (
    c.purpose === ConsentPurpose.HOST_REFERRAL &&
    (c.organizationKey === null || c.organizationKey === organizationKey) &&
    c.givenOn <= on &&
    (c.expiresOn === null || c.expiresOn >= on) &&
    (c.withdrawnOn === null || c.withdrawnOn > on)
  );
}

/** Moves that send the person's facts to the host (and so need a referral consent). */
export const hostConsentMoves = (m: DemoMatch) =>
  m.transitions.filter((t) => t.fromStage !== null && transitionRule(t.fromStage, t.toStage).hostConsentRequired);

const clampDate = (d: string, lo: string, hi: string) => (d < lo ? lo : d > hi ? hi : d);

function between(rng: Rng, lo: string, hi: string): string {
  return hi <= lo ? lo : addDays(lo, rng.int(0, daysBetween(lo, hi)));
}

function facts(rng: Rng): ConsentFact[] {
  const chosen = new Set<ConsentFact>([ConsentFact.AGE_BAND, ConsentFact.AREA, ConsentFact.NEEDS]);
  const maybe: [ConsentFact, number][] = [
    [ConsentFact.DISPLAY_NAME, 0.7],
    [ConsentFact.WISHES_AND_STRENGTHS, 0.6],
    [ConsentFact.CONTACT, 0.4],
    [ConsentFact.PARTICIPATION_LEVEL, 0.5],
    [ConsentFact.HOUSEHOLD_CIRCUMSTANCES, 0.2],
  ];
  for (const [f, p] of maybe) if (rng.chance(p)) chosen.add(f);
  return Object.values(ConsentFact).filter((f) => chosen.has(f));
}

export function buildConsents(
  rng: Rng,
  today: string,
  p: DemoPerson,
  ms: readonly DemoMatch[],
  opts: PersonHistoryOptions,
  nextKey: () => string,
): { consents: DemoConsent[]; firstConsentOn: string } {
  const firstCreated = ms.reduce<string | null>(
    (min, m) => (min === null || m.createdOn < min ? m.createdOn : min),
    null,
  );
  const upper = opts.expiredReferral
    ? addDays(today, -377)
    : firstCreated
      ? addDays(firstCreated, -1)
      : clampDate(addDays(p.registeredOn, 45), p.registeredOn, today);
  const consentOn = between(rng, clampDate(addDays(p.registeredOn, 2), p.registeredOn, upper), upper);
  const base = { personKey: p.key, recordedBy: p.coordinator, withdrawnOn: null, withdrawalReason: null };
  const guardian = archetype(p.archetype).ages[1] < 18;
  const consents: DemoConsent[] = [
    {
      ...base,
      key: nextKey(),
      purpose: ConsentPurpose.INFORMATION_SHARING,
      organizationKey: null,
      facts: [],
      method: guardian
        ? ConsentMethod.GUARDIAN
        : rng.pickWeighted([
            [ConsentMethod.APPLICATION_FORM, 50],
            [ConsentMethod.WRITTEN, 35],
            [ConsentMethod.VERBAL, 15],
          ]),
      givenOn: consentOn,
      expiresOn: null,
      note: rng.pick(CONSENT_NOTES.info),
    },
  ];
  const moves = ms
    .flatMap((m) => hostConsentMoves(m).map((t) => ({ org: m.organizationKey, on: t.effectiveOn })))
    .sort((a, b) => a.on.localeCompare(b.on));
  if (moves.length || opts.withdrawReferralOn || rng.chance(0.5)) {
    const firstMove = moves[0];
    const anyHost = opts.expiredReferral || !firstMove || rng.chance(0.65);
    // The expired one: valid for a year, ran out twelve days ago (the match was put on hold after that).
    const givenOn = opts.expiredReferral
      ? addDays(today, -377)
      : rng.chance(0.6) || !firstMove
        ? consentOn
        : between(rng, consentOn, addDays(firstMove.on, -1));
    const expiresOn = opts.expiredReferral
      ? addDays(today, -12)
      : rng.chance(0.2) && addDays(addMonths(givenOn, 24), -1) > today
        ? addDays(addMonths(givenOn, 24), -1)
        : null;
    consents.push({
      ...base,
      key: nextKey(),
      purpose: ConsentPurpose.HOST_REFERRAL,
      organizationKey: anyHost ? null : firstMove.org,
      facts: facts(rng),
      method: guardian
        ? ConsentMethod.GUARDIAN
        : rng.pickWeighted([
            [ConsentMethod.WRITTEN, 70],
            [ConsentMethod.VERBAL, 30],
          ]),
      givenOn,
      expiresOn,
      note: rng.pick(anyHost ? CONSENT_NOTES.anyHost : CONSENT_NOTES.oneHost),
    });
  }
  // Every later host must be covered on the day it is contacted: a consent naming it, given a few days before.
  for (const move of moves) {
    if (consents.some((c) => consentCoversOn(c, move.org, move.on))) continue;
    consents.push({
      ...base,
      key: nextKey(),
      purpose: ConsentPurpose.HOST_REFERRAL,
      organizationKey: move.org,
      facts: facts(rng),
      method: ConsentMethod.WRITTEN,
      givenOn: clampDate(addDays(move.on, -rng.int(1, 5)), consentOn, move.on),
      expiresOn: null,
      note: rng.pick(CONSENT_NOTES.oneHost),
    });
  }
  if (opts.withdrawReferralOn) {
    for (const c of consents) {
      if (c.purpose !== ConsentPurpose.HOST_REFERRAL || c.givenOn >= opts.withdrawReferralOn) continue;
      c.withdrawnOn = opts.withdrawReferralOn;
      c.withdrawalReason = rng.pick(WITHDRAWAL_REASONS);
    }
  }
  return { consents, firstConsentOn: consentOn };
}

const EARLY = new Set<MatchStage>([S.CANDIDATE, S.HOST_COORDINATION, S.PROPOSED, S.VISIT_TRIAL, S.ON_HOLD]);

type ReplanKind = keyof typeof REPLAN_GOALS;

/** Plans for a consented person: none, one in draft, or 新規 followed by 再プラン at the events of their matches. */
export function buildPlans(
  rng: Rng,
  today: string,
  p: DemoPerson,
  ms: readonly DemoMatch[],
  consentOn: string,
  nextKey: () => string,
): DemoSupportPlan[] {
  const beyondCandidate = ms.some((m) => m.transitions.length > 1 && m.stage !== S.NOT_A_FIT);
  // People still in assessment mostly have no plan yet; everyone past 候補 has one.
  if (!beyondCandidate && (ms.length || !rng.chance(0.25))) return [];
  const a = archetype(p.archetype);
  const firstMove = ms
    .flatMap(hostConsentMoves)
    .map((t) => t.effectiveOn)
    .sort()[0];
  let newOn = addDays(consentOn, rng.int(3, 12));
  if (firstMove && newOn >= firstMove) newOn = clampDate(addDays(firstMove, -1), consentOn, firstMove);
  const plan = (
    version: SupportPlanVersion,
    agreedOn: string | null,
    goals: string[],
    createdFloor: string,
  ): DemoSupportPlan => ({
    key: nextKey(),
    personKey: p.key,
    planVersion: version,
    goals,
    agreedOn,
    reviewOn: agreedOn && addMonths(agreedOn, 6),
    status: SupportPlanStatus.AGREED,
    createdBy: p.coordinator,
    createdOn: clampDate(addDays(agreedOn ?? today, -rng.int(2, 10)), createdFloor, agreedOn ?? today),
  });
  // Drafted while the first host is being approached; agreed once the person is about to take part.
  const early =
    ms.length > 0 && ms.every((m) => EARLY.has(m.stage)) && !!firstMove && daysBetween(firstMove, today) < 75;
  if (early || newOn > today || (!ms.length && daysBetween(p.registeredOn, today) < 40)) {
    return [
      {
        ...plan(SupportPlanVersion.NEW, null, rng.sample(a.goals, 2), consentOn),
        status: SupportPlanStatus.DRAFT,
        reviewOn: null,
      },
    ];
  }

  const events: [string, ReplanKind][] = [];
  const sorted = [...ms].sort((x, y) => x.createdOn.localeCompare(y.createdOn));
  sorted.forEach((m, i) => {
    for (const t of m.transitions) {
      if (t.toStage === S.STABLE) events.push([addDays(t.effectiveOn, rng.int(0, 5)), "stable"]);
      if (t.toStage === S.SUSPENDED) events.push([addDays(t.effectiveOn, rng.int(5, 14)), "suspended"]);
      if (t.fromStage && isReopening(t.fromStage, t.toStage))
        events.push([addDays(t.effectiveOn, -rng.int(2, 6)), "restart"]);
    }
    // After a 辞退 or 不成立 the plan is revisited to look for the next place.
    const later = sorted[i + 1];
    const ending = m.transitions.at(-1)!;
    if (FINAL_STAGES.has(m.stage) && m.stage !== S.CLOSED && m.stage !== S.POST_CLOSURE && m.transitions.length > 2) {
      events.push([later ? later.createdOn : addDays(ending.effectiveOn, rng.int(7, 14)), "next"]);
    }
  });
  events.sort((x, y) => x[0].localeCompare(y[0]));

  const plans = [plan(SupportPlanVersion.NEW, newOn, rng.sample(a.goals, 2), consentOn)];
  const closedOn = ms.every((m) => FINAL_STAGES.has(m.stage))
    ? ms
        .map((m) => m.closedOn)
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)
    : undefined;
  const limit = closedOn ?? today;
  const replan = (on: string, kind: ReplanKind) =>
    plans.push(
      plan(SupportPlanVersion.REPLAN, on, [rng.pick(REPLAN_GOALS[kind]), rng.pick(a.goals)], plans.at(-1)!.agreedOn!),
    );
  const reviewsUntil = (until: string) => {
    // A plan not revisited for six months is reviewed (and re-planned) at its review date.
    for (
      let due = addMonths(plans.at(-1)!.agreedOn!, 6);
      addDays(due, 20) < until;
      due = addMonths(plans.at(-1)!.agreedOn!, 6)
    ) {
      replan(addDays(due, rng.int(0, 10)), "review");
    }
  };
  for (const [on, kind] of events) {
    if (on > limit || on <= plans.at(-1)!.agreedOn!) continue;
    reviewsUntil(on);
    if (on > plans.at(-1)!.agreedOn!) replan(on, kind);
  }
  reviewsUntil(limit);

  for (const pl of plans.slice(0, -1)) pl.status = SupportPlanStatus.CLOSED;
  const last = plans.at(-1)!;
  if (closedOn) last.status = SupportPlanStatus.CLOSED;
  else if (last.reviewOn && last.reviewOn < today) last.status = SupportPlanStatus.UNDER_REVIEW;
  return plans;
}

/** The plan in force when the match left 候補 (or was created): the latest one agreed by then. */
export function planFor(m: DemoMatch, plans: readonly DemoSupportPlan[]): string | null {
  const on = m.transitions[1]?.effectiveOn ?? m.createdOn;
  const agreed = plans.filter((pl) => pl.agreedOn !== null && pl.agreedOn <= on);
  return agreed.at(-1)?.key ?? null;
}
