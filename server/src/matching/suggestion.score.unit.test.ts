import { describe, expect, it } from "vitest";
import { EMPTY_NEEDS } from "../people/needs-profile.js";
import { AgeBand, Mobility } from "../people/person.enums.js";
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
  DEFAULT_PROFILE_WEIGHTS,
  DEFAULT_WEIGHTS,
  ESCORT_TRANSPORT_FACTOR,
  PRACTICAL_FLOOR,
  TRAVEL_GRACE,
  ageRange,
  exclusionsFor,
  formatDistance,
  scoreResource,
  type PersonFacts,
  type ResourceFacts,
  type ScoreContext,
} from "./suggestion.score.js";

const NOW = new Date("2026-11-24T01:00:00Z"); // 2026-11-24 10:00 JST

const weekly = (weekdays: Weekday[], startTime = "10:00", endTime = "11:30"): ScheduleValue => ({
  rules: [{ frequency: ScheduleFrequency.WEEKLY, weekdays, nthWeeks: [], dates: [], startTime, endTime }],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
});

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
    schedule: { rules: [], closedOnHolidays: false, closedYearEnd: false, closedDates: [], note: null },
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

const ctx = (distanceMeters: number | null = null): ScoreContext => ({ now: NOW, distanceMeters });
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);
const texts = (reasons: { text: string }[]) => reasons.map((r) => r.text);
const score = (p: PersonFacts, r: ResourceFacts, c = ctx()) => scoreResource(p, r, c);

describe("scoreResource: reasons", () => {
  it("explains a good match in natural Japanese, like the issue's examples", () => {
    const p = person({
      homeLat: 35.74,
      homeLng: 139.26,
      needs: {
        targetGroups: [TargetGroup.HIKIKOMORI],
        weekdays: [Weekday.TUE],
        timeBands: [TimeBand.MORNING],
        wantedActivities: ["体操"],
        maxTravelMeters: 3000,
      },
    });
    const r = resource({
      targetGroups: [TargetGroup.HIKIKOMORI],
      activities: ["ラジオ体操", "茶話会"],
      schedule: weekly([Weekday.TUE, Weekday.FRI]),
      visitAllowed: true,
      openings: 3,
    });
    expect(texts(score(p, r, ctx(1_230)).reasons)).toEqual(
      expect.arrayContaining([
        "火曜午前の開催が本人の希望と一致",
        "自宅から1.2km",
        "対象: ひきこもり",
        "見学可",
        "空きあり",
        "活動: ラジオ体操",
      ]),
    );
  });

  it("formats distances in 100 m steps: metres under 1 km, km with one decimal, whole km from 10 km", () => {
    expect(formatDistance(800)).toBe("自宅から800m");
    expect(formatDistance(40)).toBe("自宅から100m");
    expect(formatDistance(960)).toBe("自宅から1.0km");
    expect(formatDistance(1_234)).toBe("自宅から1.2km");
    expect(formatDistance(12_340)).toBe("自宅から12km");
  });

  it("switches to km at 1 km and drops the decimal from 10 km", () => {
    expect(formatDistance(949)).toBe("自宅から900m");
    expect(formatDistance(1_000)).toBe("自宅から1.0km");
    expect(formatDistance(9_940)).toBe("自宅から9.9km");
    expect(formatDistance(9_960)).toBe("自宅から10km");
    expect(formatDistance(0)).toBe("自宅から100m");
  });

  it("ignores blank activity wishes (they would match anything), trims the rest, and names at most 3 activities", () => {
    const blank = person({ needs: { wantedActivities: ["  ", ""] } });
    const r = resource({ activities: ["体操", "手芸"] });
    expect(codes(score(blank, r).reasons)).not.toContain("ACTIVITY");
    const trimmed = person({ needs: { wantedActivities: [" 体操 "] } });
    expect(texts(score(trimmed, r).reasons)).toEqual(["活動: 体操"]);
    const strayed = person({ needs: { wantedActivities: ["　体操 "] } });
    expect(texts(score(strayed, resource({ activities: ["ラジオ体操"] })).reasons)).toEqual(["活動: ラジオ体操"]);
    const many = person({ needs: { wantedActivities: ["体操", "ヨガ", "囲碁", "将棋"] } });
    expect(texts(score(many, resource({ activities: ["将棋", "囲碁", "ヨガ", "体操"] })).reasons)).toEqual([
      "活動: 将棋・囲碁・ヨガ",
    ]);
  });

  it("names wanted schedule slots Monday first, each once, at most two and then など", () => {
    const p = person({ needs: { weekdays: [Weekday.SUN, Weekday.MON, Weekday.WED], timeBands: [TimeBand.MORNING] } });
    const sunMon = resource({ schedule: weekly([Weekday.SUN, Weekday.MON]) });
    expect(texts(score(p, sunMon).reasons)).toEqual(["月曜午前・日曜午前の開催が本人の希望と一致"]);
    const three = resource({ schedule: weekly([Weekday.WED, Weekday.SUN, Weekday.MON]) });
    expect(texts(score(p, three).reasons)).toEqual(["月曜午前・水曜午前などの開催が本人の希望と一致"]);
    const twice: ScheduleValue = {
      ...weekly([Weekday.MON]),
      rules: [...weekly([Weekday.MON]).rules, ...weekly([Weekday.MON], "09:00", "09:45").rules],
    };
    expect(texts(score(p, resource({ schedule: twice })).reasons)).toEqual(["月曜午前の開催が本人の希望と一致"]);
  });

  it("names only what the person asked about: the day for a day-only wish, the band for a band-only wish", () => {
    const days = person({ needs: { weekdays: [Weekday.TUE] } });
    expect(texts(score(days, resource({ schedule: weekly([Weekday.TUE]) })).reasons)).toEqual([
      "火曜の開催が本人の希望と一致",
    ]);
    const bands = person({ needs: { timeBands: [TimeBand.EVENING] } });
    expect(texts(score(bands, resource({ schedule: weekly([Weekday.TUE], "18:00", "20:00") })).reasons)).toEqual([
      "夜間の開催が本人の希望と一致",
    ]);
  });

  it("reads a start time it cannot classify as no time band: it fits a day-only wish, not a band wish", () => {
    const odd = resource({ schedule: weekly([Weekday.TUE], "9:00", "11:00") });
    expect(codes(score(person({ needs: { weekdays: [Weekday.TUE] } }), odd).reasons)).toEqual(["SCHEDULE"]);
    const morningTue = person({ needs: { weekdays: [Weekday.TUE], timeBands: [TimeBand.MORNING] } });
    expect(codes(score(morningTue, odd).reasons)).toEqual(["SCHEDULE_DAY"]);
    const morning = person({ needs: { timeBands: [TimeBand.MORNING] } });
    expect(codes(score(morning, odd).reasons)).toEqual(["SCHEDULE_MISMATCH"]);
  });

  it("leaves a session whose start cannot be read out of the time bands it names", () => {
    const s: ScheduleValue = {
      ...weekly([]),
      rules: [...weekly([Weekday.TUE], "9:00", "11:00").rules, ...weekly([Weekday.TUE], "13:30", "15:00").rules],
    };
    const morningTue = person({ needs: { weekdays: [Weekday.TUE], timeBands: [TimeBand.MORNING] } });
    expect(texts(score(morningTue, resource({ schedule: s })).reasons)).toEqual([
      "火曜の開催が本人の希望と一致 (時間帯は午後)",
    ]);
    const evening = person({ needs: { timeBands: [TimeBand.EVENING] } });
    expect(texts(score(evening, resource({ schedule: s })).reasons)).toEqual([
      "開催時間帯(午後)が本人の希望と合わない",
    ]);
  });

  it("names every time band the listing holds on a wanted day, or every band it holds when none is wanted, joined by ・", () => {
    const s: ScheduleValue = {
      ...weekly([]),
      rules: [...weekly([Weekday.TUE], "13:30", "15:00").rules, ...weekly([Weekday.TUE], "18:00", "20:00").rules],
    };
    const morningTue = person({ needs: { weekdays: [Weekday.TUE], timeBands: [TimeBand.MORNING] } });
    expect(texts(score(morningTue, resource({ schedule: s })).reasons)).toEqual([
      "火曜の開催が本人の希望と一致 (時間帯は午後・夜間)",
    ]);
    const morning = person({ needs: { timeBands: [TimeBand.MORNING] } });
    expect(texts(score(morning, resource({ schedule: s })).reasons)).toEqual([
      "開催時間帯(午後・夜間)が本人の希望と合わない",
    ]);
  });

  it("lists each mismatching weekday and time band once, Monday first", () => {
    const thu = person({ needs: { weekdays: [Weekday.THU] } });
    const s: ScheduleValue = {
      ...weekly([]),
      rules: [
        ...weekly([Weekday.SUN, Weekday.MON], "18:00", "20:00").rules,
        ...weekly([Weekday.MON], "19:00", "20:00").rules,
      ],
    };
    expect(texts(score(thu, resource({ schedule: s })).reasons)).toEqual(["開催曜日(月・日)が本人の希望と合わない"]);
    const morning = person({ needs: { timeBands: [TimeBand.MORNING] } });
    expect(texts(score(morning, resource({ schedule: s })).reasons)).toEqual([
      "開催時間帯(夜間)が本人の希望と合わない",
    ]);
    const dates: ScheduleValue = {
      ...weekly([]),
      rules: [
        {
          frequency: ScheduleFrequency.SPECIFIC_DATES,
          weekdays: [],
          nthWeeks: [],
          dates: ["2026-02-30", "2026-12-06"],
          startTime: "10:00",
          endTime: "11:00",
        },
      ],
    };
    expect(texts(score(thu, resource({ schedule: dates })).reasons)).toEqual(["開催曜日(日)が本人の希望と合わない"]);
  });

  it("matches an activity holding the wanted one fully, a broader part of it by half, width-folded", () => {
    const p = person({ needs: { wantedActivities: ["ラジオ体操", "ﾖｶﾞ", "囲碁"] } });
    // ヨガ holds ﾖｶﾞ; 体操 is only part of ラジオ体操 (as 相談 is of 子育て相談): named second, earning less.
    expect(texts(score(p, resource({ activities: ["体操", "ヨガ", "手芸"] })).reasons)).toContain("活動: ヨガ・体操");
    const points = (activities: string[]) =>
      score(p, resource({ activities })).reasons.find((r) => r.code === "ACTIVITY")?.points ?? 0;
    expect(points(["体操"])).toBeCloseTo(points(["ラジオ体操"]) / 2, 0);
    expect(codes(score(p, resource({ activities: ["手芸"] })).reasons)).not.toContain("ACTIVITY");
    const consult = person({ needs: { wantedActivities: ["子育て相談"] } });
    const pts = (activities: string[]) =>
      score(consult, resource({ activities })).reasons.find((r) => r.code === "ACTIVITY")?.points ?? 0;
    expect(pts(["相談"])).toBeLessThan(pts(["子育て相談"]));
  });

  it("prefers a place mainly about the wanted activity, and one with more of those wanted", () => {
    const p = person({ needs: { wantedActivities: ["囲碁", "料理"] } });
    const points = (r: Parameters<typeof resource>[0]) =>
      score(p, resource(r)).reasons.find((x) => x.code === "ACTIVITY")?.points ?? 0;
    // Its first activity, or a word of its name, is what a place is mainly about.
    expect(points({ activities: ["囲碁"] })).toBeGreaterThan(points({ activities: ["茶話会", "囲碁"] }));
    expect(points({ name: "囲碁クラブ", activities: ["茶話会", "囲碁"] })).toBe(points({ activities: ["囲碁"] }));
    expect(points({ activities: ["囲碁", "料理"] })).toBeGreaterThan(points({ activities: ["囲碁"] }));
  });

  it("reads the synonyms table: a word it takes for the wanted one matches (運動 → 体操), not the reverse", () => {
    const exercise = person({ needs: { wantedActivities: ["運動"] } });
    expect(texts(score(exercise, resource({ activities: ["体操"] })).reasons)).toContain("活動: 体操");
    const gym = person({ needs: { wantedActivities: ["体操"] } });
    expect(codes(score(gym, resource({ activities: ["運動会"] })).reasons)).not.toContain("ACTIVITY");
  });

  it("names the kind, and gives 全市民 half the target-group points", () => {
    const p = person({ needs: { wantedKinds: [ResourceKind.SALON], targetGroups: [TargetGroup.SINGLE_ELDERLY] } });
    const kind = score(p, resource({ kind: ResourceKind.SALON })).reasons.find((r) => r.code === "KIND")!;
    expect(kind.text).toBe("種類: サロン");
    const exact = score(p, resource({ targetGroups: [TargetGroup.SINGLE_ELDERLY] })).reasons.find(
      (r) => r.code === "TARGET_GROUP",
    )!;
    const all = score(p, resource({ targetGroups: [TargetGroup.ALL_RESIDENTS] })).reasons.find(
      (r) => r.code === "TARGET_GROUP",
    )!;
    expect(exact.text).toBe("対象: 単身高齢者");
    expect(all.text).toBe("対象: 全市民");
    expect(all.points).toBeCloseTo(exact.points / 2, 0);
  });

  it("reads the schedule: day and band, day only (half), a weekday from specific dates, and a mismatch (negative)", () => {
    const p = person({ needs: { weekdays: [Weekday.TUE, Weekday.THU], timeBands: [TimeBand.MORNING] } });
    const full = score(p, resource({ schedule: weekly([Weekday.THU, Weekday.TUE]) })).reasons.find(
      (r) => r.code === "SCHEDULE",
    )!;
    expect(full.text).toBe("火曜午前・木曜午前の開催が本人の希望と一致");
    const dayOnly = score(p, resource({ schedule: weekly([Weekday.TUE], "13:30", "15:00") })).reasons.find(
      (r) => r.code === "SCHEDULE_DAY",
    )!;
    expect(dayOnly.text).toBe("火曜の開催が本人の希望と一致 (時間帯は午後)");
    expect(dayOnly.points).toBeCloseTo(full.points / 2, 0);
    const dates: ScheduleValue = {
      ...weekly([]),
      rules: [
        {
          frequency: ScheduleFrequency.SPECIFIC_DATES,
          weekdays: [],
          nthWeeks: [],
          dates: ["2026-12-03"],
          startTime: "09:30",
          endTime: "11:00",
        },
      ],
    };
    expect(texts(score(p, resource({ schedule: dates })).reasons)).toContain("木曜午前の開催が本人の希望と一致");
    const miss = score(p, resource({ schedule: weekly([Weekday.MON, Weekday.WED]) })).reasons.find(
      (r) => r.code === "SCHEDULE_MISMATCH",
    )!;
    expect(miss.text).toBe("開催曜日(月・水)が本人の希望と合わない");
    expect(miss.points).toBeLessThan(0);
  });

  it("with only time bands wanted, matches any day and names the band; a listing without a timetable is neither", () => {
    const p = person({ needs: { timeBands: [TimeBand.AFTERNOON] } });
    expect(texts(score(p, resource({ schedule: weekly([Weekday.SAT], "13:00", "15:00") })).reasons)).toContain(
      "午後の開催が本人の希望と一致",
    );
    expect(texts(score(p, resource({ schedule: weekly([Weekday.SAT], "18:00", "20:00") })).reasons)).toContain(
      "開催時間帯(夜間)が本人の希望と合わない",
    );
    expect(codes(score(p, resource()).reasons).filter((c) => c.startsWith("SCHEDULE"))).toEqual([]);
  });

  it("scores distance linearly up to the comfortable range (maxTravelMeters, or a default by mobility)", () => {
    const p = person({ homeLat: 35.7, homeLng: 139.2, needs: { maxTravelMeters: 2_000 } });
    const at = (m: number) => score(p, resource(), ctx(m)).reasons.find((r) => r.code === "DISTANCE")?.points ?? 0;
    expect(at(0)).toBeGreaterThan(at(1_000));
    expect(at(1_000)).toBeCloseTo(at(0) / 2, 0);
    expect(at(2_500)).toBe(0);
    const walker = person({ homeLat: 35.7, homeLng: 139.2, needs: { mobility: Mobility.WALK } });
    expect(codes(score(walker, resource(), ctx(1_200)).reasons)).not.toContain("DISTANCE"); // a walker's 1 km
  });

  it("lists accessibility met, and says which needs are not", () => {
    const p = person({ needs: { accessibility: [Accessibility.WHEELCHAIR, Accessibility.QUIET_ROOM] } });
    const all = score(
      p,
      resource({ accessibility: [Accessibility.QUIET_ROOM, Accessibility.WHEELCHAIR, Accessibility.STEP_FREE] }),
    ).reasons.find((r) => r.code === "ACCESSIBILITY")!;
    expect(all.text).toBe("配慮: 車椅子可・静かな部屋");
    const half = score(p, resource({ accessibility: [Accessibility.WHEELCHAIR] })).reasons.find(
      (r) => r.code === "ACCESSIBILITY",
    )!;
    expect(half.text).toBe("配慮: 車椅子可 (静かな部屋は未対応)");
    expect(half.points).toBeCloseTo(all.points / 2, 0);
    // Only accessibility counts beyond what everyone can earn (空き 4, 見学 3, 体験 2, 無料 3, 確認 3): 6 of 21.
    expect(all.points).toBe(28.6);
    expect(half.points).toBe(14.3);
  });

  it("names transport only for those who need it", () => {
    const bus = person({ needs: { mobility: Mobility.DEMAND_BUS } });
    const r = resource({
      transportOptions: [TransportOption.PICKUP, TransportOption.DEMAND_BUS, TransportOption.PARKING],
    });
    expect(texts(score(bus, r).reasons)).toContain("デマンドバスで通える・送迎あり");
    expect(texts(score(person({ needs: { mobility: Mobility.ESCORT_NEEDED } }), r).reasons)).toContain("送迎あり");
    expect(codes(score(person({ needs: { mobility: Mobility.WALK } }), r).reasons)).not.toContain("TRANSPORT");
    const all = resource({
      transportOptions: [
        TransportOption.STATION_NEARBY,
        TransportOption.PARKING,
        TransportOption.BUS_STOP_NEARBY,
        TransportOption.DEMAND_BUS,
      ],
    });
    expect(texts(score(person({ needs: { mobility: Mobility.PUBLIC_TRANSPORT } }), all).reasons)).toEqual([
      "バス停が近い・駅が近い・デマンドバスで通える",
    ]);
    expect(texts(score(person({ needs: { mobility: Mobility.CAR } }), all).reasons)).toEqual(["駐車場あり"]);
    expect(
      codes(
        score(person({ needs: { mobility: Mobility.CAR } }), resource({ transportOptions: [TransportOption.PICKUP] }))
          .reasons,
      ),
    ).toEqual([]);
  });

  it("names roles offered, 見学可/体験可, 空きあり, 無料 and a recent verification", () => {
    const p = person({ needs: { roles: [ParticipationRole.VOLUNTEER] } });
    const r = resource({
      rolesOffered: [ParticipationRole.PARTICIPANT, ParticipationRole.VOLUNTEER],
      visitAllowed: true,
      trialAllowed: true,
      openings: 2,
      costPerSessionYen: 0,
      verifiedAt: new Date(NOW.getTime() - 20 * 86_400_000),
    });
    expect(texts(score(p, r).reasons)).toEqual(
      expect.arrayContaining([
        "参加の形: ボランティア・担い手",
        "見学可",
        "体験可",
        "空きあり",
        "無料",
        "掲載内容を1か月以内に確認済み",
      ]),
    );
    const old = resource({ verifiedAt: new Date(NOW.getTime() - 200 * 86_400_000), openings: null });
    expect(codes(score(p, old).reasons)).toEqual([]);
    expect(texts(score(p, resource({ verifiedAt: new Date(NOW.getTime() - 60 * 86_400_000) })).reasons)).toEqual([
      "掲載内容を3か月以内に確認済み",
    ]);
  });

  it("gives home-based listings full distance points for a home-bound person, half for others; visiting counts at home", () => {
    const bound = person({ needs: { mobility: Mobility.HOME_BOUND } });
    const home = score(bound, resource({ homeBased: true })).reasons.find((r) => r.code === "HOME_BASED")!;
    expect(home.text).toBe("自宅で参加できる");
    expect(texts(score(bound, resource({ visiting: true })).reasons)).toContain("訪問型 (自宅に来てもらえる)");
    const mobile = person({ homeLat: 35.7, homeLng: 139.2 });
    const half = score(mobile, resource({ homeBased: true })).reasons.find((r) => r.code === "HOME_BASED")!;
    expect(half.points).toBeLessThan(home.points);
  });
});

describe("scoreResource: score", () => {
  const rich = person({
    homeLat: 35.7,
    homeLng: 139.2,
    needs: {
      wantedActivities: ["体操"],
      wantedKinds: [ResourceKind.KAYOI_NO_BA],
      targetGroups: [TargetGroup.ELDERLY],
      weekdays: [Weekday.TUE],
      timeBands: [TimeBand.MORNING],
      mobility: Mobility.DEMAND_BUS,
      accessibility: [Accessibility.STEP_FREE],
      roles: [ParticipationRole.PARTICIPANT],
    },
  });
  const perfect = resource({
    activities: ["体操"],
    targetGroups: [TargetGroup.ELDERLY],
    schedule: weekly([Weekday.TUE]),
    transportOptions: [TransportOption.DEMAND_BUS],
    accessibility: [Accessibility.STEP_FREE],
    rolesOffered: [ParticipationRole.PARTICIPANT],
    openings: 5,
    visitAllowed: true,
    trialAllowed: true,
    costPerSessionYen: 0,
    verifiedAt: NOW,
  });

  it("is 100 when every criterion is met, and the reasons' points add up to it", () => {
    const s = score(rich, perfect, ctx(0));
    expect(s.score).toBe(100);
    expect(s.reasons.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(100, 0);
    expect(s.reasons[0].code).toBe("ACTIVITY"); // largest share first
  });

  it("stays within 0–100 and orders better fits higher", () => {
    const mismatch = resource({ schedule: weekly([Weekday.SUN], "19:00", "20:00") });
    const worst = score(rich, mismatch, ctx(50_000));
    expect(worst.score).toBe(0);
    const middle = score(rich, { ...perfect, activities: [], transportOptions: [] }, ctx(2_000));
    expect(middle.score).toBeGreaterThan(0);
    expect(middle.score).toBeLessThan(100);
    const ranked = [worst, score(rich, perfect, ctx(0)), middle].sort((a, b) => b.score - a.score).map((s) => s.score);
    expect(ranked).toEqual([100, middle.score, 0]);
  });

  it("normalises by what this person can earn: someone with no wishes still reaches 100", () => {
    const plain = person();
    expect(score(plain, { ...perfect }, ctx(0)).score).toBe(100);
    expect(score(plain, resource(), ctx(0)).score).toBe(0);
  });

  it("gives each reason its documented default weight as points for a person who names every wish (the weights sum to 100)", () => {
    const s = score(rich, perfect, ctx(0));
    expect(s.reasons.map((r) => [r.code, r.points])).toEqual([
      ["ACTIVITY", 18],
      ["TARGET_GROUP", 14],
      ["SCHEDULE", 14],
      ["DISTANCE", 14],
      ["KIND", 8],
      ["ACCESSIBILITY", 6],
      ["ROLE", 6],
      ["TRANSPORT", 5],
      ["OPENINGS", 4],
      ["VISIT", 3],
      ["FREE", 3],
      ["VERIFIED", 3],
      ["TRIAL", 2],
    ]);
    // A timetable on none of the wanted days loses the schedule's 14 and costs 8 more.
    const missed = score(rich, { ...perfect, schedule: weekly([Weekday.SUN], "19:00", "20:00") }, ctx(0));
    expect(missed.reasons.find((r) => r.code === "SCHEDULE_MISMATCH")!.points).toBe(-8);
    expect(missed.score).toBe(78);
    expect(DEFAULT_WEIGHTS).toEqual({
      activity: 18,
      targetGroup: 14,
      schedule: 14,
      distance: 14,
      kind: 8,
      accessibility: 6,
      role: 6,
      transport: 5,
      openings: 4,
      visit: 3,
      trial: 2,
      free: 3,
      verified: 3,
      scheduleMismatch: -8,
    });
    expect(DEFAULT_PROFILE_WEIGHTS).toEqual({
      household: 20,
      participation: 8,
      wishes: 8,
      groupSize: 5,
      targetOther: -12,
      infrequent: -6,
      farNext: -6,
      noPickup: -20,
      laterStep: -8,
    });
    expect([PRACTICAL_FLOOR, TRAVEL_GRACE, ESCORT_TRANSPORT_FACTOR]).toEqual([0.3, 2, 5]);
  });

  it("gives every reason its share of what this person can earn: weight × 100 / attainable, to 0.1", () => {
    // No wishes: only 空きあり 4, 見学可 3, 体験可 2, 無料 3 and 確認済み 3 count (15).
    const s = score(person(), resource({ openings: 2, visitAllowed: true }));
    expect(s.reasons.map((r) => [r.code, r.points])).toEqual([
      ["OPENINGS", 26.7],
      ["VISIT", 20],
    ]);
    expect(s.score).toBe(46.7);
    // Wanting activities adds 18 to what can be earned (33): 体操 earns 18/33.
    const active = person({ needs: { wantedActivities: ["体操"] } });
    const gym = score(active, resource({ activities: ["体操"] }));
    expect(gym.reasons).toEqual([{ code: "ACTIVITY", text: "活動: 体操", points: 54.5 }]);
    expect(gym.score).toBe(54.5);
    // Tuned weights that do not sum to 100 are normalised the same way.
    const weights = { ...DEFAULT_WEIGHTS, openings: 10, visit: 5, trial: 5, free: 5, verified: 5 };
    const tuned = scoreResource(person(), resource({ openings: 2, trialAllowed: true }), ctx(), weights);
    expect(tuned.reasons.map((r) => [r.code, r.points])).toEqual([
      ["OPENINGS", 33.3],
      ["TRIAL", 16.7],
    ]);
    expect(tuned.score).toBe(50);
  });

  it("does not count the schedule for a person who named no days or time bands", () => {
    const s = score(person(), resource({ schedule: weekly([Weekday.TUE]), openings: 1 }));
    expect(s.reasons.map((r) => [r.code, r.points])).toEqual([["OPENINGS", 26.7]]);
    expect(s.score).toBe(26.7);
  });

  it("makes a schedule mismatch cost points, by day or by time band, and never lifts a score", () => {
    // Wants mornings (14 more to earn: 29); the listing meets in the evening and has openings (4 - 8 = -4).
    const morning = person({ needs: { timeBands: [TimeBand.MORNING] } });
    const evening = score(morning, resource({ schedule: weekly([Weekday.TUE], "18:00", "20:00"), openings: 1 }));
    expect(evening.reasons.map((r) => [r.code, r.points])).toEqual([
      ["OPENINGS", 13.8],
      ["SCHEDULE_MISMATCH", -27.6],
    ]);
    expect(evening.score).toBe(0);
    const monday = person({ needs: { weekdays: [Weekday.MON] } });
    const tuesday = score(
      monday,
      resource({
        schedule: weekly([Weekday.TUE]),
        openings: 1,
        visitAllowed: true,
        trialAllowed: true,
        costPerSessionYen: 0,
        verifiedAt: NOW,
      }),
    );
    expect(tuesday.reasons.find((r) => r.code === "SCHEDULE_MISMATCH")!.points).toBe(-27.6);
    expect(tuesday.score).toBe(24.1); // (15 - 8) / 29; without a timetable it would be 15 / 29
    expect(tuesday.score).toBeLessThan(
      score(
        monday,
        resource({ openings: 1, visitAllowed: true, trialAllowed: true, costPerSessionYen: 0, verifiedAt: NOW }),
      ).score,
    );
  });

  it("gives half the schedule points for a wanted day at another time", () => {
    const s = score(rich, { ...perfect, schedule: weekly([Weekday.TUE], "13:30", "15:00") }, ctx(0));
    expect(s.reasons.find((r) => r.code === "SCHEDULE_DAY")!.points).toBe(7);
    expect(s.score).toBe(93);
  });

  it("gives 全市民 half the target-group points, and a home-based listing half the distance points to someone who can travel", () => {
    const group = (targetGroups: TargetGroup[]) =>
      score(rich, { ...perfect, targetGroups }, ctx(0)).reasons.find((r) => r.code === "TARGET_GROUP")?.points ?? 0;
    expect(group([TargetGroup.ELDERLY])).toBe(14);
    expect(group([TargetGroup.ALL_RESIDENTS])).toBe(7);
    expect(group([TargetGroup.HIKIKOMORI])).toBe(0);
    const all = score(rich, { ...perfect, targetGroups: [TargetGroup.ALL_RESIDENTS] }, ctx(0)).score;
    expect(all).toBeLessThan(100);
    expect(score(rich, { ...perfect, targetGroups: [TargetGroup.HIKIKOMORI] }, ctx(0)).score).toBeLessThan(all);
    const home = score(rich, { ...perfect, homeBased: true }, ctx(3_000));
    expect(home.reasons.find((r) => r.code === "HOME_BASED")!.points).toBe(7);
    expect(codes(home.reasons)).not.toContain("DISTANCE");
    // A visiting service is no nearer for someone who travels: it is scored by distance.
    expect(
      score(rich, { ...perfect, visiting: true }, ctx(2_000)).reasons.find((r) => r.code === "DISTANCE")!.points,
    ).toBe(8.4);
  });

  it("scores distance as the share of the comfortable range left, against the listing beyond it, none without a home point", () => {
    // A demand-bus user's comfortable range is 5 km: full at the door, nothing at 5 km, as much against at 10 km.
    const at = (m: number) =>
      score(rich, perfect, ctx(m)).reasons.find((r) => r.code === "DISTANCE" || r.code === "FAR")?.points ?? 0;
    expect([0, 2_000, 4_999, 5_000, 8_000, 10_000, 20_000].map(at)).toEqual([14, 8.4, 0, 0, -8.4, -14, -14]);
    expect(texts(score(rich, perfect, ctx(8_000)).reasons)).toContain("自宅から8.0km (目安の5.0kmより遠い)");
    // With mobility not asked, the 3 km guide is a default: distance earns over 6 km and never counts against.
    const unasked = { ...rich, needs: { ...rich.needs, mobility: Mobility.UNKNOWN } };
    const unknownAt = (m: number) =>
      score(unasked, perfect, ctx(m)).reasons.find((r) => r.code === "DISTANCE" || r.code === "FAR")?.points ?? 0;
    const [door, three, six, nine] = [0, 3_000, 6_000, 9_000].map(unknownAt);
    expect(three).toBeCloseTo(door / 2, 0);
    expect([six, nine]).toEqual([0, 0]);
    const noLng = { ...rich, homeLng: null };
    expect(score(noLng, perfect, ctx(0)).score).toBe(100); // distance is not counted at all
    expect(codes(score(noLng, perfect, ctx(0)).reasons)).not.toContain("DISTANCE");
    const noLat = { ...rich, homeLat: null };
    expect(codes(score(noLat, perfect, ctx(0)).reasons)).not.toContain("DISTANCE");
    const stayPut = { ...rich, needs: { ...rich.needs, maxTravelMeters: 0 } };
    expect(score(stayPut, perfect, ctx(0)).reasons.find((r) => r.code === "DISTANCE")!.points).toBe(14);
  });

  it("gives a home-bound person full distance points for home-based and visiting listings", () => {
    const bound = { ...rich, homeLat: null, homeLng: null, needs: { ...rich.needs, mobility: Mobility.HOME_BOUND } };
    const home = score(bound, { ...perfect, homeBased: true }, ctx(null));
    const visit = score(bound, { ...perfect, visiting: true }, ctx(null));
    // Home-bound: no transport to earn (95 can be earned), distance counts although no home point is known.
    expect(home.reasons.find((r) => r.code === "HOME_BASED")!.points).toBe(14.7);
    expect(visit.reasons.find((r) => r.code === "VISITING")!.points).toBe(14.7);
    expect(home.score).toBe(100);
    expect(codes(score(bound, perfect, ctx(0)).reasons)).not.toContain("DISTANCE");
  });

  it("counts a recent verification up to 180 days, saying 1か月 to 31 days and 3か月 to 92", () => {
    const verified = (days: number) =>
      score(person(), resource({ verifiedAt: new Date(NOW.getTime() - days * 86_400_000) })).reasons;
    expect(texts(verified(31))).toEqual(["掲載内容を1か月以内に確認済み"]);
    expect(texts(verified(32))).toEqual(["掲載内容を3か月以内に確認済み"]);
    expect(texts(verified(92))).toEqual(["掲載内容を3か月以内に確認済み"]);
    expect(texts(verified(93))).toEqual(["掲載内容を半年以内に確認済み"]);
    expect(verified(180).map((r) => [r.code, r.points])).toEqual([["VERIFIED", 20]]);
    expect(verified(180.5)).toEqual([]);
  });

  it("earns nothing for what the listing does not offer: transport, openings 0 or unknown, an unknown distance", () => {
    expect(score(rich, { ...perfect, transportOptions: [] }, ctx(0)).score).toBe(95);
    expect(
      codes(score(rich, { ...perfect, transportOptions: [TransportOption.PARKING] }, ctx(0)).reasons),
    ).not.toContain("TRANSPORT");
    expect(score(rich, { ...perfect, openings: 0 }, ctx(0)).score).toBe(96);
    expect(score(rich, { ...perfect, openings: null }, ctx(0)).score).toBe(96);
    expect(codes(score(rich, perfect, ctx(null)).reasons)).not.toContain("DISTANCE");
    expect(score(rich, perfect, ctx(null)).score).toBe(86);
  });

  it("scores nothing, and no reasons, when every weight is zero", () => {
    const zero = Object.fromEntries(
      Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0]),
    ) as unknown as typeof DEFAULT_WEIGHTS;
    expect(scoreResource(rich, perfect, ctx(0), zero)).toEqual({ score: 0, reasons: [] });
  });

  it("takes tunable weights", () => {
    const p = person({ needs: { wantedKinds: [ResourceKind.SALON] } });
    const salon = resource({ kind: ResourceKind.SALON });
    const open = resource({ openings: 4, visitAllowed: true });
    expect(score(p, salon).score).toBeGreaterThan(score(p, open).score);
    const weights = { ...DEFAULT_WEIGHTS, kind: 1, openings: 20, visit: 20 };
    expect(scoreResource(p, salon, ctx(), weights).score).toBeLessThan(scoreResource(p, open, ctx(), weights).score);
    const noPenalty = { ...DEFAULT_WEIGHTS, scheduleMismatch: 0 };
    const dayPerson = person({ needs: { weekdays: [Weekday.MON] } });
    const tuesday = resource({ schedule: weekly([Weekday.TUE]), openings: 1 });
    expect(scoreResource(dayPerson, tuesday, ctx(), noPenalty).score).toBeGreaterThan(
      scoreResource(dayPerson, tuesday, ctx()).score,
    );
    expect(codes(scoreResource(dayPerson, tuesday, ctx(), noPenalty).reasons)).not.toContain("SCHEDULE_MISMATCH");
  });
});

describe("exclusionsFor", () => {
  const ok = person({ birthYear: 1950, hasAgreedPlan: true });

  it("lets an ordinary active listing through", () => {
    expect(exclusionsFor(ok, resource(), ctx())).toEqual([]);
  });

  it("excludes paused and ended listings", () => {
    expect(exclusionsFor(ok, resource({ status: ResourceStatus.PAUSED }), ctx())).toEqual([
      { code: "PAUSED", text: "休止中" },
    ]);
    expect(texts(exclusionsFor(ok, resource({ status: ResourceStatus.ENDED }), ctx()))).toEqual(["終了"]);
  });

  it("excludes by age from the birth year (either possible age may fit) or from the band", () => {
    // Born 1950: 75 or 76 in 2026.
    expect(ageRange(ok, NOW)).toEqual([75, 76]);
    expect(texts(exclusionsFor(ok, resource({ eligibility: { ageMax: 64 } }), ctx()))).toEqual([
      "対象年齢外 (64歳以下が対象)",
    ]);
    expect(exclusionsFor(ok, resource({ eligibility: { ageMax: 75 } }), ctx())).toEqual([]);
    expect(texts(exclusionsFor(ok, resource({ eligibility: { ageMin: 18, ageMax: 39 } }), ctx()))).toEqual([
      "対象年齢外 (18〜39歳が対象)",
    ]);
    const band = person({ ageBand: AgeBand.AGE_30_39, hasAgreedPlan: true });
    expect(texts(exclusionsFor(band, resource({ eligibility: { ageMin: 65 } }), ctx()))).toEqual([
      "対象年齢外 (65歳以上が対象)",
    ]);
    expect(exclusionsFor(band, resource({ eligibility: { ageMin: 35 } }), ctx())).toEqual([]); // overlaps: benefit of the doubt
    expect(exclusionsFor(person({ hasAgreedPlan: true }), resource({ eligibility: { ageMin: 65 } }), ctx())).toEqual(
      [],
    ); // age unknown
  });

  it("keeps a person whose older possible age reaches ageMin, or whose younger one is within ageMax", () => {
    // Born 1950: 75 or 76.
    expect(exclusionsFor(ok, resource({ eligibility: { ageMin: 76 } }), ctx())).toEqual([]);
    expect(codes(exclusionsFor(ok, resource({ eligibility: { ageMin: 77 } }), ctx()))).toEqual(["AGE_OUT_OF_RANGE"]);
    expect(codes(exclusionsFor(ok, resource({ eligibility: { ageMax: 74 } }), ctx()))).toEqual(["AGE_OUT_OF_RANGE"]);
    expect(ageRange(person({ ageBand: AgeBand.AGE_65_74 }), NOW)).toEqual([65, 74]);
    expect(ageRange(person(), NOW)).toBeNull();
    // The year is Japan's: at 2027-01-01 00:30 JST someone born in 1950 may be 76 or 77.
    expect(ageRange(ok, new Date("2026-12-31T15:30:00Z"))).toEqual([76, 77]);
  });

  it("excludes full listings (openings 0), not unknown ones", () => {
    expect(exclusionsFor(ok, resource({ openings: 0 }), ctx())).toEqual([{ code: "FULL", text: "満員 (空きなし)" }]);
    expect(exclusionsFor(ok, resource({ openings: null }), ctx())).toEqual([]);
  });

  it("excludes 手帳等が必要 unless the person is known to hold one", () => {
    const r = resource({ eligibility: { certificateRequired: true } });
    expect(texts(exclusionsFor(ok, r, ctx()))).toEqual(["手帳等が必要"]);
    expect(exclusionsFor({ ...ok, holdsCertificate: true }, r, ctx())).toEqual([]);
    expect(codes(exclusionsFor({ ...ok, holdsCertificate: false }, r, ctx()))).toEqual(["CERTIFICATE_REQUIRED"]);
    expect(codes(exclusionsFor({ ...ok, holdsCertificate: null }, r, ctx()))).toEqual(["CERTIFICATE_REQUIRED"]);
  });

  it("excludes 支援プランのある人のみ when the person has no agreed plan", () => {
    const r = resource({ eligibility: { requiresSupportPlan: true } });
    expect(exclusionsFor({ ...ok, hasAgreedPlan: false }, r, ctx())).toEqual([
      { code: "SUPPORT_PLAN_REQUIRED", text: "支援プランのある人のみ (合意済みのプランがない)" },
    ]);
    expect(exclusionsFor(ok, r, ctx())).toEqual([]);
  });

  it("excludes place-based listings for a home-bound person, unless home-based or visiting", () => {
    const bound = { ...ok, needs: { ...ok.needs, mobility: Mobility.HOME_BOUND } };
    expect(exclusionsFor(bound, resource(), ctx(300))).toEqual([
      { code: "PLACE_BASED", text: "通う必要がある (本人は在宅のみ可)" },
    ]);
    expect(exclusionsFor(bound, resource({ homeBased: true }), ctx())).toEqual([]);
    expect(exclusionsFor(bound, resource({ visiting: true }), ctx(300))).toEqual([]);
  });

  it("excludes listings beyond maxTravelMeters (only when the person said so)", () => {
    const near = { ...ok, needs: { ...ok.needs, maxTravelMeters: 3_000 } };
    expect(exclusionsFor(near, resource(), ctx(3_000))).toEqual([]);
    expect(exclusionsFor(near, resource(), ctx(null))).toEqual([]);
    expect(exclusionsFor(near, resource({ visiting: true }), ctx(6_200))).toEqual([]);
    expect(exclusionsFor(near, resource(), ctx(6_200))).toEqual([
      { code: "TOO_FAR", text: "距離が遠すぎる (自宅から6.2km、目安3.0km以内)" },
    ]);
    expect(exclusionsFor(near, resource(), ctx(2_900))).toEqual([]);
    expect(exclusionsFor(near, resource({ homeBased: true }), ctx(6_200))).toEqual([]);
    expect(exclusionsFor(ok, resource(), ctx(20_000))).toEqual([]);
  });

  it("keeps a listing beyond maxTravelMeters up to twice it, with the distance against it", () => {
    const near = { ...ok, homeLat: 35.75, homeLng: 139.27, needs: { ...ok.needs, maxTravelMeters: 2_000 } };
    expect(exclusionsFor(near, resource(), ctx(4_000))).toEqual([]);
    expect(codes(score(near, resource(), ctx(1_000)).reasons)).toContain("DISTANCE");
    expect(codes(score(near, resource(), ctx(3_000)).reasons)).toEqual(expect.arrayContaining(["FAR"]));
    expect(exclusionsFor(near, resource(), ctx(4_100))).toEqual([
      { code: "TOO_FAR", text: "距離が遠すぎる (自宅から4.1km、目安2.0km以内)" },
    ]);
  });

  it("lets a 0円 listing through for a person who needs free ones; 1円 is not free", () => {
    const free = { ...ok, needs: { ...ok.needs, freeOnly: true } };
    expect(exclusionsFor(free, resource({ costPerSessionYen: 0 }), ctx())).toEqual([]);
    expect(codes(exclusionsFor(free, resource({ costPerSessionYen: 1 }), ctx()))).toEqual(["NOT_FREE"]);
    expect(exclusionsFor(ok, resource({ costPerSessionYen: 1 }), ctx())).toEqual([]);
  });

  it("excludes paid listings for a person who needs free ones, and lists every reason that applies", () => {
    const free = { ...ok, hasAgreedPlan: false, needs: { ...ok.needs, freeOnly: true } };
    const r = resource({
      costPerSessionYen: 1_500,
      status: ResourceStatus.PAUSED,
      openings: 0,
      eligibility: { requiresSupportPlan: true },
    });
    expect(codes(exclusionsFor(free, r, ctx()))).toEqual(["PAUSED", "FULL", "SUPPORT_PLAN_REQUIRED", "NOT_FREE"]);
    expect(exclusionsFor(free, r, ctx()).at(-1)!.text).toBe("費用がかかる (1回1,500円)");
  });
});
