import { describe, expect, it } from "vitest";
import { ContactMethod, FollowUpDueStatus } from "../followups/followup.enums.js";
import { ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import { MatchStage } from "../matching/match.enums.js";
import { SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import { ParticipationRole, ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { BUNYA, INDICATOR_CATALOG, computedKind, indicatorById } from "./indicator-catalog.js";
import { computeOutcomes } from "../reports/outcome.compute.js";
import { buildEvaluationReport } from "./evaluation-report.js";
import { outcomes } from "./indicator-measures.js";
import { takamatsuRecords } from "./takamatsu.fixture.js";
import {
  emptyRecords,
  tallyFollowUps,
  type FollowUpFact,
  type IndicatorRecords,
  type ListingFact,
  type MatchFact,
} from "./indicator-records.js";

const S = MatchStage;
const { NEW, REPLAN } = SupportPlanVersion;

/** A match whose history follows `path` (from-stages chained). */
function match(
  id: string,
  personId: string,
  resourceKind: ResourceKind,
  path: [MatchStage, string][],
  more: Partial<MatchFact> = {},
): MatchFact {
  let from: MatchStage | null = null;
  const transitions = path.map(([toStage, effectiveOn]) => {
    const t = { fromStage: from, toStage, effectiveOn };
    from = toStage;
    return t;
  });
  return {
    id,
    personId,
    organizationId: "O1",
    resourceId: `R-${id}`,
    resourceKind,
    rolesOffered: [],
    areaIds: [],
    targetGroups: [],
    transitions,
    ...more,
  };
}

const plan = (
  personId: string,
  planVersion: SupportPlanVersion,
  agreedOn: string | null,
  closedOn: string | null = null,
) => ({
  personId,
  planVersion,
  agreedOn,
  closedOn,
  status: agreedOn === null ? SupportPlanStatus.DRAFT : closedOn ? SupportPlanStatus.CLOSED : SupportPlanStatus.AGREED,
});

const listing = (
  id: string,
  createdOn: string,
  kind: ResourceKind,
  areaIds: string[],
  later: [string, Partial<{ status: ResourceStatus; kind: ResourceKind; areaIds: string[] }>][] = [],
): ListingFact => {
  let state = { from: createdOn, status: ResourceStatus.ACTIVE, kind, areaIds };
  const states = [state];
  for (const [from, change] of later) states.push((state = { ...state, ...change, from }));
  return { id, createdOn, states };
};

/*
 * One small city, read for 2025年度 (2025-04-01〜2026-03-31) on 2026-05-01. Each indicator's expected figure is worked
 * out by hand in the case list below; the records carry the edge cases (3/31 vs 4/1, carried-over cases, re-plans,
 * a listing ended in February, one organization asked twice).
 */
const CITY_MATCHES: MatchFact[] = [
  match(
    "MA",
    "P1",
    ResourceKind.SALON,
    [
      [S.CANDIDATE, "2025-03-20"],
      [S.HOST_COORDINATION, "2025-03-25"],
      [S.PROPOSED, "2025-04-01"],
      [S.ACTIVE_FOLLOW_UP, "2025-04-15"],
    ],
    { areaIds: ["A1"], targetGroups: [TargetGroup.ELDERLY] },
  ),
  match(
    "MB",
    "P2",
    ResourceKind.EMPLOYMENT_HOST,
    [
      [S.CANDIDATE, "2026-03-01"],
      [S.PROPOSED, "2026-03-31"],
    ],
    { targetGroups: [TargetGroup.YOUTH, TargetGroup.HIKIKOMORI] },
  ),
  match(
    "MC",
    "P1",
    ResourceKind.COMMUNITY_CAFE,
    [
      [S.CANDIDATE, "2026-03-25"],
      [S.PROPOSED, "2026-04-01"],
    ],
    { rolesOffered: [ParticipationRole.WORK_TRIAL], areaIds: ["A2"] },
  ),
  match(
    "MD",
    "P8",
    ResourceKind.KAYOI_NO_BA,
    [
      [S.CANDIDATE, "2024-10-01"],
      [S.PROPOSED, "2024-11-01"],
      [S.ACTIVE_FOLLOW_UP, "2024-12-01"],
      [S.STABLE, "2025-06-01"],
    ],
    { areaIds: ["A1"] },
  ),
  match("ME", "P9", ResourceKind.SALON, [
    [S.CANDIDATE, "2025-02-01"],
    [S.PERSON_DECLINED, "2025-03-31"],
  ]),
  match(
    "MF",
    "P3",
    ResourceKind.KORYU_TAIKEN,
    [
      [S.CANDIDATE, "2025-05-01"],
      [S.PROPOSED, "2025-05-10"],
      [S.HOST_DECLINED, "2025-05-20"],
    ],
    { rolesOffered: [ParticipationRole.WORK_TRIAL], areaIds: ["A2"], targetGroups: [TargetGroup.YOUTH] },
  ),
  match(
    "MG",
    "P2",
    ResourceKind.VOLUNTEER,
    [
      [S.CANDIDATE, "2025-07-20"],
      [S.PROPOSED, "2025-08-01"],
    ],
    { rolesOffered: [ParticipationRole.VOLUNTEER] },
  ),
  match("MH", "P7", ResourceKind.SALON, [
    [S.CANDIDATE, "2024-12-01"],
    [S.PROPOSED, "2024-12-10"],
    [S.ACTIVE_FOLLOW_UP, "2025-01-10"],
    [S.SUSPENDED, "2025-03-01"],
    [S.CLOSED, "2025-04-20"],
  ]),
];

/** The follow-up records as written; the city reads them tallied, as the loader does. */
const CITY_FOLLOW_UPS: FollowUpFact[] = [
  { matchId: "MA", personId: "P1", contactedOn: "2025-05-01", method: ContactMethod.VISIT, changeObserved: true },
  { matchId: "MD", personId: "P8", contactedOn: "2025-03-31", method: ContactMethod.PHONE, changeObserved: true },
  { matchId: "MD", personId: "P8", contactedOn: "2025-04-01", method: ContactMethod.PHONE, changeObserved: false },
  {
    matchId: "MD",
    personId: "P8",
    contactedOn: "2026-03-31",
    method: ContactMethod.HOST_SITE_VISIT,
    changeObserved: false,
  },
  { matchId: "MB", personId: "P2", contactedOn: "2025-06-01", method: ContactMethod.VISIT, changeObserved: false },
  { matchId: "MA", personId: "P1", contactedOn: "2026-04-01", method: ContactMethod.VISIT, changeObserved: true },
];

const CITY: IndicatorRecords = {
  ...emptyRecords("2026-05-01", 7),
  persons: [
    { id: "P1", registeredOn: "2025-04-01", areaId: "A1", ageBand: null },
    { id: "P2", registeredOn: "2026-03-31", areaId: null, ageBand: null },
    { id: "P3", registeredOn: "2025-03-31", areaId: "A1", ageBand: null },
    { id: "P4", registeredOn: "2026-04-01", areaId: "A2", ageBand: null },
  ],
  consents: [
    { personId: "P1", givenOn: "2025-04-02" },
    { personId: "P1", givenOn: "2024-12-01" }, // P1's first consent: 2024年度
    { personId: "P2", givenOn: "2026-03-31" },
    { personId: "P3", givenOn: "2025-06-01" },
    { personId: "P4", givenOn: "2026-04-01" },
  ],
  plans: [
    plan("P1", NEW, "2025-04-01"),
    plan("P1", REPLAN, "2025-10-01"), // P1: 新規 (and a re-plan): one person, 新規
    plan("P2", REPLAN, "2026-03-31"), // P2: 再プラン only, on the last day
    plan("P3", NEW, "2025-03-31"), // agreed the day before the year: not 策定 in it, but carried over (支援人数)
    plan("P4", NEW, null), // 作成中: never counted
    plan("P5", REPLAN, "2026-04-01"), // next year
    plan("P6", NEW, "2024-05-01", "2025-04-01"), // closed on the first day: not in force on any day of the year
    plan("P7", NEW, "2024-05-01", "2025-04-02"), // in force on 4/1: carried over
  ],
  matches: CITY_MATCHES,
  followUps: tallyFollowUps(CITY_FOLLOW_UPS, CITY_MATCHES),
  dues: [
    { dueOn: "2025-05-01", status: FollowUpDueStatus.DONE, doneOn: "2025-05-05" },
    { dueOn: "2025-06-01", status: FollowUpDueStatus.DONE, doneOn: "2025-06-20" },
    { dueOn: "2026-03-31", status: FollowUpDueStatus.PLANNED, doneOn: null },
    { dueOn: "2025-07-01", status: FollowUpDueStatus.CANCELLED, doneOn: null },
    { dueOn: "2026-04-01", status: FollowUpDueStatus.DONE, doneOn: "2026-04-01" },
  ],
  listings: [
    listing("L1", "2020-01-01", ResourceKind.SALON, ["A1"]),
    listing("L2", "2020-01-01", ResourceKind.KAYOI_NO_BA, ["A2"], [["2026-02-10", { status: ResourceStatus.ENDED }]]),
    listing("L3", "2026-03-31", ResourceKind.IBASHO, ["A1"]),
    listing("L4", "2026-04-01", ResourceKind.COMMUNITY_CAFE, ["A2"]),
    listing("L5", "2021-01-01", ResourceKind.EMPLOYMENT_HOST, [], [["2025-12-01", { status: ResourceStatus.PAUSED }]]),
    listing(
      "L6",
      "2021-01-01",
      ResourceKind.KAIGO_YOBO_GROUP,
      ["A1"],
      [
        ["2025-06-01", { status: ResourceStatus.ENDED }],
        ["2026-01-10", { status: ResourceStatus.ACTIVE }],
      ],
    ),
    listing(
      "L7",
      "2021-01-01",
      ResourceKind.HEALTH_EXERCISE,
      ["A2"],
      [["2026-04-15", { kind: ResourceKind.SPORT, areaIds: ["A1"] }]],
    ),
    listing("L8", "2021-01-01", ResourceKind.SALON, ["A2"], [["2026-04-01", { status: ResourceStatus.ENDED }]]),
  ],
  gaps: [
    {
      id: "G1",
      raisedOn: "2024-10-01",
      status: ResourceGapStatus.RESOLVED,
      resolvedOn: "2025-04-01",
      resolvedResourceId: "R1",
    },
    {
      id: "G2",
      raisedOn: "2025-05-01",
      status: ResourceGapStatus.RESOLVED,
      resolvedOn: "2026-03-31",
      resolvedResourceId: "R2",
    },
    {
      id: "G3",
      raisedOn: "2025-07-01",
      status: ResourceGapStatus.RESOLVED,
      resolvedOn: "2026-04-01",
      resolvedResourceId: "R3",
    },
    {
      id: "G4",
      raisedOn: "2025-06-01",
      status: ResourceGapStatus.DEFERRED,
      resolvedOn: null,
      resolvedResourceId: null,
    },
  ],
  intakes: [
    {
      id: "I1",
      receivedOn: "2025-04-01",
      route: "窓口",
      field: "ELDERLY",
      areaId: "A1",
      ageBand: null,
      outcome: "CONSENTED",
      personId: "P1",
    },
    {
      id: "I2",
      receivedOn: "2026-03-31",
      route: "電話",
      field: "CHILD",
      areaId: null,
      ageBand: null,
      outcome: "INFO_ONLY",
      personId: null,
    },
    {
      id: "I3",
      receivedOn: "2025-03-31",
      route: "窓口",
      field: "ELDERLY",
      areaId: "A1",
      ageBand: null,
      outcome: "CLOSED",
      personId: null,
    },
    {
      id: "I4",
      receivedOn: "2026-04-01",
      route: "窓口",
      field: "POVERTY",
      areaId: "A2",
      ageBand: null,
      outcome: "PENDING",
      personId: null,
    },
    {
      id: "I5",
      receivedOn: "2025-09-09",
      route: "訪問",
      field: "ELDERLY",
      areaId: "A1",
      ageBand: null,
      outcome: "REFERRED",
      personId: null,
    },
  ],
  cooperationRequests: [
    {
      id: "C1",
      organizationId: "O1",
      requestedOn: "2025-04-01",
      kind: "ACCEPT_PERSON",
      answer: "ACCEPTED",
      answeredOn: "2025-04-03",
      personId: "P1",
      resourceGapId: null,
    },
    {
      id: "C2",
      organizationId: "O1",
      requestedOn: "2025-10-01",
      kind: "CREATE_PLACE",
      answer: "DECLINED",
      answeredOn: "2025-10-09",
      personId: null,
      resourceGapId: "G2",
    },
    {
      id: "C3",
      organizationId: "O2",
      requestedOn: "2026-03-31",
      kind: "ACCEPT_PERSON",
      answer: "PENDING",
      answeredOn: null,
      personId: "P2",
      resourceGapId: null,
    },
    {
      id: "C4",
      organizationId: "O3",
      requestedOn: "2025-03-31",
      kind: "ACCEPT_PERSON",
      answer: "ACCEPTED",
      answeredOn: "2025-04-02",
      personId: null,
      resourceGapId: null,
    },
    {
      id: "C5",
      organizationId: "O4",
      requestedOn: "2026-04-01",
      kind: "OTHER",
      answer: "PENDING",
      answeredOn: null,
      personId: null,
      resourceGapId: null,
    },
  ],
  hostSupports: [
    { id: "H1", organizationId: "O1", givenOn: "2025-04-01", kind: "VISIT", method: ContactMethod.VISIT },
    { id: "H2", organizationId: "O2", givenOn: "2026-03-31", kind: "ADVICE", method: ContactMethod.PHONE },
    { id: "H3", organizationId: "O2", givenOn: "2025-03-31", kind: "PROBLEM", method: ContactMethod.PHONE },
  ],
  meetings: [
    { id: "K1", heldOn: "2025-04-01", kind: "SHIEN_KAIGI", organizationIds: ["O1"] },
    { id: "K2", heldOn: "2026-03-31", kind: "SHIEN_KAIGI", organizationIds: [] },
    { id: "K3", heldOn: "2025-09-01", kind: "JUSOTEKI", organizationIds: ["O3"] },
    { id: "K4", heldOn: "2026-04-01", kind: "JUSOTEKI", organizationIds: [] },
    { id: "K5", heldOn: "2025-05-01", kind: "REGULAR", organizationIds: [] },
    { id: "K6", heldOn: "2025-03-31", kind: "NETWORK", organizationIds: ["O9"] },
    { id: "K7", heldOn: "2025-06-01", kind: "NETWORK", organizationIds: ["O1", "O2"] },
    { id: "K8", heldOn: "2026-03-31", kind: "NETWORK", organizationIds: ["O2", "O4"] },
  ],
};

interface Case {
  id: string;
  /** The records read (CITY unless given). */
  records?: IndicatorRecords;
  fiscalYear: number;
  expected: number | null;
  why: string;
  breakdown?: [string, string, number][];
}

const CASES: Case[] = [
  {
    id: "consultation-intakes",
    fiscalYear: 2025,
    expected: 3,
    why: "I1 (4/1), I5, I2 (3/31); not I3 (前年度 3/31) nor I4 (翌年度 4/1)",
    breakdown: [
      ["TARGET_GROUP", "CHILD", 1],
      ["TARGET_GROUP", "ELDERLY", 2],
      ["AREA", "A1", 2],
      ["AREA", "CITYWIDE", 1],
    ],
  },
  {
    id: "new-persons",
    fiscalYear: 2025,
    expected: 2,
    why: "P1 (4/1), P2 (3/31); not P3 (3/31 of 2024年度) nor P4 (4/1 next)",
    breakdown: [
      ["AREA", "A1", 1],
      ["AREA", "CITYWIDE", 1],
    ],
  },
  {
    id: "consents",
    fiscalYear: 2025,
    expected: 2,
    why: "P2 (3/31), P3 (6/1); P1's first consent was 2024-12-01, P4's 2026-04-01",
  },
  {
    id: "cooperation-organizations",
    fiscalYear: 2025,
    expected: 2,
    why: "O1 asked twice (accepted, then declined) counts once; O2 (pending, 3/31); not O3 (3/31 前年度) nor O4 (4/1)",
  },
  {
    id: "cooperation-requests",
    fiscalYear: 2025,
    expected: 3,
    why: "C1, C2, C3 (延べ)",
    breakdown: [
      ["KIND", "ACCEPT_PERSON", 2],
      ["KIND", "CREATE_PLACE", 1],
    ],
  },
  {
    id: "plan-persons",
    fiscalYear: 2025,
    expected: 2,
    why: "P1 (新規 4/1 and a re-plan: one person), P2 (re-plan 3/31); not P3 (3/31 前年度), P4 (作成中), P5 (4/1)",
  },
  { id: "plan-persons-new", fiscalYear: 2025, expected: 1, why: "P1" },
  { id: "plan-persons-replan", fiscalYear: 2025, expected: 1, why: "P2 (P1 has a 新規 too, so is 新規)" },
  {
    id: "supported-persons",
    fiscalYear: 2025,
    expected: 5,
    why: "P1, P2 (plans and matches in the year), P3 (plan agreed 3/31 前年度, still in force), P7 (plan closed 4/2, match MH closed 4/20), P8 (taking part since 2024); not P6 (plan closed on 4/1), P9 (declined 3/31 前年度), P5 (agreed 4/1 翌年度)",
  },
  {
    id: "matchings",
    fiscalYear: 2025,
    expected: 4,
    why: "first 本人へ提案 in the year: MA (4/1), MF (5/10), MG (8/1), MB (3/31); not MC (4/1 翌年度), MD (2024), MH (2024)",
    breakdown: [
      ["KIND", "EMPLOYMENT_HOST", 1],
      ["KIND", "KORYU_TAIKEN", 1],
      ["KIND", "SALON", 1],
      ["KIND", "VOLUNTEER", 1],
      ["AREA", "A1", 1],
      ["AREA", "A2", 1],
      ["AREA", "CITYWIDE", 2],
      ["TARGET_GROUP", "ELDERLY", 1],
      ["TARGET_GROUP", "HIKIKOMORI", 1],
      ["TARGET_GROUP", "YOUTH", 2],
    ],
  },
  {
    id: "employment-matchings",
    fiscalYear: 2025,
    expected: 2,
    why: "MB (受け入れ企業), MF (交流体験 offering 就労体験); MG offers a volunteer role only",
  },
  {
    id: "employment-matchings",
    fiscalYear: 2026,
    expected: 1,
    why: "MC: a community café offering 就労体験, proposed 2026-04-01",
  },
  {
    id: "participation-starts",
    fiscalYear: 2025,
    expected: 1,
    why: "MA started 2025-04-15; MD and MH started in 2024年度",
  },
  {
    id: "change-rate",
    fiscalYear: 2025,
    expected: 50,
    why: "participants P1 (MA) and P8 (MD); only P1 has a change recorded in the year (P8's is dated 3/31 前年度)",
  },
  {
    id: "settling-rate-3m",
    fiscalYear: 2025,
    expected: 50,
    why: "marks in the year: MA 7/15 (taking part), MH 4/10 (中断) → 1 / 2",
  },
  {
    id: "settling-rate-6m",
    fiscalYear: 2025,
    expected: 66.7,
    why: "MA 10/15 (taking part), MD 6/1 (定着 that day), MH 7/10 (closed from 中断) → 2 / 3",
  },
  {
    id: "follow-up-contacts",
    fiscalYear: 2025,
    expected: 4,
    why: "4/1 phone, 5/1 visit, 6/1 visit, 3/31 host-site visit; not 3/31 前年度 nor 4/1 翌年度",
    breakdown: [
      ["METHOD", "HOST_SITE_VISIT", 1],
      ["METHOD", "PHONE", 1],
      ["METHOD", "VISIT", 2],
    ],
  },
  {
    id: "follow-up-on-time-rate",
    fiscalYear: 2025,
    expected: 33.3,
    why: "5/1 done 5/5 (on time), 6/1 done 6/20 (late), 3/31 not done past its grace (missed); cancelled and 翌年度 ones out → 1 / 3",
  },
  {
    id: "ibasho-matching-visits",
    fiscalYear: 2025,
    expected: 2,
    why: "MA (サロン) visit 5/1, MD (通いの場) host-site visit 3/31; MD's phone call and MB's visit (employment) are not",
  },
  {
    id: "host-supports",
    fiscalYear: 2025,
    expected: 2,
    why: "H1 (4/1), H2 (3/31); not H3 (3/31 前年度)",
    breakdown: [
      ["KIND", "ADVICE", 1],
      ["KIND", "VISIT", 1],
      ["METHOD", "PHONE", 1],
      ["METHOD", "VISIT", 1],
    ],
  },
  {
    id: "social-resources",
    fiscalYear: 2025,
    expected: 6,
    why: "on 2026-03-31: L1, L3 (created that day), L5 (paused), L6 (ended in June, active again in January), L7, L8 (ended 4/1); not L2 (ended in February), L4 (created 4/1)",
    breakdown: [
      ["KIND", "EMPLOYMENT_HOST", 1],
      ["KIND", "HEALTH_EXERCISE", 1],
      ["KIND", "IBASHO", 1],
      ["KIND", "KAIGO_YOBO_GROUP", 1],
      ["KIND", "SALON", 2],
      ["AREA", "A1", 3],
      ["AREA", "A2", 2],
      ["AREA", "CITYWIDE", 1],
    ],
  },
  {
    id: "kayoi-places",
    fiscalYear: 2025,
    expected: 4,
    why: "L1 (サロン), L6 (介護予防), L7 (健康体操 on 3/31; a sport from 4/15), L8 (サロン)",
    breakdown: [
      ["AREA", "A1", 2],
      ["AREA", "A2", 2],
    ],
  },
  { id: "ibasho-places", fiscalYear: 2025, expected: 5, why: "the four 通いの場 and L3 (居場所)" },
  {
    id: "developed-resources",
    fiscalYear: 2025,
    expected: 2,
    why: "G1 (resolved 4/1), G2 (resolved 3/31); not G3 (resolved 4/1 翌年度) nor G4 (見送り)",
  },
  { id: "resource-gaps-raised", fiscalYear: 2025, expected: 3, why: "G2, G3, G4 raised in the year; G1 in 2024年度" },
  { id: "shien-kaigi-meetings", fiscalYear: 2025, expected: 2, why: "K1 (4/1), K2 (3/31)" },
  { id: "jusoteki-meetings", fiscalYear: 2025, expected: 1, why: "K3; K4 is 4/1 翌年度" },
  { id: "case-meetings", fiscalYear: 2025, expected: 3, why: "K1, K2, K3" },
  {
    id: "all-meetings",
    fiscalYear: 2025,
    expected: 6,
    why: "K1, K2, K3, K5, K7, K8; not K4 (翌年度), K6 (前年度)",
    breakdown: [
      ["KIND", "JUSOTEKI", 1],
      ["KIND", "NETWORK", 2],
      ["KIND", "REGULAR", 1],
      ["KIND", "SHIEN_KAIGI", 2],
    ],
  },
  {
    id: "network-organizations",
    fiscalYear: 2025,
    expected: 3,
    why: "O1, O2 (K7) and O2, O4 (K8): O2 once; not O9 (K6, 前年度) nor O3 (at a 重層的支援会議 only)",
  },
  {
    id: "plan-count",
    fiscalYear: 2025,
    expected: 3,
    why: "P1's 新規 (4/1) and 再プラン (10/1), P2's 再プラン (3/31): 延べ",
    breakdown: [
      ["KIND", "NEW", 1],
      ["KIND", "REPLAN", 2],
    ],
  },
  {
    id: "matched-kinds",
    fiscalYear: 2025,
    expected: 4,
    why: "サロン, 受け入れ企業, 交流体験, ボランティア (MA, MB, MF, MG)",
  },
  {
    id: "combined-support-rate",
    fiscalYear: 2025,
    expected: 40,
    why: "open matches in the year: P1 (MA, MC), P2 (MB, MG), P3 (MF), P7 (MH), P8 (MD); ME closed 3/31 前年度 → 2 / 5",
  },
  {
    id: "resources-used",
    fiscalYear: 2025,
    expected: 1,
    why: "MA's listing (started 4/15); MD and MH started in 2024年度",
  },
  {
    id: "new-resources",
    fiscalYear: 2025,
    expected: 1,
    why: "L3 (created 3/31); L4 was created on 4/1 翌年度",
    breakdown: [["KIND", "IBASHO", 1]],
  },
  { id: "new-ibasho-places", fiscalYear: 2025, expected: 1, why: "L3, a 居場所 created on 3/31" },
  { id: "kaigo-yobo-groups", fiscalYear: 2025, expected: 1, why: "L6 (ended in June, active again from January)" },
  {
    id: "kyojo-sites",
    fiscalYear: 2025,
    records: {
      ...emptyRecords("2026-05-01"),
      listings: [
        listing("K1", "2025-06-01", ResourceKind.KYOJO_ACTIVITY, []),
        listing(
          "K2",
          "2020-01-01",
          ResourceKind.KYOJO_ACTIVITY,
          [],
          [["2026-03-01", { status: ResourceStatus.ENDED }]],
        ),
        listing("K3", "2026-04-01", ResourceKind.KYOJO_ACTIVITY, []),
        listing("K4", "2020-01-01", ResourceKind.SALON, []),
      ],
    },
    expected: 1,
    why: "K1; K2 ended on 3/1, K3 created 4/1 翌年度, K4 is a サロン",
  },
];

describe("indicator catalog: each definition against hand-computed figures (2025年度, read on 2026-05-01)", () => {
  it.each(CASES)(
    "$id ($fiscalYear年度) = $expected: $why",
    ({ id, records = CITY, fiscalYear, expected, breakdown }) => {
      const kind = computedKind(indicatorById(id)!);
      expect(kind).not.toBeNull();
      expect(kind!.computed(records, fiscalYear)).toBe(expected);
      if (breakdown) {
        expect(kind!.breakdown!(records, fiscalYear).map((r) => [r.axis, r.key, r.value])).toEqual(breakdown);
      }
    },
  );

  it("counts matchings by 種類, 地区 and 対象 that add up to computeOutcomes' マッチング件数, in each year", () => {
    const kind = computedKind(indicatorById("matchings")!)!;
    for (const fiscalYear of [2024, 2025, 2026]) {
      const total = kind.computed(CITY, fiscalYear);
      const byKind = kind.breakdown!(CITY, fiscalYear).filter((r) => r.axis === "KIND");
      expect(
        byKind.reduce((n, r) => n + r.value, 0),
        String(fiscalYear),
      ).toBe(total);
      const byArea = kind.breakdown!(CITY, fiscalYear).filter((r) => r.axis === "AREA");
      expect(
        byArea.reduce((n, r) => n + r.value, 0),
        String(fiscalYear),
      ).toBe(total); // one 地区 per listing here
    }
    expect(kind.computed(CITY, 2024)).toBe(2); // MD (2024-11-01), MH (2024-12-10)
  });

  it("reads computeOutcomes' figures unchanged when it leaves out the matches that cannot count in the year", () => {
    const cities: [IndicatorRecords, FollowUpFact[]][] = [
      [CITY, CITY_FOLLOW_UPS],
      [takamatsuRecords(), []],
    ];
    for (const [records, followUps] of cities) {
      for (const fiscalYear of [2022, 2023, 2024, 2025, 2026]) {
        const all = computeOutcomes({
          fiscalYear,
          today: records.asOf,
          graceDays: records.graceDays,
          matches: records.matches,
          records: followUps,
          dues: records.dues,
          persons: records.persons,
          firstConsentOn: records.consents,
        });
        expect(outcomes(records, fiscalYear), String(fiscalYear)).toEqual(all);
      }
    }
  });

  it("an empty city has 0 of every count and no rate (nothing in the denominator)", () => {
    const none = emptyRecords("2026-05-01");
    for (const d of INDICATOR_CATALOG) {
      const kind = computedKind(d);
      if (!kind) continue;
      expect(kind.computed(none, 2025), d.id).toBe(d.unit === "%" ? null : 0);
    }
  });

  it("an entered indicator takes its actual from the hand-entered values, never from the records", () => {
    const entered = INDICATOR_CATALOG.filter((d) => computedKind(d) === null);
    const report = buildEvaluationReport({
      fiscalYear: 2025,
      catalog: entered,
      records: CITY,
      narratives: [],
      targets: entered.map((d) => ({ indicatorId: d.id, fiscalYear: 2025, value: 200 })),
      enteredValues: entered.map((d, i) => ({ indicatorId: d.id, fiscalYear: 2025, value: 100 + i })),
    });
    expect(report.rows.map((r) => r.years[3].actual)).toEqual(entered.map((_, i) => 100 + i));
    expect(report.rows.map((r) => r.years[2].actual)).toEqual(entered.map(() => null));
    expect(report.rows.every((r) => r.entered)).toBe(true);
  });
});

describe("the catalog itself", () => {
  it("every indicator has a unique kebab id, a name, a unit, a definition, 事業 1–5 and known 分野 tags", () => {
    expect(new Set(INDICATOR_CATALOG.map((d) => d.id)).size).toBe(INDICATOR_CATALOG.length);
    for (const d of INDICATOR_CATALOG) {
      expect(d.id, d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.name.length, d.id).toBeGreaterThan(0);
      expect(d.unit.length, d.id).toBeGreaterThan(0);
      expect(d.definition.length, d.id).toBeGreaterThan(20);
      expect([1, 2, 3, 4, 5], d.id).toContain(d.jigyo);
      expect(d.bunya.length, d.id).toBeGreaterThan(0);
      for (const b of d.bunya) expect(BUNYA, d.id).toContain(b);
      if (!computedKind(d)) expect("why" in d.kind && d.kind.why.length > 0, d.id).toBe(true);
    }
  });

  it("every computed indicator has at least one hand-computed fixture above (entered ones: the entered-values case)", () => {
    const proven = new Set(CASES.map((c) => c.id));
    const missing = INDICATOR_CATALOG.filter((d) => computedKind(d) && !proven.has(d.id)).map((d) => d.id);
    expect(missing).toEqual([]);
  });
});
