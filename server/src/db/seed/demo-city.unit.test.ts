import { describe, expect, it } from "vitest";
import { AreaType } from "../../areas/area.enums.js";
import { OrgType } from "../../organizations/organization.enums.js";
import { ParticipationRole, ResourceKind, ResourceStatus, TargetGroup } from "../../resources/resource.enums.js";
import { ScheduleFrequency } from "../../schedules/schedule.value.js";
import {
  areaKeysAt,
  DEMO_PASSWORD,
  DEMO_RESOURCE_COUNT,
  DEMO_SEED,
  generateDemoCity,
  generateResources,
  HOST_ORG_KEY,
  insideBbox,
  numberToKana,
  type DemoResource,
} from "./demo-city.js";
import { ordinalPart, part } from "./demo-city.kana.js";
import { Rng } from "./rng.js";

const HAN = /\p{Script=Han}/u;
const KATAKANA = /^[\u30A0-\u30FF]+$/u;
const city = generateDemoCity();
const resources = [...generateResources(city, DEMO_RESOURCE_COUNT)];
const areaKeys = new Set(city.areas.map((a) => a.key));
const orgKeys = new Set(city.organizations.map((o) => o.key));

describe("rng", () => {
  it("is deterministic per seed and stream", () => {
    const seq = (seed: number, stream = 0) => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 20 }, () => r.nextUint32());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    expect(seq(1, 0)).not.toEqual(seq(1, 1));
  });

  it("has helpers that stay in range", () => {
    const r = new Rng(42);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      expect(
        r.pickWeighted([
          ["never", 0],
          ["a", 1],
          ["b", 2],
        ]),
      ).not.toBe("never");
    }
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const s = r.sample(items, 5);
    expect(new Set(s).size).toBe(5);
    expect(r.sample(items, 99)).toHaveLength(8);
    expect(r.shuffle(items).sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => r.pick([])).toThrow();
    const hits = Array.from({ length: 2000 }, () => r.chance(0.25)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(400);
    expect(hits).toBeLessThan(600);
  });
});

describe("kana", () => {
  it("reads numbers aloud", () => {
    const cases: [number, string][] = [
      [0, "ゼロ"],
      [1, "イチ"],
      [10, "ジュウ"],
      [12, "ジュウニ"],
      [21, "ニジュウイチ"],
      [100, "ヒャク"],
      [300, "サンビャク"],
      [600, "ロッピャク"],
      [800, "ハッピャク"],
      [1000, "セン"],
      [3000, "サンゼン"],
      [8000, "ハッセン"],
      [3804, "サンゼンハッピャクヨン"],
      [10000, "イチマン"],
      [100000, "ジュウマン"],
      [12345, "イチマンニセンサンビャクヨンジュウゴ"],
    ];
    for (const [n, kana] of cases) expect(numberToKana(n), String(n)).toBe(kana);
    expect(ordinalPart(12)).toEqual(["第12", "ダイジュウニ"]);
    expect(() => numberToKana(-1)).toThrow();
  });

  it("builds parts from their own readings and refuses kanji without one", () => {
    expect(part("いきいきサロン")).toEqual(["いきいきサロン", "イキイキサロン"]);
    expect(part("通いの場=カヨイノバ")).toEqual(["通いの場", "カヨイノバ"]);
    expect(part("「")).toEqual(["「", ""]);
    expect(() => part("通いの場")).toThrow();
  });
});

describe("generateDemoCity", () => {
  it("is deterministic, and another seed gives another city", () => {
    expect(generateDemoCity(DEMO_SEED)).toEqual(city);
    expect(generateDemoCity(7)).not.toEqual(city);
  });

  it("has 6–11 areas of at least two types, all under the city", () => {
    expect(city.name).toBe("みどり野市");
    expect(city.population).toBeGreaterThan(25_000);
    expect(city.areas.length).toBeGreaterThanOrEqual(6);
    expect(city.areas.length).toBeLessThanOrEqual(11);
    expect(new Set(city.areas.map((a) => a.type)).size).toBeGreaterThanOrEqual(2);
    expect(city.areas.filter((a) => a.type === AreaType.CITY).map((a) => a.key)).toEqual(["city"]);
    expect(city.areas.filter((a) => a.type === AreaType.WELFARE_AREA)).toHaveLength(4);
    expect(city.areas.filter((a) => a.type === AreaType.HOUKATSU_CATCHMENT)).toHaveLength(3);
    for (const a of city.areas) {
      if (a.key !== "city") expect(a.parentKeys).toEqual(["city"]);
      expect(new Set(city.areas.map((x) => x.code)).size).toBe(city.areas.length);
    }
  });

  it("has ≥ 40 organizations of many types with fictional contacts", () => {
    expect(city.organizations.length).toBeGreaterThanOrEqual(40);
    expect(orgKeys.size).toBe(city.organizations.length);
    expect(new Set(city.organizations.map((o) => o.orgType))).toEqual(new Set(Object.values(OrgType)));
    for (const o of city.organizations) {
      if (o.contactPhone !== null) expect(o.contactPhone).toMatch(/^042-5\d\d-\d{4}$/);
      if (o.contactEmail !== null) expect(o.contactEmail).toMatch(/^[a-z0-9-]+@example\.jp$/);
      expect(o.address).toMatch(/^東京都みどり野市/);
    }
  });

  it("gives every name a katakana reading without kanji", () => {
    for (const x of [...city.areas, ...city.organizations, ...resources]) {
      expect(x.nameKana, x.name).toMatch(KATAKANA);
      expect(HAN.test(x.nameKana), x.name).toBe(false);
    }
  });

  it("has demo users for every role with the demo password", () => {
    expect(new Set(city.users.map((u) => u.role))).toEqual(new Set(["ADMIN", "COORDINATOR", "HOST", "VIEWER"]));
    expect(city.users.map((u) => u.email)).toEqual(
      expect.arrayContaining(["admin@example.jp", "coordinator@example.jp", "host@example.jp", "viewer@example.jp"]),
    );
    for (const u of city.users) {
      expect(u.password).toBe(DEMO_PASSWORD);
      if (u.organizationKey !== null) expect(orgKeys.has(u.organizationKey)).toBe(true);
    }
    const host = city.users.find((u) => u.email === "host@example.jp");
    expect(host?.organizationKey).toBe(HOST_ORG_KEY);
    expect(resources.filter((r) => r.organizationKey === HOST_ORG_KEY).length).toBeGreaterThanOrEqual(3);
  });
});

describe("generateResources", () => {
  it("is deterministic, and another seed gives other listings", () => {
    expect([...generateResources(generateDemoCity(), DEMO_RESOURCE_COUNT)]).toEqual(resources);
    expect([...generateResources(city, DEMO_RESOURCE_COUNT, 99)]).not.toEqual(resources);
  });

  it("covers ≥ 15 kinds with realistic weights", () => {
    const count = (k: ResourceKind) => resources.filter((r) => r.kind === k).length;
    expect(resources.length).toBeGreaterThanOrEqual(300);
    expect(new Set(resources.map((r) => r.kind)).size).toBeGreaterThanOrEqual(15);
    expect(count(ResourceKind.KAYOI_NO_BA) + count(ResourceKind.SALON)).toBeGreaterThan(60);
    const chikatsu =
      count(ResourceKind.CHIKATSU_I) + count(ResourceKind.CHIKATSU_II) + count(ResourceKind.CHIKATSU_III);
    expect(chikatsu).toBeGreaterThanOrEqual(2);
    expect(chikatsu).toBeLessThanOrEqual(4);
    expect(new Set(resources.map((r) => r.name)).size).toBe(resources.length);
  });

  it("resolves every organization and area key, and places listings inside the city", () => {
    for (const r of resources) {
      expect(orgKeys.has(r.organizationKey), r.organizationKey).toBe(true);
      for (const k of r.areaKeys) expect(areaKeys.has(k), k).toBe(true);
      if (r.lat !== null || r.lng !== null) expect(insideBbox(r.lat as number, r.lng as number), r.name).toBe(true);
      if (r.citywide || r.homeBased) {
        expect(r.areaKeys).toEqual(["city"]);
      } else {
        expect(r.lat, r.name).not.toBeNull();
        expect(r.areaKeys).toEqual(areaKeysAt(r.lat as number, r.lng as number));
        expect(r.areaKeys).toHaveLength(3);
      }
      if (r.homeBased) expect([r.lat, r.venueName, r.address]).toEqual([null, null, null]);
    }
    expect(resources.some((r) => r.citywide && !r.homeBased)).toBe(true);
    expect(resources.some((r) => r.homeBased)).toBe(true);
  });

  it("maps points to areas by simple geometry", () => {
    expect(areaKeysAt(35.775, 139.26)).toEqual(["wa-north", "hk-central", "sd-north"]);
    expect(areaKeysAt(35.742, 139.31)).toEqual(["wa-east", "hk-east", "sd-central"]);
    expect(areaKeysAt(35.705, 139.25)).toEqual(["wa-south", "hk-central", "sd-south"]);
    expect(areaKeysAt(35.74, 139.205)).toEqual(["wa-west", "hk-west", "sd-central"]);
  });

  it("keeps fields consistent with the kind", () => {
    for (const r of resources) {
      expect(r.targetGroups.length).toBeGreaterThan(0);
      expect(r.rolesOffered.length).toBeGreaterThan(0);
      expect(r.activities.length).toBeGreaterThanOrEqual(2);
      expect(r.description.split("。").filter(Boolean).length).toBeLessThanOrEqual(3);
      expect(
        r.activities.some((a) => r.description.includes(a)),
        r.description,
      ).toBe(true);
      if (r.capacity === null) expect(r.openings).toBeNull();
      else expect(r.openings as number).toBeLessThanOrEqual(r.capacity);
      if (r.ageMin !== null && r.ageMax !== null) expect(r.ageMin).toBeLessThanOrEqual(r.ageMax);
      if (r.kind === ResourceKind.KAYOI_NO_BA) expect(r.targetGroups).toContain(TargetGroup.ELDERLY);
      if (r.kind === ResourceKind.KOSODATE_HIROBA) expect(r.targetGroups).toContain(TargetGroup.CHILD_REARING);
      if (r.kind === ResourceKind.CHIKATSU_I)
        expect([r.targetGroups, r.ageMin]).toEqual([[TargetGroup.DISABILITY_MENTAL], 18]);
      if (r.kind === ResourceKind.SHURO_TAIKEN) expect(r.rolesOffered).toContain(ParticipationRole.WORK_TRIAL);
      if (r.kind === ResourceKind.VOLUNTEER) expect(r.rolesOffered).toEqual([ParticipationRole.VOLUNTEER]);
    }
    expect(resources.some((r) => r.costPerSessionYen > 0)).toBe(true);
    expect(resources.filter((r) => r.costPerSessionYen === 0).length).toBeGreaterThan(resources.length / 2);
    expect(resources.some((r) => r.openings === 0)).toBe(true);
    expect(resources.some((r) => r.requiresSupportPlan)).toBe(true);
  });

  it("has valid, realistic schedules", () => {
    const freqs = new Set<ScheduleFrequency>();
    for (const { schedule, name } of resources) {
      expect(schedule.rules.length, name).toBeGreaterThan(0);
      for (const rule of schedule.rules) {
        freqs.add(rule.frequency);
        expect(rule.startTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(rule.endTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(rule.startTime < rule.endTime).toBe(true);
        if (rule.frequency === ScheduleFrequency.SPECIFIC_DATES) {
          expect(rule.dates.length).toBeGreaterThan(0);
          for (const d of rule.dates) expect(d >= "2026-12-01" && d <= "2027-03-31", d).toBe(true);
        } else {
          expect(rule.weekdays.length).toBeGreaterThan(0);
        }
        if (rule.frequency === ScheduleFrequency.MONTHLY_NTH_WEEKDAY) {
          for (const n of rule.nthWeeks) expect(n === -1 || (n >= 1 && n <= 5)).toBe(true);
        }
      }
    }
    expect(freqs.size).toBe(3);
    expect(resources.filter((r) => r.schedule.closedOnHolidays).length).toBeGreaterThan(resources.length / 2);
    expect(resources.some((r) => r.schedule.closedDates.length > 0)).toBe(true);
  });

  it("mixes statuses and verification ages so stale listings exist", () => {
    const by = (s: ResourceStatus) => resources.filter((r) => r.status === s).length;
    expect(by(ResourceStatus.ACTIVE)).toBeGreaterThan(resources.length * 0.85);
    expect(by(ResourceStatus.PAUSED)).toBeGreaterThan(0);
    expect(resources.some((r) => r.verifiedDaysAgo === null)).toBe(true);
    expect(resources.some((r) => (r.verifiedDaysAgo ?? 0) > 180)).toBe(true);
    for (const r of resources) if (r.verifiedDaysAgo !== null) expect(r.verifiedDaysAgo).toBeLessThanOrEqual(400);
  });

  // The bench catalogs stream 100,000 listings from the same generator; its speed and the distinctness at that size
  // are measured by `npm run bench:demo-city`, not in a test.
  it("streams more listings than the default run, with distinct names and the default run as prefix", () => {
    const n = DEMO_RESOURCE_COUNT * 10;
    const names = new Set<string>();
    const head: DemoResource[] = [];
    let count = 0;
    for (const r of generateResources(city, n)) {
      if (count < DEMO_RESOURCE_COUNT) head.push(r);
      names.add(r.name);
      expect(r.nameKana).toMatch(KATAKANA);
      count++;
    }
    expect(count).toBe(n);
    expect(names.size).toBe(n);
    expect(head).toEqual(resources);
  });
});
