import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { ResourceGap, ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import { MatchStage } from "../matching/match.enums.js";
import { SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import { SupportPlan } from "../people/support-plan.entity.js";
import { ResourceChange, ResourceChangeKind } from "../resources/resource-change.entity.js";
import { ResourceKind, ResourceStatus } from "../resources/resource.enums.js";
import { RowCounter, diffCounts } from "../security/row-counts.js";
import { ContactMethod } from "../followups/followup.enums.js";
import type { Match } from "../matching/match.entity.js";
import { loadIndicatorRecords } from "./indicator-records.loader.js";
import { tallyFollowUps } from "./indicator-records.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import type { User } from "../auth/user.entity.js";

const S = MatchStage;

const REPORT = /* GraphQL */ `
  query Report($fiscalYear: Int!) {
    evaluationReport(fiscalYear: $fiscalYear) {
      fiscalYear
      years
      rows {
        indicatorId
        jigyo
        bunya
        entered
        rate
        bucket
        years {
          fiscalYear
          target
          actual
          rate
        }
        breakdown {
          axis
          key
          value
        }
      }
      byJigyo {
        key
        total
        atLeast100
        atLeast75
        atLeast50
        atLeast25
        above0
        zero
        noTarget
      }
      byBunya {
        key
        total
        noTarget
      }
      funnel {
        intakes
        consents
        supportedPersons
        carriedOverPersons
        planPersons
        newPlanPersons
        replanPersons
        cooperationOrganizations
        matchings
      }
      narratives {
        jigyo
        achievementEvaluation
        issuesAndDirection
        updatedAt
      }
    }
  }
`;
const SET_TARGETS = /* GraphQL */ `
  mutation Set($input: SetIndicatorValuesInput!) {
    setIndicatorTargets(input: $input) {
      targets {
        indicatorId
        fiscalYear
        value
        setAt
      }
    }
  }
`;
const SET_ENTERED = /* GraphQL */ `
  mutation Entered($input: SetIndicatorValuesInput!) {
    setIndicatorEnteredValues(input: $input) {
      values {
        indicatorId
        fiscalYear
        value
      }
    }
  }
`;
const CARRY = /* GraphQL */ `
  mutation Carry($input: CarryTargetsForwardInput!) {
    carryTargetsForward(input: $input) {
      targets {
        indicatorId
        fiscalYear
        value
      }
    }
  }
`;
const NARRATIVE = /* GraphQL */ `
  mutation Narrative($input: SetReportNarrativeInput!) {
    setReportNarrative(input: $input) {
      narrative {
        id
        fiscalYear
        jigyo
        achievementEvaluation
        issuesAndDirection
      }
    }
  }
`;
const TARGETS = /* GraphQL */ `
  query Targets($fiscalYear: Int!) {
    indicatorTargets(fiscalYear: $fiscalYear) {
      indicatorId
      value
      setAt
      setByName
    }
  }
`;

let t: TestApp;
let admin: Gql;
let adminUser: User;
let coordinator: Gql;
let counter: RowCounter;

type Row = {
  indicatorId: string;
  rate: number | null;
  bucket: string | null;
  years: { fiscalYear: number; target: number | null; actual: number | null; rate: number | null }[];
  breakdown: { axis: string; key: string; value: number }[];
};
const rowOf = (data: unknown, id: string): Row =>
  (data as { evaluationReport: { rows: Row[] } }).evaluationReport.rows.find((r) => r.indicatorId === id)!;

/*
 * 2024年度 (2024-04-01〜2025-03-31), closed on any clock this runs on, written as real rows:
 * - persons A (registered 2024-04-01) and B (2025-03-31); C registered 2024-03-31 (前年度); consents A, B in the year;
 * - plans: A 新規 agreed 2024-05-01, A 再プラン 2024-11-01, B 再プラン 2025-03-31, C 新規 2024-03-31 (前年度, in force);
 * - matches: A to a サロン in area X, proposed 2024-04-01 and started; B to an 就労体験 host, proposed 2025-04-01 (翌年度);
 * - listings: the サロン (created 2020) and a 通いの場 ended on 2025-02-10 (history row): at 年度末 only the サロン
 *   and the 就労体験 host are listed (2 資源, 1 通いの場);
 * - a gap resolved with a new resource (updated in the year).
 */
beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  adminUser = await f.user({ role: UserRole.ADMIN });
  admin = await t.asViewer(adminUser);
  const coordinatorUser = await f.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  const coordinatorId = coordinatorUser.id;
  const area = await f.area();
  const created = new Date("2020-01-01T00:00:00+09:00");
  const salon = await f.resource({ kind: ResourceKind.SALON, areaIds: [area.id], createdAt: created });
  const trial = await f.resource({ kind: ResourceKind.SHURO_TAIKEN, createdAt: created });
  const ended = await f.resource({
    kind: ResourceKind.KAYOI_NO_BA,
    areaIds: [area.id],
    createdAt: created,
    status: ResourceStatus.ENDED,
  });
  await t.db.getRepository(ResourceChange).save({
    resourceId: ended.id,
    changedAt: new Date("2025-02-10T10:00:00+09:00"),
    actorUserId: coordinatorId,
    kind: ResourceChangeKind.STATUS,
    changes: [{ field: "status", before: ResourceStatus.ACTIVE, after: ResourceStatus.ENDED }],
    importedFrom: null,
  });
  const a = await f.person({ registeredOn: "2024-04-01", coordinatorId, withConsent: false });
  const b = await f.person({ registeredOn: "2025-03-31", coordinatorId, withConsent: false });
  const c = await f.person({ registeredOn: "2024-03-31", coordinatorId, withConsent: false });
  await f.consent(a.id, { givenOn: "2024-04-01", recordedById: coordinatorId });
  await f.consent(b.id, { givenOn: "2025-03-31", recordedById: coordinatorId });
  await f.consent(c.id, { givenOn: "2024-03-31", recordedById: coordinatorId });
  const plans = t.db.getRepository(SupportPlan);
  for (const [personId, planVersion, agreedOn] of [
    [a.id, SupportPlanVersion.NEW, "2024-05-01"],
    [a.id, SupportPlanVersion.REPLAN, "2024-11-01"],
    [b.id, SupportPlanVersion.REPLAN, "2025-03-31"],
    [c.id, SupportPlanVersion.NEW, "2024-03-31"],
  ] as const) {
    await plans.save(
      plans.create({
        personId,
        planVersion,
        agreedOn,
        goals: [],
        reviewOn: null,
        status: SupportPlanStatus.AGREED,
        createdById: coordinatorId,
      }),
    );
  }
  await f.match({
    personId: a.id,
    resourceId: salon.id,
    coordinatorId,
    createdOn: "2024-03-20",
    path: [
      [S.HOST_COORDINATION, "2024-03-25"],
      [S.PROPOSED, "2024-04-01"],
      [S.ACTIVE_FOLLOW_UP, "2024-04-15"],
    ],
  });
  await f.match({
    personId: b.id,
    resourceId: trial.id,
    coordinatorId,
    createdOn: "2025-03-20",
    path: [[S.PROPOSED, "2025-04-01"]],
  });
  const gaps = t.db.getRepository(ResourceGap);
  const gap = await gaps.save(
    gaps.create({
      need: "夜の居場所",
      targetGroups: [],
      areaId: null,
      personId: null,
      searchText: null,
      status: ResourceGapStatus.RESOLVED,
      statusNote: "",
      resolvedResourceId: salon.id,
      raisedById: coordinatorId,
    }),
  );
  await t.db.query(
    `UPDATE resource_gap SET created_at = '2024-06-01T10:00:00+09', updated_at = '2024-12-01T10:00:00+09' WHERE id = $1`,
    [gap.id],
  );
  counter = new RowCounter(t.db);
});
afterAll(() => t?.close());

describe("evaluationReport on the real database", () => {
  it("computes each catalog figure from the rows (2024年度)", async () => {
    const r = await coordinator(REPORT, { fiscalYear: 2024 });
    expect(r.errors).toBeUndefined();
    const actual = (id: string) => rowOf(r.data, id).years[3].actual;
    expect(r.data?.evaluationReport.years).toEqual([2021, 2022, 2023, 2024]);
    expect(actual("new-persons")).toBe(2); // A, B
    expect(actual("consents")).toBe(2); // A, B
    expect([actual("plan-persons"), actual("plan-persons-new"), actual("plan-persons-replan")]).toEqual([2, 1, 1]);
    expect(actual("supported-persons")).toBe(3); // A, B (plans in the year), C (plan from 前年度)
    expect(actual("matchings")).toBe(1); // A's; B's was proposed on 2025-04-01
    expect(actual("employment-matchings")).toBe(0);
    expect(rowOf(r.data, "employment-matchings").years.map((y) => y.actual)).toEqual([0, 0, 0, 0]);
    expect(actual("participation-starts")).toBe(1);
    expect(actual("social-resources")).toBe(2); // the サロン and the 就労体験 host; the 通いの場 ended in February
    expect(actual("kayoi-places")).toBe(1);
    expect(rowOf(r.data, "social-resources").years[2].actual).toBe(3); // 2023年度末: all three
    expect(actual("developed-resources")).toBe(1);
    // The record tables of the intake, meeting and cooperation features are not in this database: none.
    expect([actual("consultation-intakes"), actual("cooperation-organizations"), actual("all-meetings")]).toEqual([
      0, 0, 0,
    ]);
    expect(r.data?.evaluationReport.funnel).toEqual({
      intakes: 0,
      consents: 2,
      supportedPersons: 3,
      carriedOverPersons: 2, // C (plan), A (match in coordination since 2024-03-20)

      planPersons: 2,
      newPlanPersons: 1,
      replanPersons: 1,
      cooperationOrganizations: 0,
      matchings: 1,
    });
    expect(rowOf(r.data, "matchings").breakdown).toContainEqual({ axis: "KIND", key: "SALON", value: 1 });
  });

  it("2025年度 counts B's matching to the 就労体験 host as employment support", async () => {
    const r = await admin(REPORT, { fiscalYear: 2025 });
    expect(rowOf(r.data, "employment-matchings").years[3].actual).toBe(1);
  });

  it("is for staff only; a year outside 2000〜2100 is BAD_USER_INPUT", async () => {
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    expect((await viewer(REPORT, { fiscalYear: 2024 })).errors).toBeUndefined();
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
    expect(codesOf(await host(REPORT, { fiscalYear: 2024 }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(REPORT, { fiscalYear: 2024 }))).toEqual(["UNAUTHENTICATED"]);
    const r = await admin(REPORT, { fiscalYear: 1999 });
    expect([codesOf(r), fieldsOf(r)]).toEqual([["BAD_USER_INPUT"], ["fiscalYear"]]);
  });
});

describe("listing history as the listings feature writes it", () => {
  it("counts a listing ended and moved today by its year-end states: in 2025年度, out of (or moved in) the current one", async () => {
    const f = t.factories;
    const [east, west] = [await f.area(), await f.area()];
    const created = new Date("2025-01-10T00:00:00+09:00");
    const ending = await f.resource({ kind: ResourceKind.IBASHO, createdAt: created });
    const moving = await f.resource({ kind: ResourceKind.COMMUNITY_CAFE, areaIds: [east.id], createdAt: created });
    const before = await admin(REPORT, { fiscalYear: 2025 });
    const ended = await coordinator(
      `mutation($input: SetResourceStatusInput!) { setResourceStatus(input: $input) { resource { status } } }`,
      { input: { id: ending.id, status: "ENDED" } },
    );
    expect(ended.errors).toBeUndefined();
    const moved = await coordinator(
      `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
      {
        input: { id: moving.id, areaIds: [west.id] },
      },
    );
    expect(moved.errors).toBeUndefined();
    const after = await admin(REPORT, { fiscalYear: 2025 });
    // 2026-03-31 is before today's changes: the 2025年度 figures do not move.
    expect(rowOf(after.data, "social-resources")).toEqual(rowOf(before.data, "social-resources"));
    expect(rowOf(after.data, "social-resources").breakdown).toContainEqual({ axis: "AREA", key: east.id, value: 1 });
    const current = await admin(REPORT, { fiscalYear: 2026 });
    const now = rowOf(current.data, "social-resources");
    expect(now.years[3].actual).toBe(rowOf(after.data, "social-resources").years[3].actual! - 1);
    expect(now.breakdown).toContainEqual({ axis: "AREA", key: west.id, value: 1 });
    expect(now.breakdown.find((b) => b.key === east.id)).toBeUndefined();
  });
});

describe("targets", () => {
  it("are set by an administrator, give 達成率 and bucket, and keep every earlier value with who and when", async () => {
    const first = await admin(SET_TARGETS, {
      input: {
        fiscalYear: 2024,
        values: [
          { indicatorId: "plan-persons", value: 4 },
          { indicatorId: "matchings", value: 3 },
        ],
      },
    });
    expect(first.errors).toBeUndefined();
    const second = await admin(SET_TARGETS, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "plan-persons", value: 3 }] },
    });
    expect(second.data?.setIndicatorTargets.targets).toMatchObject([
      { indicatorId: "plan-persons", fiscalYear: 2024, value: 3 },
    ]);

    const r = await admin(REPORT, { fiscalYear: 2024 });
    expect(rowOf(r.data, "plan-persons")).toMatchObject({ rate: 66.7, bucket: "AT_LEAST_50" });
    expect(rowOf(r.data, "matchings")).toMatchObject({ rate: 33.3, bucket: "AT_LEAST_25" });
    expect(rowOf(r.data, "new-persons")).toMatchObject({ rate: null, bucket: null });
    const jigyo2 = r.data?.evaluationReport.byJigyo.find((j: { key: string }) => j.key === "2");
    expect(jigyo2).toMatchObject({ total: 2, atLeast50: 1, atLeast25: 1 });

    const history = await t.db.query(
      `SELECT kind, previous_value::float AS previous, value::float AS value, changed_by_id AS by FROM indicator_value_change
        WHERE indicator_id = 'plan-persons' AND fiscal_year = 2024 ORDER BY id`,
    );
    expect(history).toEqual([
      { kind: "TARGET", previous: null, value: 4, by: adminUser.id },
      { kind: "TARGET", previous: 4, value: 3, by: adminUser.id },
    ]);
    const changes = await coordinator(
      `{ indicatorValueHistory(indicatorId: "plan-persons", fiscalYear: 2024) { previousValue value changedByName } }`,
    );
    expect(changes.data?.indicatorValueHistory).toEqual([
      { previousValue: 4, value: 3, changedByName: adminUser.displayName },
      { previousValue: null, value: 4, changedByName: adminUser.displayName },
    ]);
    const unknown = await coordinator(`{ indicatorValueHistory(indicatorId: "nope", fiscalYear: 2024) { value } }`);
    expect([codesOf(unknown), fieldsOf(unknown)]).toEqual([["BAD_USER_INPUT"], ["indicatorId"]]);
    const listed = await coordinator(TARGETS, { fiscalYear: 2024 });
    expect(
      listed.data?.indicatorTargets.map((x: { indicatorId: string; value: number; setByName: string }) => [
        x.indicatorId,
        x.value,
        x.setByName,
      ]),
    ).toEqual([
      ["matchings", 3, adminUser.displayName],
      ["plan-persons", 3, adminUser.displayName],
    ]);
    const audit = await t.db.query(
      `SELECT action, entity_type AS "entityType", actor_user_id AS actor FROM audit_event WHERE operation = 'setIndicatorTargets' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: "UPDATE", entityType: "IndicatorTarget", actor: adminUser.id },
      { action: "UPDATE", entityType: "IndicatorTarget", actor: adminUser.id },
    ]);
  });

  it("refuses bad input per field and writes nothing", async () => {
    const before = await counter.counts();
    const bad = await admin(SET_TARGETS, {
      input: {
        fiscalYear: 2024,
        values: [
          { indicatorId: "no-such-indicator", value: 1 },
          { indicatorId: "matchings", value: 2 },
          { indicatorId: "matchings", value: 5 },
        ],
      },
    });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(bad)).toEqual(["input.values.0.indicatorId", "input.values.2.indicatorId"]);
    const negative = await admin(SET_TARGETS, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "matchings", value: -1 }] },
    });
    expect([codesOf(negative), fieldsOf(negative)]).toEqual([["BAD_USER_INPUT"], ["input.values.0.value"]]);
    const year = await admin(SET_TARGETS, {
      input: { fiscalYear: 3000, values: [{ indicatorId: "matchings", value: 1 }] },
    });
    expect([codesOf(year), fieldsOf(year)]).toEqual([["BAD_USER_INPUT"], ["input.fiscalYear"]]);
    expect(diffCounts(before, await counter.counts())).toEqual([]);
  });

  it("may be set by administrators only", async () => {
    const before = await counter.counts();
    const r = await coordinator(SET_TARGETS, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "matchings", value: 9 }] },
    });
    expect(codesOf(r)).toEqual(["FORBIDDEN"]);
    expect(diffCounts(before, await counter.counts())).toEqual([]);
  });

  it("are carried into the next 年度 only where that 年度 has none yet", async () => {
    await admin(SET_TARGETS, { input: { fiscalYear: 2025, values: [{ indicatorId: "matchings", value: 10 }] } });
    const r = await admin(CARRY, { input: { fromYear: 2024, toYear: 2025 } });
    expect(r.data?.carryTargetsForward.targets).toEqual([{ indicatorId: "plan-persons", fiscalYear: 2025, value: 3 }]);
    const listed = await admin(TARGETS, { fiscalYear: 2025 });
    expect(
      listed.data?.indicatorTargets.map((x: { indicatorId: string; value: number }) => [x.indicatorId, x.value]),
    ).toEqual([
      ["matchings", 10],
      ["plan-persons", 3],
    ]);
    const again = await admin(CARRY, { input: { fromYear: 2024, toYear: 2025 } });
    expect(again.data?.carryTargetsForward.targets).toEqual([]);
    const same = await admin(CARRY, { input: { fromYear: 2025, toYear: 2025 } });
    expect([codesOf(same), fieldsOf(same)]).toEqual([["BAD_USER_INPUT"], ["input.toYear"]]);
  });
});

describe("hand-entered actuals and narratives", () => {
  it("takes an entered indicator's actual from what staff entered; a computed one refuses", async () => {
    const ok = await admin(SET_ENTERED, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "kaigo-yobo-leader-trainees", value: 42 }] },
    });
    expect(ok.errors).toBeUndefined();
    await admin(SET_TARGETS, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "kaigo-yobo-leader-trainees", value: 40 }] },
    });
    const r = await admin(REPORT, { fiscalYear: 2024 });
    expect(rowOf(r.data, "kaigo-yobo-leader-trainees")).toMatchObject({ rate: 105, bucket: "AT_LEAST_100" });
    const computed = await admin(SET_ENTERED, {
      input: { fiscalYear: 2024, values: [{ indicatorId: "matchings", value: 1 }] },
    });
    expect([codesOf(computed), fieldsOf(computed)]).toEqual([["BAD_USER_INPUT"], ["input.values.0.indicatorId"]]);
  });

  it("keeps one narrative per 年度 and 事業, rewritten in place", async () => {
    const input = {
      fiscalYear: 2024,
      jigyo: 2,
      achievementEvaluation: "協力依頼先が増えた",
      issuesAndDirection: "就労体験先の開拓",
    };
    const first = await admin(NARRATIVE, { input });
    const second = await admin(NARRATIVE, { input: { ...input, achievementEvaluation: "  目標の半分に届いた  " } });
    expect(second.data?.setReportNarrative.narrative.id).toBe(first.data?.setReportNarrative.narrative.id);
    const r = await coordinator(REPORT, { fiscalYear: 2024 });
    expect(r.data?.evaluationReport.narratives).toMatchObject([
      { jigyo: 2, achievementEvaluation: "目標の半分に届いた", issuesAndDirection: "就労体験先の開拓" },
    ]);
    const bad = await admin(NARRATIVE, { input: { ...input, jigyo: 6 } });
    expect([codesOf(bad), fieldsOf(bad)]).toEqual([["BAD_USER_INPUT"], ["input.jigyo"]]);
    expect(codesOf(await coordinator(NARRATIVE, { input }))).toEqual(["FORBIDDEN"]);
  });
});

describe("the records of the cooperation-request feature", () => {
  it("are read by the loader: organizations asked (each once) and requests, whatever the answer", async () => {
    const org = await t.factories.organization();
    const other = await t.factories.organization();
    const recorder = await t.factories.user();
    await t.db.query(
      `INSERT INTO cooperation_request (organization_id, requested_on, kind, answer, answered_on, recorded_by_id) VALUES
      ($1, '2024-04-01', 'ACCEPT_PERSON', 'ACCEPTED', '2024-04-05', $3), ($1, '2024-09-01', 'CREATE_PLACE', 'DECLINED', '2024-09-10', $3),
      ($2, '2025-03-31', 'ACCEPT_PERSON', 'PENDING', NULL, $3), ($2, '2025-04-01', 'ACCEPT_PERSON', 'PENDING', NULL, $3)`,
      [org.id, other.id, recorder.id],
    );
    const r = await admin(REPORT, { fiscalYear: 2024 });
    expect(rowOf(r.data, "cooperation-organizations").years[3].actual).toBe(2);
    expect(rowOf(r.data, "cooperation-requests").years[3].actual).toBe(3);
    expect(r.data?.evaluationReport.funnel.cooperationOrganizations).toBe(2);
  });
});

describe("the follow-up records", () => {
  it("are tallied by the loader as tallyFollowUps tallies the rows, and counted by the report", async () => {
    const salon = await t.factories.resource({ kind: ResourceKind.SALON });
    const employer = await t.factories.resource({ kind: ResourceKind.SHURO_TAIKEN });
    const atSalon = await t.factories.match({ resourceId: salon.id, path: [[S.ACTIVE_FOLLOW_UP, "2024-04-10"]] });
    const atWork = await t.factories.match({ resourceId: employer.id, path: [[S.ACTIVE_FOLLOW_UP, "2024-04-10"]] });
    const written: [Match, string, ContactMethod, boolean][] = [
      [atSalon, "2024-04-01", ContactMethod.VISIT, false],
      [atSalon, "2024-06-01", ContactMethod.VISIT, true],
      [atSalon, "2024-05-01", ContactMethod.PHONE, true], // the person's first change of 2024年度
      [atSalon, "2025-03-31", ContactMethod.ACCOMPANY, false],
      [atSalon, "2025-04-01", ContactMethod.HOST_SITE_VISIT, true], // 2025年度
      [atWork, "2024-07-01", ContactMethod.VISIT, false],
      [atWork, "2024-08-01", ContactMethod.PHONE, true],
      [atWork, "2026-04-01", ContactMethod.PHONE, true], // after the range read
    ];
    for (const [match, contactedOn, method, changeObserved] of written)
      await t.factories.followUpRecord(match, { contactedOn, method, changeObserved });

    // The only follow-ups of this file's database.
    const records = await t.db.transaction((tx) =>
      loadIndicatorRecords(tx, { fromYear: 2024, toYear: 2025, asOf: "2026-05-01", graceDays: 7 }),
    );
    const inRange = written.filter(([, on]) => on <= "2026-03-31");
    const expected = tallyFollowUps(
      inRange.map(([m, contactedOn, method, changeObserved]) => ({
        matchId: m.id,
        personId: m.personId,
        contactedOn,
        method,
        changeObserved,
      })),
      records.matches,
    );
    const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(records.followUps.tallies)).toEqual(sorted(expected.tallies));
    expect(sorted(records.followUps.changes)).toEqual(sorted(expected.changes));
    expect(sorted(expected.changes)).toEqual(
      sorted([
        { personId: atSalon.personId, contactedOn: "2024-05-01" },
        { personId: atSalon.personId, contactedOn: "2025-04-01" },
        { personId: atWork.personId, contactedOn: "2024-08-01" },
      ]),
    );
    expect(expected.tallies).toContainEqual({
      fiscalYear: 2024,
      method: ContactMethod.VISIT,
      resourceKind: ResourceKind.SALON,
      count: 2,
    });

    const r = await admin(REPORT, { fiscalYear: 2025 });
    const contacts = rowOf(r.data, "follow-up-contacts");
    expect(contacts.years.slice(2).map((y) => y.actual)).toEqual([6, 1]);
    const visits = rowOf(r.data, "ibasho-matching-visits");
    expect(visits.years.slice(2).map((y) => y.actual)).toEqual([3, 1]); // サロン: 訪問 ×2 + 同行; 受け入れ先訪問
    const r2024 = await admin(REPORT, { fiscalYear: 2024 });
    expect(rowOf(r2024.data, "follow-up-contacts").breakdown).toEqual([
      { axis: "METHOD", key: ContactMethod.ACCOMPANY, value: 1 },
      { axis: "METHOD", key: ContactMethod.PHONE, value: 2 },
      { axis: "METHOD", key: ContactMethod.VISIT, value: 3 },
    ]);
  });
});
