import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Certificate, HouseholdIssue, Mobility, ParticipationLevel } from "../people/person.enums.js";
import type { Person } from "../people/person.entity.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceKind, TargetGroup, TransportOption } from "../resources/resource.enums.js";
import { ScheduleFrequency, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";

/*
 * suggestResources on real PostgreSQL and Meilisearch, for the persons the ranking used to fail: a mother offered
 * food pantries, a youth whose mobility was never entered, a 精神手帳 holder ready for work, a 16-year-old 不登校,
 * a carer, and someone whose needs form is empty.
 */

const SUGGEST = /* GraphQL */ `
  query Suggest($personId: ID!) {
    suggestResources(personId: $personId, first: 50) {
      searchArea
      searchRadiusMeters
      basisNote
      suggestions {
        score
        isService
        resource {
          name
        }
        reasons {
          code
          text
          points
        }
      }
      excluded {
        resource {
          name
        }
        reasons {
          code
        }
      }
    }
  }
`;

type Result = {
  searchArea: string;
  searchRadiusMeters: number | null;
  basisNote: string | null;
  suggestions: {
    score: number;
    isService: boolean;
    resource: { name: string };
    reasons: { code: string; text: string; points: number }[];
  }[];
  excluded: { resource: { name: string }; reasons: { code: string }[] }[];
};

const weekly = (weekdays: Weekday[], startTime = "10:00", endTime = "12:00"): ScheduleValue => ({
  rules: [{ frequency: ScheduleFrequency.WEEKLY, weekdays, nthWeeks: [], dates: [], startTime, endTime }],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
});
const noLimits = {
  ageMin: null,
  ageMax: null,
  certificateRequired: false,
  residenceRequired: false,
  requiresSupportPlan: false,
  referredCasesOnly: false,
};

// Away from suggestion.test.ts's listings (35.74 / 139.26), so the two files' data never meet.
const HOME = { lat: 35.52, lng: 139.41 };
const north = (meters: number) => ({ lat: HOME.lat + meters / 111_195, lng: HOME.lng });

let t: TestApp;
let coordinator: Gql;

const suggest = async (person: Person): Promise<Result> => {
  const res = await coordinator(SUGGEST, { personId: person.id });
  expect(res.errors).toBeUndefined();
  return res.data!.suggestResources;
};
const names = (r: Result) => r.suggestions.map((s) => s.resource.name);
const rankOf = (r: Result, name: string) => names(r).indexOf(name);
const find = (r: Result, name: string) => r.suggestions.find((s) => s.resource.name === name)!;
const atHome = { homeLat: HOME.lat, homeLng: HOME.lng };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  const org = await t.factories.organization();
  const make = (name: string, fields: Partial<Resource>) =>
    t.factories.resource({
      name,
      organizationId: org.id,
      schedule: weekly([Weekday.WED]),
      costPerSessionYen: 0,
      ...fields,
    });
  await make("フードパントリーみなみ", {
    kind: ResourceKind.FOOD_PANTRY,
    targetGroups: [TargetGroup.LOW_INCOME, TargetGroup.CHILD_REARING],
    ...north(300),
    openings: 20,
  });
  await make("子育てひろば そらまめ", {
    kind: ResourceKind.KOSODATE_HIROBA,
    targetGroups: [TargetGroup.CHILD_REARING],
    ...north(1_200),
    visitAllowed: true,
  });
  await make("若者の居場所 ほっと", {
    kind: ResourceKind.IBASHO,
    targetGroups: [TargetGroup.YOUTH, TargetGroup.FUTOKO, TargetGroup.HIKIKOMORI],
    activities: ["ボードゲーム", "自習"],
    ...north(3_000),
    visitAllowed: true,
    eligibility: { ...noLimits, ageMin: 15, ageMax: 39 },
  });
  await make("就労体験 はたらくば", {
    kind: ResourceKind.SHURO_TAIKEN,
    targetGroups: [TargetGroup.DISABILITY_MENTAL],
    activities: ["軽作業", "清掃"],
    ...north(1_500),
    trialAllowed: true,
    eligibility: { ...noLimits, certificateRequired: true },
  });
  await make("精神障害者家族会", {
    kind: ResourceKind.SELF_HELP_GROUP,
    targetGroups: [TargetGroup.CAREGIVER, TargetGroup.DISABILITY_MENTAL],
    ...north(800),
  });
  await make("介護者のつどい", {
    kind: ResourceKind.SELF_HELP_GROUP,
    targetGroups: [TargetGroup.CAREGIVER],
    activities: ["情報交換", "茶話会"],
    ...north(1_000),
  });
  await make("生活支援サポーター養成講座", {
    kind: ResourceKind.SUPPORTER_ROLE,
    targetGroups: [TargetGroup.ALL_RESIDENTS],
    ...north(400),
    openings: 30,
    visitAllowed: true,
  });
  await make("ふれあいサロン", {
    kind: ResourceKind.SALON,
    targetGroups: [TargetGroup.ALL_RESIDENTS],
    activities: ["茶話会", "体操"],
    ...north(500),
    visitAllowed: true,
    openings: 10,
  });
  await make("高齢者の居場所 えがお", {
    kind: ResourceKind.IBASHO,
    targetGroups: [TargetGroup.SINGLE_ELDERLY],
    ...north(600),
    visitAllowed: true,
  });
  // Beyond the circles of a walk: a 通いの場 7 km away that fetches its members, and a visiting service 4 km away.
  await make("送迎のある通いの場", {
    kind: ResourceKind.KAYOI_NO_BA,
    targetGroups: [TargetGroup.ELDERLY],
    activities: ["茶話会"],
    transportOptions: [TransportOption.PICKUP],
    ...north(7_000),
  });
  await make("訪問の見守り", {
    kind: ResourceKind.KYOJO_ACTIVITY,
    targetGroups: [TargetGroup.ELDERLY],
    activities: ["訪問", "見守り"],
    visiting: true,
    ...north(4_000),
  });
  await t.indexNow();
});
afterAll(() => t.close());

describe("suggestResources reads the whole record", () => {
  it("does not offer a mother a food pantry for her isolation: the 子育てひろば comes first, the pantry is a service", async () => {
    const mother = await t.factories.person({
      ...atHome,
      birthYear: 1994,
      householdIssues: [HouseholdIssue.ISOLATED_PARENTING],
      needs: { targetGroups: [TargetGroup.CHILD_REARING] },
    });
    const r = await suggest(mother);
    expect(names(r)[0]).toBe("子育てひろば そらまめ");
    expect(find(r, "子育てひろば そらまめ").reasons.map((x) => x.text)).toContain("世帯の課題(子育て家庭の孤立)に合う");
    const pantry = r.suggestions.find((s) => s.resource.name === "フードパントリーみなみ");
    if (pantry) {
      expect(pantry.isService).toBe(true);
      expect(pantry.reasons.map((x) => x.code)).not.toContain("TARGET_GROUP");
      expect(pantry.reasons.find((x) => x.code === "TARGET_OTHER")!.points).toBeLessThan(0);
      expect(pantry.score).toBeLessThan(find(r, "子育てひろば そらまめ").score);
    }
    // Places to go, as the list shows them apart: no pantry among them.
    expect(r.suggestions.filter((s) => !s.isService).map((s) => s.resource.name)).not.toContain(
      "フードパントリーみなみ",
    );
  });

  it("does not hide a 3 km youth 居場所 from a youth whose mobility was never entered, and says which radius it used", async () => {
    const youth = await t.factories.person({
      ...atHome,
      birthYear: 2004,
      needs: { targetGroups: [TargetGroup.HIKIKOMORI] },
    });
    expect(youth.needs.mobility).toBe(Mobility.UNKNOWN);
    const r = await suggest(youth);
    expect(r.searchArea).toBe("自宅から半径3km (移動手段未確認のため)");
    expect(r.searchRadiusMeters).toBe(3_000);
    expect(names(r)).toContain("若者の居場所 ほっと");
    // A walker, by contrast, is offered what is within a walk and is told so.
    const walker = await t.factories.person({
      ...atHome,
      birthYear: 2004,
      needs: { mobility: Mobility.WALK, targetGroups: [TargetGroup.HIKIKOMORI] },
    });
    const w = await suggest(walker);
    expect(w.searchArea).toBe("自宅から半径1km (移動手段に合わせた目安)");
    expect(names(w)).not.toContain("若者の居場所 ほっと");
  });

  it("offers a 精神手帳 holder ready for work the 手帳-required 就労 place, and not the family group or the pantry first", async () => {
    const holder = await t.factories.person({
      ...atHome,
      birthYear: 1985,
      certificates: [Certificate.MENTAL],
      participationLevel: ParticipationLevel.WORK_TRIAL,
      needs: { wishes: "働きたい。軽作業ならできそう" },
    });
    const r = await suggest(holder);
    expect(names(r)[0]).toBe("就労体験 はたらくば");
    expect(r.excluded.map((e) => e.resource.name)).not.toContain("就労体験 はたらくば");
    expect(find(r, "就労体験 はたらくば").reasons.map((x) => x.text)).toEqual(
      expect.arrayContaining(["対象: 障害者(精神)", "就労に向けた段階に合う", "希望・強みに合う: 軽作業"]),
    );
    expect(rankOf(r, "精神障害者家族会")).not.toBe(1);
    const family = find(r, "精神障害者家族会");
    expect(family.reasons.find((x) => x.code === "TARGET_OTHER")!.text).toBe("介護者・家族が対象 (本人は該当なし)");
    // Without the 手帳 recorded, the same place is explained in `excluded`.
    const unrecorded = await t.factories.person({ ...atHome, birthYear: 1985 });
    const u = await suggest(unrecorded);
    expect(u.excluded.find((e) => e.resource.name === "就労体験 はたらくば")!.reasons.map((x) => x.code)).toEqual([
      "CERTIFICATE_REQUIRED",
    ]);
  });

  it("does not offer a 16-year-old 不登校 adult supporter trainings or elderly 居場所 ahead of the youth 居場所", async () => {
    const teen = await t.factories.person({
      ...atHome,
      birthYear: Number(new Date().toISOString().slice(0, 4)) - 16,
      needs: { targetGroups: [TargetGroup.FUTOKO], mobility: Mobility.BICYCLE },
    });
    const r = await suggest(teen);
    expect(names(r)[0]).toBe("若者の居場所 ほっと");
    for (const name of ["生活支援サポーター養成講座", "高齢者の居場所 えがお", "ふれあいサロン"]) {
      const s = find(r, name);
      expect(s.score, name).toBeLessThan(find(r, "若者の居場所 ほっと").score);
      expect(
        s.reasons.map((x) => x.code),
        name,
      ).not.toContain("TARGET_GROUP");
    }
    for (const name of ["生活支援サポーター養成講座", "高齢者の居場所 えがお"])
      expect(
        find(r, name).reasons.map((x) => x.code),
        name,
      ).toContain("TARGET_OTHER");
  });

  it("sends a carer (介護負担) to the carers' places first", async () => {
    const carer = await t.factories.person({
      ...atHome,
      birthYear: 1966,
      householdIssues: [HouseholdIssue.CARE_BURDEN],
    });
    const r = await suggest(carer);
    expect(names(r).slice(0, 2).sort()).toEqual(["介護者のつどい", "精神障害者家族会"].sort());
    expect(find(r, "介護者のつどい").reasons.map((x) => x.text)).toEqual(
      expect.arrayContaining(["対象: 介護者・家族", "世帯の課題(介護負担)に合う"]),
    );
  });

  it("looks further for someone who needs an escort where they are fetched, and for someone who cannot go out where they are visited", async () => {
    const escorted = await t.factories.person({
      ...atHome,
      birthYear: 1941,
      needs: { targetGroups: [TargetGroup.ELDERLY], mobility: Mobility.ESCORT_NEEDED, wantedActivities: ["茶話会"] },
    });
    const r = await suggest(escorted);
    expect(names(r)[0]).toBe("送迎のある通いの場");
    expect(find(r, "送迎のある通いの場").reasons.map((x) => x.text)).toContain("送迎あり");
    // A place without 送迎 nearby is still shown, lower and marked.
    const salon = find(r, "ふれあいサロン");
    expect(salon.reasons.find((x) => x.code === "NO_PICKUP")!.text).toBe("送迎なし (本人は一人で通えない)");
    const bound = await t.factories.person({
      ...atHome,
      birthYear: 1938,
      needs: { targetGroups: [TargetGroup.ELDERLY], mobility: Mobility.HOME_BOUND },
    });
    const visited = await suggest(bound);
    expect(names(visited)).toContain("訪問の見守り");
    expect(find(visited, "訪問の見守り").reasons.map((x) => x.text)).toContain("訪問型 (自宅に来てもらえる)");
  });

  it("with an empty needs form, says what the order rests on instead", async () => {
    const quiet = await t.factories.person({ ...atHome, birthYear: 1950 });
    const r = await suggest(quiet);
    expect(r.basisNote).toBe("本人の希望が未記入のため、年齢・参加の段階・自宅からの距離から提案しています");
    // Age says 高齢者: the elderly 居場所 and the salon are credited for it; the youth places are not offered first.
    expect(find(r, "ふれあいサロン").reasons.map((x) => x.code)).toContain("TARGET_GROUP");
    expect(names(r).slice(0, 3)).not.toContain("子育てひろば そらまめ");
    const named = await t.factories.person({ ...atHome, needs: { wantedActivities: ["体操"] } });
    expect((await suggest(named)).basisNote).toBeNull();
  });
});
