/**
 * Japanese labels for the schema's enums. The key types come from the generated client types (graphql-codegen), so a
 * value added to the schema without a label here is a type error.
 */
import * as SHARED from "@tsunagu/labels";
import { WEEKDAY_CODES, WEEKDAY_LABELS as CALENDAR_WEEKDAY_LABELS } from "@tsunagu/calendar";
import type { ResourceKind, ResourceStatus, TargetGroup } from "../gql/graphql";

export type { ResourceKind, ResourceStatus, TargetGroup };

// ---- enum labels -------------------------------------------------------------------------------------------------

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = SHARED.RESOURCE_KIND_LABELS;

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = SHARED.TARGET_GROUP_LABELS;

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = SHARED.RESOURCE_STATUS_LABELS;

// ---- casework: persons, consent, matches, follow-ups (the host referral page reuses the person ones) ---------------

import type {
  Accessibility,
  AgeBand,
  Certificate,
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
  HouseholdCircumstance,
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
  Certificate,
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
  HouseholdCircumstance,
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

export const MATCH_STAGE_LABELS: Record<MatchStage, string> = SHARED.MATCH_STAGE_LABELS;

/** 月曜: the weekday's one name (its kanji, in @tsunagu/calendar, as in 11月22日(日)) followed by 曜. */
export const WEEKDAY_LABELS = Object.fromEntries(
  WEEKDAY_CODES.map((code: Weekday) => [code, `${CALENDAR_WEEKDAY_LABELS[code]}曜`]),
) as Record<Weekday, string>;

export const TIME_BAND_LABELS: Record<TimeBand, string> = SHARED.TIME_BAND_LABELS;

export const ACCESSIBILITY_LABELS: Record<Accessibility, string> = SHARED.ACCESSIBILITY_LABELS;

export const TRANSPORT_OPTION_LABELS: Record<TransportOption, string> = SHARED.TRANSPORT_OPTION_LABELS;

export const PARTICIPATION_ROLE_LABELS: Record<ParticipationRole, string> = SHARED.PARTICIPATION_ROLE_LABELS;

export const AGE_BAND_LABELS: Record<AgeBand, string> = SHARED.AGE_BAND_LABELS;

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
  UNKNOWN: "未確認",
  WALK: "徒歩",
  BICYCLE: "自転車",
  PUBLIC_TRANSPORT: "公共交通",
  DEMAND_BUS: "デマンドバス",
  CAR: "車",
  ESCORT_NEEDED: "同行があれば外出可",
  HOME_BOUND: "外出が難しい (在宅)",
};

export const CERTIFICATE_LABELS: Record<Certificate, string> = {
  PHYSICAL: "身体障害者手帳",
  INTELLECTUAL: "療育手帳",
  MENTAL: "精神障害者保健福祉手帳",
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

/** 世帯の事情: what a host may be told with the person's consent (unlike the 世帯の課題 and the 世帯の状況 memo). */
export const HOUSEHOLD_CIRCUMSTANCE_LABELS: Record<HouseholdCircumstance, string> = {
  NEEDS_TRANSPORT: "送迎が必要",
  CARING_FOR_FAMILY: "家族の介護中",
  RAISING_CHILDREN: "子育て中",
  LIVES_WITH_FAMILY: "同居家族あり",
  LIVES_ALONE: "一人暮らし",
};

export const CONSENT_FACT_LABELS: Record<ConsentFact, string> = {
  DISPLAY_NAME: "お名前",
  AGE_BAND: "年齢層",
  AREA: "お住まいの地区",
  CONTACT: "連絡先・連絡方法",
  NEEDS: "希望する活動・曜日・配慮",
  WISHES_AND_STRENGTHS: "希望と強み",
  PARTICIPATION_LEVEL: "参加の段階",
  HOUSEHOLD_CIRCUMSTANCES: "世帯の事情 (送迎が必要・家族の介護中など)",
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

// ---- search, resource gaps, host portal (reuses the labels above) -------------------------------------------------

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

export const RESOURCE_GAP_STATUS_LABELS: Record<ResourceGapStatus, string> = SHARED.RESOURCE_GAP_STATUS_LABELS;

// ---- 実施状況の記録 -------------------------------------------------------------------------------------------------

import type {
  CooperationAnswer,
  CooperationKind,
  HostSupportKind,
  IntakeField,
  IntakeOutcome,
  IntakeRoute,
  MeetingKind,
} from "../gql/graphql";

export const INTAKE_ROUTE_LABELS: Record<IntakeRoute, string> = {
  WALK_IN: "来所",
  PHONE: "電話",
  REFERRAL: "関係機関からの紹介",
  OUTREACH: "アウトリーチ",
  FAMILY: "家族から",
  OTHER: "その他",
};

export const INTAKE_FIELD_LABELS: Record<IntakeField, string> = {
  ALL: "全分野",
  ELDERLY: "高齢・介護",
  DISABILITY: "障害",
  CHILD: "子ども・子育て",
  POVERTY: "生活困窮",
  OTHER: "その他",
};

export const INTAKE_OUTCOME_LABELS: Record<IntakeOutcome, string> = {
  CONSENTED: "同意→本人登録",
  INFO_ONLY: "情報提供のみ",
  REFERRED: "他機関へ",
  CLOSED: "終了",
  PENDING: "対応中",
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  SHIEN_KAIGI: "支援会議",
  JUSOTEKI: "重層的支援会議",
  OTHER_CASE: "その他の個別ケース会議",
  REGULAR: "定例会議",
  NETWORK: "ネットワーク会議・協議体",
};

export const COOPERATION_KIND_LABELS: Record<CooperationKind, string> = {
  ACCEPT_PERSON: "本人の受け入れ",
  CREATE_PLACE: "場・活動の創出",
  OTHER: "その他",
};

export const COOPERATION_ANSWER_LABELS: Record<CooperationAnswer, string> = {
  PENDING: "回答待ち",
  ACCEPTED: "受諾",
  DECLINED: "辞退",
  CONDITIONAL: "条件付き",
};

export const HOST_SUPPORT_KIND_LABELS: Record<HostSupportKind, string> = {
  VISIT: "訪問",
  ADVICE: "助言",
  PROBLEM: "問題への対応",
  TRAINING: "研修・説明",
  OTHER: "その他",
};
