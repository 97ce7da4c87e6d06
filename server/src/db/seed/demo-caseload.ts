/**
 * Deterministic demo caseload for 「みどり野市」: about 60 people, their consents and plans, ~37 matches in every
 * stage with legal dated histories, follow-ups, attendance and a few resource gaps. Same input → identical output;
 * every date is relative to `today`, so the demo looks alive whenever it is seeded.
 *
 *   const caseload = generateDemoCaseload({ today: "2026-11-22", catalog, hostOrganizationKey });
 */
import { addDays, daysBetween } from "@tsunagu/calendar";
import { ResourceGapStatus } from "../../gaps/resource-gap.entity.js";
import { ConsentMethod, ConsentPurpose } from "../../people/consent.enums.js";
import { ParticipationLevel } from "../../people/person.enums.js";
import { TargetGroup as G } from "../../resources/resource.enums.js";
import { ARCHETYPES, archetype } from "./demo-caseload.archetypes.js";
import { buildConsents, buildPlans, planFor } from "./demo-caseload.consents.js";
import { buildAttendance, buildDues, type FollowUpContext } from "./demo-caseload.followups.js";
import { buildMatch, chooseResource, fits, resolveDates, type MatchContext } from "./demo-caseload.matches.js";
import { buildPerson } from "./demo-caseload.people.js";
import { buildRecords, placeChanges } from "./demo-caseload.records.js";
import { EXTRA_SUPPORT_MEETING_PERSONS, SCENARIOS, TOTAL_PERSONS, type Scenario } from "./demo-caseload.scenarios.js";
import {
  DEFAULT_FOLLOW_UP_RULES,
  DEMO_CASELOAD_SEED,
  type CaseloadInput,
  type CatalogResource,
  type DemoCaseload,
  type DemoMatch,
  type DemoPerson,
  type DemoResourceGap,
} from "./demo-caseload.types.js";
import { Rng } from "./rng.js";

export function generateDemoCaseload(input: CaseloadInput): DemoCaseload {
  const { today, catalog } = input;
  const rules = input.rules ?? DEFAULT_FOLLOW_UP_RULES;
  const rng = new Rng(input.seed ?? DEMO_CASELOAD_SEED, 11);
  if (!catalog.length) throw new Error("demo caseload: the catalog is empty (seed the demo city first)");
  const counters = new Map<string, number>();
  const keyer = (prefix: string) => () => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${n}`;
  };
  const personKey = keyer("person");
  const ctx: MatchContext = {
    rng,
    today,
    rules,
    catalog,
    hostOrganizationKey: input.hostOrganizationKey,
    employerOrganizationKey: input.employerOrganizationKey ?? null,
    usage: new Map(),
  };

  // People with matches, scenario by scenario.
  const persons: DemoPerson[] = [];
  const names = new Set<string>();
  const personOf = new Map<string, DemoPerson>();
  const matches: DemoMatch[] = [];
  const scenarioOf = new Map<string, Scenario>();
  const resourceOf = new Map<string, CatalogResource>();
  for (const s of SCENARIOS) {
    const dates = resolveDates(ctx, s);
    const known = s.samePersonAs ? personOf.get(s.samePersonAs)! : null;
    const used = new Set(matches.filter((m) => m.personKey === known?.key).map((m) => m.resourceKey));
    const { resource, archetype: a } = chooseResource(ctx, s, known && archetype(known.archetype), used);
    const registeredOn = s.expiredConsent
      ? addDays(today, -rng.int(400, 420))
      : addDays(dates.created, -rng.int(20, 45));
    const person =
      known ??
      buildPerson(
        rng,
        {
          key: personKey(),
          archetype: a,
          today,
          registeredOn,
          coordinator: s.supportMeeting ? "coordinator" : s.coordinator,
          supportMeeting: !!s.supportMeeting,
        },
        names,
      );
    if (!known) persons.push(person);
    personOf.set(s.id, person);
    const m = buildMatch(ctx, `match-${s.id}`, s, dates, person, a, resource);
    matches.push(m);
    scenarioOf.set(m.key, s);
    resourceOf.set(m.key, resource);
  }

  // People without matches: more on the 支援会議 track, and consented people in assessment or waiting.
  for (let i = 0; persons.length < TOTAL_PERSONS; i++) {
    const supportMeeting = i < EXTRA_SUPPORT_MEETING_PERSONS;
    const ago = supportMeeting ? rng.int(10, 300) : rng.chance(0.45) ? rng.int(1, 120) : rng.int(120, 540);
    persons.push(
      buildPerson(
        rng,
        {
          key: personKey(),
          archetype: rng.pick(ARCHETYPES),
          today,
          registeredOn: addDays(today, -ago),
          coordinator: supportMeeting || rng.chance(0.55) ? "coordinator" : "coordinator2",
          supportMeeting,
        },
        names,
      ),
    );
  }

  // Consents and plans.
  const consentKey = keyer("consent");
  const planKey = keyer("plan");
  const result: DemoCaseload = {
    supportMeetingGroup: {
      name: "みどり野市 支援会議",
      members: ["coordinator", "admin"],
      createdOn: addDays(today, -560),
    },
    persons,
    plans: [],
    consents: [],
    matches,
    attendance: [],
    records: [],
    dues: [],
    gaps: [],
  };
  const quietWithdrawal = persons.find(
    (p) =>
      !p.inSupportMeeting && !matches.some((m) => m.personKey === p.key) && daysBetween(p.registeredOn, today) > 150,
  );
  for (const p of persons) {
    if (p.inSupportMeeting) continue;
    const ms = matches.filter((m) => m.personKey === p.key);
    const declined = ms.find((m) => scenarioOf.get(m.key)?.withdrawsReferral)?.transitions.at(-1)?.effectiveOn;
    const withdrawReferralOn = declined
      ? minDate(addDays(declined, 10), today)
      : p === quietWithdrawal
        ? addDays(p.registeredOn, 90)
        : null;
    const { consents, firstConsentOn } = buildConsents(
      rng,
      today,
      p,
      ms,
      {
        expiredReferral: ms.some((m) => scenarioOf.get(m.key)?.expiredConsent),
        withdrawReferralOn,
      },
      consentKey,
    );
    const plans = buildPlans(rng, today, p, ms, firstConsentOn, planKey);
    if (plans.length) {
      const first = plans[0];
      consents.push({
        ...consents[0],
        key: consentKey(),
        purpose: ConsentPurpose.SUPPORT_PLAN,
        organizationKey: null,
        facts: [],
        method: ConsentMethod.WRITTEN,
        givenOn: first.createdOn < firstConsentOn ? firstConsentOn : first.createdOn,
        note: "支援プランの作成・共有に同意",
      });
    }
    for (const m of ms) m.supportPlanKey = planFor(m, plans);
    result.consents.push(...consents);
    result.plans.push(...plans);
  }

  // Follow-ups, attendance and records.
  const fctx: FollowUpContext = {
    rng,
    today,
    rules,
    graceDays: input.graceDays ?? 7,
    hostOrganizationKey: input.hostOrganizationKey,
    employerOrganizationKey: input.employerOrganizationKey ?? null,
  };
  const recordKey = keyer("record");
  for (const m of matches) {
    const r = resourceOf.get(m.key)!;
    const dues = buildDues(fctx, m, scenarioOf.get(m.key)!);
    const attendance = buildAttendance(
      fctx,
      m,
      r,
      persons.find((p) => p.key === m.personKey)!,
    );
    result.records.push(...buildRecords(rng, m, r, dues, attendance, recordKey));
    result.dues.push(...dues.map(({ source: _source, index: _index, ...due }) => due));
    result.attendance.push(...attendance);
  }
  placeChanges(rng, today, matches, result.records);
  for (const p of persons) p.participationLevel = levelOf(rng, p, result);

  result.gaps = buildGaps(rng, today, catalog, personOf);
  return result;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** The person's step now: the latest recorded one, or where the relationship stands without records. */
function levelOf(rng: Rng, p: DemoPerson, c: DemoCaseload): ParticipationLevel {
  const latest = c.records
    .filter((r) => r.personKey === p.key && r.participationLevel !== null)
    .sort((a, b) => a.contactedOn.localeCompare(b.contactedOn))
    .at(-1);
  if (latest) return latest.participationLevel!;
  if (p.inSupportMeeting) return rng.chance(0.5) ? ParticipationLevel.SUPPORTER_CONTACT : ParticipationLevel.NO_CONTACT;
  return rng.chance(0.3) ? ParticipationLevel.GOES_OUT : ParticipationLevel.SUPPORTER_CONTACT;
}

function buildGaps(
  rng: Rng,
  today: string,
  catalog: readonly CatalogResource[],
  personOf: Map<string, DemoPerson>,
): DemoResourceGap[] {
  const noFit = personOf.get("NF1")!;
  const declined = personOf.get("PD1")!;
  const mental = archetype("mental-health");
  const resolved = catalog.filter((r) => fits(r, mental)).at(0) ?? catalog[0];
  const ago = (d: number) => addDays(today, -d - rng.int(0, 5));
  return [
    {
      need: "夜間や休日に若者が立ち寄れる居場所",
      targetGroups: [G.HIKIKOMORI, G.YOUTH],
      areaKey: declined.areaKey,
      personKey: declined.key,
      searchText: "夜 居場所 若者",
      status: ResourceGapStatus.IDENTIFIED,
      statusNote: "",
      resolvedResourceKey: null,
      raisedBy: "coordinator",
      createdOn: ago(120),
    },
    {
      need: "西部の山間地 (奥野・杉の台) から通える通いの場と、そこまでの移動手段",
      targetGroups: [G.SINGLE_ELDERLY, G.ELDERLY],
      areaKey: noFit.areaKey,
      personKey: noFit.key,
      searchText: "通いの場 送迎",
      status: ResourceGapStatus.DISCUSSING,
      statusNote: "第2層協議体 (西エリア) で協議中。デマンドバスの乗り継ぎも検討",
      resolvedResourceKey: null,
      raisedBy: "coordinator2",
      createdOn: ago(95),
    },
    {
      need: "子ども連れで参加できる就労体験",
      targetGroups: [G.CHILD_REARING, G.LOW_INCOME],
      areaKey: null,
      personKey: null,
      searchText: "子連れ 就労体験",
      status: ResourceGapStatus.DEVELOPING,
      statusNote: "子育て支援の NPO と託児付きの体験プログラムを準備中",
      resolvedResourceKey: null,
      raisedBy: "coordinator",
      createdOn: ago(150),
    },
    {
      need: "精神障害のある人が少人数で参加できる軽作業の場",
      targetGroups: [G.DISABILITY_MENTAL],
      areaKey: null,
      personKey: null,
      searchText: "少人数 軽作業",
      status: ResourceGapStatus.RESOLVED,
      statusNote: "重層的支援会議で協議し、受け入れ先が少人数の活動枠を設けた",
      resolvedResourceKey: resolved.key,
      raisedBy: "coordinator2",
      createdOn: ago(420),
    },
    {
      need: "ペットと一緒に参加できるサロン",
      targetGroups: [G.SINGLE_ELDERLY],
      areaKey: "wa-south",
      personKey: null,
      searchText: "サロン ペット",
      status: ResourceGapStatus.DEFERRED,
      statusNote: "会場の規約上難しく見送り。次年度に再検討",
      resolvedResourceKey: null,
      raisedBy: "coordinator",
      createdOn: ago(300),
    },
  ];
}
