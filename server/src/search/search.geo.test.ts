import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceKind } from "../resources/resource.enums.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { SqlParams, buildConditions, distanceMeters } from "./search.conditions.js";
import { SearchResourcesInput } from "./search.inputs.js";
import { radiusFilters } from "./search.geo.js";

const SEARCH = /* GraphQL */ `
  query GeoSearch($input: SearchResourcesInput, $first: Int, $after: String) {
    searchResources(input: $input, first: $first, after: $after) {
      totalCount
      degraded
      pageInfo {
        endCursor
      }
      edges {
        node {
          name
        }
        distanceMeters
      }
      facets {
        kinds {
          value
          count
        }
      }
    }
  }
`;

const CENTER = { lat: 35.74, lng: 139.26 };
const RADIUS = 1000;
/** Metres → degrees at the centre (a 1 km radius: the flat approximation is good to well under a metre). */
const dLat = (m: number) => m / 111_195;
const dLng = (m: number) => m / (111_195 * Math.cos((CENTER.lat * Math.PI) / 180));

let t: TestApp;
const at = (north: number, east: number) => ({ lat: CENTER.lat + dLat(north), lng: CENTER.lng + dLng(east) });
const diag = (m: number) => m / Math.SQRT2;

/** Listings placed around the centre: name → where (metres north, east) and kind. */
const PLACES: Record<string, { north: number; east: number; kind: ResourceKind }> = {
  中心: { north: 0, east: 0, kind: ResourceKind.SALON },
  北の内側: { north: 995, east: 0, kind: ResourceKind.SALON },
  北の外側: { north: 1005, east: 0, kind: ResourceKind.SALON },
  東の内側: { north: 0, east: 995, kind: ResourceKind.KAYOI_NO_BA },
  東の外側: { north: 0, east: 1005, kind: ResourceKind.KAYOI_NO_BA },
  // On the diagonal: inside the box that covers the circle either way, so only the exact distance decides.
  北東の内側: { north: diag(990), east: diag(990), kind: ResourceKind.KAYOI_NO_BA },
  北東の外側: { north: diag(1010), east: diag(1010), kind: ResourceKind.KAYOI_NO_BA },
  // The corners of the square around the circle: 1.41 km away.
  南西の角: { north: -990, east: -990, kind: ResourceKind.SALON },
  北西の角: { north: 990, east: -990, kind: ResourceKind.SALON },
  南の中ほど: { north: -500, east: 300, kind: ResourceKind.SALON },
};

const search = async (input: Record<string, unknown>, first = 20, after?: string) => {
  const res = await t.anonymous(SEARCH, { input, first, after });
  expect(res.errors).toBeUndefined();
  expect(res.data!.searchResources.degraded).toBe(false);
  return res.data!.searchResources;
};
const names = (r: { edges: { node: { name: string } }[] }) => r.edges.map((e) => e.node.name);
const near = { ...CENTER, radiusMeters: RADIUS };

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factories.organization({ name: "地点テスト会" });
  for (const [name, p] of Object.entries(PLACES))
    await t.factories.resource({ organizationId: org.id, name, kind: p.kind, ...at(p.north, p.east) });
  await t.factories.resource({ organizationId: org.id, name: "場所の無い講座", lat: null, lng: null });
  await t.indexNow();
});
afterAll(() => t?.close());

describe("radius without Meilisearch's _geo", () => {
  it("places the fixtures where the test says (the distances the assertions rely on)", () => {
    const d = (name: string) => distanceMeters(CENTER, at(PLACES[name].north, PLACES[name].east));
    expect([d("北の内側"), d("北の外側"), d("北東の内側"), d("北東の外側")]).toEqual([995, 1005, 990, 1010]);
    expect(d("南西の角")).toBeGreaterThan(1_350);
  });

  it("keeps a listing just inside the radius and drops one just outside, on the axes, the diagonal and corners", async () => {
    const r = await search({ near, includeCitywide: false });
    const inside = ["中心", "北の内側", "東の内側", "北東の内側", "南の中ほど"];
    expect(names(r).sort()).toEqual(inside.sort());
    expect(r.totalCount).toBe(inside.length);
    // Facet counts under the exact radius too.
    expect(r.facets.kinds).toEqual([
      { value: "SALON", count: 3 },
      { value: "KAYOI_NO_BA", count: 2 },
    ]);
  });

  it("agrees with the PostgreSQL fallback for every radius around the fixtures", async () => {
    for (const radiusMeters of [300, 600, 994, 996, 1004, 1006, 1400, 1401, 1500]) {
      const input = { near: { ...CENTER, radiusMeters }, includeCitywide: false };
      // The radius as the PostgreSQL fallback applies it (the same Condition's SQL).
      const near = buildConditions(Object.assign(new SearchResourcesInput(), input)).find((c) => c.near)!;
      const p = new SqlParams();
      const rows: { name: string }[] = await t.db.query(`SELECT name FROM resource r WHERE ${near.sql(p)}`, p.values);
      const expected = rows.map((row) => row.name).sort();
      const r = await search(input);
      expect({ radiusMeters, names: names(r).sort() }).toEqual({ radiusMeters, names: expected });
      expect(r.totalCount).toBe(expected.length);
    }
  });

  it("orders by distance across pages, listings without coordinates never within a radius", async () => {
    const r = await search({ near: { ...CENTER, radiusMeters: 2000 }, includeCitywide: false, sort: "DISTANCE" });
    const d = r.edges.map((e: { distanceMeters: number }) => e.distanceMeters);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(names(r)[0]).toBe("中心");
    expect(names(r)).not.toContain("場所の無い講座");
    expect(r.totalCount).toBe(Object.keys(PLACES).length);

    const first = await search({ near: { ...CENTER, radiusMeters: 2000 }, sort: "DISTANCE" }, 4);
    const second = await search(
      { near: { ...CENTER, radiusMeters: 2000 }, sort: "DISTANCE" },
      4,
      first.pageInfo.endCursor,
    );
    expect([...names(first), ...names(second)]).toEqual(names(r).slice(0, 8));
  });

  it("answers a radius at a pole, on the equator and across the date line (filters stay plain numbers)", async () => {
    for (const center of [
      { lat: 90, lng: 0 },
      { lat: -89.9999, lng: 179.9999 },
      { lat: 0, lng: 180 },
    ]) {
      const { covering, inside } = radiusFilters(center, 50_000);
      expect(`${covering} ${inside}`).not.toMatch(/Infinity|NaN|e[+-]/);
      expect((await search({ near: { ...center, radiusMeters: 50_000 }, sort: "DISTANCE" })).totalCount).toBe(0);
    }
  });

  it("covers the circle with strips and keeps the inner strips inside it", () => {
    const { covering, inside } = radiusFilters(CENTER, RADIUS);
    const ranges = (filter: string) =>
      [...filter.matchAll(/lat ([\d.]+) TO ([\d.]+) AND lng ([\d.]+) TO ([\d.]+)/g)].map((m) => m.slice(1).map(Number));
    const contains = (filter: string, p: { lat: number; lng: number }) =>
      ranges(filter).some(([s, n, w, e]) => p.lat >= s && p.lat <= n && p.lng >= w && p.lng <= e);
    for (let deg = 0; deg < 360; deg += 5) {
      const rad = (deg * Math.PI) / 180;
      const onCircle = at(RADIUS * Math.sin(rad), RADIUS * Math.cos(rad));
      expect(contains(covering, onCircle)).toBe(true);
      expect(contains(inside, onCircle)).toBe(false);
    }
    for (const [s, n, w, e] of ranges(inside))
      for (const corner of [
        { lat: s, lng: w },
        { lat: s, lng: e },
        { lat: n, lng: w },
        { lat: n, lng: e },
      ])
        expect(distanceMeters(CENTER, corner)).toBeLessThanOrEqual(RADIUS);
  });
});
