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
import {
  certificateOpens,
  foldText,
  groupSizeFit,
  hasWishText,
  householdShares,
  HOUSEHOLD_ISSUE_TEXT,
  isBroadGroup,
  madeForShare,
  isGivingKind,
  isServiceKind,
  participationFit,
  personGroups,
  wantsWork,
  targetFit,
  wishFit,
} from "./suggestion.profile.js";
import type { Resource } from "../resources/resource.entity.js";
import { wordsMeant } from "../search/text/synonym-table.js";
import {
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { nextSessions, timeBandOf } from "../schedules/schedule.js";
import { DAY_MS, WEEKDAY_LABELS, parseDay, parseTime, today } from "@tsunagu/calendar";
import { ScheduleFrequency, TimeBand, Weekday, weekdayOfDay, type SessionValue } from "../schedules/schedule.value.js";

/*
 * How well one listing fits one person: a pure function, so the ranking can be read, tested and tuned in one place.
 *
 * | weight           | default | counts when the person…            | earned when the listing…                                  | reason (example)               |
 * |------------------|--------:|------------------------------------|-----------------------------------------------------------|--------------------------------|
 * | activity         |      18 | names wanted activities            | has one holding a wanted one (体操 ⊂ ラジオ体操, or a word the synonyms table takes for it: 運動 → 体操); half for a broader part of it (相談 of 子育て相談); ×0.8 when it is not the place's first activity nor in its name; 0.7–1 by the share of the wanted activities it has | 活動: 体操 |
 * | targetGroup      |      14 | is in a known group (named, or from age, household, 手帳) | is for one of them (table below) | 対象: ひきこもり |
 * | schedule         |      14 | names weekdays and/or time bands   | meets on a wanted day in a wanted band (day only: half); a session counts in every band it overlaps by an hour | 火曜午後の開催が本人の希望と一致 |
 * | distance         |      14 | has a home point, or is home-bound | is near: full at 0 m, none at the comfortable distance, as much against at twice it (mobility not asked: earns over twice the default, never against) | 自宅から1.2km / 自宅から3.0km (目安の2.0kmより遠い) |
 * | kind             |       8 | names wanted kinds                 | is of one of them                                         | 種類: 通いの場                 |
 * | accessibility    |       6 | needs accommodations               | offers them (share of the needs met)                      | 配慮: 車椅子可・段差なし       |
 * | role             |       6 | names roles                        | offers one                                                | 参加の形: ボランティア・担い手 |
 * | transport        |       5 | travels by bus, demand bus or car  | offers what that needs                                    | デマンドバスで通える           |
 * |                  |    ×5   | needs an escort (ESCORT_NEEDED)    | fetches them (送迎) or comes to them (訪問型, 自宅で); otherwise noPickup counts against | 送迎あり |
 * | openings         |       4 | always                             | has openings > 0 (unknown earns nothing)                  | 空きあり                       |
 * | visit            |       3 | always                             | allows a visit                                            | 見学可                         |
 * | trial            |       2 | always                             | allows a trial                                            | 体験可                         |
 * | free             |       3 | always                             | costs nothing                                             | 無料                           |
 * | verified         |       3 | always                             | was verified by staff in the last 180 days                | 掲載内容を3か月以内に確認済み  |
 * | scheduleMismatch |      -8 | names weekdays and/or time bands   | has a timetable, and no session on a wanted day (or band) | 開催曜日(月・水)が本人の希望と合わない |
 *
 * The target-group weight, by how the listing's groups meet the person's (targetFit, suggestion.profile.ts):
 * a group they share earns it whole when the listing is a kind of place made for it (通いの場 for 高齢者, 居場所 for
 * ひきこもり), ×0.75 when it is only open to it; ×0.5 when the group is broad (若者, 高齢者) and the person is in a
 * situation of their own (ひきこもり, 障害, 介護者…); a quarter when the group is known from the age alone and the record
 * states others; half for 単身高齢者 to an older person whose household is not recorded. 全市民 earns half (0.3 for
 * someone in a situation, or a child). A volunteer role's groups say who may help: half unless the person asked to
 * help or wants what it does. Someone who came to help (roles ボランティア, not 参加者) earns nothing from whom a place
 * serves. A service (SERVICE_KINDS) earns it only when it answers something asked: a household issue it meets, its
 * kind wanted, or help at home (住民主体サービス) for someone who cannot go out.
 *
 * The profile weights (ProfileWeights) read the rest of the record; each counts only when the record has that fact:
 *
 * | weight           | default | counts when the person…            | earned when the listing…                                  | reason (example)               |
 * |------------------|--------:|------------------------------------|-----------------------------------------------------------|--------------------------------|
 * | household        |      20 | has household issues               | addresses them, by share: by what it is (介護者のつどい for 介護負担, 子ども食堂 for 生活困窮 when there is a child) fully, by whom it is for half | 世帯の課題(介護負担)に合う |
 * | participation    |       8 | is at an early step, or work-ready | is low-threshold (見学・体験, 予約なし, 少人数: a third each; at home, for no contact yet: whole), or offers work | はじめの一歩に向く: 見学・体験できる |
 * | wishes           |       8 | wrote wishes or strengths          | has an activity (or kind) they mention, by a word of the synonyms table or a phrase of WISH_PHRASES, or their words in its description | 希望・強みに合う: 料理 |
 * | groupSize        |       5 | prefers one-to-one or a small group | is that size (定員, visiting, or done at home)           | 少人数                         |
 * | targetOther      |     -12 | is in a known group                | is aimed at a situation or age the person is not in (生活困窮 on a food pantry, 高齢者 for a 16-year-old) | 生活困窮の人が対象 (本人は該当なし) |
 * | infrequent       |      -6 | always (context.upcoming given)    | meets about monthly (half) or less than that, in the next 13 weeks | 開催は月1回程度      |
 * | farNext          |      -6 | always (context.upcoming given)    | next meets in 3–8 weeks (half), later, or has no date ahead | 次回は4か月後 (3月24日)      |
 * | noPickup         |     -20 | needs an escort                    | is a place to go without 送迎                              | 送迎なし (本人は一人で通えない) |
 * | laterStep        |      -8 | is at an early step, has not asked for work (or to help) | is a workplace (or a volunteer role, for no contact yet) | 就労の場 (本人はまだはじめの一歩の段階) |
 *
 * What the listing is about decides (SUBSTANCE_CODES: activity, target group, kind, role, household, wishes,
 * accommodations, 送迎 for an escort); the practicalities (distance, schedule, transport, openings, visit, trial, free,
 * verified, participation step, group size) are earned in proportion to it: × (0.3 + 0.7 × the share of the substance
 * this person can earn that the listing earns). A near, open, free listing about nothing the person needs keeps 0.3 of
 * them, and does not rise above one that is about what they need.
 *
 * score = 100 × (points earned) / (sum of the positive weights that count for this person), rounded to 0.1 and kept
 * within 0–100. Normalising by what *this person* can earn keeps scores comparable across people: someone who named
 * no activities is not capped at 82. Every reason carries its share of that score (`points`), so they add up to it.
 * A schedule that does not fit is a negative reason rather than an exclusion: people's days change, and the
 * coordinator should see the listing, lower and marked. A listing without a timetable (日程は要問い合わせ) is neither.
 * Services someone receives (SERVICE_KINDS: 住民主体サービス, 居住支援, シェルター, フードパントリー) are scored the same,
 * but their schedule reasons say 「…に利用でき…」, not 「…の開催」, the participation step neither earns nor counts for them
 * (one does not take a first step into a food pantry), and the caller lists them apart from places to go.
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

/** Weights for the facts beyond the needs form's lists; see the second table above. Negative ones are penalties. */
export interface ProfileWeights {
  household: number;
  participation: number;
  wishes: number;
  groupSize: number;
  targetOther: number;
  infrequent: number;
  farNext: number;
  /** Negative: a place to go without 送迎, for someone who cannot go out alone (ESCORT_NEEDED). */
  noPickup: number;
  /** Negative: a workplace for someone at an early step who has not asked for work. */
  laterStep: number;
}

export const DEFAULT_PROFILE_WEIGHTS: Readonly<ProfileWeights> = {
  household: 20,
  participation: 8,
  wishes: 8,
  groupSize: 5,
  targetOther: -12,
  infrequent: -6,
  farNext: -6,
  noPickup: -20,
  laterStep: -8,
};

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

/**
 * 無理なく行ける距離 is a guide, not a wall: a listing up to twice as far stays a suggestion (it earns no distance points,
 * so it ranks below nearer ones that fit as well; a coordinator offers a good place a little far before a poor one
 * next door), and only one further away is excluded as 距離が遠すぎる.
 */
export const TRAVEL_GRACE = 2;
/** For mobility not yet asked, distance earns over this many times the default guide. */
const RADIUS_FACTOR_UNKNOWN = 2;

/**
 * Reasons that say what a listing is about for this person (its activities, kind, groups, roles, what it does for the
 * household, the wishes it meets); the rest are practicalities, which earn in proportion to these: a listing meeting
 * none of what the person named keeps PRACTICAL_FLOOR of its practical points.
 */
export const SUBSTANCE_CODES: ReadonlySet<string> = new Set([
  "ACTIVITY",
  "TARGET_GROUP",
  "KIND",
  "ROLE",
  "HOUSEHOLD",
  "WISHES",
  "ESCORT",
  "ACCESSIBILITY",
]);
export const PRACTICAL_FLOOR = 0.3;
/** The share of the target-group weight a group known only from the age earns when the record states others. */
export const AGE_ONLY_SHARE = 0.25;
/** The share of the target-group weight a listing for everyone earns; less for someone in a situation of their own. */
export const EVERYONE_SHARE = 0.5;
export const EVERYONE_SITUATED_SHARE = 0.3;
/** The share of the target-group weight a broad group alone earns for someone in a situation of their own. */
export const BROAD_ONLY_SHARE = 0.5;
/** The share for a group the person may be in but the record does not say (単身高齢者 for a 高齢者). */
export const UNCONFIRMED_SHARE = 0.5;

/** How much more 送迎 weighs for a person whose mobility is ESCORT_NEEDED. */
export const ESCORT_TRANSPORT_FACTOR = 5;

/** What scoring reads about a person: the entity's fields, plus facts the service looks up. */
export type PersonFacts = Pick<Person, "birthYear" | "ageBand" | "homeLat" | "homeLng"> &
  Partial<Pick<Person, "householdIssues" | "certificates" | "participationLevel">> & {
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
    > &
      Partial<Pick<NeedsProfile, "groupSize" | "wishes" | "strengths">>;
    /** A support plan with status AGREED exists. */
    hasAgreedPlan: boolean;
    /** Holds a 手帳 that any 手帳等が必要 listing accepts; `certificates` says which ones and is checked per listing. */
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
> &
  Partial<Pick<Resource, "name" | "description" | "capacity">>;

export interface ScoreContext {
  now: Date;
  /** From the person's home point to the venue; null when either is unknown. */
  distanceMeters: number | null;
  /** The listing's coming sessions (upcomingOf); frequency and next-session distance are scored only when given. */
  upcoming?: Upcoming;
}

/** How often and how soon a listing meets, from its timetable. */
export interface Upcoming {
  /** Sessions in the next UPCOMING_WINDOW_DAYS. */
  sessions: number;
  /** The next session's JST date and how many days away it is; null when no date is ahead. */
  next: { date: string; days: number } | null;
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
  /** Not yet asked: a default a coordinator can read back, wider than a walk (the result states it). */
  UNKNOWN: 3_000,
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
 * silent (age known only as a band that overlaps the range: kept), except for 手帳等が必要: such listings are open to a
 * person who holds a 手帳 that fits (one for the disability group the listing names, or any when it names none), and
 * excluded otherwise with the reason, so the coordinator can still refer a person whose 手帳 is not yet recorded.
 * 関係機関からの紹介のみ is no bar here: the coordinator is the referral.
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
  if (
    resource.eligibility.certificateRequired &&
    person.holdsCertificate !== true &&
    !certificateOpens(person.certificates ?? [], resource)
  ) {
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
    context.distanceMeters > needs.maxTravelMeters * TRAVEL_GRACE
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

/** Where each time band ends (minutes after midnight), as timeBandOf draws them. */
const BAND_SPANS: readonly [TimeBand, number, number][] = [
  [TimeBand.MORNING, 0, 12 * 60],
  [TimeBand.AFTERNOON, 12 * 60, 17 * 60],
  [TimeBand.EVENING, 17 * 60, 24 * 60],
];
/** A session also counts in a later band it runs into by at least this long (a 10:00–15:00 drop-in is an afternoon too). */
const BAND_OVERLAP_MINUTES = 60;

/** The bands a session is in: the one it starts in, and any it overlaps by an hour; none when the start is unreadable. */
export function bandsOf(startTime: string, endTime: string): TimeBand[] {
  const first = timeBandOf(startTime);
  const start = parseTime(startTime);
  const end = parseTime(endTime);
  if (first === null || start === null) return [];
  if (end === null || end <= start) return [first];
  return BAND_SPANS.filter(
    ([band, from, to]) => band === first || Math.min(end, to) - Math.max(start, from) >= BAND_OVERLAP_MINUTES,
  ).map(([band]) => band);
}

/** Every (weekday, time band) the listing meets on; specific dates count by their weekday. */
function slotsOf(schedule: ResourceFacts["schedule"]): Slot[] {
  return schedule.rules.flatMap((rule) => {
    const bands: (TimeBand | null)[] = bandsOf(rule.startTime, rule.endTime);
    if (!bands.length) bands.push(null);
    const days =
      rule.frequency === ScheduleFrequency.SPECIFIC_DATES
        ? rule.dates.flatMap((d) => {
            const day = parseDay(d);
            return day === null ? [] : [weekdayOfDay(day)];
          })
        : rule.weekdays;
    return days.flatMap((weekday) => bands.map((band) => ({ weekday, band })));
  });
}

const byMondayFirst = (a: Slot, b: Slot) =>
  WEEKDAYS_MONDAY_FIRST.indexOf(a.weekday) - WEEKDAYS_MONDAY_FIRST.indexOf(b.weekday);
const unique = (xs: string[]) => [...new Set(xs)];

/** How schedule reasons read: a place 「開催」s; a service is 「利用できる」. */
const SCHEDULE_WORDS = {
  place: { fits: "の開催が本人の希望と一致", days: "開催曜日", bands: "開催時間帯" },
  service: { fits: "に利用でき、本人の希望と一致", days: "利用できる曜日", bands: "利用できる時間帯" },
} as const;

/** [share of the schedule weight earned, reason]; a negative share means the mismatch penalty applies. */
function scheduleFit(
  needs: PersonFacts["needs"],
  schedule: ResourceFacts["schedule"],
  words: (typeof SCHEDULE_WORDS)[keyof typeof SCHEDULE_WORDS],
): [number, Reason] | null {
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
        text: `${labels.slice(0, 2).join("・")}${labels.length > 2 ? "など" : ""}${words.fits}`,
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
        text: `${WEEKDAY_LABELS[onDay[0].weekday]}曜${words.fits} (時間帯は${bandsThen.join("・")})`,
      },
    ];
  }
  if (days.size) {
    return [
      -1,
      {
        code: "SCHEDULE_MISMATCH",
        text: `${words.days}(${unique(slots.map((s) => WEEKDAY_LABELS[s.weekday])).join("・")})が本人の希望と合わない`,
      },
    ];
  }
  const held = unique(slots.flatMap((s) => (s.band ? [TIME_BAND_LABELS[s.band]] : [])));
  return [-1, { code: "SCHEDULE_MISMATCH", text: `${words.bands}(${held.join("・")})が本人の希望と合わない` }];
}

/**
 * How far a listing's activity meets a wanted one: 1 when it contains it (体操 ⊂ ラジオ体操), half when it is only a part
 * of it (a listing's 「相談」 for a wanted 「子育て相談」: related, but not what was asked for), else 0. Both are read with
 * search's normalisation (ｻﾛﾝ, 子供/子ども, 遊び/あそび) and kana folded.
 */
export function activityMatch(wanted: string, offered: string): number {
  const w = foldText(wanted);
  const o = foldText(offered);
  if (!w || !o) return 0;
  // The words the synonyms table takes for the wanted one count as it (運動 → 体操, 畑仕事 → 農作業).
  if (wordsMeant(wanted).some((m) => o.includes(foldText(m)))) return 1;
  return o.length >= 2 && w.includes(o) ? REVERSE_ACTIVITY_SHARE : 0;
}
/** The share an activity earns when it is one of a place's others, not its first nor in its name. */
const SIDE_ACTIVITY_SHARE = 0.8;
/** The share of the activity weight one of several wanted activities earns; all of them earn the whole. */
const ACTIVITY_ONE_SHARE = 0.7;
/** The share a wanted activity earns from a listing's broader, shorter one (「相談」 for 「子育て相談」). */
const REVERSE_ACTIVITY_SHARE = 0.5;

/** The score (0–100) and the reasons behind it, best first. Call only for listings `exclusionsFor` lets through. */
export function scoreResource(
  person: PersonFacts,
  resource: ResourceFacts,
  context: ScoreContext,
  weights: Readonly<ScoreWeights> = DEFAULT_WEIGHTS,
  profileWeights: Readonly<ProfileWeights> = DEFAULT_PROFILE_WEIGHTS,
): { score: number; reasons: ScoredReason[] } {
  const needs = person.needs;
  const homeBound = needs.mobility === Mobility.HOME_BOUND;
  const service = isServiceKind(resource.kind);
  const ages = ageRange(person, context.now);
  const groups = personGroups({ ...person, ...needs }, ages);
  // What the listing does for the household: read by the group fit of a service and by the household weight.
  const household = householdShares(person.householdIssues ?? [], resource, groups);
  let attainable = weights.openings + weights.visit + weights.trial + weights.free + weights.verified;
  /** The part of `attainable` that says what the listing is about for this person (SUBSTANCE_CODES). */
  let substance = 0;
  const earned: { code: string; text: string; weight: number }[] = [];
  const earn = (weight: number, code: string, text: string) => earned.push({ code, text, weight });

  if (needs.wantedActivities.length) {
    attainable += weights.activity;
    substance += weights.activity;
    // What a place is mainly about (its first activity, or a word of its name) before one of its many activities:
    // a 囲碁クラブ for 囲碁 before a サロン that also has a board.
    const name = foldText(resource.name ?? "");
    const mainly = (a: string, i: number) =>
      i === 0 || needs.wantedActivities.some((w) => foldText(w) && name.includes(foldText(w)))
        ? 1
        : SIDE_ACTIVITY_SHARE;
    const matches = resource.activities
      .map((a, i) => ({
        a,
        share: Math.max(0, ...needs.wantedActivities.map((w) => activityMatch(w, a))) * mainly(a, i),
      }))
      .filter((m) => m.share > 0);
    const best = Math.max(0, ...matches.map((m) => m.share));
    // Named best first (a stable sort keeps the listing's order among equals).
    const hits = [...matches].sort((x, y) => y.share - x.share).map((m) => m.a);
    // More of what was asked for is better: 料理 and ボードゲーム both, before 料理 alone.
    const wanted = needs.wantedActivities.filter((w) => w.trim());
    const met = wanted.filter((w) => resource.activities.some((a) => activityMatch(w, a) > 0)).length;
    const breadth = ACTIVITY_ONE_SHARE + (1 - ACTIVITY_ONE_SHARE) * (met / Math.max(1, wanted.length));
    if (hits.length) earn(weights.activity * best * breadth, "ACTIVITY", `活動: ${hits.slice(0, 3).join("・")}`);
  }
  if (groups.size) {
    attainable += weights.targetGroup;
    substance += weights.targetGroup;
    const fit = targetFit(groups, resource, ages);
    // A group known only from the age (若者 at 26, 高齢者 at 70) counts a quarter when the record states groups of
    // its own (named, a household issue, a 手帳): the young mother came for 子育て, not for a youth 居場所.
    const stated = personGroups({ ...person, ...needs }, null);
    const byAgeOnly =
      fit.kind === "shared" &&
      stated.size > 0 &&
      !fit.groups.some((g) => stated.has(g)) &&
      !(fit.unconfirmed && stated.has(TargetGroup.ELDERLY));
    // A volunteer role's groups say who may help: it fits by group fully only someone who asked to help.
    // (Asking to help is also wanting what the role does: an elder who wants 花壇の手入れ is its audience.)
    const asHelper =
      isGivingKind(resource.kind) &&
      !needs.roles.includes(ParticipationRole.VOLUNTEER) &&
      !needs.wantedKinds.includes(resource.kind) &&
      !earned.some((e) => e.code === "ACTIVITY");
    // A service is suggested for a need (a household issue it meets, or its kind asked for), not for whom it serves:
    // a 居住支援 for 障害者(精神) is no fit for a 手帳 holder with a home.
    // Someone who cannot go out (or not alone) asks, by that, for help at home: 住民主体サービス.
    const cannotGoOut = needs.mobility === Mobility.HOME_BOUND || needs.mobility === Mobility.ESCORT_NEEDED;
    const unaskedService =
      service &&
      !needs.wantedKinds.includes(resource.kind) &&
      !(cannotGoOut && resource.kind === ResourceKind.SERVICE_B) &&
      !household.length;
    // Someone who came to help (roles: ボランティア, not 参加者) is matched by what they would do; whom a place serves
    // is not their group (a youth 居場所 is no fit for a student who wants to read to children). A volunteer role's
    // groups still say who may help.
    const helping =
      needs.roles.includes(ParticipationRole.VOLUNTEER) &&
      !needs.roles.includes(ParticipationRole.PARTICIPANT) &&
      !isGivingKind(resource.kind);
    const helperShare = unaskedService || helping ? 0 : asHelper ? 0.5 : 1;
    // Someone in a situation (ひきこもり, 不登校, 障害, 介護者…) is served first by places for it; 全市民 is less of a fit.
    // A child, too, is served first by places for children.
    const inSituation = [...groups].some((g) => !isBroadGroup(g));
    const situated = inSituation || (ages !== null && ages[1] < 18);
    const helperNote = asHelper ? " (担い手として)" : "";
    // Sharing only a broad group (若者, 高齢者) with a listing is half a fit for someone in a situation of their own:
    // a young person in ひきこもり is looking for a place for that first, not any young people's club.
    const broadOnly = inSituation && fit.kind === "shared" && fit.groups.every(isBroadGroup);
    if (fit.kind === "shared")
      earn(
        (byAgeOnly ? weights.targetGroup * AGE_ONLY_SHARE : weights.targetGroup) *
          (broadOnly ? BROAD_ONLY_SHARE : 1) *
          (fit.unconfirmed ? UNCONFIRMED_SHARE : 1) *
          (asHelper || unaskedService ? 1 : madeForShare(fit.groups, resource.kind)) *
          helperShare,
        "TARGET_GROUP",
        `対象: ${joinLabels(fit.groups, TARGET_GROUP_LABELS)}${byAgeOnly ? " (年齢から)" : ""}${fit.unconfirmed ? " (ひとり暮らしかは未確認)" : ""}${helperNote}`,
      );
    else if (fit.kind === "everyone")
      earn(
        weights.targetGroup * (situated ? EVERYONE_SITUATED_SHARE : EVERYONE_SHARE) * helperShare,
        "TARGET_GROUP",
        `対象: ${TARGET_GROUP_LABELS.ALL_RESIDENTS}${helperNote}`,
      );
    else if (fit.kind === "other") earn(profileWeights.targetOther, "TARGET_OTHER", fit.text);
  }
  if (needs.weekdays.length || needs.timeBands.length) {
    attainable += weights.schedule;
    const fit = scheduleFit(needs, resource.schedule, service ? SCHEDULE_WORDS.service : SCHEDULE_WORDS.place);
    if (fit) earn(fit[0] < 0 ? weights.scheduleMismatch : weights.schedule * fit[0], fit[1].code, fit[1].text);
  }
  if (homeBound || (person.homeLat != null && person.homeLng != null)) {
    attainable += weights.distance;
    if (resource.homeBased) earn(homeBound ? weights.distance : weights.distance / 2, "HOME_BASED", "自宅で参加できる");
    else if (resource.visiting && homeBound) earn(weights.distance, "VISITING", "訪問型 (自宅に来てもらえる)");
    else if (context.distanceMeters != null && !homeBound) {
      // Full at the door, nothing at the comfortable distance, and against the listing beyond it (as much again at
      // twice the distance, where TOO_FAR begins when the coordinator set the distance).
      // With mobility not yet asked, the guide is a default, not the person's: distance only earns, over twice it
      // (the radius candidates come from), and never counts against a listing.
      const unknown = needs.maxTravelMeters == null && needs.mobility === Mobility.UNKNOWN;
      const guide = Math.max(1, comfortableMeters(needs)) * (unknown ? RADIUS_FACTOR_UNKNOWN : 1);
      const share = Math.max(unknown ? 0 : -1, 1 - context.distanceMeters / guide);
      if (share > 0) earn(weights.distance * share, "DISTANCE", formatDistance(context.distanceMeters));
      else if (share < 0)
        earn(
          weights.distance * share,
          "FAR",
          `${formatDistance(context.distanceMeters)} (目安の${formatMeters(guide)}より遠い)`,
        );
    }
  }
  if (needs.wantedKinds.length) {
    attainable += weights.kind;
    substance += weights.kind;
    if (needs.wantedKinds.includes(resource.kind))
      earn(weights.kind, "KIND", `種類: ${RESOURCE_KIND_LABELS[resource.kind]}`);
  }
  if (needs.accessibility.length) {
    attainable += weights.accessibility;
    substance += weights.accessibility;
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
    substance += weights.role;
    const offered = resource.rolesOffered.filter((r) => needs.roles.includes(r));
    if (offered.length) earn(weights.role, "ROLE", `参加の形: ${joinLabels(offered, PARTICIPATION_ROLE_LABELS)}`);
  }
  const fitting = TRANSPORT_FOR[needs.mobility];
  if (needs.mobility === Mobility.ESCORT_NEEDED) {
    // Someone who cannot go out alone goes where they are fetched, or is visited: for them that decides what fits,
    // like an activity does (it weighs three times and is not a practicality), and a place without it counts against.
    const weight = weights.transport * ESCORT_TRANSPORT_FACTOR;
    attainable += weight;
    substance += weight;
    if (resource.transportOptions.includes(TransportOption.PICKUP)) earn(weight, "ESCORT", TRANSPORT_TEXT.PICKUP);
    else if (resource.visiting || resource.homeBased)
      earn(weight, "ESCORT", resource.visiting ? "訪問型 (自宅に来てもらえる)" : "自宅で参加できる");
    else earn(profileWeights.noPickup, "NO_PICKUP", "送迎なし (本人は一人で通えない)");
  } else if (fitting) {
    attainable += weights.transport;
    const offered = fitting.filter((t) => resource.transportOptions.includes(t));
    if (offered.length) earn(weights.transport, "TRANSPORT", joinLabels(offered, TRANSPORT_TEXT));
  }
  if (person.householdIssues?.length) {
    attainable += profileWeights.household;
    substance += profileWeights.household;
    const met = household;
    // By the share of the issues addressed (each by how directly, householdShares): for 住まい and 生活困窮 together,
    // a 居住支援 that meets both comes before a job that meets only the second.
    if (met.length)
      earn(
        (profileWeights.household * met.reduce((t, m) => t + m.share, 0)) / person.householdIssues.length,
        "HOUSEHOLD",
        `世帯の課題(${met.map((m) => HOUSEHOLD_ISSUE_TEXT[m.issue]).join("・")})に合う`,
      );
  }
  // A service is not a step to take (one does not take a first step into a food pantry): the step neither earns nor
  // counts for it, so services are not ranked below places for a fact that does not apply to them.
  const step = service
    ? null
    : participationFit(
        person.participationLevel,
        resource,
        wantsWork({ ...person, ...needs }),
        needs.roles.includes(ParticipationRole.VOLUNTEER),
      );
  if (step) {
    attainable += profileWeights.participation;
    if (step.laterStep) earn(profileWeights.laterStep, "LATER_STEP", step.text);
    else if (step.share > 0) earn(profileWeights.participation * step.share, "PARTICIPATION", step.text);
  }
  if (hasWishText(needs)) {
    attainable += profileWeights.wishes;
    substance += profileWeights.wishes;
    const hits = wishFit(needs, resource);
    if (hits.length) earn(profileWeights.wishes, "WISHES", `希望・強みに合う: ${hits.slice(0, 3).join("・")}`);
  }
  const size = groupSizeFit(needs.groupSize, resource);
  if (size) {
    attainable += profileWeights.groupSize;
    if (size.ok) earn(profileWeights.groupSize, "GROUP_SIZE", size.text);
  }
  if (context.upcoming && resource.schedule.rules.length) {
    for (const [code, share, text] of regularity(context.upcoming, service)) {
      earn((code === "INFREQUENT" ? profileWeights.infrequent : profileWeights.farNext) * share, code, text);
    }
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

  // What the listing is about for this person decides; the practicalities (near, open, free, a fitting day) count in
  // proportion, so a near, open listing about nothing the person needs does not rise above one that is.
  const fitEarned = earned.filter((e) => SUBSTANCE_CODES.has(e.code) && e.weight > 0).reduce((t, e) => t + e.weight, 0);
  const fitShare = substance > 0 ? Math.min(1, fitEarned / substance) : 1;
  const gate = PRACTICAL_FLOOR + (1 - PRACTICAL_FLOOR) * fitShare;
  for (const e of earned) if (e.weight > 0 && !SUBSTANCE_CODES.has(e.code)) e.weight *= gate;

  const scale = attainable > 0 ? 100 / attainable : 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  const reasons = earned
    .filter((e) => e.weight !== 0)
    .map((e) => ({ code: e.code, text: e.text, points: round(e.weight * scale) }))
    .sort((a, b) => b.points - a.points);
  const total = earned.reduce((sum, e) => sum + e.weight, 0) * scale;
  return { score: Math.min(100, Math.max(0, round(total))), reasons };
}

/** Frequency is judged over this window; a weekly listing has about 13 sessions in it, a monthly one 3. */
export const UPCOMING_WINDOW_DAYS = 91;
export const SESSIONS_LOOKED_AT = 20;
/** Fewer sessions than this in the window is less than fortnightly; fewer than 2, less than monthly. */
const REGULAR_SESSIONS = 4;
/** The next session within this many days is soon; up to NEXT_LATE_DAYS is a wait (half the penalty). */
const NEXT_SOON_DAYS = 21;
const NEXT_LATE_DAYS = 60;

/** How often and how soon the listing meets (holidays and closed dates taken out), for ScoreContext.upcoming. */
export function upcomingOf(schedule: ResourceFacts["schedule"], now: Date): Upcoming {
  return upcomingFrom(nextSessions(schedule, now, SESSIONS_LOOKED_AT), now);
}

/** upcomingOf from sessions already computed (nextSessions from `now`, at least SESSIONS_LOOKED_AT of them). */
export function upcomingFrom(sessions: readonly SessionValue[], now: Date): Upcoming {
  const first = sessions[0];
  const todayDay = parseDay(today(now))!;
  const days = (date: string) => parseDay(date)! - todayDay;
  return {
    sessions: sessions.filter((s) => days(s.date) < UPCOMING_WINDOW_DAYS).length,
    next: first ? { date: first.date, days: days(first.date) } : null,
  };
}

/** The frequency and next-session penalties: [code, share of the weight, reason]. */
function regularity(upcoming: Upcoming, service: boolean): [string, number, string][] {
  const out: [string, number, string][] = [];
  const what = service ? "利用できる日" : "開催";
  const { next, sessions } = upcoming;
  if (!next) return [["NEXT_FAR", 1, service ? "今後の利用日が未定" : "今後の開催日が未定"]];
  if (sessions < 2) out.push(["INFREQUENT", 1, `${what}は数か月に1回以下`]);
  else if (sessions < REGULAR_SESSIONS) out.push(["INFREQUENT", 0.5, `${what}は月1回程度`]);
  if (next.days > NEXT_SOON_DAYS) {
    const when = `${Number(next.date.slice(5, 7))}月${Number(next.date.slice(8, 10))}日`;
    const months = Math.round(next.days / 30);
    const wait = months >= 1 ? `${months}か月後` : `${Math.round(next.days / 7)}週間後`;
    out.push(["NEXT_FAR", next.days > NEXT_LATE_DAYS ? 1 : 0.5, `次回は${wait} (${when})`]);
  }
  return out;
}
