import { describe, expect, it } from "vitest";
import { addDays, fiscalYearOf, fiscalYearRange } from "@tsunagu/calendar";
import { FollowUpDueStatus, RelationshipStability } from "../../followups/followup.enums.js";
import { ResourceGapStatus } from "../../gaps/resource-gap.entity.js";
import { DEFAULT_OFFICE_DAYS, isOpenDay } from "../../followups/office-days.js";
import { MatchStage } from "../../matching/match.enums.js";
import { transitionRule } from "../../matching/match.stages.js";
import { ConsentPurpose } from "../../people/consent.enums.js";
import { hasHostConsent } from "../../people/consent.policy.js";
import { PARTICIPATION_LEVELS_IN_ORDER, PersonTrack, SupportPlanVersion } from "../../people/person.enums.js";
import { ResourceKind, ResourceStatus } from "../../resources/resource.enums.js";
import { scheduleWeekdays } from "../../schedules/schedule.js";
import { generateDemoCity, generateResources, HOST_ORG_KEY, insideBbox } from "./demo-city.js";
import { archetype } from "./demo-caseload.archetypes.js";
import { consentCoversOn } from "./demo-caseload.consents.js";
import { participationIntervals } from "./demo-caseload.followups.js";
import { fits } from "./demo-caseload.matches.js";
import { participantsIn } from "./demo-caseload.records.js";
import { generateDemoCaseload } from "./demo-caseload.js";
import type { CatalogResource, DemoCaseload } from "./demo-caseload.types.js";

const TODAY = "2026-11-22";
const city = generateDemoCity();
const catalog: CatalogResource[] = [...generateResources(city, 320)]
  .map((r, i) => ({ ...r, i }))
  .filter((r) => r.status === ResourceStatus.ACTIVE)
  .map((r) => ({
    key: `r${r.i}`,
    name: r.name,
    kind: r.kind,
    targetGroups: r.targetGroups,
    organizationKey: r.organizationKey,
    weekdays: scheduleWeekdays(r.schedule),
    homeBased: r.homeBased,
  }));
const generate = (today = TODAY, seed?: number) =>
  generateDemoCaseload({
    today,
    catalog,
    hostOrganizationKey: HOST_ORG_KEY,
    employerOrganizationKey: "co-hotel",
    seed,
  });
const c = generate();
const weekAfter = addDays(TODAY, 6);

/** The figures the outcome report computes, for one fiscal year (clipped to today). */
function figures(cl: DemoCaseload, year: number, today = TODAY) {
  const { start, end: fyEnd } = fiscalYearRange(year);
  const end = fyEnd < today ? fyEnd : today;
  const inFy = (d: string | null) => d !== null && d >= start && d <= end;
  const participants = participantsIn(cl.matches, start, end);
  const changed = new Set(
    cl.records
      .filter((r) => r.changeObserved && inFy(r.contactedOn) && participants.has(r.personKey))
      .map((r) => r.personKey),
  );
  const agreed = cl.plans.filter((p) => inFy(p.agreedOn));
  return {
    proposals: cl.matches
      .flatMap((m) => m.transitions)
      .filter((t) => t.toStage === MatchStage.PROPOSED && inFy(t.effectiveOn)).length,
    starts: cl.matches.filter((m) => inFy(m.firstStartedOn)).length,
    participants: participants.size,
    changedShare: changed.size / participants.size,
    replanShare: agreed.filter((p) => p.planVersion === SupportPlanVersion.REPLAN).length / agreed.length,
  };
}

describe("demo caseload", () => {
  it("is deterministic: same input, same data; another seed, other data", () => {
    expect(generate()).toEqual(c);
    expect(generate(TODAY, 7).persons.map((p) => p.displayName)).not.toEqual(c.persons.map((p) => p.displayName));
  });

  it.each([TODAY, "2027-02-10", "2026-08-03"])(
    "has every stage and legal, consistent histories (today %s)",
    (today) => {
      const cl = today === TODAY ? c : generate(today);
      expect(new Set(cl.matches.map((m) => m.stage))).toEqual(new Set(Object.values(MatchStage)));
      for (const m of cl.matches) {
        const [first, ...rest] = m.transitions;
        expect(first).toMatchObject({ fromStage: null, toStage: MatchStage.CANDIDATE, effectiveOn: m.createdOn });
        let heldFrom: MatchStage | null = null;
        let prev = first;
        for (const t of rest) {
          expect(t.fromStage, m.key).toBe(prev.toStage);
          const rule = transitionRule(t.fromStage!, t.toStage, heldFrom);
          expect(rule.allowed, `${m.key}: ${t.fromStage} → ${t.toStage}`).toBe(true);
          if (rule.reasonRequired) expect(t.reason).not.toBe("");
          expect(t.effectiveOn >= prev.effectiveOn && t.effectiveOn <= today, m.key).toBe(true);
          heldFrom = t.toStage === MatchStage.ON_HOLD ? t.fromStage : null;
          prev = t;
        }
        const starts = m.transitions.filter((t) => t.toStage === MatchStage.ACTIVE_FOLLOW_UP).map((t) => t.effectiveOn);
        expect(m.stage).toBe(prev.toStage);
        expect(m.heldFrom).toBe(m.stage === MatchStage.ON_HOLD ? prev.fromStage : null);
        expect([m.firstStartedOn, m.startedOn, m.reopenCount]).toEqual([
          starts[0] ?? null,
          starts.at(-1) ?? null,
          Math.max(0, starts.length - 1),
        ]);
        expect(m.closedOn).toBe(
          m.transitions.filter((t) => t.toStage === MatchStage.CLOSED).at(-1)?.effectiveOn ?? null,
        );
      }
    },
  );

  it("has a referral consent covering the host on the day of every move that tells the host about the person", () => {
    for (const m of c.matches) {
      const consents = c.consents.filter((x) => x.personKey === m.personKey);
      for (const t of m.transitions.filter(
        (x) => x.fromStage && transitionRule(x.fromStage, x.toStage).hostConsentRequired,
      )) {
        expect(
          consents.some((x) => consentCoversOn(x, m.organizationKey, t.effectiveOn)),
          `${m.key} ${t.toStage}`,
        ).toBe(true);
      }
    }
  });

  it("keeps a valid referral consent for every host that is still working with the person today", () => {
    const live = new Set<MatchStage>([
      MatchStage.HOST_COORDINATION,
      MatchStage.PROPOSED,
      MatchStage.VISIT_TRIAL,
      MatchStage.ACTIVE_FOLLOW_UP,
      MatchStage.STABLE,
      MatchStage.SUSPENDED,
    ]);
    for (const m of c.matches.filter((x) => live.has(x.stage))) {
      const consents = c.consents
        .filter((x) => x.personKey === m.personKey)
        .map((x) => ({
          ...x,
          organizationId: x.organizationKey,
          withdrawnAt: x.withdrawnOn ? new Date(x.withdrawnOn) : null,
        }));
      expect(hasHostConsent(consents, m.organizationKey, TODAY), m.key).toBe(true);
    }
    // The match on hold waits for exactly that: its consent ran out.
    const held = c.matches.find((m) => m.stage === MatchStage.ON_HOLD && m.heldFrom === MatchStage.PROPOSED)!;
    const heldConsents = c.consents
      .filter((x) => x.personKey === held.personKey)
      .map((x) => ({ ...x, organizationId: x.organizationKey, withdrawnAt: null }));
    expect(hasHostConsent(heldConsents, held.organizationKey, TODAY)).toBe(false);
  });

  it("writes an outcome evaluation (関係性: 安定) with every move to 定着 and 終結", () => {
    for (const m of c.matches) {
      for (const t of m.transitions.filter(
        (x) => x.fromStage && transitionRule(x.fromStage, x.toStage).outcomeRequired,
      )) {
        expect(
          c.records.some(
            (r) =>
              r.matchKey === m.key &&
              r.isOutcomeEvaluation &&
              r.contactedOn === t.effectiveOn &&
              r.relationshipStability === RelationshipStability.STABLE,
          ),
          m.key,
        ).toBe(true);
      }
    }
  });

  it("never dates anything that happened after today", () => {
    const happened = [
      ...c.persons.map((p) => p.registeredOn),
      ...c.consents.flatMap((x) => [x.givenOn, x.withdrawnOn]),
      ...c.plans.flatMap((p) => [p.agreedOn, p.createdOn]),
      ...c.matches.flatMap((m) => [m.createdOn, m.hostRespondedOn]),
      ...c.attendance.map((a) => a.sessionOn),
      ...c.records.map((r) => r.contactedOn),
      ...c.dues.flatMap((d) => [d.doneOn, d.createdOn]),
      ...c.gaps.map((g) => g.createdOn),
    ].filter((d): d is string => d !== null);
    expect(happened.filter((d) => d > TODAY)).toEqual([]);
    expect(happened.every((d) => d >= addDays(TODAY, -600))).toBe(true);
  });

  it("has people in the recipe's numbers: ~60, ~8 on the 支援会議 track (coordinator@ only), varied and in the city", () => {
    expect(c.persons.length).toBeGreaterThanOrEqual(55);
    expect(c.persons.length).toBeLessThanOrEqual(65);
    const sm = c.persons.filter((p) => p.inSupportMeeting);
    expect(sm.length).toBeGreaterThanOrEqual(6);
    expect(sm.length).toBeLessThanOrEqual(10);
    for (const p of sm) expect([p.track, p.coordinator]).toEqual([PersonTrack.SUPPORT_MEETING, "coordinator"]);
    expect(c.supportMeetingGroup.members.sort()).toEqual(["admin", "coordinator"]);
    for (const p of c.persons) {
      expect(p.nameKana, p.displayName).toMatch(/^[\u30A0-\u30FF ]+$/u);
      expect(insideBbox(p.homeLat, p.homeLng)).toBe(true);
      expect(["wa-north", "wa-east", "wa-south", "wa-west"]).toContain(p.areaKey);
      // Consented people have an active consent; people on the 支援会議 track have none.
      const active = c.consents.some(
        (x) => x.personKey === p.key && !x.withdrawnOn && (!x.expiresOn || x.expiresOn >= TODAY),
      );
      expect(active, p.key).toBe(!p.inSupportMeeting);
    }
    expect(new Set(c.persons.map((p) => p.archetype)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(c.persons.map((p) => p.coordinator))).toEqual(new Set(["coordinator", "coordinator2"]));
    expect(c.persons.filter((p) => p.displayName.includes("代")).length).toBeGreaterThan(15);
  });

  it("matches people to listings that fit them, several at host@'s organization", () => {
    const byKey = new Map(catalog.map((r) => [r.key, r]));
    expect(c.matches.length).toBeGreaterThanOrEqual(30);
    expect(c.matches.length).toBeLessThanOrEqual(40);
    for (const m of c.matches) {
      const r = byKey.get(m.resourceKey)!;
      const p = c.persons.find((x) => x.key === m.personKey)!;
      expect(m.organizationKey).toBe(r.organizationKey);
      expect(m.coordinator).toBe(p.coordinator);
      // A next step (CA3) may be a volunteer role outside the person's usual kinds.
      const kinds = [
        ...archetype(p.archetype).kinds,
        ResourceKind.VOLUNTEER,
        ResourceKind.SUPPORTER_ROLE,
        ResourceKind.KYOJO_ACTIVITY,
      ];
      expect(fits(r, archetype(p.archetype), kinds), m.key).toBe(true);
    }
    const atHost = c.matches.filter((m) => m.organizationKey === HOST_ORG_KEY);
    expect(atHost.filter((m) => m.stage === MatchStage.HOST_COORDINATION).length).toBeGreaterThanOrEqual(2);
    expect(atHost.filter((m) => m.stage === MatchStage.ACTIVE_FOLLOW_UP).length).toBeGreaterThanOrEqual(1);
    expect(c.matches.some((m) => m.organizationKey === "co-hotel")).toBe(true);
  });

  it("has consents of every kind, two withdrawals and one that expired", () => {
    expect(new Set(c.consents.map((x) => x.purpose))).toEqual(new Set(Object.values(ConsentPurpose)));
    const referrals = c.consents.filter((x) => x.purpose === ConsentPurpose.HOST_REFERRAL);
    expect(referrals.some((x) => x.organizationKey === null) && referrals.some((x) => x.organizationKey !== null)).toBe(
      true,
    );
    expect(new Set(c.consents.filter((x) => x.withdrawnOn).map((x) => x.personKey)).size).toBe(2);
    expect(c.consents.filter((x) => x.expiresOn && x.expiresOn < TODAY)).toHaveLength(1);
  });

  it("plans: 新規 and 再プラン about half and half", () => {
    const replans = c.plans.filter((p) => p.planVersion === SupportPlanVersion.REPLAN).length;
    expect(replans / c.plans.filter((p) => p.agreedOn).length).toBeGreaterThanOrEqual(0.4);
    expect(replans / c.plans.filter((p) => p.agreedOn).length).toBeLessThanOrEqual(0.6);
    for (const p of c.plans) if (p.agreedOn) expect(p.createdOn <= p.agreedOn).toBe(true);
  });

  it.each([2025, 2026])("gives non-trivial outcome figures for FY%i", (year) => {
    const f = figures(c, year);
    expect(f.participants).toBeGreaterThanOrEqual(10);
    expect(f.participants).toBeLessThanOrEqual(20);
    expect(f.starts).toBeGreaterThanOrEqual(5);
    expect(f.proposals).toBeGreaterThanOrEqual(f.starts);
    expect(f.changedShare).toBeGreaterThanOrEqual(0.6);
    expect(f.changedShare).toBeLessThanOrEqual(0.7);
    expect(f.replanShare).toBeGreaterThanOrEqual(0.3);
    expect(f.replanShare).toBeLessThanOrEqual(0.7);
    expect(fiscalYearOf(TODAY)).toBe(2026);
  });

  it("plans follow-ups: done ones linked to records, some late, some overdue and some due this week for coordinator@", () => {
    const coordinatorOf = new Map(c.matches.map((m) => [m.key, m.coordinator]));
    const records = new Map(c.records.map((r) => [r.key, r]));
    for (const d of c.dues) {
      if (d.status === FollowUpDueStatus.DONE) expect(records.get(d.recordKey!)?.contactedOn).toBe(d.doneOn);
      else expect([d.doneOn, d.recordKey]).toEqual([null, null]);
    }
    const open = c.dues.filter(
      (d) => d.status === FollowUpDueStatus.PLANNED && coordinatorOf.get(d.matchKey) === "coordinator",
    );
    expect(open.filter((d) => d.dueOn < addDays(TODAY, -7)).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((d) => d.dueOn >= TODAY && d.dueOn <= weekAfter).length).toBeGreaterThanOrEqual(2);
    expect(c.dues.filter((d) => d.doneOn && d.doneOn > addDays(d.dueOn, 7)).length).toBeGreaterThanOrEqual(3);
    expect(c.dues.some((d) => d.status === FollowUpDueStatus.CANCELLED)).toBe(true);
  });

  it("plans every follow-up on a day the office is open, as the app plans them (no 土日, 祝日 or 年末年始)", () => {
    const closed = c.dues.filter((d) => !isOpenDay(d.dueOn, DEFAULT_OFFICE_DAYS)).map((d) => d.dueOn);
    expect(closed).toEqual([]);
    expect(c.dues.length).toBeGreaterThan(100);
  });

  it("records attendance only while taking part, and ladder levels that only rise within a match", () => {
    const seen = new Set<string>();
    for (const a of c.attendance) {
      expect(seen.has(`${a.matchKey} ${a.sessionOn}`)).toBe(false);
      seen.add(`${a.matchKey} ${a.sessionOn}`);
      const ivs = participationIntervals(c.matches.find((m) => m.key === a.matchKey)!);
      expect(ivs.some((iv) => a.sessionOn >= iv.start && (iv.end === null || a.sessionOn < iv.end))).toBe(true);
    }
    for (const m of c.matches) {
      const levels = c.records
        .filter((r) => r.matchKey === m.key && r.participationLevel)
        .map((r) => PARTICIPATION_LEVELS_IN_ORDER.indexOf(r.participationLevel!));
      expect(levels, m.key).toEqual([...levels].sort((a, b) => a - b));
    }
    expect(c.records.filter((r) => r.changeObserved).every((r) => r.changeCategories.length > 0 && r.changeType)).toBe(
      true,
    );
  });

  it("still writes legal histories from a tiny catalog without the host's listings", () => {
    const tiny = catalog.filter((r) => r.organizationKey !== HOST_ORG_KEY).slice(0, 3);
    const cl = generateDemoCaseload({ today: TODAY, catalog: tiny, hostOrganizationKey: HOST_ORG_KEY });
    expect(new Set(cl.matches.map((m) => m.stage))).toEqual(new Set(Object.values(MatchStage)));
    for (const m of cl.matches) {
      expect(tiny.some((r) => r.key === m.resourceKey)).toBe(true);
      for (const t of m.transitions.slice(1)) expect(transitionRule(t.fromStage!, t.toStage).allowed).toBe(true);
    }
    expect(() => generateDemoCaseload({ today: TODAY, catalog: [], hostOrganizationKey: HOST_ORG_KEY })).toThrow(
      /catalog/,
    );
  });

  it("raises five resource gaps in different statuses, the resolved one linked to a listing", () => {
    expect(c.gaps).toHaveLength(5);
    expect(new Set(c.gaps.map((g) => g.status)).size).toBe(5);
    expect(c.gaps.find((g) => g.status === ResourceGapStatus.RESOLVED)?.resolvedResourceKey).toBeTruthy();
  });
});
