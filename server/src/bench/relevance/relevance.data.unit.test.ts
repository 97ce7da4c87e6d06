import { describe, expect, it } from "vitest";
import { DEMO_RESOURCE_COUNT, generateDemoCity, generateResources } from "../../db/seed/demo-city.js";
import { ResourceStatus } from "../../resources/resource.enums.js";
import { Certificate } from "../../people/person.enums.js";
import { loadJudgedSet, toCreatePersonInput } from "./relevance.data.js";

const set = loadJudgedSet();
const city = generateDemoCity();
const listings = new Map([...generateResources(city, DEMO_RESOURCE_COUNT)].map((r) => [r.name, r]));

describe("judged evaluation set", () => {
  it("has ≥ 40 personas and ≥ 60 queries, every one judged, with variant groups of ≥ 2 forms", () => {
    expect(set.personas.length).toBeGreaterThanOrEqual(40);
    expect(set.queries.length).toBeGreaterThanOrEqual(60);
    for (const p of set.personas)
      expect(
        set.personaJudgements.get(p.key)?.some((j) => j.grade >= 2),
        p.key,
      ).toBe(true);
    for (const q of set.queries)
      expect(
        set.queryJudgements.get(q.key)?.some((j) => j.grade >= 2),
        q.key,
      ).toBe(true);
    const groups = new Map<string, number>();
    for (const q of set.queries) if (q.variantGroup) groups.set(q.variantGroup, (groups.get(q.variantGroup) ?? 0) + 1);
    expect(groups.size).toBeGreaterThanOrEqual(8);
    for (const [group, n] of groups) expect(n, group).toBeGreaterThanOrEqual(2);
  });

  it("judges only listings that exist in the generated demo city, and grades > 0 only active ones", () => {
    for (const judgements of [...set.personaJudgements.values(), ...set.queryJudgements.values()]) {
      for (const j of judgements) {
        const listing = listings.get(j.listing);
        expect(listing, j.listing).toBeDefined();
        if (j.grade > 0) expect(listing?.status, j.listing).toBe(ResourceStatus.ACTIVE);
      }
    }
  });

  it("turns every persona into a createPerson input as the form would send it", () => {
    const areas = new Map(city.areas.map((a) => [a.key, `id-${a.key}`]));
    for (const p of set.personas) {
      const input = toCreatePersonInput(p, areas, "2026-12-01");
      expect(input.displayName).toBe(p.displayName);
      expect(input.certificates).toEqual(p.certificates);
      expect(input.needs).toEqual(p.needs);
      if (p.homeTown)
        expect([typeof input.homeLat, String(input.areaId).startsWith("id-wa-")]).toEqual(["number", true]);
    }
  });

  it("includes sparse personas (three fields or fewer) and the caregiver, 手帳 and unknown-mobility cases", () => {
    const fieldCount = (p: (typeof set.personas)[number]) =>
      Object.keys(p).filter((k) => !["key", "summary", "displayName", "needs"].includes(k)).length +
      Object.keys(p.needs ?? {}).length;
    expect(set.personas.filter((p) => fieldCount(p) <= 3).length).toBeGreaterThanOrEqual(5);
    expect(set.personas.some((p) => p.certificates?.includes(Certificate.MENTAL))).toBe(true);
    expect(set.personas.some((p) => p.needs?.targetGroups?.includes("CAREGIVER"))).toBe(true);
    expect(set.personas.some((p) => p.needs?.mobility === "UNKNOWN")).toBe(true);
  });
});
