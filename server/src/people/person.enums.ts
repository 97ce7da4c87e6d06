import { registerEnumType } from "type-graphql";

/** 年齢層. Kept instead of a birth date when the person prefers not to say more (or the year is unknown). */
export enum AgeBand {
  UNDER_18 = "UNDER_18",
  AGE_18_29 = "AGE_18_29",
  AGE_30_39 = "AGE_30_39",
  AGE_40_49 = "AGE_40_49",
  AGE_50_64 = "AGE_50_64",
  AGE_65_74 = "AGE_65_74",
  AGE_75_PLUS = "AGE_75_PLUS",
}

/** The youngest and oldest age a band covers; used when only a band is known. */
export const AGE_BAND_RANGE: Record<AgeBand, [number, number]> = {
  UNDER_18: [0, 17],
  AGE_18_29: [18, 29],
  AGE_30_39: [30, 39],
  AGE_40_49: [40, 49],
  AGE_50_64: [50, 64],
  AGE_65_74: [65, 74],
  AGE_75_PLUS: [75, 120],
};

/** 連絡方法の希望 */
export enum ContactPreference {
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  LETTER = "LETTER",
  VISIT = "VISIT",
  VIA_FAMILY = "VIA_FAMILY",
  VIA_AGENCY = "VIA_AGENCY",
}

/** 参加の段階 (スモールステップ). Ordered: a higher index is a further step. */
export enum ParticipationLevel {
  NO_CONTACT = "NO_CONTACT",
  SUPPORTER_CONTACT = "SUPPORTER_CONTACT",
  GOES_OUT = "GOES_OUT",
  JOINS_PLACE = "JOINS_PLACE",
  REGULAR = "REGULAR",
  HELPER = "HELPER",
  WORK_TRIAL = "WORK_TRIAL",
  EMPLOYED = "EMPLOYED",
}

export const PARTICIPATION_LEVELS_IN_ORDER: readonly ParticipationLevel[] = Object.values(ParticipationLevel);

/** 支援会議 track (情報共有に同意不要, 守秘義務のある会議の構成員だけが見る) or the consented track. */
export enum PersonTrack {
  SUPPORT_MEETING = "SUPPORT_MEETING",
  CONSENTED = "CONSENTED",
}

/**
 * How the person can get to a place. HOME_BOUND means only home-based or visiting resources fit. UNKNOWN (未確認) is
 * the default: not yet asked is not "walks", and suggestions then use a stated default radius instead.
 */
export enum Mobility {
  UNKNOWN = "UNKNOWN",
  WALK = "WALK",
  BICYCLE = "BICYCLE",
  PUBLIC_TRANSPORT = "PUBLIC_TRANSPORT",
  DEMAND_BUS = "DEMAND_BUS",
  CAR = "CAR",
  ESCORT_NEEDED = "ESCORT_NEEDED",
  HOME_BOUND = "HOME_BOUND",
}

export enum GroupSizePreference {
  ONE_ON_ONE = "ONE_ON_ONE",
  SMALL_GROUP = "SMALL_GROUP",
  ANY = "ANY",
}

/** 世帯の課題 */
export enum HouseholdIssue {
  EIGHTY_FIFTY = "EIGHTY_FIFTY",
  DOUBLE_CARE = "DOUBLE_CARE",
  ISOLATED_PARENTING = "ISOLATED_PARENTING",
  CARE_BURDEN = "CARE_BURDEN",
  POVERTY = "POVERTY",
  HOUSING = "HOUSING",
}

/**
 * 世帯の事情 a host may need to know to receive the person (送迎, when they can come, who is at home): structured, so
 * that a consent can release them (ConsentFact.HOUSEHOLD_CIRCUMSTANCES) without the free-text 世帯の状況
 * (householdNote) or the 世帯の課題 (householdIssues), which stay with the coordinators.
 */
export enum HouseholdCircumstance {
  /** 送迎が必要 */
  NEEDS_TRANSPORT = "NEEDS_TRANSPORT",
  /** 家族の介護中 */
  CARING_FOR_FAMILY = "CARING_FOR_FAMILY",
  /** 子育て中 */
  RAISING_CHILDREN = "RAISING_CHILDREN",
  /** 同居家族あり */
  LIVES_WITH_FAMILY = "LIVES_WITH_FAMILY",
  /** 一人暮らし */
  LIVES_ALONE = "LIVES_ALONE",
}

/** 障害者手帳 the person holds: what 「手帳等が必要」 listings ask for. */
export enum Certificate {
  /** 身体障害者手帳 */
  PHYSICAL = "PHYSICAL",
  /** 療育手帳 */
  INTELLECTUAL = "INTELLECTUAL",
  /** 精神障害者保健福祉手帳 */
  MENTAL = "MENTAL",
}

export enum SupportPlanVersion {
  NEW = "NEW",
  REPLAN = "REPLAN",
}

export enum SupportPlanStatus {
  DRAFT = "DRAFT",
  AGREED = "AGREED",
  UNDER_REVIEW = "UNDER_REVIEW",
  CLOSED = "CLOSED",
}

/** A plan agreed with the person and not closed: what 「支援プランのある人」 means (matching rule, suggestions). */
export const PLAN_IN_FORCE: readonly SupportPlanStatus[] = [SupportPlanStatus.AGREED, SupportPlanStatus.UNDER_REVIEW];

registerEnumType(AgeBand, { name: "AgeBand", description: "年齢層" });
registerEnumType(ContactPreference, { name: "ContactPreference", description: "連絡方法の希望" });
registerEnumType(ParticipationLevel, {
  name: "ParticipationLevel",
  description: "参加の段階 (誰とも接点なし → … → 就労)",
});
registerEnumType(PersonTrack, { name: "PersonTrack", description: "支援会議 (同意前) / 本人同意あり" });
registerEnumType(Mobility, { name: "Mobility", description: "移動の手段" });
registerEnumType(GroupSizePreference, { name: "GroupSizePreference", description: "人数の好み" });
registerEnumType(HouseholdIssue, { name: "HouseholdIssue", description: "世帯の課題" });
registerEnumType(HouseholdCircumstance, {
  name: "HouseholdCircumstance",
  description: "世帯の事情 (送迎が必要・家族の介護中・子育て中・同居家族あり・一人暮らし)",
});
registerEnumType(Certificate, { name: "Certificate", description: "障害者手帳 (身体 / 療育 / 精神)" });
registerEnumType(SupportPlanVersion, { name: "SupportPlanVersion", description: "新規 / 再プラン" });
registerEnumType(SupportPlanStatus, { name: "SupportPlanStatus", description: "作成中 / 合意済 / 見直し中 / 終了" });
