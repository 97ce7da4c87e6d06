import type { NeedsProfile } from "../people/needs-profile.js";
import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BAND_LABELS,
} from "@tsunagu/labels";
import type { Person } from "../people/person.entity.js";
import { AGE_BAND_RANGE, Mobility } from "../people/person.enums.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceStatus, TargetGroup, TransportOption } from "../resources/resource.enums.js";
import { timeBandOf } from "../schedules/schedule.js";
import { DAY_MS, WEEKDAY_LABELS, parseDay, today } from "@tsunagu/calendar";
import { ScheduleFrequency, Weekday, weekdayOfDay, type TimeBand } from "../schedules/schedule.value.js";

/*
 * How well one listing fits one person: a pure function, so the ranking can be read, tested and tuned in one place.
 *
 * | weight           | default | counts when the person…            | earned when the listing…                                  | reason (example)               |
 * |------------------|--------:|------------------------------------|-----------------------------------------------------------|--------------------------------|
 * | activity         |      18 | names wanted activities            | has an activity containing one (体操 ⊂ ラジオ体操)         | 活動: 体操                     |
 * | targetGroup      |      14 | names target groups                | shares one (全市民 earns half)                             | 対象: ひきこもり               |
 * | schedule         |      14 | names weekdays and/or time bands   | meets on a wanted day in a wanted band (day only: half)   | 火曜午前の開催が本人の希望と一致 |
 * | distance         |      14 | has a home point, or is home-bound | is near: full at 0 m, none at the comfortable range       | 自宅から1.2km                  |
 * | kind             |       8 | names wanted kinds                 | is of one of them                                         | 種類: 通いの場                 |
 * | accessibility    |       6 | needs accommodations               | offers them (share of the needs met)                      | 配慮: 車椅子可・段差なし       |
 * | role             |       6 | names roles                        | offers one                                                | 参加の形: ボランティア・担い手 |
 * | transport        |       5 | travels by bus, demand bus, car or with an escort | offers what that needs                     | デマンドバスで通える・送迎あり |
 * | openings         |       4 | always                             | has openings > 0 (unknown earns nothing)                  | 空きあり                       |
 * | visit            |       3 | always                             | allows a visit                                            | 見学可                         |
 * | trial            |       2 | always                             | allows a trial                                            | 体験可                         |
 * | free             |       3 | always                             | costs nothing                                             | 無料                           |
 * | verified         |       3 | always                             | was verified by staff in the last 180 days                | 掲載内容を3か月以内に確認済み  |
 * | scheduleMismatch |      -8 | names weekdays and/or time bands   | has a timetable, and no session on a wanted day (or band) | 開催曜日(月・水)が本人の希望と合わない |
 *
 * score = 100 × (points earned) / (sum of the positive weights that count for this person), rounded to 0.1 and kept
 * within 0–100. Normalising by what *this person* can earn keeps scores comparable across people: someone who named
 * no activities is not capped at 82. Every reason carries its share of that score (`points`), so they add up to it.
 * A schedule that does not fit is a negative reason rather than an exclusion: people's days change, and the
 * coordinator should see the listing, lower and marked. A listing without a timetable (日程は要問い合わせ) is neither.
 */
export interface ScoreWeights {
  activity: number;
  targetGroup: number;
  schedule: number;
  distance: number;
  kind: number;
  accessibility: number;
  role: number;
  transport: number;
  openings: number;
  visit: number;
  trial: number;
  free: number;
  verified: number;
  /** Negative: subtracted when the timetable does not fit. */
  scheduleMismatch: number;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
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
};

/** What scoring reads about a person: the entity's fields, plus facts the service looks up. */
export type PersonFacts = Pick<Person, "birthYear" | "ageBand" | "homeLat" | "homeLng"> & {
  needs: Pick<
    NeedsProfile,
    | "wantedActivities"
    | "wantedKinds"
    | "targetGroups"
    | "weekdays"
    | "timeBands"
    | "mobility"
    | "maxTravelMeters"
    | "accessibility"
    | "roles"
    | "freeOnly"
  >;
  /** A support plan with status AGREED exists. */
  hasAgreedPlan: boolean;
  /** Holds a 手帳 (or similar). The record has no such field yet, so callers pass null: unknown. */
  holdsCertificate?: boolean | null;
};

export type ResourceFacts = Pick<
  Resource,
  | "status"
  | "kind"
  | "targetGroups"
  | "activities"
  | "eligibility"
  | "openings"
  | "costPerSessionYen"
  | "accessibility"
  | "transportOptions"
  | "rolesOffered"
  | "visitAllowed"
  | "trialAllowed"
  | "homeBased"
  | "visiting"
  | "schedule"
  | "verifiedAt"
>;

export interface ScoreContext {
  now: Date;
  /** From the person's home point to the venue; null when either is unknown. */
  distanceMeters: number | null;
}

export interface Reason {
  code: string;
  text: string;
}

export interface ScoredReason extends Reason {
  /** This reason's share of the score (negative for a mismatch). */
  points: number;
}

/** How far a person goes without strain when they have not said (maxTravelMeters), by how they get about. */
export const COMFORTABLE_METERS: Readonly<Record<Mobility, number>> = {
  WALK: 1_000,
  BICYCLE: 3_000,
  PUBLIC_TRANSPORT: 5_000,
  DEMAND_BUS: 5_000,
  CAR: 10_000,
  ESCORT_NEEDED: 2_000,
  HOME_BOUND: 0,
};
export const comfortableMeters = (needs: PersonFacts["needs"]) =>
  needs.maxTravelMeters ?? COMFORTABLE_METERS[needs.mobility];

/** Transport that makes a listing reachable for a way of getting about, with how it reads in a reason. */
const TRANSPORT_FOR: Partial<Record<Mobility, readonly TransportOption[]>> = {
  DEMAND_BUS: [TransportOption.DEMAND_BUS, TransportOption.PICKUP],
  ESCORT_NEEDED: [TransportOption.PICKUP],
  PUBLIC_TRANSPORT: [TransportOption.BUS_STOP_NEARBY, TransportOption.STATION_NEARBY, TransportOption.DEMAND_BUS],
  CAR: [TransportOption.PARKING],
};
const TRANSPORT_TEXT: Record<TransportOption, string> = {
  DEMAND_BUS: "デマンドバスで通える",
  PICKUP: "送迎あり",
  BUS_STOP_NEARBY: "バス停が近い",
  STATION_NEARBY: "駅が近い",
  PARKING: "駐車場あり",
};
const RECENTLY_VERIFIED_DAYS = 180;
const WEEKDAYS_MONDAY_FIRST = [
  Weekday.MON,
  Weekday.TUE,
  Weekday.WED,
  Weekday.THU,
  Weekday.FRI,
  Weekday.SAT,
  Weekday.SUN,
];

const joinLabels = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => labels[v]).join("・");

/** 「800m」「1.2km」「12km」: 100 m steps (the home point is rounded to ~100 m anyway). */
export function formatMeters(meters: number): string {
  const rounded = Math.max(100, Math.round(meters / 100) * 100);
  if (rounded < 1_000) return `${rounded}m`;
  return `${rounded < 10_000 ? (rounded / 1_000).toFixed(1) : Math.round(rounded / 1_000)}km`;
}
export const formatDistance = (meters: number) => `自宅から${formatMeters(meters)}`;

/** The ages the person may be: both candidates for a birth year (birthday not known), or the band's range. */
export function ageRange(person: Pick<PersonFacts, "birthYear" | "ageBand">, now: Date): [number, number] | null {
  if (person.birthYear != null) {
    const age = Number(today(now).slice(0, 4)) - person.birthYear;
    return [age - 1, age];
  }
  return person.ageBand ? AGE_BAND_RANGE[person.ageBand] : null;
}

function ageText(min: number | null, max: number | null): string {
  if (min != null && max != null) return `${min}〜${max}歳`;
  return min != null ? `${min}歳以上` : `${max}歳以下`;
}

/**
 * Why a listing cannot be suggested to this person, or [] when it can. Doubt goes to the person where the record is
 * silent (age known only as a band that overlaps the range: kept), except for 手帳等が必要: we record no certificates,
 * so such listings are excluded unless `holdsCertificate` is true, and the coordinator sees them in `excluded` with the
 * reason and can still refer a person who holds one. 関係機関からの紹介のみ is no bar here: the coordinator is the referral.
 */
export function exclusionsFor(person: PersonFacts, resource: ResourceFacts, context: ScoreContext): Reason[] {
  const out: Reason[] = [];
  const needs = person.needs;
  if (resource.status !== ResourceStatus.ACTIVE)
    out.push({ code: resource.status, text: RESOURCE_STATUS_LABELS[resource.status] });

  const { ageMin, ageMax } = resource.eligibility;
  const ages = ageRange(person, context.now);
  if (ages && (ageMin != null || ageMax != null) && (ages[1] < (ageMin ?? 0) || ages[0] > (ageMax ?? Infinity))) {
    out.push({ code: "AGE_OUT_OF_RANGE", text: `対象年齢外 (${ageText(ageMin, ageMax)}が対象)` });
  }
  if (resource.openings === 0) out.push({ code: "FULL", text: "満員 (空きなし)" });
  if (resource.eligibility.certificateRequired && person.holdsCertificate !== true) {
    out.push({ code: "CERTIFICATE_REQUIRED", text: "手帳等が必要" });
  }
  if (resource.eligibility.requiresSupportPlan && !person.hasAgreedPlan) {
    out.push({ code: "SUPPORT_PLAN_REQUIRED", text: "支援プランのある人のみ (合意済みのプランがない)" });
  }
  const comesHome = resource.homeBased || resource.visiting;
  if (needs.mobility === Mobility.HOME_BOUND && !comesHome) {
    out.push({ code: "PLACE_BASED", text: "通う必要がある (本人は在宅のみ可)" });
  } else if (
    needs.maxTravelMeters != null &&
    context.distanceMeters != null &&
    !comesHome &&
    context.distanceMeters > needs.maxTravelMeters
  ) {
    out.push({
      code: "TOO_FAR",
      text: `距離が遠すぎる (${formatDistance(context.distanceMeters)}、目安${formatMeters(needs.maxTravelMeters)}以内)`,
    });
  }
  if (needs.freeOnly && resource.costPerSessionYen > 0) {
    out.push({ code: "NOT_FREE", text: `費用がかかる (1回${resource.costPerSessionYen.toLocaleString("ja-JP")}円)` });
  }
  return out;
}

interface Slot {
  weekday: Weekday;
  band: TimeBand | null;
}

/** Every (weekday, time band) the listing meets on; specific dates count by their weekday. */
function slotsOf(schedule: ResourceFacts["schedule"]): Slot[] {
  return schedule.rules.flatMap((rule) => {
    const band = timeBandOf(rule.startTime);
    const days =
      rule.frequency === ScheduleFrequency.SPECIFIC_DATES
        ? rule.dates.flatMap((d) => {
            const day = parseDay(d);
            return day === null ? [] : [weekdayOfDay(day)];
          })
        : rule.weekdays;
    return days.map((weekday) => ({ weekday, band }));
  });
}

const byMondayFirst = (a: Slot, b: Slot) =>
  WEEKDAYS_MONDAY_FIRST.indexOf(a.weekday) - WEEKDAYS_MONDAY_FIRST.indexOf(b.weekday);
const unique = (xs: string[]) => [...new Set(xs)];

/** [share of the schedule weight earned, reason]; a negative share means the mismatch penalty applies. */
function scheduleFit(needs: PersonFacts["needs"], schedule: ResourceFacts["schedule"]): [number, Reason] | null {
  const slots = slotsOf(schedule).sort(byMondayFirst);
  if (!slots.length) return null;
  const days = new Set(needs.weekdays);
  const bands = new Set(needs.timeBands);
  const dayOk = (s: Slot) => !days.size || days.has(s.weekday);
  const bandOk = (s: Slot) => !bands.size || (s.band !== null && bands.has(s.band));
  const label = (s: Slot) =>
    (days.size ? `${WEEKDAY_LABELS[s.weekday]}曜` : "") + (bands.size && s.band ? TIME_BAND_LABELS[s.band] : "");
  const both = slots.filter((s) => dayOk(s) && bandOk(s));
  if (both.length) {
    const labels = unique(both.map(label));
    return [
      1,
      {
        code: "SCHEDULE",
        text: `${labels.slice(0, 2).join("・")}${labels.length > 2 ? "など" : ""}の開催が本人の希望と一致`,
      },
    ];
  }
  const onDay = days.size ? slots.filter(dayOk) : [];
  if (onDay.length) {
    const bandsThen = unique(onDay.flatMap((s) => (s.band ? [TIME_BAND_LABELS[s.band]] : [])));
    return [
      0.5,
      {
        code: "SCHEDULE_DAY",
        text: `${WEEKDAY_LABELS[onDay[0].weekday]}曜の開催が本人の希望と一致 (時間帯は${bandsThen.join("・")})`,
      },
    ];
  }
  if (days.size) {
    return [
      -1,
      {
        code: "SCHEDULE_MISMATCH",
        text: `開催曜日(${unique(slots.map((s) => WEEKDAY_LABELS[s.weekday])).join("・")})が本人の希望と合わない`,
      },
    ];
  }
  const held = unique(slots.flatMap((s) => (s.band ? [TIME_BAND_LABELS[s.band]] : [])));
  return [-1, { code: "SCHEDULE_MISMATCH", text: `開催時間帯(${held.join("・")})が本人の希望と合わない` }];
}

const includesEither = (a: string, b: string) => {
  const x = a.normalize("NFKC");
  const y = b.normalize("NFKC");
  return x.includes(y) || y.includes(x);
};

/** The score (0–100) and the reasons behind it, best first. Call only for listings `exclusionsFor` lets through. */
export function scoreResource(
  person: PersonFacts,
  resource: ResourceFacts,
  context: ScoreContext,
  weights: Readonly<ScoreWeights> = DEFAULT_WEIGHTS,
): { score: number; reasons: ScoredReason[] } {
  const needs = person.needs;
  const homeBound = needs.mobility === Mobility.HOME_BOUND;
  let attainable = weights.openings + weights.visit + weights.trial + weights.free + weights.verified;
  const earned: { code: string; text: string; weight: number }[] = [];
  const earn = (weight: number, code: string, text: string) => earned.push({ code, text, weight });

  if (needs.wantedActivities.length) {
    attainable += weights.activity;
    const hits = resource.activities.filter((a) =>
      needs.wantedActivities.some((w) => w.trim() && includesEither(a, w.trim())),
    );
    if (hits.length) earn(weights.activity, "ACTIVITY", `活動: ${hits.slice(0, 3).join("・")}`);
  }
  if (needs.targetGroups.length) {
    attainable += weights.targetGroup;
    const shared = resource.targetGroups.filter((g) => needs.targetGroups.includes(g));
    if (shared.length) earn(weights.targetGroup, "TARGET_GROUP", `対象: ${joinLabels(shared, TARGET_GROUP_LABELS)}`);
    else if (resource.targetGroups.includes(TargetGroup.ALL_RESIDENTS))
      earn(weights.targetGroup / 2, "TARGET_GROUP", `対象: ${TARGET_GROUP_LABELS.ALL_RESIDENTS}`);
  }
  if (needs.weekdays.length || needs.timeBands.length) {
    attainable += weights.schedule;
    const fit = scheduleFit(needs, resource.schedule);
    if (fit) earn(fit[0] < 0 ? weights.scheduleMismatch : weights.schedule * fit[0], fit[1].code, fit[1].text);
  }
  if (homeBound || (person.homeLat != null && person.homeLng != null)) {
    attainable += weights.distance;
    if (resource.homeBased) earn(homeBound ? weights.distance : weights.distance / 2, "HOME_BASED", "自宅で参加できる");
    else if (resource.visiting && homeBound) earn(weights.distance, "VISITING", "訪問型 (自宅に来てもらえる)");
    else if (context.distanceMeters != null && !homeBound) {
      const share = Math.max(0, 1 - context.distanceMeters / Math.max(1, comfortableMeters(needs)));
      if (share > 0) earn(weights.distance * share, "DISTANCE", formatDistance(context.distanceMeters));
    }
  }
  if (needs.wantedKinds.length) {
    attainable += weights.kind;
    if (needs.wantedKinds.includes(resource.kind))
      earn(weights.kind, "KIND", `種類: ${RESOURCE_KIND_LABELS[resource.kind]}`);
  }
  if (needs.accessibility.length) {
    attainable += weights.accessibility;
    const met = needs.accessibility.filter((a) => resource.accessibility.includes(a));
    const missing = needs.accessibility.filter((a) => !met.includes(a));
    if (met.length) {
      const note = missing.length ? ` (${joinLabels(missing, ACCESSIBILITY_LABELS)}は未対応)` : "";
      earn(
        weights.accessibility * (met.length / needs.accessibility.length),
        "ACCESSIBILITY",
        `配慮: ${joinLabels(met, ACCESSIBILITY_LABELS)}${note}`,
      );
    }
  }
  if (needs.roles.length) {
    attainable += weights.role;
    const offered = resource.rolesOffered.filter((r) => needs.roles.includes(r));
    if (offered.length) earn(weights.role, "ROLE", `参加の形: ${joinLabels(offered, PARTICIPATION_ROLE_LABELS)}`);
  }
  const fitting = TRANSPORT_FOR[needs.mobility];
  if (fitting) {
    attainable += weights.transport;
    const offered = fitting.filter((t) => resource.transportOptions.includes(t));
    if (offered.length) earn(weights.transport, "TRANSPORT", joinLabels(offered, TRANSPORT_TEXT));
  }
  if (resource.openings != null && resource.openings > 0) earn(weights.openings, "OPENINGS", "空きあり");
  if (resource.visitAllowed) earn(weights.visit, "VISIT", "見学可");
  if (resource.trialAllowed) earn(weights.trial, "TRIAL", "体験可");
  if (resource.costPerSessionYen === 0) earn(weights.free, "FREE", "無料");
  const verifiedDays = resource.verifiedAt
    ? (context.now.getTime() - resource.verifiedAt.getTime()) / DAY_MS
    : Infinity;
  if (verifiedDays <= RECENTLY_VERIFIED_DAYS) {
    earn(
      weights.verified,
      "VERIFIED",
      `掲載内容を${verifiedDays <= 31 ? "1か月" : verifiedDays <= 92 ? "3か月" : "半年"}以内に確認済み`,
    );
  }

  const scale = attainable > 0 ? 100 / attainable : 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  const reasons = earned
    .filter((e) => e.weight !== 0)
    .map((e) => ({ code: e.code, text: e.text, points: round(e.weight * scale) }))
    .sort((a, b) => b.points - a.points);
  const total = earned.reduce((sum, e) => sum + e.weight, 0) * scale;
  return { score: Math.min(100, Math.max(0, round(total))), reasons };
}
