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

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: "18歳未満",
  AGE_18_29: "18〜29歳",
  AGE_30_39: "30代",
  AGE_40_49: "40代",
  AGE_50_64: "50〜64歳",
  AGE_65_74: "65〜74歳",
  AGE_75_PLUS: "75歳以上",
};

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

export const CONTACT_PREFERENCE_LABELS: Record<ContactPreference, string> = {
  PHONE: "電話",
  EMAIL: "メール",
  LETTER: "手紙",
  VISIT: "訪問",
  VIA_FAMILY: "家族を通じて",
  VIA_AGENCY: "関係機関を通じて",
};

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

/** 支援会議 track (情報共有に同意不要, 守秘義務のある会議の構成員だけが見る) or the consented track. */
export enum PersonTrack {
  SUPPORT_MEETING = "SUPPORT_MEETING",
  CONSENTED = "CONSENTED",
}

export const PERSON_TRACK_LABELS: Record<PersonTrack, string> = {
  SUPPORT_MEETING: "支援会議 (同意前)",
  CONSENTED: "本人同意あり",
};

/** How the person can get to a place. HOME_BOUND means only home-based or visiting resources fit. */
export enum Mobility {
  WALK = "WALK",
  BICYCLE = "BICYCLE",
  PUBLIC_TRANSPORT = "PUBLIC_TRANSPORT",
  DEMAND_BUS = "DEMAND_BUS",
  CAR = "CAR",
  ESCORT_NEEDED = "ESCORT_NEEDED",
  HOME_BOUND = "HOME_BOUND",
}

export const MOBILITY_LABELS: Record<Mobility, string> = {
  WALK: "徒歩",
  BICYCLE: "自転車",
  PUBLIC_TRANSPORT: "公共交通",
  DEMAND_BUS: "デマンドバス",
  CAR: "車",
  ESCORT_NEEDED: "同行があれば外出可",
  HOME_BOUND: "外出が難しい (在宅)",
};

export enum GroupSizePreference {
  ONE_ON_ONE = "ONE_ON_ONE",
  SMALL_GROUP = "SMALL_GROUP",
  ANY = "ANY",
}

export const GROUP_SIZE_LABELS: Record<GroupSizePreference, string> = {
  ONE_ON_ONE: "1対1がよい",
  SMALL_GROUP: "少人数がよい",
  ANY: "人数は気にしない",
};

/** 世帯の課題 */
export enum HouseholdIssue {
  EIGHTY_FIFTY = "EIGHTY_FIFTY",
  DOUBLE_CARE = "DOUBLE_CARE",
  ISOLATED_PARENTING = "ISOLATED_PARENTING",
  CARE_BURDEN = "CARE_BURDEN",
  POVERTY = "POVERTY",
  HOUSING = "HOUSING",
}

export const HOUSEHOLD_ISSUE_LABELS: Record<HouseholdIssue, string> = {
  EIGHTY_FIFTY: "8050",
  DOUBLE_CARE: "ダブルケア",
  ISOLATED_PARENTING: "子育て家庭の孤立",
  CARE_BURDEN: "介護負担",
  POVERTY: "生活困窮",
  HOUSING: "住まいの課題",
};

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
registerEnumType(SupportPlanVersion, { name: "SupportPlanVersion", description: "新規 / 再プラン" });
registerEnumType(SupportPlanStatus, { name: "SupportPlanStatus", description: "作成中 / 合意済 / 見直し中 / 終了" });
