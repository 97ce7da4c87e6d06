import { describe, expect, it } from "vitest";
import { EMPTY_NEEDS } from "../people/needs-profile.js";
import {
  Certificate,
  GroupSizePreference,
  HouseholdIssue,
  Mobility,
  ParticipationLevel,
} from "../people/person.enums.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { ScheduleFrequency, TimeBand, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import {
  bandsOf,
  exclusionsFor,
  scoreResource,
  upcomingOf,
  type PersonFacts,
  type ResourceFacts,
  type ScoreContext,
} from "./suggestion.score.js";
import { isServiceKind } from "./suggestion.profile.js";

const NOW = new Date("2026-11-24T01:00:00Z"); // Tuesday 2026-11-24 10:00 JST

const schedule = (rules: Partial<ScheduleValue["rules"][number]>[]): ScheduleValue => ({
  rules: rules.map((r) => ({
    frequency: ScheduleFrequency.WEEKLY,
    weekdays: [],
    nthWeeks: [],
    dates: [],
    startTime: "10:00",
    endTime: "11:30",
    ...r,
  })),
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
});
const weekly = (weekdays: Weekday[], startTime = "10:00", endTime = "11:30") =>
  schedule([{ weekdays, startTime, endTime }]);

const person = (
  overrides: Partial<Omit<PersonFacts, "needs">> & { needs?: Partial<PersonFacts["needs"]> } = {},
): PersonFacts => {
  const { needs, ...rest } = overrides;
  return {
    birthYear: null,
    ageBand: null,
    homeLat: null,
    homeLng: null,
    hasAgreedPlan: false,
    ...rest,
    needs: { ...EMPTY_NEEDS, ...needs },
  };
};

const resource = (
  overrides: Partial<Omit<ResourceFacts, "eligibility">> & { eligibility?: Partial<ResourceFacts["eligibility"]> } = {},
): ResourceFacts => {
  const { eligibility, ...rest } = overrides;
  return {
    status: ResourceStatus.ACTIVE,
    kind: ResourceKind.KAYOI_NO_BA,
    targetGroups: [],
    activities: [],
    openings: null,
    costPerSessionYen: 100,
    accessibility: [],
    transportOptions: [],
    rolesOffered: [],
    visitAllowed: false,
    trialAllowed: false,
    homeBased: false,
    visiting: false,
    schedule: schedule([]),
    verifiedAt: null,
    ...rest,
    eligibility: {
      ageMin: null,
      ageMax: null,
      certificateRequired: false,
      residenceRequired: false,
      requiresSupportPlan: false,
      referredCasesOnly: false,
      ...eligibility,
    },
  };
};

const ctx = (r?: ResourceFacts, distanceMeters: number | null = null): ScoreContext => ({
  now: NOW,
  distanceMeters,
  ...(r ? { upcoming: upcomingOf(r.schedule, NOW) } : {}),
});
const score = (p: PersonFacts, r: ResourceFacts) => scoreResource(p, r, ctx(r));
const reason = (p: PersonFacts, r: ResourceFacts, code: string) => score(p, r).reasons.find((x) => x.code === code);
const codes = (p: PersonFacts, r: ResourceFacts) => score(p, r).reasons.map((x) => x.code);
const sumOf = (s: { reasons: { points: number }[] }) => s.reasons.reduce((t, r) => t + r.points, 0);

// A mother in her early thirties, alone with a toddler: 子ども・子育て, 孤立した子育て.
const mother = person({
  birthYear: 1994,
  householdIssues: [HouseholdIssue.ISOLATED_PARENTING],
  participationLevel: ParticipationLevel.GOES_OUT,
  needs: { targetGroups: [TargetGroup.CHILD_REARING] },
});
const pantry = resource({
  kind: ResourceKind.FOOD_PANTRY,
  targetGroups: [TargetGroup.LOW_INCOME, TargetGroup.CHILD_REARING],
  costPerSessionYen: 0,
  openings: 10,
});
const hiroba = resource({
  kind: ResourceKind.KOSODATE_HIROBA,
  targetGroups: [TargetGroup.CHILD_REARING],
  schedule: weekly([Weekday.TUE, Weekday.THU]),
  visitAllowed: true,
});

describe("target groups, both ways", () => {
  it("does not credit a food pantry for 生活困窮 to a mother who is not 生活困窮, although it also lists 子育て", () => {
    expect(codes(mother, pantry)).not.toContain("TARGET_GROUP");
    const other = reason(mother, pantry, "TARGET_OTHER")!;
    expect(other.text).toBe("生活困窮の人が対象 (本人は該当なし)");
    expect(other.points).toBeLessThan(0);
    expect(score(mother, hiroba).score).toBeGreaterThan(score(mother, pantry).score + 30);
    expect(reason(mother, hiroba, "HOUSEHOLD")!.text).toBe("世帯の課題(子育て家庭の孤立)に合う");
    // The same pantry does fit a household recorded as 生活困窮.
    const poor = { ...mother, householdIssues: [HouseholdIssue.POVERTY] };
    expect(reason(poor, pantry, "TARGET_GROUP")!.text).toBe("対象: 生活困窮・子ども・子育て");
    expect(codes(poor, pantry)).toContain("HOUSEHOLD");
  });

  it("keeps a listing for either of two situations open to someone in one of them", () => {
    const hikikomori = person({ needs: { targetGroups: [TargetGroup.HIKIKOMORI] } });
    const ibasho = resource({
      kind: ResourceKind.IBASHO,
      targetGroups: [TargetGroup.HIKIKOMORI, TargetGroup.DISABILITY_MENTAL],
    });
    expect(reason(hikikomori, ibasho, "TARGET_GROUP")!.text).toBe("対象: ひきこもり");
    expect(codes(hikikomori, ibasho)).not.toContain("TARGET_OTHER");
  });

  it("does not offer a 16-year-old 不登校 adult supporter trainings or elderly 居場所, and credits a youth 居場所", () => {
    const teen = person({ birthYear: 2010, needs: { targetGroups: [TargetGroup.FUTOKO] } });
    const training = resource({ kind: ResourceKind.SUPPORTER_ROLE, targetGroups: [TargetGroup.ALL_RESIDENTS] });
    const elderlyIbasho = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.SINGLE_ELDERLY] });
    const salon = resource({ kind: ResourceKind.SALON, targetGroups: [TargetGroup.ALL_RESIDENTS] });
    const youth = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.YOUTH, TargetGroup.FUTOKO] });
    expect(reason(teen, training, "TARGET_OTHER")!.text).toBe("大人向けの生活支援サポーター (本人は15〜16歳)");
    expect(reason(teen, elderlyIbasho, "TARGET_OTHER")!.text).toBe("高齢者向け (本人は15〜16歳)");
    // 全市民 on a kind run for older residents is not 「対象: 全市民」 for a teenager.
    expect(codes(teen, salon)).not.toContain("TARGET_GROUP");
    expect(reason(teen, youth, "TARGET_GROUP")!.text).toBe("対象: 若者・不登校");
    const ranked = [training, elderlyIbasho, salon, youth].map((r) => score(teen, r).score);
    expect(Math.max(...ranked.slice(0, 3))).toBeLessThan(ranked[3]);
  });

  it("gives 全市民 to an older person at a salon, and derives 高齢者 from the age alone", () => {
    const elder = person({ birthYear: 1948 });
    const salon = resource({ kind: ResourceKind.SALON, targetGroups: [TargetGroup.ALL_RESIDENTS] });
    expect(reason(elder, salon, "TARGET_GROUP")!.text).toBe("対象: 全市民");
    expect(reason(elder, resource({ targetGroups: [TargetGroup.ELDERLY] }), "TARGET_GROUP")!.text).toBe("対象: 高齢者");
  });

  it("keeps a carers' meeting for carers: a 手帳 holder is not its audience, a carer is", () => {
    const familyGroup = resource({
      kind: ResourceKind.SELF_HELP_GROUP,
      targetGroups: [TargetGroup.CAREGIVER, TargetGroup.DISABILITY_MENTAL],
    });
    const holder = person({ certificates: [Certificate.MENTAL] });
    expect(reason(holder, familyGroup, "TARGET_OTHER")!.text).toBe("介護者・家族が対象 (本人は該当なし)");
    const carer = person({ householdIssues: [HouseholdIssue.CARE_BURDEN] });
    expect(reason(carer, familyGroup, "TARGET_GROUP")!.text).toBe("対象: 介護者・家族");
    // Open to a carer, but a family group for mental illness is not what 介護負担 asks for; a carers' meeting is.
    expect(reason(carer, familyGroup, "HOUSEHOLD")).toBeUndefined();
    const carersMeeting = resource({ ...familyGroup, name: "介護者のつどい あじさい" });
    expect(reason(carer, carersMeeting, "HOUSEHOLD")!.text).toBe("世帯の課題(介護負担)に合う");
  });
});

describe("household issues", () => {
  it("sends a caregiver household to carers' places by name or activity; the 介護者・家族 group alone is a target fit", () => {
    const carer = person({ householdIssues: [HouseholdIssue.CARE_BURDEN] });
    const cafe = resource({ kind: ResourceKind.COMMUNITY_CAFE, targetGroups: [TargetGroup.CAREGIVER] });
    const named = resource({ kind: ResourceKind.SELF_HELP_GROUP, name: "介護者のつどい ひだまり" });
    const consult = resource({ kind: ResourceKind.COMMUNITY_CAFE, activities: ["介護相談"] });
    const plain = resource({ kind: ResourceKind.COMMUNITY_CAFE, targetGroups: [TargetGroup.ALL_RESIDENTS] });
    expect(codes(carer, named)).toContain("HOUSEHOLD");
    expect(codes(carer, consult)).toContain("HOUSEHOLD");
    expect(codes(carer, cafe)).toEqual(expect.arrayContaining(["TARGET_GROUP"]));
    expect(codes(carer, cafe)).not.toContain("HOUSEHOLD");
    expect(codes(carer, plain)).not.toContain("HOUSEHOLD");
    expect(score(carer, named).score).toBeGreaterThan(score(carer, cafe).score);
    expect(score(carer, cafe).score).toBeGreaterThan(score(carer, plain).score);
  });

  it("weighs a listing by the share of the household's issues it addresses, by what it is before whom it is for", () => {
    const evicted = person({ householdIssues: [HouseholdIssue.HOUSING, HouseholdIssue.POVERTY] });
    const housing = resource({ kind: ResourceKind.HOUSING_SUPPORT, targetGroups: [TargetGroup.LOW_INCOME] });
    const job = resource({ kind: ResourceKind.SHURO_TAIKEN, targetGroups: [TargetGroup.LOW_INCOME] });
    const pantry = resource({ kind: ResourceKind.FOOD_PANTRY, targetGroups: [TargetGroup.LOW_INCOME] });
    // A service meets an issue by its kind only: the 居住支援 answers 住まい, not 生活困窮 as a whole.
    expect(reason(evicted, housing, "HOUSEHOLD")!.text).toBe("世帯の課題(住まいの課題)に合う");
    expect(reason(evicted, pantry, "HOUSEHOLD")!.text).toBe("世帯の課題(生活困窮)に合う");
    // A job open to 生活困窮 meets it by half: less than a pantry that is for it.
    expect(reason(evicted, job, "HOUSEHOLD")!.points).toBeLessThan(reason(evicted, pantry, "HOUSEHOLD")!.points);
    expect(reason(evicted, job, "HOUSEHOLD")!.points).toBeLessThan(reason(evicted, housing, "HOUSEHOLD")!.points);
  });
});

describe("groups from the age alone", () => {
  it("count a quarter when the record states groups of its own, and fully when it states none", () => {
    const youthPlace = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.YOUTH] });
    const mother = person({ birthYear: 2000, needs: { targetGroups: [TargetGroup.CHILD_REARING] } });
    const young = person({ birthYear: 2000 });
    expect(reason(mother, youthPlace, "TARGET_GROUP")!.text).toBe("対象: 若者 (年齢から)");
    expect(reason(young, youthPlace, "TARGET_GROUP")!.text).toBe("対象: 若者");
    const hiroba = resource({ kind: ResourceKind.KOSODATE_HIROBA, targetGroups: [TargetGroup.CHILD_REARING] });
    expect(score(mother, hiroba).score).toBeGreaterThan(score(mother, youthPlace).score);
  });
});

describe("volunteer roles", () => {
  it("fit by group fully only someone who asked to help; others see them marked 担い手として at half", () => {
    const role = resource({ kind: ResourceKind.VOLUNTEER, targetGroups: [TargetGroup.ELDERLY] });
    const elder = person({ needs: { targetGroups: [TargetGroup.ELDERLY] } });
    const helper = person({ needs: { targetGroups: [TargetGroup.ELDERLY], roles: [ParticipationRole.VOLUNTEER] } });
    expect(reason(elder, role, "TARGET_GROUP")!.text).toBe("対象: 高齢者 (担い手として)");
    expect(reason(helper, role, "TARGET_GROUP")!.text).toBe("対象: 高齢者");
    expect(reason(elder, role, "TARGET_GROUP")!.points).toBeLessThan(reason(helper, role, "TARGET_GROUP")!.points);
  });
});

describe("送迎 for someone who cannot go out alone", () => {
  it("weighs five times what it weighs for a bus user, and a place without it counts against", () => {
    const pickup = resource({ transportOptions: [TransportOption.PICKUP] });
    const visiting = resource({ visiting: true });
    const walkIn = resource({ transportOptions: [TransportOption.BUS_STOP_NEARBY] });
    const escort = person({ needs: { mobility: Mobility.ESCORT_NEEDED } });
    const bus = person({ needs: { mobility: Mobility.DEMAND_BUS } });
    // Besides transport only the always-counted weights (空き 4, 見学 3, 体験 2, 無料 3, 確認 3 = 15) can be earned:
    // 送迎 is 25 of 40 for the escort-needed person and 5 of 20 for the bus user.
    expect(reason(escort, pickup, "ESCORT")!.points).toBe(62.5);
    expect(reason(bus, pickup, "TRANSPORT")!.points).toBe(25);
    expect(reason(escort, visiting, "ESCORT")!.text).toBe("訪問型 (自宅に来てもらえる)");
    expect(reason(escort, walkIn, "NO_PICKUP")!.points).toBeLessThan(0);
    expect(score(escort, pickup).score).toBeGreaterThan(score(escort, walkIn).score);
  });
});

describe("certificates (手帳)", () => {
  const work = resource({
    kind: ResourceKind.SHURO_TAIKEN,
    targetGroups: [TargetGroup.DISABILITY_MENTAL, TargetGroup.DISABILITY_INTELLECTUAL],
    eligibility: { certificateRequired: true },
  });

  it("opens a 手帳-required 就労 place to a holder of the right 手帳, not to others", () => {
    const mental = person({ certificates: [Certificate.MENTAL], participationLevel: ParticipationLevel.WORK_TRIAL });
    expect(exclusionsFor(mental, work, ctx())).toEqual([]);
    expect(exclusionsFor(person({ certificates: [Certificate.PHYSICAL] }), work, ctx()).map((r) => r.code)).toEqual([
      "CERTIFICATE_REQUIRED",
    ]);
    expect(exclusionsFor(person(), work, ctx()).map((r) => r.code)).toEqual(["CERTIFICATE_REQUIRED"]);
    // A listing that names no disability group takes any 手帳.
    const any = resource({ eligibility: { certificateRequired: true } });
    expect(exclusionsFor(person({ certificates: [Certificate.PHYSICAL] }), any, ctx())).toEqual([]);
    // And the holder is credited for the group and the step they are at.
    expect(reason(mental, work, "TARGET_GROUP")!.text).toBe("対象: 障害者(精神)");
    expect(reason(mental, work, "PARTICIPATION")!.text).toBe("就労に向けた段階に合う");
  });
});

describe("time windows, frequency and the next session", () => {
  it("counts a session in every band it overlaps by an hour: a 10:00–15:00 drop-in fits an afternoon", () => {
    expect(bandsOf("10:00", "15:00")).toEqual([TimeBand.MORNING, TimeBand.AFTERNOON]);
    expect(bandsOf("10:00", "12:30")).toEqual([TimeBand.MORNING]);
    expect(bandsOf("16:00", "19:00")).toEqual([TimeBand.AFTERNOON, TimeBand.EVENING]);
    expect(bandsOf("9:00", "15:00")).toEqual([]); // an unreadable start stays out of every band
    const afternoon = person({ needs: { timeBands: [TimeBand.AFTERNOON] } });
    const dropIn = resource({ kind: ResourceKind.IBASHO, schedule: weekly([Weekday.WED], "10:00", "15:00") });
    expect(reason(afternoon, dropIn, "SCHEDULE")!.text).toBe("午後の開催が本人の希望と一致");
    const morningOnly = resource({ schedule: weekly([Weekday.WED], "10:00", "12:30") });
    expect(codes(afternoon, morningOnly)).toContain("SCHEDULE_MISMATCH");
  });

  it("ranks weekly above monthly above twice a year, and marks a next session months away", () => {
    const p = person();
    const base = { openings: 3, visitAllowed: true, costPerSessionYen: 0 };
    const weeklyOne = resource({ ...base, schedule: weekly([Weekday.THU]) });
    const monthly = resource({
      ...base,
      schedule: schedule([
        { frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.THU], nthWeeks: [1] },
      ]),
    });
    const twiceAYear = resource({
      ...base,
      schedule: schedule([{ frequency: ScheduleFrequency.SPECIFIC_DATES, dates: ["2027-03-24", "2027-09-22"] }]),
    });
    expect(upcomingOf(weeklyOne.schedule, NOW)).toEqual({ sessions: 13, next: { date: "2026-11-26", days: 2 } });
    expect(codes(p, weeklyOne).filter((c) => c === "INFREQUENT" || c === "NEXT_FAR")).toEqual([]);
    expect(reason(p, monthly, "INFREQUENT")!.text).toBe("開催は月1回程度");
    expect(reason(p, twiceAYear, "INFREQUENT")!.text).toBe("開催は数か月に1回以下");
    const far = reason(p, twiceAYear, "NEXT_FAR")!;
    expect(far.text).toBe("次回は4か月後 (3月24日)");
    expect(far.points).toBeLessThan(0);
    const [w, m, y] = [weeklyOne, monthly, twiceAYear].map((r) => score(p, r).score);
    expect(w).toBeGreaterThan(m);
    expect(m).toBeGreaterThan(y);
    // Points still add up to the score.
    expect(sumOf(score(p, monthly))).toBeCloseTo(m, 0);
    const ended = resource({
      schedule: schedule([{ frequency: ScheduleFrequency.SPECIFIC_DATES, dates: ["2026-10-01"] }]),
    });
    expect(reason(p, ended, "NEXT_FAR")!.text).toBe("今後の開催日が未定");
  });
});

describe("services apart from places to go", () => {
  it("flags service kinds and words their schedule as 利用, never as 開催", () => {
    expect(
      [ResourceKind.SERVICE_B, ResourceKind.HOUSING_SUPPORT, ResourceKind.SHELTER, ResourceKind.FOOD_PANTRY].every(
        isServiceKind,
      ),
    ).toBe(true);
    expect(isServiceKind(ResourceKind.IBASHO)).toBe(false);
    const tue = person({ needs: { weekdays: [Weekday.TUE], timeBands: [TimeBand.MORNING] } });
    const serviceB = resource({ kind: ResourceKind.SERVICE_B, schedule: weekly([Weekday.TUE]) });
    expect(reason(tue, serviceB, "SCHEDULE")!.text).toBe("火曜午前に利用でき、本人の希望と一致");
    const mon = person({ needs: { weekdays: [Weekday.MON] } });
    expect(reason(mon, serviceB, "SCHEDULE_MISMATCH")!.text).toBe("利用できる曜日(火)が本人の希望と合わない");
    const monthlyService = resource({
      kind: ResourceKind.FOOD_PANTRY,
      schedule: schedule([
        { frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY, weekdays: [Weekday.SAT], nthWeeks: [2] },
      ]),
    });
    expect(reason(person(), monthlyService, "INFREQUENT")!.text).toBe("利用できる日は月1回程度");
    expect(score(tue, serviceB).reasons.every((r) => !r.text.includes("開催"))).toBe(true);
  });

  it("neither gives nor counts the participation step for a service", () => {
    const early = person({ participationLevel: ParticipationLevel.NO_CONTACT });
    const pantry = resource({ kind: ResourceKind.FOOD_PANTRY, visitAllowed: true, capacity: 8 });
    expect(codes(early, pantry)).not.toContain("PARTICIPATION");
    expect(score(early, pantry).score).toBe(score(person(), pantry).score);
  });
});

describe("participation step, group size, wishes and strengths", () => {
  it("puts small, low-threshold places first for someone with no contact yet", () => {
    const first = person({ participationLevel: ParticipationLevel.NO_CONTACT });
    const easy = resource({ kind: ResourceKind.IBASHO, visitAllowed: true, capacity: 8 });
    const big = resource({ kind: ResourceKind.SPORT, capacity: 40 });
    expect(reason(first, easy, "PARTICIPATION")!.text).toBe(
      "はじめの一歩に向く: 見学・体験できる・予約なしで行ける・少人数",
    );
    expect(codes(first, big)).not.toContain("PARTICIPATION");
    expect(score(first, easy).score).toBeGreaterThan(score(first, big).score);
    const noReservation = resource({ kind: ResourceKind.SPORT, accessibility: [Accessibility.NO_RESERVATION] });
    expect(reason(first, noReservation, "PARTICIPATION")!.text).toBe("はじめの一歩に向く: 予約なしで行ける");
  });

  it("offers work to the work-ready: 就労体験 above a salon", () => {
    const ready = person({ participationLevel: ParticipationLevel.WORK_TRIAL });
    const taiken = resource({ kind: ResourceKind.SHURO_TAIKEN });
    expect(codes(ready, taiken)).toContain("PARTICIPATION");
    expect(codes(ready, resource({ kind: ResourceKind.SALON }))).not.toContain("PARTICIPATION");
  });

  it("matches a small-group preference to the 定員, and wishes and strengths to activities", () => {
    const small = person({ needs: { groupSize: GroupSizePreference.SMALL_GROUP } });
    expect(reason(small, resource({ capacity: 8 }), "GROUP_SIZE")!.text).toBe("少人数");
    expect(codes(small, resource({ capacity: 30 }))).not.toContain("GROUP_SIZE");
    const cook = person({ needs: { wishes: "人の役に立ちたい", strengths: "料理が得意。ﾊﾟｿｺﾝも少し" } });
    const kitchen = resource({ activities: ["料理", "配膳", "パソコン"] });
    expect(reason(cook, kitchen, "WISHES")!.text).toBe("希望・強みに合う: 料理・パソコン");
    expect(codes(cook, resource({ activities: ["体操"] }))).not.toContain("WISHES");
  });

  it("finds the words of a wish in a listing's description when its activities do not name them", () => {
    const p = person({ needs: { wishes: "昔は畑仕事をしていた。土いじりがしたい", strengths: "" } });
    const farm = resource({
      activities: ["農作業"],
      description: "市民農園で野菜を育てます。畑仕事の経験は問いません。",
    });
    // 農作業 by the synonyms table (畑仕事 → 農作業), 畑仕事 from the description.
    expect(reason(p, farm, "WISHES")!.text).toBe("希望・強みに合う: 農作業・畑仕事");
    expect(codes(p, resource({ activities: ["体操"], description: "椅子に座ってできる体操です。" }))).not.toContain(
      "WISHES",
    );
  });

  it("every reason keeps its share, and they add up to the score", () => {
    const s = score(mother, hiroba);
    expect(s.reasons.every((r) => typeof r.points === "number" && r.text.length > 0)).toBe(true);
    expect(sumOf(s)).toBeCloseTo(s.score, 0);
  });
});

describe("what the listing is about decides, the practicalities count in proportion", () => {
  const elder = person({ birthYear: 1950, needs: { targetGroups: [TargetGroup.ELDERLY], wantedActivities: ["囲碁"] } });
  const practical = {
    openings: 5,
    visitAllowed: true,
    trialAllowed: true,
    costPerSessionYen: 0,
    verifiedAt: NOW,
  } as const;

  it("keeps a near, open, free listing about nothing asked below one that is about it", () => {
    const nearNothing = resource({ ...practical, kind: ResourceKind.SPORT });
    const igo = resource({
      kind: ResourceKind.KAYOI_NO_BA,
      activities: ["囲碁"],
      targetGroups: [TargetGroup.ELDERLY],
    });
    expect(score(elder, igo).score).toBeGreaterThan(score(elder, nearNothing).score);
    // Meeting none of it, it keeps PRACTICAL_FLOOR (0.3) of its practical points: 空きあり 4 × 0.3 of 47.
    expect(reason(elder, nearNothing, "OPENINGS")!.points).toBeCloseTo((4 * 0.3 * 100) / 47, 1);
    // Meeting all of it, the whole.
    expect(reason(elder, { ...igo, ...practical }, "OPENINGS")!.points).toBeCloseTo((4 * 100) / 47, 1);
  });

  it("does not suggest a service for whom it serves: a 居住支援 earns no group fit from a 手帳 holder with a home", () => {
    const holder = person({ certificates: [Certificate.MENTAL] });
    const housing = resource({ kind: ResourceKind.HOUSING_SUPPORT, targetGroups: [TargetGroup.DISABILITY_MENTAL] });
    expect(codes(holder, housing)).not.toContain("TARGET_GROUP");
    const evicted = person({ certificates: [Certificate.MENTAL], householdIssues: [HouseholdIssue.HOUSING] });
    expect(codes(evicted, housing)).toEqual(expect.arrayContaining(["TARGET_GROUP", "HOUSEHOLD"]));
    // Someone who cannot go out asks, by that, for help at home.
    const homeHelp = resource({ kind: ResourceKind.SERVICE_B, targetGroups: [TargetGroup.ELDERLY], visiting: true });
    const bound = person({ needs: { targetGroups: [TargetGroup.ELDERLY], mobility: Mobility.HOME_BOUND } });
    expect(codes(bound, homeHelp)).toContain("TARGET_GROUP");
  });

  it("counts a workplace, or helping others, against someone at an early step who did not ask for it", () => {
    const early = person({ participationLevel: ParticipationLevel.SUPPORTER_CONTACT });
    const job = resource({ kind: ResourceKind.SHURO_TAIKEN });
    expect(reason(early, job, "LATER_STEP")!.text).toBe("就労の場 (本人はまだはじめの一歩の段階)");
    expect(reason(early, job, "LATER_STEP")!.points).toBeLessThan(0);
    const asked = person({
      participationLevel: ParticipationLevel.GOES_OUT,
      needs: { wantedKinds: [ResourceKind.SHURO_JUNBI] },
    });
    expect(codes(asked, job)).not.toContain("LATER_STEP");
    // Preparation for work, or work at home, is a first step itself.
    expect(codes(early, resource({ kind: ResourceKind.SHURO_JUNBI }))).not.toContain("LATER_STEP");
    const volunteering = resource({ kind: ResourceKind.VOLUNTEER });
    expect(reason(early, volunteering, "LATER_STEP")!.text).toBe("担い手の活動 (本人はまだはじめの一歩の段階)");
    const helper = person({
      participationLevel: ParticipationLevel.SUPPORTER_CONTACT,
      needs: { roles: [ParticipationRole.VOLUNTEER] },
    });
    expect(codes(helper, volunteering)).not.toContain("LATER_STEP");
    const noContact = person({ participationLevel: ParticipationLevel.NO_CONTACT });
    expect(reason(noContact, resource({ homeBased: true }), "PARTICIPATION")!.text).toBe(
      "はじめの一歩に向く: 自宅でできる",
    );
  });

  it("lets a place for families answer a household's poverty only when there is a child in it", () => {
    const shokudo = resource({
      kind: ResourceKind.KODOMO_SHOKUDO,
      targetGroups: [TargetGroup.ALL_RESIDENTS, TargetGroup.CHILDREN, TargetGroup.LOW_INCOME],
    });
    const single = person({ householdIssues: [HouseholdIssue.POVERTY] });
    const parent = person({
      householdIssues: [HouseholdIssue.POVERTY],
      needs: { targetGroups: [TargetGroup.CHILD_REARING] },
    });
    expect(reason(parent, shokudo, "HOUSEHOLD")!.points).toBeGreaterThan(
      reason(single, shokudo, "HOUSEHOLD")?.points ?? 0,
    );
    // A 相談会 is where a household short of money starts.
    expect(codes(single, resource({ kind: ResourceKind.DROP_IN_EVENT, name: "まちかど相談会" }))).toContain(
      "HOUSEHOLD",
    );
  });

  it("reads a listing naming 全市民 as open to all, and 妊産婦 beside 子育て as 「妊娠中の方も」", () => {
    const child = person({ birthYear: 2016, needs: { targetGroups: [TargetGroup.CHILDREN] } });
    const shokudo = resource({
      kind: ResourceKind.KODOMO_SHOKUDO,
      targetGroups: [TargetGroup.ALL_RESIDENTS, TargetGroup.CHILDREN, TargetGroup.LOW_INCOME],
    });
    expect(codes(child, shokudo)).toContain("TARGET_GROUP");
    expect(codes(child, shokudo)).not.toContain("TARGET_OTHER");
    const hirobaBoth = resource({
      kind: ResourceKind.KOSODATE_HIROBA,
      targetGroups: [TargetGroup.PREGNANT, TargetGroup.CHILD_REARING],
    });
    expect(reason(mother, hirobaBoth, "TARGET_GROUP")!.text).toBe("対象: 子ども・子育て");
    expect(codes(mother, hirobaBoth)).not.toContain("TARGET_OTHER");
    // A food pantry naming no 全市民 is still aimed at 生活困窮.
    const pantry = resource({
      kind: ResourceKind.FOOD_PANTRY,
      targetGroups: [TargetGroup.LOW_INCOME, TargetGroup.CHILD_REARING],
    });
    expect(codes(mother, pantry)).toContain("TARGET_OTHER");
  });

  it("serves someone in a situation first by places for it: 全市民 and a broad group alone are less of a fit", () => {
    const hikikomori = person({
      birthYear: 2000,
      needs: { targetGroups: [TargetGroup.HIKIKOMORI, TargetGroup.YOUTH] },
    });
    const young = person({ birthYear: 2000, needs: { targetGroups: [TargetGroup.YOUTH] } });
    const points = (p: PersonFacts, r: ResourceFacts) => reason(p, r, "TARGET_GROUP")?.points ?? 0;
    const forAll = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.ALL_RESIDENTS] });
    const forYouth = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.YOUTH] });
    const forThem = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.HIKIKOMORI] });
    expect(points(hikikomori, forAll)).toBeLessThan(points(young, forAll));
    expect(points(hikikomori, forYouth)).toBeCloseTo(points(hikikomori, forThem) / 2, 0);
  });

  it("gives the whole group fit to a place made for the group, less to one only open to it", () => {
    const older = person({ birthYear: 1950, needs: { targetGroups: [TargetGroup.ELDERLY] } });
    const kayoi = resource({ kind: ResourceKind.KAYOI_NO_BA, targetGroups: [TargetGroup.ELDERLY] });
    const craft = resource({ kind: ResourceKind.SELF_HELP_GROUP, targetGroups: [TargetGroup.ELDERLY] });
    expect(reason(older, craft, "TARGET_GROUP")!.points).toBeCloseTo(
      reason(older, kayoi, "TARGET_GROUP")!.points * 0.75,
      0,
    );
  });

  it("credits 単身高齢者 by half to an older person whose household is not recorded, and keeps 子育て places from them", () => {
    const older = person({ birthYear: 1950 });
    const single = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.SINGLE_ELDERLY] });
    expect(reason(older, single, "TARGET_GROUP")!.text).toBe("対象: 単身高齢者 (ひとり暮らしかは未確認)");
    const hiroba2 = resource({ kind: ResourceKind.KOSODATE_HIROBA, targetGroups: [TargetGroup.CHILD_REARING] });
    expect(reason(older, hiroba2, "TARGET_OTHER")!.text).toBe("子育て家庭向け (本人は75〜76歳)");
  });

  it("matches someone who came to help by what they would do, not by whom a place serves", () => {
    const student = person({
      birthYear: 2006,
      needs: {
        roles: [ParticipationRole.VOLUNTEER],
        targetGroups: [TargetGroup.YOUTH],
        wantedActivities: ["読み聞かせ"],
      },
    });
    const youthPlace = resource({ kind: ResourceKind.IBASHO, targetGroups: [TargetGroup.YOUTH] });
    expect(codes(student, youthPlace)).not.toContain("TARGET_GROUP");
    const reading = resource({
      kind: ResourceKind.VOLUNTEER,
      targetGroups: [TargetGroup.YOUTH],
      activities: ["読み聞かせ"],
    });
    expect(codes(student, reading)).toEqual(expect.arrayContaining(["TARGET_GROUP", "ACTIVITY"]));
    expect(score(student, reading).score).toBeGreaterThan(score(student, youthPlace).score);
    // Someone who wants what a volunteer role does is its audience, asked to help or not.
    const gardener = person({
      birthYear: 1957,
      needs: { targetGroups: [TargetGroup.ELDERLY], wantedActivities: ["花壇の手入れ"] },
    });
    const flowerBeds = resource({
      kind: ResourceKind.VOLUNTEER,
      targetGroups: [TargetGroup.ELDERLY],
      activities: ["花壇の手入れ"],
    });
    expect(reason(gardener, flowerBeds, "TARGET_GROUP")!.text).toBe("対象: 高齢者");
  });

  it("reads wishes by the phrases people use (話を聞くこと → 傾聴), and work at home suits a small-group preference", () => {
    const listener = person({ needs: { strengths: "話を聞くこと" } });
    expect(reason(listener, resource({ activities: ["傾聴", "見守り"] }), "WISHES")!.text).toBe(
      "希望・強みに合う: 傾聴",
    );
    const shy = person({ needs: { groupSize: GroupSizePreference.ONE_ON_ONE } });
    expect(reason(shy, resource({ homeBased: true, capacity: 20 }), "GROUP_SIZE")!.text).toBe("自宅でひとりで");
  });
});
