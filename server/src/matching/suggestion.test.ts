import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { createLogger } from "../core/logger.js";
import { Mobility, SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import type { Person } from "../people/person.entity.js";
import { SupportPlan } from "../people/support-plan.entity.js";
import { ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { ScheduleFrequency, TimeBand, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import { SearchHealth } from "../search/search-health.js";
import { ResourceSearchIndex } from "../search/search-index.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { SuggestionService } from "./suggestion.service.js";

const SUGGEST = /* GraphQL */ `
  query Suggest($personId: ID!, $first: Int) {
    suggestResources(personId: $personId, first: $first) {
      totalCandidates
      degraded
      suggestions {
        score
        distanceMeters
        resource {
          id
          name
        }
        reasons {
          code
          text
          points
        }
        nextSession {
          weekday
          startTime
        }
      }
      excluded {
        resource {
          id
          name
        }
        reasons {
          code
          text
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

// Home at 35.740 / 139.260; 0.0045° of latitude ≈ 500 m north.
const HOME = { lat: 35.74, lng: 139.26 };
const north = (meters: number) => ({ lat: HOME.lat + meters / 111_195, lng: HOME.lng });

let t: TestApp;
let coordinator: Gql;
let elder: Person;
let homeBound: Person;
const ids: Record<string, string> = {};

type Result = {
  totalCandidates: number;
  degraded: boolean;
  suggestions: {
    score: number;
    distanceMeters: number | null;
    resource: { id: string; name: string };
    reasons: { code: string; text: string; points: number }[];
    nextSession: { weekday: string } | null;
  }[];
  excluded: { resource: { id: string; name: string }; reasons: { code: string; text: string }[] }[];
};
const suggest = async (personId: string, first?: number): Promise<Result> => {
  const res = await coordinator(SUGGEST, first === undefined ? { personId } : { personId, first });
  expect(res.errors).toBeUndefined();
  return res.data!.suggestResources;
};
const texts = (reasons: { text: string }[]) => reasons.map((r) => r.text);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  const org = await t.factories.organization();
  const elderly = {
    organizationId: org.id,
    targetGroups: [TargetGroup.SINGLE_ELDERLY],
    activities: ["体操"],
    costPerSessionYen: 0,
  };
  const make = async (key: string, fields: Parameters<TestApp["factories"]["resource"]>[0]) => {
    ids[key] = (await t.factories.resource({ name: key, ...fields })).id;
  };
  await make("火曜の体操", {
    ...elderly,
    ...north(500),
    schedule: weekly([Weekday.TUE]),
    visitAllowed: true,
    openings: 5,
  });
  await make("木曜午後のサロン", {
    ...elderly,
    kind: ResourceKind.SALON,
    activities: ["茶話会"],
    ...north(1_000),
    schedule: weekly([Weekday.THU], "13:30", "15:00"),
  });
  await make("休止中の体操", {
    ...elderly,
    ...north(300),
    schedule: weekly([Weekday.TUE]),
    status: ResourceStatus.PAUSED,
  });
  await make("満員の体操", { ...elderly, ...north(400), schedule: weekly([Weekday.TUE]), capacity: 10, openings: 0 });
  await make("若者の居場所", {
    ...elderly,
    kind: ResourceKind.IBASHO,
    ...north(600),
    schedule: weekly([Weekday.TUE]),
    eligibility: {
      ageMin: 15,
      ageMax: 39,
      certificateRequired: false,
      residenceRequired: false,
      requiresSupportPlan: false,
      referredCasesOnly: false,
    },
  });
  await make("手帳が必要な体操", {
    ...elderly,
    ...north(700),
    schedule: weekly([Weekday.TUE]),
    eligibility: {
      ageMin: null,
      ageMax: null,
      certificateRequired: true,
      residenceRequired: false,
      requiresSupportPlan: false,
      referredCasesOnly: false,
    },
  });
  await make("プランが必要な体操", {
    ...elderly,
    ...north(800),
    schedule: weekly([Weekday.TUE]),
    eligibility: {
      ageMin: null,
      ageMax: null,
      certificateRequired: false,
      residenceRequired: false,
      requiresSupportPlan: true,
      referredCasesOnly: false,
    },
  });
  // 3 km: beyond the 2 km the person goes, within twice that. 3.5 km north and east (4.9 km): beyond twice it, in the
  // corner of the square the candidates come from.
  await make("少し遠くの体操", { ...elderly, ...north(3_000), schedule: weekly([Weekday.TUE]) });
  await make("遠くの体操", {
    ...elderly,
    lat: north(3_500).lat,
    lng: HOME.lng + 3_500 / (111_195 * Math.cos((HOME.lat * Math.PI) / 180)),
    schedule: weekly([Weekday.TUE]),
  });
  await make("在宅の手仕事", {
    organizationId: org.id,
    kind: ResourceKind.HOME_BASED_WORK,
    homeBased: true,
    citywide: true,
    activities: ["手芸"],
    schedule: weekly([Weekday.WED]),
  });
  await make("町外れの体操", { ...elderly, lat: 35.9, lng: 139.6, schedule: weekly([Weekday.TUE]) });

  elder = await t.factories.person({
    birthYear: 1950,
    homeLat: HOME.lat,
    homeLng: HOME.lng,
    needs: {
      targetGroups: [TargetGroup.SINGLE_ELDERLY],
      wantedActivities: ["体操"],
      weekdays: [Weekday.TUE],
      timeBands: [TimeBand.MORNING],
      maxTravelMeters: 2_000,
    },
  });
  homeBound = await t.factories.person({
    homeLat: HOME.lat,
    homeLng: HOME.lng,
    needs: { mobility: Mobility.HOME_BOUND, wantedActivities: ["手芸"] },
  });
  await t.indexNow();
});
afterAll(() => t.close());

describe("suggestResources", () => {
  it("ranks the best fit first and explains it in Japanese", async () => {
    const r = await suggest(elder.id);
    expect(r.degraded).toBe(false);
    const [best] = r.suggestions;
    expect(best.resource.name).toBe("火曜の体操");
    expect(texts(best.reasons)).toEqual(
      expect.arrayContaining([
        "火曜午前の開催が本人の希望と一致",
        "自宅から500m",
        "対象: 単身高齢者",
        "活動: 体操",
        "見学可",
        "空きあり",
        "無料",
      ]),
    );
    expect(best.distanceMeters).toBeGreaterThan(450);
    expect(best.distanceMeters).toBeLessThan(550);
    expect(best.nextSession).toMatchObject({ weekday: "TUE", startTime: "10:00" });
    expect(best.score).toBeGreaterThan(r.suggestions[1].score);
    const scores = r.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("keeps a partial fit, lower and marked with the mismatch", async () => {
    const r = await suggest(elder.id);
    const salon = r.suggestions.find((s) => s.resource.name === "木曜午後のサロン")!;
    expect(texts(salon.reasons)).toContain("開催曜日(木)が本人の希望と合わない");
    expect(salon.reasons.find((x) => x.code === "SCHEDULE_MISMATCH")!.points).toBeLessThan(0);
  });

  it("says what it excluded and why", async () => {
    const r = await suggest(elder.id);
    const why = Object.fromEntries(r.excluded.map((e) => [e.resource.name, texts(e.reasons)]));
    expect(why).toMatchObject({
      休止中の体操: ["休止中"],
      満員の体操: ["満員 (空きなし)"],
      若者の居場所: ["対象年齢外 (15〜39歳が対象)"],
      手帳が必要な体操: ["手帳等が必要"],
      プランが必要な体操: ["支援プランのある人のみ (合意済みのプランがない)"],
      遠くの体操: ["距離が遠すぎる (自宅から4.9km、目安2.0km以内)"],
    });
    const suggested = new Set(r.suggestions.map((s) => s.resource.name));
    for (const name of Object.keys(why)) expect(suggested.has(name), name).toBe(false);
    expect(suggested.has("町外れの体操")).toBe(false); // beyond the search radius: not a candidate at all
    expect(r.totalCandidates).toBe(r.suggestions.length + r.excluded.length);
  });

  it("keeps a listing beyond the distance the person goes (up to twice it), with the distance against it", async () => {
    const r = await suggest(elder.id, 50);
    const far = r.suggestions.find((s) => s.resource.name === "少し遠くの体操")!;
    const reason = far.reasons.find((x) => x.code === "FAR")!;
    expect(reason.text).toBe("自宅から3.0km (目安の2.0kmより遠い)");
    expect(reason.points).toBeLessThan(0);
    const near = r.suggestions.find((s) => s.resource.name === "火曜の体操")!;
    expect(far.score).toBeLessThan(near.score);
  });

  it("suggests plan-only listings once the person has an agreed support plan", async () => {
    const person = await t.factories.person({
      homeLat: HOME.lat,
      homeLng: HOME.lng,
      needs: { targetGroups: [TargetGroup.SINGLE_ELDERLY] },
    });
    const before = await suggest(person.id, 50);
    expect(before.suggestions.map((s) => s.resource.name)).not.toContain("プランが必要な体操");
    const plans = t.db.getRepository(SupportPlan);
    await plans.save(
      plans.create({
        personId: person.id,
        planVersion: SupportPlanVersion.NEW,
        goals: ["週1回外出する"],
        agreedOn: "2026-11-01",
        reviewOn: null,
        status: SupportPlanStatus.AGREED,
        createdById: person.coordinatorId!,
      }),
    );
    const after = await suggest(person.id, 50);
    expect(after.suggestions.map((s) => s.resource.name)).toContain("プランが必要な体操");
  });

  it("offers home-based listings to a home-bound person and excludes places to go to", async () => {
    const r = await suggest(homeBound.id);
    expect(r.suggestions[0].resource.name).toBe("在宅の手仕事");
    expect(texts(r.suggestions[0].reasons)).toEqual(expect.arrayContaining(["自宅で参加できる", "活動: 手芸"]));
    expect(r.suggestions.every((s) => s.resource.name === "在宅の手仕事")).toBe(true);
    expect(r.excluded.some((e) => e.reasons.some((x) => x.code === "PLACE_BASED"))).toBe(true);
  });

  it("returns at most `first`, and refuses a `first` outside 1–50", async () => {
    expect((await suggest(elder.id, 1)).suggestions).toHaveLength(1);
    for (const first of [0, 51]) {
      const res = await coordinator(SUGGEST, { personId: elder.id, first });
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res)).toEqual(["first"]);
    }
  });

  it("is for caseworkers only: HOST and VIEWER get FORBIDDEN; an unknown person is NOT_FOUND", async () => {
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(SUGGEST, { personId: elder.id })), role).toEqual(["FORBIDDEN"]);
    }
    expect(codesOf(await t.anonymous(SUGGEST, { personId: elder.id }))).toEqual(["UNAUTHENTICATED"]);
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    expect(codesOf(await admin(SUGGEST, { personId: "9b2f7c1e-0000-4000-8000-000000000000" }))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await coordinator(SUGGEST, { personId: "not-a-uuid" }))).toEqual(["NOT_FOUND"]);
  });

  it("falls back to PostgreSQL when Meilisearch is unreachable, with the same ranking (degraded)", async () => {
    const unreachable = new ResourceSearchIndex(
      { url: "http://127.0.0.1:9", key: "none", prefix: "gone_" },
      { timeoutMs: 500 },
    );
    const service = new SuggestionService(t.db, unreachable, new SearchHealth(createLogger("silent")));
    const degraded = await service.suggest(elder, 10);
    const healthy = await t.app.services.suggestions.suggest(elder, 10);
    expect(degraded.degraded).toBe(true);
    expect(degraded.suggestions.map((s) => s.resource.id)).toEqual(healthy.suggestions.map((s) => s.resource.id));
    expect(degraded.excluded.map((e) => e.resource.id).sort()).toEqual(
      healthy.excluded.map((e) => e.resource.id).sort(),
    );
  });
});
