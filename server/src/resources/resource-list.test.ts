import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AreaType } from "../areas/area.enums.js";
import { ResourceKind, ResourceStatus, TargetGroup } from "./resource.enums.js";
import { createTestApp, type TestApp } from "../test/harness.js";

const LIST = `query($first: Int, $after: String, $kinds: [ResourceKind!], $targetGroups: [TargetGroup!], $areaIds: [ID!], $text: String, $organizationId: ID) {
  resources(first: $first, after: $after, kinds: $kinds, targetGroups: $targetGroups, areaIds: $areaIds, text: $text, organizationId: $organizationId) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name nameKana } }
  }
}`;

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.factories.organization()).id;
});
afterAll(() => t.close());

describe("resources connection", () => {
  it("pages in reading order with cursors that stay stable when rows are inserted", async () => {
    const kana = ["アオバ", "イチョウ", "ウメ", "エノキ", "オリーブ", "カエデ", "キリ"];
    for (const k of kana) await t.factories.resource({ organizationId: orgId, nameKana: k, name: `${k}の会` });
    const page1 = await t.anonymous(LIST, { first: 3, organizationId: orgId });
    expect(page1.data!.resources.totalCount).toBe(7);
    expect(page1.data!.resources.edges.map((e: any) => e.node.nameKana)).toEqual(["アオバ", "イチョウ", "ウメ"]);
    expect(page1.data!.resources.pageInfo.hasNextPage).toBe(true);

    // Inserted before and after the cursor: the next page neither repeats nor skips what was already there.
    await t.factories.resource({ organizationId: orgId, nameKana: "アイ", name: "アイの会" });
    await t.factories.resource({ organizationId: orgId, nameKana: "エイ", name: "エイの会" });
    const page2 = await t.anonymous(LIST, {
      first: 3,
      after: page1.data!.resources.pageInfo.endCursor,
      organizationId: orgId,
    });
    expect(page2.data!.resources.edges.map((e: any) => e.node.nameKana)).toEqual(["エイ", "エノキ", "オリーブ"]);
    const page3 = await t.anonymous(LIST, {
      first: 3,
      after: page2.data!.resources.pageInfo.endCursor,
      organizationId: orgId,
    });
    expect(page3.data!.resources.edges.map((e: any) => e.node.nameKana)).toEqual(["カエデ", "キリ"]);
    expect(page3.data!.resources.pageInfo.hasNextPage).toBe(false);
    expect(page3.data!.resources.totalCount).toBe(9);
  });

  it("rejects a forged cursor with BAD_USER_INPUT", async () => {
    const res = await t.anonymous(LIST, { first: 3, after: "not-a-cursor" });
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
  });

  it("filters by kind, target group, area, text (kanji or reading) and hides ended listings by default", async () => {
    const org = (await t.factories.organization()).id;
    const area = await t.factories.area({ type: AreaType.HOUKATSU_CATCHMENT });
    const hiroba = await t.factories.resource({
      organizationId: org,
      name: "子育てひろば ぽかぽか",
      nameKana: "コソダテヒロバ ポカポカ",
      kind: ResourceKind.KOSODATE_HIROBA,
      targetGroups: [TargetGroup.CHILD_REARING],
      areaIds: [area.id],
    });
    await t.factories.resource({
      organizationId: org,
      name: "若葉サロン",
      nameKana: "ワカバサロン",
      kind: ResourceKind.SALON,
      targetGroups: [TargetGroup.ELDERLY],
    });
    await t.factories.resource({
      organizationId: org,
      name: "終わった子育てひろば",
      nameKana: "オワッタコソダテヒロバ",
      kind: ResourceKind.KOSODATE_HIROBA,
      status: ResourceStatus.ENDED,
    });

    const ids = async (vars: Record<string, unknown>) =>
      (await t.anonymous(LIST, { first: 50, organizationId: org, ...vars })).data!.resources.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ids({ kinds: ["KOSODATE_HIROBA"] })).toEqual([hiroba.id]);
    expect(await ids({ targetGroups: ["CHILD_REARING", "PREGNANT"] })).toEqual([hiroba.id]);
    expect(await ids({ areaIds: [area.id] })).toEqual([hiroba.id]);
    expect(await ids({ text: "ぽかぽか" })).toEqual([hiroba.id]);
    expect(await ids({ text: "ﾎﾟｶﾎﾟｶ" })).toEqual([hiroba.id]);
    expect(await ids({ text: "100%" })).toEqual([]);
  });
});

describe("areas and organizations", () => {
  it("lists typed, overlapping areas with their parents, and organizations by reading", async () => {
    const city = await t.factories.area({ type: AreaType.CITY, name: "テスト市", nameKana: "テストシ" });
    await t.factories.area({
      type: AreaType.SCHOOL_DISTRICT,
      name: "第一小学校区",
      nameKana: "ダイイチショウガッコウク",
      parentIds: [city.id],
    });
    const res = await t.anonymous(`{ areas(types: [SCHOOL_DISTRICT]) { name type parents { name type } } }`);
    expect(res.data!.areas).toEqual([
      { name: "第一小学校区", type: "SCHOOL_DISTRICT", parents: [{ name: "テスト市", type: "CITY" }] },
    ]);

    await t.factories.organization({ name: "ん組", nameKana: "ンクミ" });
    await t.factories.organization({ name: "あ組", nameKana: "アクミ" });
    const orgs = await t.anonymous(`{ organizations(first: 100, text: "組") { totalCount edges { node { name } } } }`);
    expect(orgs.data!.organizations.edges.map((e: any) => e.node.name)).toEqual(["あ組", "ん組"]);
  });
});
