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

export enum Counterpart {
  PERSON = "PERSON",
  FAMILY = "FAMILY",
  HOST = "HOST",
  OTHER_AGENCY = "OTHER_AGENCY",
}

export const COUNTERPART_LABELS: Record<Counterpart, string> = {
  PERSON: "本人",
  FAMILY: "家族",
  HOST: "受け入れ先",
  OTHER_AGENCY: "他機関",
};

export enum ChangeType {
  BEHAVIOUR = "BEHAVIOUR",
  FEELING = "FEELING",
  BOTH = "BOTH",
}

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  BEHAVIOUR: "行動",
  FEELING: "気持ち",
  BOTH: "行動と気持ち",
};

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

/** 本人と受け入れ先の関係性 (終結の目安) */
export enum RelationshipStability {
  NOT_YET = "NOT_YET",
  PARTLY = "PARTLY",
  STABLE = "STABLE",
}

export const RELATIONSHIP_STABILITY_LABELS: Record<RelationshipStability, string> = {
  NOT_YET: "まだ不安定",
  PARTLY: "一部安定",
  STABLE: "安定",
};

/** Why a follow-up is planned. */
export enum FollowUpKind {
  FIRST_CHECK = "FIRST_CHECK",
  MONTHLY = "MONTHLY",
  SETTLING_CHECK = "SETTLING_CHECK",
  POST_CLOSURE = "POST_CLOSURE",
  AD_HOC = "AD_HOC",
}

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  FIRST_CHECK: "開始2週間後の確認",
  MONTHLY: "フォローアップ期間の定期訪問",
  SETTLING_CHECK: "定着確認",
  POST_CLOSURE: "終結後の定期連絡",
  AD_HOC: "次回予定",
};

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
