import { In, type Logger } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AreaType } from "../areas/area.enums.js";
import { UserRole } from "../core/roles.js";
import { Resource } from "../resources/resource.entity.js";
import { Accessibility, ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { ScheduleFrequency, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import { SqlParams, buildConditions } from "./search.conditions.js";
import { SearchResourcesInput } from "./search.inputs.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";

const SEARCH = /* GraphQL */ `
  query Search($input: SearchResourcesInput, $first: Int, $after: String) {
    searchResources(input: $input, first: $first, after: $after) {
      totalCount
      degraded
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
        }
        distanceMeters
        nextSession {
          date
          weekday
        }
        highlight {
          name {
            text
            match
          }
        }
      }
      facets {
        kinds {
          value
          count
        }
        targetGroups {
          value
          count
        }
        areas {
          value
          count
        }
        weekdays {
          value
          count
        }
        free {
          value
          count
        }
        accessibility {
          value
          count
        }
      }
    }
  }
`;

const weekly = (weekdays: Weekday[], startTime = "10:00", endTime = "11:30"): ScheduleValue => ({
  rules: [{ frequency: ScheduleFrequency.WEEKLY, weekdays, nthWeeks: [], dates: [], startTime, endTime }],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
});

let t: TestApp;
let coordinator: Gql;
let orgId: string;
const ids: Record<string, string> = {};

const search = async (input: Record<string, unknown>, first = 20, after?: string) => {
  const res = await t.anonymous(SEARCH, { input, first, after });
  expect(res.errors).toBeUndefined();
  return res.data!.searchResources;
};
const names = (r: { edges: { node: { name: string } }[] }) => r.edges.map((e) => e.node.name);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  orgId = (await t.factories.organization({ name: "社会福祉法人 若葉会" })).id;
  const north = await t.factories.area({ type: AreaType.WELFARE_AREA, name: "北エリア" });
  const make = async (key: string, fields: Parameters<TestApp["factories"]["resource"]>[0]) => {
    ids[key] = (await t.factories.resource({ organizationId: orgId, ...fields })).id;
  };
  await make("chikatsu", {
    name: "地域活動支援センター ひまわり",
    nameKana: "チイキカツドウシエンセンター ヒマワリ",
    kind: ResourceKind.CHIKATSU_I,
    targetGroups: [TargetGroup.DISABILITY_MENTAL],
    description: "創作活動と軽作業",
    lat: 35.74,
    lng: 139.25,
    schedule: weekly([Weekday.MON, Weekday.WED]),
    areaIds: [north.id],
  });
  await make("kayoi", {
    name: "若葉町三丁目 通いの場 ひだまり",
    nameKana: "ワカバチョウサンチョウメ カヨイノバ ヒダマリ",
    kind: ResourceKind.KAYOI_NO_BA,
    targetGroups: [TargetGroup.ELDERLY],
    description: "体操と茶話会",
    lat: 35.742,
    lng: 139.252,
    accessibility: [Accessibility.WHEELCHAIR, Accessibility.STEP_FREE],
    schedule: {
      rules: [
        {
          frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
          weekdays: [Weekday.TUE],
          nthWeeks: [2, 4],
          dates: [],
          startTime: "10:00",
          endTime: "11:30",
        },
      ],
      closedOnHolidays: true,
      closedYearEnd: true,
      closedDates: [],
      note: null,
    },
    areaIds: [north.id],
  });
  await make("salon", {
    name: "桜ケ丘いきいきサロン",
    nameKana: "サクラガオカイキイキサロン",
    kind: ResourceKind.SALON,
    targetGroups: [TargetGroup.ELDERLY],
    description: "脳トレとおしゃべり",
    lat: 35.76,
    lng: 139.28,
    costPerSessionYen: 100,
    schedule: weekly([Weekday.TUE], "13:30", "15:00"),
  });
  await make("hiroba", {
    name: "子育てひろば ぽかぽか",
    nameKana: "コソダテヒロバ ポカポカ",
    kind: ResourceKind.KOSODATE_HIROBA,
    targetGroups: [TargetGroup.CHILD_REARING],
    description: "園庭開放と子育て相談",
    lat: 35.78,
    lng: 139.31,
    schedule: weekly([Weekday.THU]),
  });
  await make("citywide", {
    name: "市全域 ボランティア募集",
    nameKana: "シゼンイキ ボランティアボシュウ",
    kind: ResourceKind.VOLUNTEER,
    citywide: true,
    targetGroups: [TargetGroup.ALL_RESIDENTS],
    description: "見守り活動の担い手",
    schedule: weekly([Weekday.FRI]),
  });
  await make("paused", {
    name: "休止中の体操教室",
    nameKana: "キュウシチュウノタイソウキョウシツ",
    kind: ResourceKind.HEALTH_EXERCISE,
    status: ResourceStatus.PAUSED,
    description: "体操",
    schedule: weekly([Weekday.TUE]),
  });
  await t.indexNow();
});
afterAll(() => t.close());

describe("searchResources on Meilisearch", () => {
  it("finds a kanji listing by its reading, in either script, in either width, and as a prefix", async () => {
    for (const q of ["ちいきかつどう", "チイキカツドウ", "ﾁｲｷｶﾂﾄﾞｳ", "地域活動", "ひまわり", "ヒマワリ"]) {
      expect(names(await search({ text: q })), q).toEqual(["地域活動支援センター ひまわり"]);
    }
    expect(names(await search({ text: "かよい" }))).toContain("若葉町三丁目 通いの場 ひだまり");
    expect(names(await search({ text: "ｶﾖｲ" }))).toContain("若葉町三丁目 通いの場 ひだまり");
  });

  it("applies the synonym list (サロン finds 通いの場 and the other way round)", async () => {
    expect(names(await search({ text: "サロン" }))).toEqual(
      expect.arrayContaining(["桜ケ丘いきいきサロン", "若葉町三丁目 通いの場 ひだまり"]),
    );
    expect(names(await search({ text: "通いの場" }))).toEqual(
      expect.arrayContaining(["桜ケ丘いきいきサロン", "若葉町三丁目 通いの場 ひだまり"]),
    );
  });

  it("highlights the matched part of the name as segments", async () => {
    const r = await search({ text: "ひまわり" });
    expect(r.edges[0].highlight.name).toContainEqual({ text: "ひまわり", match: true });
  });

  it("gives facet counts equal to a PostgreSQL count for the same filter", async () => {
    const input = {
      targetGroups: ["ELDERLY", "DISABILITY_MENTAL", "CHILD_REARING"],
      weekdays: ["TUE", "MON", "WED", "THU"],
    };
    const r = await search(input);
    expect(r.degraded).toBe(false);
    for (const facet of r.facets.kinds as { value: string; count: number }[]) {
      const conditions = buildConditions(Object.assign(new SearchResourcesInput(), input, { kinds: [facet.value] }));
      const p = new SqlParams();
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM resource r WHERE ${conditions.map((c) => c.sql(p)).join(" AND ")}`,
        p.values,
      );
      expect(facet.count, facet.value).toBe(n);
    }
    expect(r.facets.kinds.map((f: { value: string }) => f.value).sort()).toEqual([
      "CHIKATSU_I",
      "KAYOI_NO_BA",
      "KOSODATE_HIROBA",
      "SALON",
    ]);
    expect(r.totalCount).toBe(4);
  });

  it("keeps a facet's own counts when one of its values is selected (disjunctive facets)", async () => {
    const r = await search({ kinds: ["SALON"] });
    expect(r.totalCount).toBe(1);
    expect(r.facets.kinds.length).toBeGreaterThan(1);
    expect(r.facets.targetGroups).toEqual([{ value: "ELDERLY", count: 1 }]);
  });

  it("orders by distance, reports it, and includes citywide listings unless told not to", async () => {
    const near = { lat: 35.7401, lng: 139.2501, radiusMeters: 5000 };
    const r = await search({ near, sort: "DISTANCE" });
    expect(names(r).slice(0, 3)).toEqual([
      "地域活動支援センター ひまわり",
      "若葉町三丁目 通いの場 ひだまり",
      "桜ケ丘いきいきサロン",
    ]);
    const d = r.edges.map((e: { distanceMeters: number | null }) => e.distanceMeters);
    expect(d[0]).toBeLessThan(20);
    expect(d[1]).toBeGreaterThan(200);
    expect(d[1]).toBeLessThan(400);
    expect(names(r)).toContain("市全域 ボランティア募集");
    expect(names(r)).not.toContain("子育てひろば ぽかぽか");
    expect(names(await search({ near, includeCitywide: false }))).not.toContain("市全域 ボランティア募集");
  });

  it("matches a 第2・第4火曜 listing with a Tuesday filter and sorts by next session", async () => {
    const tuesday = await search({ weekdays: ["TUE"] });
    expect(names(tuesday).sort()).toEqual(["桜ケ丘いきいきサロン", "若葉町三丁目 通いの場 ひだまり"].sort());
    const morning = await search({ weekdays: ["TUE"], timeWindow: { from: "09:00", to: "12:00" } });
    expect(names(morning)).toEqual(["若葉町三丁目 通いの場 ひだまり"]);
    const next = await search({ sort: "NEXT_SESSION" });
    const dates = next.edges.map((e: { nextSession: { date: string } | null }) => e.nextSession?.date ?? "9999");
    expect(dates).toEqual([...dates].sort());
    expect(next.edges.find((e: { node: { id: string } }) => e.node.id === ids.kayoi).nextSession.weekday).toBe("TUE");
  });

  it("filters by age, accessibility (all needs), free, area and status", async () => {
    expect(names(await search({ accessibility: ["WHEELCHAIR", "STEP_FREE"] }))).toEqual([
      "若葉町三丁目 通いの場 ひだまり",
    ]);
    expect(names(await search({ accessibility: ["WHEELCHAIR", "QUIET_ROOM"] }))).toEqual([]);
    expect(names(await search({ freeOnly: true }))).not.toContain("桜ケ丘いきいきサロン");
    expect(names(await search({ text: "体操" }))).not.toContain("休止中の体操教室");
    expect(names(await search({ text: "体操", statuses: ["PAUSED"] }))).toEqual(["休止中の体操教室"]);
  });

  it("pages with cursors over the same ranking", async () => {
    const all = names(await search({}, 50));
    const p1 = await search({}, 2);
    const p2 = await search({}, 2, p1.pageInfo.endCursor);
    expect([...names(p1), ...names(p2)]).toEqual(all.slice(0, 4));
    expect(p1.totalCount).toBe(all.length);
  });

  it("makes an edit searchable once the relay ran, and a delete disappears", async () => {
    const upd = await coordinator(
      `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
      { input: { id: ids.hiroba, description: "園庭開放とわらべうた" } },
    );
    expect(upd.errors).toBeUndefined();
    expect((await search({ text: "わらべうた" })).totalCount).toBe(0);
    await t.indexNow();
    expect(names(await search({ text: "わらべうた" }))).toEqual(["子育てひろば ぽかぽか"]);

    const del = await coordinator(
      `mutation($input: DeleteResourceInput!) { deleteResource(input: $input) { deletedId } }`,
      { input: { id: ids.hiroba } },
    );
    expect(del.data!.deleteResource.deletedId).toBe(ids.hiroba);
    await t.indexNow();
    expect((await search({ text: "ぽかぽか" })).totalCount).toBe(0);
    expect(await t.app.searchIndex.documentCount()).toBe(5);
  });

  it("re-indexes listings when their host organization is renamed", async () => {
    await coordinator(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } } }`,
      { input: { id: orgId, name: "社会福祉法人 あおぞら福祉会" } },
    );
    await t.indexNow();
    expect((await search({ text: "あおぞら福祉会" })).totalCount).toBe(4);
  });

  it("rejects sort by distance without a point", async () => {
    const res = await t.anonymous(SEARCH, { input: { sort: "DISTANCE" } });
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "input.sort" }] });
  });

  it("loads a page of hits and their organizations with one SQL statement", async () => {
    const statements: string[] = [];
    let counting = false;
    const counter: Logger = {
      logQuery: (query: string) => void (counting && statements.push(query)),
      logQueryError() {},
      logQuerySlow() {},
      logSchemaBuild() {},
      logMigration() {},
      log() {},
    };
    t.db.setOptions({ logger: counter });
    counting = true;
    const res = await t
      .anonymous(`{ searchResources(first: 20) { edges { node { id organization { id name } } } } }`, {})
      .finally(() => (counting = false));
    expect(res.errors).toBeUndefined();
    const nodes = (
      res.data!.searchResources as { edges: { node: { id: string; organization: { id: string; name: string } } }[] }
    ).edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    const rows = await t.db.getRepository(Resource).find({
      where: { id: In(nodes.map((n) => n.id)) },
      relations: { organization: true },
    });
    const expected = new Map(rows.map((r) => [r.id, { id: r.organization!.id, name: r.organization!.name }]));
    expect(nodes.map((n) => n.organization)).toEqual(nodes.map((n) => expected.get(n.id)));
    expect(statements).toHaveLength(1);
  });
});
