import { describe, expect, it } from "vitest";
import { EMPTY_NEEDS } from "../people/needs-profile.js";
import { AgeBand, Mobility } from "../people/person.enums.js";
import {
  Accessibility, ParticipationRole, ResourceKind, ResourceStatus, TargetGroup, TransportOption,
} from "../resources/resource.enums.js";
import { ScheduleFrequency, TimeBand, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import {
  DEFAULT_WEIGHTS, ageRange, exclusionsFor, formatDistance, scoreResource, type PersonFacts, type ResourceFacts, type ScoreContext,
} from "./suggestion.score.js";

const NOW = new Date("2026-11-24T01:00:00Z"); // 2026-11-24 10:00 JST

const weekly = (weekdays: Weekday[], startTime = "10:00", endTime = "11:30"): ScheduleValue => ({
  rules: [{ frequency: ScheduleFrequency.WEEKLY, weekdays, nthWeeks: [], dates: [], startTime, endTime }],
  closedOnHolidays: false, closedYearEnd: false, closedDates: [], note: null,
});

const person = (overrides: Partial<Omit<PersonFacts, "needs">> & { needs?: Partial<PersonFacts["needs"]> } = {}): PersonFacts => {
  const { needs, ...rest } = overrides;
  return { birthYear: null, ageBand: null, homeLat: null, homeLng: null, hasAgreedPlan: false, ...rest, needs: { ...EMPTY_NEEDS, ...needs } };
};

const resource = (overrides: Partial<Omit<ResourceFacts, "eligibility">> & { eligibility?: Partial<ResourceFacts["eligibility"]> } = {}): ResourceFacts => {
  const { eligibility, ...rest } = overrides;
  return {
    status: ResourceStatus.ACTIVE, kind: ResourceKind.KAYOI_NO_BA, targetGroups: [], activities: [], openings: null, costPerSessionYen: 100,
    accessibility: [], transportOptions: [], rolesOffered: [], visitAllowed: false, trialAllowed: false, homeBased: false, visiting: false,
    schedule: { rules: [], closedOnHolidays: false, closedYearEnd: false, closedDates: [], note: null }, verifiedAt: null,
    ...rest,
    eligibility: { ageMin: null, ageMax: null, certificateRequired: false, residenceRequired: false, requiresSupportPlan: false, referredCasesOnly: false, ...eligibility },
  };
};

const ctx = (distanceMeters: number | null = null): ScoreContext => ({ now: NOW, distanceMeters });
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);
const texts = (reasons: { text: string }[]) => reasons.map((r) => r.text);
const score = (p: PersonFacts, r: ResourceFacts, c = ctx()) => scoreResource(p, r, c);

describe("scoreResource: reasons", () => {
  it("explains a good match in natural Japanese, like the issue's examples", () => {
    const p = person({
      homeLat: 35.74, homeLng: 139.26,
      needs: { targetGroups: [TargetGroup.HIKIKOMORI], weekdays: [Weekday.TUE], timeBands: [TimeBand.MORNING], wantedActivities: ["体操"], maxTravelMeters: 3000 },
    });
    const r = resource({
      targetGroups: [TargetGroup.HIKIKOMORI], activities: ["ラジオ体操", "茶話会"], schedule: weekly([Weekday.TUE, Weekday.FRI]),
      visitAllowed: true, openings: 3,
    });
    expect(texts(score(p, r, ctx(1_230)).reasons)).toEqual(expect.arrayContaining([
      "火曜午前の開催が本人の希望と一致", "自宅から1.2km", "対象: ひきこもり", "見学可", "空きあり", "活動: ラジオ体操",
    ]));
  });

  it("formats distances in 100 m steps: metres under 1 km, km with one decimal, whole km from 10 km", () => {
    expect(formatDistance(800)).toBe("自宅から800m");
    expect(formatDistance(40)).toBe("自宅から100m");
    expect(formatDistance(960)).toBe("自宅から1.0km");
    expect(formatDistance(1_234)).toBe("自宅から1.2km");
    expect(formatDistance(12_340)).toBe("自宅から12km");
  });

  it("matches activities either way round, width-folded", () => {
    const p = person({ needs: { wantedActivities: ["ラジオ体操", "ﾖｶﾞ", "囲碁"] } });
    expect(texts(score(p, resource({ activities: ["体操", "ヨガ", "手芸"] })).reasons)).toContain("活動: 体操・ヨガ");
    expect(codes(score(p, resource({ activities: ["手芸"] })).reasons)).not.toContain("ACTIVITY");
  });

  it("names the kind, and gives 全市民 half the target-group points", () => {
    const p = person({ needs: { wantedKinds: [ResourceKind.SALON], targetGroups: [TargetGroup.SINGLE_ELDERLY] } });
    const kind = score(p, resource({ kind: ResourceKind.SALON })).reasons.find((r) => r.code === "KIND")!;
    expect(kind.text).toBe("種類: サロン");
    const exact = score(p, resource({ targetGroups: [TargetGroup.SINGLE_ELDERLY] })).reasons.find((r) => r.code === "TARGET_GROUP")!;
    const all = score(p, resource({ targetGroups: [TargetGroup.ALL_RESIDENTS] })).reasons.find((r) => r.code === "TARGET_GROUP")!;
    expect(exact.text).toBe("対象: 単身高齢者");
    expect(all.text).toBe("対象: 全市民");
    expect(all.points).toBeCloseTo(exact.points / 2, 0);
  });

  it("reads the schedule: day and band, day only (half), a weekday from specific dates, and a mismatch (negative)", () => {
    const p = person({ needs: { weekdays: [Weekday.TUE, Weekday.THU], timeBands: [TimeBand.MORNING] } });
    const full = score(p, resource({ schedule: weekly([Weekday.THU, Weekday.TUE]) })).reasons.find((r) => r.code === "SCHEDULE")!;
    expect(full.text).toBe("火曜午前・木曜午前の開催が本人の希望と一致");
    const dayOnly = score(p, resource({ schedule: weekly([Weekday.TUE], "13:30", "15:00") })).reasons.find((r) => r.code === "SCHEDULE_DAY")!;
    expect(dayOnly.text).toBe("火曜の開催が本人の希望と一致 (時間帯は午後)");
    expect(dayOnly.points).toBeCloseTo(full.points / 2, 0);
    const dates: ScheduleValue = { ...weekly([]), rules: [{ frequency: ScheduleFrequency.SPECIFIC_DATES, weekdays: [], nthWeeks: [], dates: ["2026-12-03"], startTime: "09:30", endTime: "11:00" }] };
    expect(texts(score(p, resource({ schedule: dates })).reasons)).toContain("木曜午前の開催が本人の希望と一致");
    const miss = score(p, resource({ schedule: weekly([Weekday.MON, Weekday.WED]) })).reasons.find((r) => r.code === "SCHEDULE_MISMATCH")!;
    expect(miss.text).toBe("開催曜日(月・水)が本人の希望と合わない");
    expect(miss.points).toBeLessThan(0);
  });

  it("with only time bands wanted, matches any day and names the band; a listing without a timetable is neither", () => {
    const p = person({ needs: { timeBands: [TimeBand.AFTERNOON] } });
    expect(texts(score(p, resource({ schedule: weekly([Weekday.SAT], "13:00", "15:00") })).reasons)).toContain("午後の開催が本人の希望と一致");
    expect(texts(score(p, resource({ schedule: weekly([Weekday.SAT], "18:00", "20:00") })).reasons)).toContain("開催時間帯(夜間)が本人の希望と合わない");
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
    const all = score(p, resource({ accessibility: [Accessibility.QUIET_ROOM, Accessibility.WHEELCHAIR, Accessibility.STEP_FREE] })).reasons.find((r) => r.code === "ACCESSIBILITY")!;
    expect(all.text).toBe("配慮: 車椅子可・静かな部屋");
    const half = score(p, resource({ accessibility: [Accessibility.WHEELCHAIR] })).reasons.find((r) => r.code === "ACCESSIBILITY")!;
    expect(half.text).toBe("配慮: 車椅子可 (静かな部屋は未対応)");
    expect(half.points).toBeCloseTo(all.points / 2, 0);
  });

  it("names transport only for those who need it", () => {
    const bus = person({ needs: { mobility: Mobility.DEMAND_BUS } });
    const r = resource({ transportOptions: [TransportOption.PICKUP, TransportOption.DEMAND_BUS, TransportOption.PARKING] });
    expect(texts(score(bus, r).reasons)).toContain("デマンドバスで通える・送迎あり");
    expect(texts(score(person({ needs: { mobility: Mobility.ESCORT_NEEDED } }), r).reasons)).toContain("送迎あり");
    expect(codes(score(person({ needs: { mobility: Mobility.WALK } }), r).reasons)).not.toContain("TRANSPORT");
  });

  it("names roles offered, 見学可/体験可, 空きあり, 無料 and a recent verification", () => {
    const p = person({ needs: { roles: [ParticipationRole.VOLUNTEER] } });
    const r = resource({
      rolesOffered: [ParticipationRole.PARTICIPANT, ParticipationRole.VOLUNTEER], visitAllowed: true, trialAllowed: true, openings: 2,
      costPerSessionYen: 0, verifiedAt: new Date(NOW.getTime() - 20 * 86_400_000),
    });
    expect(texts(score(p, r).reasons)).toEqual(expect.arrayContaining([
      "参加の形: ボランティア・担い手", "見学可", "体験可", "空きあり", "無料", "掲載内容を1か月以内に確認済み",
    ]));
    const old = resource({ verifiedAt: new Date(NOW.getTime() - 200 * 86_400_000), openings: null });
    expect(codes(score(p, old).reasons)).toEqual([]);
    expect(texts(score(p, resource({ verifiedAt: new Date(NOW.getTime() - 60 * 86_400_000) })).reasons)).toEqual(["掲載内容を3か月以内に確認済み"]);
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
    homeLat: 35.7, homeLng: 139.2,
    needs: {
      wantedActivities: ["体操"], wantedKinds: [ResourceKind.KAYOI_NO_BA], targetGroups: [TargetGroup.ELDERLY], weekdays: [Weekday.TUE],
      timeBands: [TimeBand.MORNING], mobility: Mobility.DEMAND_BUS, accessibility: [Accessibility.STEP_FREE], roles: [ParticipationRole.PARTICIPANT],
    },
  });
  const perfect = resource({
    activities: ["体操"], targetGroups: [TargetGroup.ELDERLY], schedule: weekly([Weekday.TUE]), transportOptions: [TransportOption.DEMAND_BUS],
    accessibility: [Accessibility.STEP_FREE], rolesOffered: [ParticipationRole.PARTICIPANT], openings: 5, visitAllowed: true, trialAllowed: true,
    costPerSessionYen: 0, verifiedAt: NOW,
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
    expect(scoreResource(dayPerson, tuesday, ctx(), noPenalty).score).toBeGreaterThan(scoreResource(dayPerson, tuesday, ctx()).score);
    expect(codes(scoreResource(dayPerson, tuesday, ctx(), noPenalty).reasons)).not.toContain("SCHEDULE_MISMATCH");
  });
});

describe("exclusionsFor", () => {
  const ok = person({ birthYear: 1950, hasAgreedPlan: true });

  it("lets an ordinary active listing through", () => {
    expect(exclusionsFor(ok, resource(), ctx())).toEqual([]);
  });

  it("excludes paused and ended listings", () => {
    expect(exclusionsFor(ok, resource({ status: ResourceStatus.PAUSED }), ctx())).toEqual([{ code: "PAUSED", text: "休止中" }]);
    expect(texts(exclusionsFor(ok, resource({ status: ResourceStatus.ENDED }), ctx()))).toEqual(["終了"]);
  });

  it("excludes by age from the birth year (either possible age may fit) or from the band", () => {
    // Born 1950: 75 or 76 in 2026.
    expect(ageRange(ok, NOW)).toEqual([75, 76]);
    expect(texts(exclusionsFor(ok, resource({ eligibility: { ageMax: 64 } }), ctx()))).toEqual(["対象年齢外 (64歳以下が対象)"]);
    expect(exclusionsFor(ok, resource({ eligibility: { ageMax: 75 } }), ctx())).toEqual([]);
    expect(texts(exclusionsFor(ok, resource({ eligibility: { ageMin: 18, ageMax: 39 } }), ctx()))).toEqual(["対象年齢外 (18〜39歳が対象)"]);
    const band = person({ ageBand: AgeBand.AGE_30_39, hasAgreedPlan: true });
    expect(texts(exclusionsFor(band, resource({ eligibility: { ageMin: 65 } }), ctx()))).toEqual(["対象年齢外 (65歳以上が対象)"]);
    expect(exclusionsFor(band, resource({ eligibility: { ageMin: 35 } }), ctx())).toEqual([]); // overlaps: benefit of the doubt
    expect(exclusionsFor(person({ hasAgreedPlan: true }), resource({ eligibility: { ageMin: 65 } }), ctx())).toEqual([]); // age unknown
  });

  it("excludes full listings (openings 0), not unknown ones", () => {
    expect(codes(exclusionsFor(ok, resource({ openings: 0 }), ctx()))).toEqual(["FULL"]);
    expect(exclusionsFor(ok, resource({ openings: null }), ctx())).toEqual([]);
  });

  it("excludes 手帳等が必要 unless the person is known to hold one", () => {
    const r = resource({ eligibility: { certificateRequired: true } });
    expect(texts(exclusionsFor(ok, r, ctx()))).toEqual(["手帳等が必要"]);
    expect(exclusionsFor({ ...ok, holdsCertificate: true }, r, ctx())).toEqual([]);
  });

  it("excludes 支援プランのある人のみ when the person has no agreed plan", () => {
    const r = resource({ eligibility: { requiresSupportPlan: true } });
    expect(codes(exclusionsFor({ ...ok, hasAgreedPlan: false }, r, ctx()))).toEqual(["SUPPORT_PLAN_REQUIRED"]);
    expect(exclusionsFor(ok, r, ctx())).toEqual([]);
  });

  it("excludes place-based listings for a home-bound person, unless home-based or visiting", () => {
    const bound = { ...ok, needs: { ...ok.needs, mobility: Mobility.HOME_BOUND } };
    expect(exclusionsFor(bound, resource(), ctx(300))).toEqual([{ code: "PLACE_BASED", text: "通う必要がある (本人は在宅のみ可)" }]);
    expect(exclusionsFor(bound, resource({ homeBased: true }), ctx())).toEqual([]);
    expect(exclusionsFor(bound, resource({ visiting: true }), ctx(300))).toEqual([]);
  });

  it("excludes listings beyond maxTravelMeters (only when the person said so)", () => {
    const near = { ...ok, needs: { ...ok.needs, maxTravelMeters: 3_000 } };
    expect(texts(exclusionsFor(near, resource(), ctx(6_200)))).toEqual(["距離が遠すぎる (自宅から6.2km、目安3.0km以内)"]);
    expect(exclusionsFor(near, resource(), ctx(2_900))).toEqual([]);
    expect(exclusionsFor(near, resource({ homeBased: true }), ctx(6_200))).toEqual([]);
    expect(exclusionsFor(ok, resource(), ctx(20_000))).toEqual([]);
  });

  it("excludes paid listings for a person who needs free ones, and lists every reason that applies", () => {
    const free = { ...ok, hasAgreedPlan: false, needs: { ...ok.needs, freeOnly: true } };
    const r = resource({ costPerSessionYen: 1_500, status: ResourceStatus.PAUSED, openings: 0, eligibility: { requiresSupportPlan: true } });
    expect(codes(exclusionsFor(free, r, ctx()))).toEqual(["PAUSED", "FULL", "SUPPORT_PLAN_REQUIRED", "NOT_FREE"]);
    expect(exclusionsFor(free, r, ctx()).at(-1)!.text).toBe("費用がかかる (1回1,500円)");
  });
});
