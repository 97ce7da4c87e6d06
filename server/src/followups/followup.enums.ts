import { registerEnumType } from "type-graphql";

export enum ContactMethod {
  VISIT = "VISIT",
  INTERVIEW = "INTERVIEW",
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  LETTER = "LETTER",
  ACCOMPANY = "ACCOMPANY",
  HOST_SITE_VISIT = "HOST_SITE_VISIT",
  OTHER = "OTHER",
}

export enum Counterpart {
  PERSON = "PERSON",
  FAMILY = "FAMILY",
  HOST = "HOST",
  OTHER_AGENCY = "OTHER_AGENCY",
}

export enum ChangeType {
  BEHAVIOUR = "BEHAVIOUR",
  FEELING = "FEELING",
  BOTH = "BOTH",
}

/** 変化の種類 */
export enum ChangeCategory {
  WANTS_TO_CONTINUE = "WANTS_TO_CONTINUE",
  TRAVELS_ALONE = "TRAVELS_ALONE",
  TOOK_HELPER_ROLE = "TOOK_HELPER_ROLE",
  NEW_ACTIVITY = "NEW_ACTIVITY",
  CONTACTS_AGENCY = "CONTACTS_AGENCY",
  DAILY_RHYTHM = "DAILY_RHYTHM",
  NEW_RELATIONSHIP = "NEW_RELATIONSHIP",
  OTHER = "OTHER",
}

/** 本人と受け入れ先の関係性 (終結の目安) */
export enum RelationshipStability {
  NOT_YET = "NOT_YET",
  PARTLY = "PARTLY",
  STABLE = "STABLE",
}

/** Why a follow-up is planned. */
export enum FollowUpKind {
  FIRST_CHECK = "FIRST_CHECK",
  MONTHLY = "MONTHLY",
  SETTLING_CHECK = "SETTLING_CHECK",
  POST_CLOSURE = "POST_CLOSURE",
  AD_HOC = "AD_HOC",
}

export enum FollowUpDueStatus {
  PLANNED = "PLANNED",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}

/** How a due follow-up looks today. */
export enum DueState {
  OVERDUE = "OVERDUE",
  DUE_TODAY = "DUE_TODAY",
  UPCOMING = "UPCOMING",
}

registerEnumType(ContactMethod, { name: "ContactMethod", description: "支援の方法 (訪問, 面接, 電話 …)" });
registerEnumType(Counterpart, { name: "Counterpart", description: "相手 (本人, 家族, 受け入れ先, 他機関)" });
registerEnumType(ChangeType, { name: "ChangeType", description: "変化の種類 (行動 / 気持ち)" });
registerEnumType(ChangeCategory, { name: "ChangeCategory", description: "変化の内容" });
registerEnumType(RelationshipStability, { name: "RelationshipStability", description: "本人と受け入れ先の関係性" });
registerEnumType(FollowUpKind, { name: "FollowUpKind", description: "予定の種類" });
registerEnumType(FollowUpDueStatus, { name: "FollowUpDueStatus", description: "予定 / 実施済 / 取消" });
registerEnumType(DueState, { name: "DueState", description: "期限切れ / 今日 / これから" });
