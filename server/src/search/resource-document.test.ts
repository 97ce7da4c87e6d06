import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AreaType } from "../areas/area.enums.js";
import { Resource } from "../resources/resource.entity.js";
import { Accessibility, ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { loadResourceDocuments, toResourceDocument } from "./resource-document.js";
import { textReader } from "./text/readings.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("loadResourceDocuments", () => {
  it("reads plain rows into the very documents the listing entity makes, and names the listings that are gone", async () => {
    const org = await t.factories.organization({ name: "文書テスト 福祉会" });
    const [a, b] = [
      await t.factories.area({ type: AreaType.SHAKYO_DISTRICT }),
      await t.factories.area({ type: AreaType.SHAKYO_DISTRICT }),
    ];
    const full = await t.factories.resource({
      organizationId: org.id,
      areaIds: [a.id, b.id],
      lat: 35.7,
      lng: 139.4,
      targetGroups: [TargetGroup.ELDERLY],
      accessibility: [Accessibility.WHEELCHAIR],
      costPerSessionYen: 0,
      visitAllowed: true,
      status: ResourceStatus.PAUSED,
      verifiedAt: new Date("2026-10-01T01:02:03Z"),
      eligibility: { ageMin: 65, ageMax: null, certificateRequired: false } as Resource["eligibility"],
    });
    const bare = await t.factories.resource({ organizationId: org.id, lat: null, lng: null, costPerSessionYen: 300 });
    const gone = "00000000-0000-4000-8000-000000000000";

    const { docs, missing } = await loadResourceDocuments(t.db.manager, [full.id, bare.id, gone]);

    const entities = await t.db.getRepository(Resource).find({
      where: [{ id: full.id }, { id: bare.id }],
      relations: { organization: true },
    });
    const reader = await textReader();
    const expected = entities.map((r) =>
      toResourceDocument(r, r.organization!, r.id === full.id ? [a.id, b.id] : [], reader),
    );
    const byId = <D extends { id: string }>(d: D[]) => [...d].sort((x, y) => x.id.localeCompare(y.id));
    const sortAreas = <D extends { areaIds: string[] }>(d: D) => ({ ...d, areaIds: [...d.areaIds].sort() });
    expect(byId(docs).map(sortAreas)).toEqual(byId(expected).map(sortAreas));
    expect(docs.find((d) => d.id === full.id)).toMatchObject({
      hostName: "文書テスト 福祉会",
      free: true,
      ageMin: 65,
      status: ResourceStatus.PAUSED,
      lat: 35.7,
      lng: 139.4,
    });
    expect(docs.find((d) => d.id === bare.id)).toMatchObject({ lat: null, lng: null });
    for (const d of docs) expect(d).not.toHaveProperty("_geo");
    expect(missing).toEqual([gone]);
  });
});

describe("toResourceDocument", () => {
  it("keeps each reading of a list once, though two of its words read alike", async () => {
    const org = await t.factories.organization({ name: "よみテスト 福祉会" });
    const listing = await t.factories.resource({
      organizationId: org.id,
      kind: ResourceKind.KOSODATE_HIROBA,
      activities: ["子育てひろば", "子育て広場", "体操"],
    });
    const [entity] = await t.db.getRepository(Resource).find({
      where: { id: listing.id },
      relations: { organization: true },
    });
    const doc = toResourceDocument(entity, entity.organization!, [], await textReader());
    // 子育てひろば and 子育て広場 are both kosodate hiroba: the words stay, their reading is there once.
    expect(doc.kindWords).toEqual(expect.arrayContaining(["子育てひろば", "子育て広場", "親子ひろば"]));
    expect(doc.kindReading.filter((k) => k === "kosodate hiroba kosodatehiroba")).toHaveLength(1);
    expect(doc.kindReading).toEqual(expect.arrayContaining(["oyako hiroba oyakohiroba"]));
    expect(doc.activities).toEqual(["子育てひろば", "子育て広場", "体操"]);
    expect(doc.activitiesReading).toEqual(["kosodate hiroba kosodatehiroba", "taisou"]);
    expect(new Set(doc.targetReading).size).toBe(doc.targetReading.length);
  });
});
