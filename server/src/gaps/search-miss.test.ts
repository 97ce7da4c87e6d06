import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AreaType } from "../areas/area.enums.js";
import { UserRole } from "../core/roles.js";
import { ResourceKind } from "../resources/resource.enums.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { FEW_HITS, SEARCH_MISS_RETENTION_DAYS } from "./search-miss.service.js";

const SEARCH = `query($input: SearchResourcesInput, $after: String) {
  searchResources(input: $input, after: $after) { totalCount pageInfo { endCursor } }
}`;
const LIST = `query($text: String) { resources(text: $text) { totalCount } }`;
const MISSES = `{ searchMisses {
  query times lastSearchedAt fewestHits roles
  filters { kinds weekdays freeOnly radiusMeters areaNames age }
} }`;

interface Miss {
  query: string;
  times: number;
  lastSearchedAt: string;
  fewestHits: number;
  roles: string[];
  filters: {
    kinds: string[] | null;
    weekdays: string[] | null;
    freeOnly: boolean | null;
    radiusMeters: number | null;
    areaNames: string[];
    age: number | null;
  };
}

let t: TestApp;
let coordinator: Gql;
let host: Gql;
let viewer: Gql;
let areaId: string;

const misses = async (as: Gql = coordinator): Promise<Miss[]> => {
  const res = await as(MISSES);
  expect(res.errors).toBeUndefined();
  return (res.data as { searchMisses: Miss[] }).searchMisses;
};
const search = async (as: Gql, input: Record<string, unknown>, after?: string) => {
  const res = await as(SEARCH, { input, after });
  expect(res.errors).toBeUndefined();
  return (res.data as { searchResources: { totalCount: number; pageInfo: { endCursor: string | null } } })
    .searchResources;
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
  const org = await t.factories.organization({ name: "検索ログ会" });
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: org.id }));
  areaId = (await t.factories.area({ type: AreaType.WELFARE_AREA, name: "南エリア" })).id;
  // Three listings match 体操 (more than FEW_HITS), one matches 囲碁.
  for (const name of ["朝の体操", "昼の体操", "夕方の体操"])
    await t.factories.resource({ organizationId: org.id, name, kind: ResourceKind.SALON });
  await t.factories.resource({ organizationId: org.id, name: "囲碁の会", kind: ResourceKind.SALON });
  await t.indexNow();
});
afterAll(() => t?.close());

describe("探されたが見つからなかったもの", () => {
  it("records searches with few hits, without any person, and shows them grouped", async () => {
    expect(FEW_HITS).toBe(2);
    const before = await t.db.query("SELECT count(*)::int AS n FROM search_miss");
    expect((await search(coordinator, { text: "体操" })).totalCount).toBe(3); // more than FEW_HITS: not recorded
    expect((await search(coordinator, { text: "囲碁" })).totalCount).toBe(1);
    await search(t.anonymous, { text: "ｶﾗｵｹ", weekdays: ["TUE"], freeOnly: true });
    await search(viewer, { text: "カラオケ", freeOnly: true, weekdays: ["TUE", "TUE"] });
    await search(coordinator, {
      text: "将棋",
      kinds: ["SALON"],
      areaIds: [areaId],
      age: 16,
      near: { lat: 35.7, lng: 139.3, radiusMeters: 1500 },
    });
    const after = await t.db.query("SELECT count(*)::int AS n FROM search_miss");
    expect(after[0].n - before[0].n).toBe(4);

    const rows: Record<string, unknown>[] = await t.db.query("SELECT * FROM search_miss");
    const columns = Object.keys(rows[0]).sort();
    expect(columns).toEqual(["filters", "hits", "id", "query", "role", "searched_at"]);
    // The centre of a radius could be someone's home: only the radius is kept.
    expect(JSON.stringify(rows)).not.toContain("139.3");

    const list = await misses();
    const karaoke = list.find((m) => m.query === "カラオケ")!;
    // Half-width and full-width are one query after normalisation; repeated values are one filter.
    expect(karaoke).toMatchObject({ times: 2, fewestHits: 0, roles: ["ANONYMOUS", "VIEWER"] });
    expect(karaoke.filters).toMatchObject({ weekdays: ["TUE"], freeOnly: true, kinds: null, radiusMeters: null });
    expect(list[0].query).toBe("カラオケ"); // the most frequent first
    expect(list.find((m) => m.query === "囲碁")).toMatchObject({ times: 1, fewestHits: 1, roles: ["COORDINATOR"] });
    expect(list.find((m) => m.query === "将棋")!.filters).toMatchObject({
      kinds: ["SALON"],
      areaNames: ["南エリア"],
      age: 16,
      radiusMeters: 1500,
    });
    expect(list.some((m) => m.query === "体操")).toBe(false);
  });

  it("records resources(text:) too, once per search (not per page), and never an empty browse", async () => {
    const count = async () => (await t.db.query("SELECT count(*)::int AS n FROM search_miss"))[0].n as number;
    const start = await count();
    const res = await t.anonymous(LIST, { text: "ぼらんてぃあ" });
    expect(res.errors).toBeUndefined();
    await t.anonymous(LIST, { text: "体操" }); // 3 hits
    await t.anonymous(LIST, {});
    await search(t.anonymous, {});
    expect((await count()) - start).toBe(1);
    expect((await misses()).find((m) => m.query === "ぼらんてぃあ")).toMatchObject({ times: 1, roles: ["ANONYMOUS"] });

    // A second page of a search is the same search: not counted again.
    const first = await t.anonymous(
      `query { searchResources(input: { text: "囲碁" }, first: 1) { pageInfo { endCursor } } }`,
    );
    const cursor = (first.data as { searchResources: { pageInfo: { endCursor: string } } }).searchResources.pageInfo
      .endCursor;
    const before = await count();
    await search(t.anonymous, { text: "囲碁" }, cursor);
    expect(await count()).toBe(before);
  });

  it("is for staff: a host is refused, and so is someone not signed in", async () => {
    expect((await viewer(MISSES)).errors).toBeUndefined();
    expect((await host(MISSES)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.anonymous(MISSES)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("purges rows past the retention period (two years) and keeps the rest", async () => {
    const [old] = await t.db.query(
      `INSERT INTO search_miss (searched_at, query, filters, role, hits) VALUES (now() - make_interval(days => $1), '古い検索', '{}', NULL, 0) RETURNING id`,
      [SEARCH_MISS_RETENTION_DAYS + 1],
    );
    const [recent] = await t.db.query(
      `INSERT INTO search_miss (searched_at, query, filters, role, hits) VALUES (now() - make_interval(days => $1), '最近の検索', '{}', NULL, 0) RETURNING id`,
      [SEARCH_MISS_RETENTION_DAYS - 1],
    );
    expect(await t.app.services.searchMisses.purgeExpired()).toBe(1);
    const left: { id: string }[] = await t.db.query("SELECT id FROM search_miss WHERE id = ANY($1::bigint[])", [
      [old.id, recent.id],
    ]);
    expect(left.map((r) => r.id)).toEqual([recent.id]);
  });
});
