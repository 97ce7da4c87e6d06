/**
 * Japanese labels for the schema's enums. The key types come from the generated client types (graphql-codegen), so a
 * value added to the schema without a label here is a type error.
 */
import { WEEKDAY_CODES, WEEKDAY_LABELS as CALENDAR_WEEKDAY_LABELS } from "@tsunagu/calendar";
import type { ResourceKind, ResourceStatus, TargetGroup } from "../gql/graphql";

export type { ResourceKind, ResourceStatus, TargetGroup };

// ---- enum labels -------------------------------------------------------------------------------------------------

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  KAYOI_NO_BA: "通いの場",
  SALON: "サロン",
  COMMUNITY_CAFE: "コミュニティカフェ",
  IBASHO: "居場所",
  KAIGO_YOBO_GROUP: "介護予防自主グループ",
  HEALTH_EXERCISE: "健康づくり教室",
  CHIKATSU_I: "地域活動支援センターⅠ型",
  CHIKATSU_II: "地域活動支援センターⅡ型",
  CHIKATSU_III: "地域活動支援センターⅢ型",
  KOSODATE_HIROBA: "子育てひろば",
  KOSODATE_CIRCLE: "子育てサークル",
  KODOMO_SHOKUDO: "子ども食堂",
  YOUTH_LEADER: "子ども育成活動",
  EMPLOYMENT_HOST: "就労受け入れ先",
  SHURO_JUNBI: "就労準備支援",
  SHURO_TAIKEN: "就労体験",
  KORYU_TAIKEN: "交流体験",
  VOLUNTEER: "ボランティア活動",
  EXPERIENCE_PROGRAM: "体験事業",
  DROP_IN_EVENT: "相談会・イベント",
  HOME_BASED_WORK: "在宅ワーク",
  SPORT: "スポーツ",
  HOUSING_SUPPORT: "居住支援",
  SHELTER: "一時シェルター",
  FOOD_PANTRY: "フードパントリー",
  KYOJO_ACTIVITY: "共助活動",
  SERVICE_B: "住民主体サービス",
  SUPPORTER_ROLE: "生活支援サポーター",
  SILVER_JINZAI: "シルバー人材センター",
  SELF_HELP_GROUP: "自主グループ・クラブ",
};

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  ELDERLY: "高齢者",
  SINGLE_ELDERLY: "単身高齢者",
  DISABILITY_PHYSICAL: "障害者(身体)",
  DISABILITY_INTELLECTUAL: "障害者(知的)",
  DISABILITY_MENTAL: "障害者(精神)",
  INTRACTABLE_DISEASE: "難病",
  CHILD_REARING: "子ども・子育て",
  CHILDREN: "子ども",
  PREGNANT: "妊産婦",
  LOW_INCOME: "生活困窮",
  HIKIKOMORI: "ひきこもり",
  FUTOKO: "不登校",
  SELF_NEGLECT: "セルフネグレクト",
  YOUTH: "若者",
  ALL_RESIDENTS: "全市民",
};

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  ACTIVE: "活動中",
  PAUSED: "休止中",
  ENDED: "終了",
};

// ---- casework: persons, consent, matches, follow-ups (engineer B; the host referral page reuses the person ones) ----

import type {
  Accessibility,
  AgeBand,
  ChangeCategory,
  ChangeType,
  ConsentFact,
  ConsentMethod,
  ConsentPurpose,
  ConsentState,
  ContactMethod,
  ContactPreference,
  Counterpart,
  FollowUpKind,
  GroupSizePreference,
  HouseholdIssue,
  MatchStage,
  Mobility,
  ParticipationLevel,
  ParticipationRole,
  PersonTrack,
  RelationshipStability,
  SupportPlanStatus,
  SupportPlanVersion,
  TimeBand,
  TransportOption,
  Weekday,
} from "../gql/graphql";

export type {
  Accessibility,
  AgeBand,
  ChangeCategory,
  ChangeType,
  ConsentFact,
  ConsentMethod,
  ConsentPurpose,
  ConsentState,
  ContactMethod,
  ContactPreference,
  Counterpart,
  FollowUpKind,
  GroupSizePreference,
  HouseholdIssue,
  MatchStage,
  Mobility,
  ParticipationLevel,
  ParticipationRole,
  PersonTrack,
  RelationshipStability,
  SupportPlanStatus,
  SupportPlanVersion,
  TimeBand,
  TransportOption,
  Weekday,
};

/** The server's own stage names (Match.stageLabel); needed here only for stages with no match on screen. */
export const MATCH_STAGE_LABELS: Record<MatchStage, string> = {
  CANDIDATE: "候補",
  HOST_COORDINATION: "受け入れ先調整",
  PROPOSED: "本人へ提案",
  VISIT_TRIAL: "見学・体験",
  ACTIVE_FOLLOW_UP: "参加開始(フォローアップ中)",
  STABLE: "定着",
  CLOSED: "終結",
  POST_CLOSURE: "終結後フォロー",
  HOST_DECLINED: "受け入れ先辞退",
  PERSON_DECLINED: "本人辞退",
  ON_HOLD: "保留(同意待ち)",
  NOT_A_FIT: "不成立",
  SUSPENDED: "中断",
};

/** 月曜: the weekday's one name (its kanji, in @tsunagu/calendar, as in 11月22日(日)) followed by 曜. */
export const WEEKDAY_LABELS = Object.fromEntries(
  WEEKDAY_CODES.map((code: Weekday) => [code, `${CALENDAR_WEEKDAY_LABELS[code]}曜`]),
) as Record<Weekday, string>;

export const TIME_BAND_LABELS: Record<TimeBand, string> = { MORNING: "午前", AFTERNOON: "午後", EVENING: "夜間" };

export const ACCESSIBILITY_LABELS: Record<Accessibility, string> = {
  WHEELCHAIR: "車椅子可",
  STEP_FREE: "段差なし",
  ACCESSIBLE_TOILET: "多目的トイレ",
  QUIET_ROOM: "静かな部屋",
  NO_RESERVATION: "予約不要",
  WRITTEN_COMMUNICATION: "筆談対応",
  CHILD_FRIENDLY: "子連れ可",
};

export const TRANSPORT_OPTION_LABELS: Record<TransportOption, string> = {
  DEMAND_BUS: "デマンドバス",
  PICKUP: "送迎あり",
  BUS_STOP_NEARBY: "バス停近く",
  STATION_NEARBY: "駅近く",
  PARKING: "駐車場あり",
};

export const PARTICIPATION_ROLE_LABELS: Record<ParticipationRole, string> = {
  PARTICIPANT: "参加者",
  VOLUNTEER: "ボランティア・担い手",
  WORK_TRIAL: "就労体験",
  PRODUCTIVE_ACTIVITY: "生産活動",
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: "18歳未満",
  AGE_18_29: "18〜29歳",
  AGE_30_39: "30代",
  AGE_40_49: "40代",
  AGE_50_64: "50〜64歳",
  AGE_65_74: "65〜74歳",
  AGE_75_PLUS: "75歳以上",
};

export const CONTACT_PREFERENCE_LABELS: Record<ContactPreference, string> = {
  PHONE: "電話",
  EMAIL: "メール",
  LETTER: "手紙",
  VISIT: "訪問",
  VIA_FAMILY: "家族を通じて",
  VIA_AGENCY: "関係機関を通じて",
};

/** The participation ladder, lowest step first (the server's order). */
export const PARTICIPATION_LEVEL_LABELS: Record<ParticipationLevel, string> = {
  NO_CONTACT: "誰とも接点なし",
  SUPPORTER_CONTACT: "支援者と接点",
  GOES_OUT: "外出できる",
  JOINS_PLACE: "場に参加",
  REGULAR: "定期的に参加",
  HELPER: "担い手",
  WORK_TRIAL: "就労体験",
  EMPLOYED: "就労",
};

export const PERSON_TRACK_LABELS: Record<PersonTrack, string> = {
  SUPPORT_MEETING: "支援会議 (同意前)",
  CONSENTED: "本人同意あり",
};

export const MOBILITY_LABELS: Record<Mobility, string> = {
  WALK: "徒歩",
  BICYCLE: "自転車",
  PUBLIC_TRANSPORT: "公共交通",
  DEMAND_BUS: "デマンドバス",
  CAR: "車",
  ESCORT_NEEDED: "同行があれば外出可",
  HOME_BOUND: "外出が難しい (在宅)",
};

export const GROUP_SIZE_LABELS: Record<GroupSizePreference, string> = {
  ONE_ON_ONE: "1対1がよい",
  SMALL_GROUP: "少人数がよい",
  ANY: "人数は気にしない",
};

export const HOUSEHOLD_ISSUE_LABELS: Record<HouseholdIssue, string> = {
  EIGHTY_FIFTY: "8050",
  DOUBLE_CARE: "ダブルケア",
  ISOLATED_PARENTING: "子育て家庭の孤立",
  CARE_BURDEN: "介護負担",
  POVERTY: "生活困窮",
  HOUSING: "住まいの課題",
};

export const CONSENT_FACT_LABELS: Record<ConsentFact, string> = {
  DISPLAY_NAME: "お名前",
  AGE_BAND: "年齢層",
  AREA: "お住まいの地区",
  CONTACT: "連絡先・連絡方法",
  NEEDS: "希望する活動・曜日・配慮",
  WISHES_AND_STRENGTHS: "希望と強み",
  PARTICIPATION_LEVEL: "参加の段階",
  HOUSEHOLD: "世帯の状況",
};

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  INFORMATION_SHARING: "関係機関での情報共有",
  SUPPORT_PLAN: "支援プランの作成",
  HOST_REFERRAL: "受け入れ先への紹介",
};

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  WRITTEN: "書面",
  APPLICATION_FORM: "相談受付・申込票",
  VERBAL: "口頭",
  GUARDIAN: "代理人 (後見人等)",
};

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  ACTIVE: "有効",
  EXPIRED: "期限切れ",
  WITHDRAWN: "撤回",
};

export const SUPPORT_PLAN_STATUS_LABELS: Record<SupportPlanStatus, string> = {
  DRAFT: "作成中",
  AGREED: "合意済",
  UNDER_REVIEW: "見直し中",
  CLOSED: "終了",
};

export const SUPPORT_PLAN_VERSION_LABELS: Record<SupportPlanVersion, string> = { NEW: "新規", REPLAN: "再プラン" };

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  VISIT: "訪問",
  INTERVIEW: "面接",
  PHONE: "電話",
  EMAIL: "メール",
  LETTER: "手紙",
  ACCOMPANY: "同行",
  HOST_SITE_VISIT: "受け入れ先訪問",
  OTHER: "その他",
};

export const COUNTERPART_LABELS: Record<Counterpart, string> = {
  PERSON: "本人",
  FAMILY: "家族",
  HOST: "受け入れ先",
  OTHER_AGENCY: "他機関",
};

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  BEHAVIOUR: "行動",
  FEELING: "気持ち",
  BOTH: "行動と気持ち",
};

export const CHANGE_CATEGORY_LABELS: Record<ChangeCategory, string> = {
  WANTS_TO_CONTINUE: "また参加したいと言う",
  TRAVELS_ALONE: "一人で通えるようになった",
  TOOK_HELPER_ROLE: "担い手の役割を引き受けた",
  NEW_ACTIVITY: "新しい活動を始めた",
  CONTACTS_AGENCY: "自分から相談・連絡した",
  DAILY_RHYTHM: "生活のリズムが整った",
  NEW_RELATIONSHIP: "新しい人間関係ができた",
  OTHER: "その他",
};

export const RELATIONSHIP_STABILITY_LABELS: Record<RelationshipStability, string> = {
  NOT_YET: "まだ不安定",
  PARTLY: "一部安定",
  STABLE: "安定",
};

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  FIRST_CHECK: "開始2週間後の確認",
  MONTHLY: "フォローアップ期間の定期訪問",
  SETTLING_CHECK: "定着確認",
  POST_CLOSURE: "終結後の定期連絡",
  AD_HOC: "次回予定",
};

// ---- engineer A: search, resource gaps, host portal (reuses the labels above) -------------------------------------

import type { AreaType, HostResponse, ResourceGapStatus, SearchSort } from "../gql/graphql";

export type { AreaType, HostResponse, ResourceGapStatus, SearchSort };

/** Monday first, as on a Japanese calendar and in the server's schedule text. */
export const WEEKDAYS_IN_ORDER: readonly Weekday[] = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

export const TIME_BANDS_IN_ORDER: readonly TimeBand[] = ["MORNING", "AFTERNOON", "EVENING"];

export const SEARCH_SORT_LABELS: Record<SearchSort, string> = {
  RELEVANCE: "関連度順",
  DISTANCE: "近い順",
  NEXT_SESSION: "次回開催が早い順",
  RECENTLY_VERIFIED: "最近確認された順",
};

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  CITY: "市全域",
  WELFARE_AREA: "地域福祉エリア",
  NURSE_DISTRICT: "保健師地区",
  HOUKATSU_CATCHMENT: "包括担当区域",
  SHAKYO_DISTRICT: "地区社協",
  COMMUNITY_COUNCIL: "コミュニティ協議会",
  SCHOOL_DISTRICT: "小学校区",
  TOWN: "町・自治会",
};

export const HOST_RESPONSE_LABELS: Record<HostResponse, string> = {
  ACCEPTED: "受け入れる",
  DECLINED: "お断り",
};

/** In the order of the work: 把握 → 協議中 → 開発中 → 解決, or 見送り. */
export const RESOURCE_GAP_STATUS_LABELS: Record<ResourceGapStatus, string> = {
  IDENTIFIED: "把握",
  DISCUSSING: "協議中",
  DEVELOPING: "開発中",
  RESOLVED: "解決",
  DEFERRED: "見送り",
};
