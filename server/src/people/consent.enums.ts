import { registerEnumType } from "type-graphql";

/** The facts about a person a consent can release to a host. Everything else never leaves the coordinators. */
export enum ConsentFact {
  DISPLAY_NAME = "DISPLAY_NAME",
  AGE_BAND = "AGE_BAND",
  AREA = "AREA",
  CONTACT = "CONTACT",
  NEEDS = "NEEDS",
  WISHES_AND_STRENGTHS = "WISHES_AND_STRENGTHS",
  PARTICIPATION_LEVEL = "PARTICIPATION_LEVEL",
  /**
   * 世帯の事情 (Person.householdCircumstances: 送迎が必要, 家族の介護中 …). It replaced HOUSEHOLD, which also released
   * the free-text 世帯の状況 and the 世帯の課題: those never go to a host (migration AuditChainAndPublicContact).
   */
  HOUSEHOLD_CIRCUMSTANCES = "HOUSEHOLD_CIRCUMSTANCES",
}

/** 同意の目的 */
export enum ConsentPurpose {
  /** 関係機関での情報共有・重層的支援会議 */
  INFORMATION_SHARING = "INFORMATION_SHARING",
  /** 支援プランの作成 */
  SUPPORT_PLAN = "SUPPORT_PLAN",
  /** 受け入れ先への紹介 (organizationId で先を限定; 空ならどの受け入れ先でも) */
  HOST_REFERRAL = "HOST_REFERRAL",
}

/** 同意の取り方 */
export enum ConsentMethod {
  WRITTEN = "WRITTEN",
  APPLICATION_FORM = "APPLICATION_FORM",
  VERBAL = "VERBAL",
  GUARDIAN = "GUARDIAN",
}

export enum ConsentState {
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(ConsentFact, { name: "ConsentFact", description: "受け入れ先に伝えてよい事柄" });
registerEnumType(ConsentPurpose, { name: "ConsentPurpose", description: "同意の目的" });
registerEnumType(ConsentMethod, { name: "ConsentMethod", description: "同意の取り方" });
registerEnumType(ConsentState, { name: "ConsentState", description: "有効 / 期限切れ / 撤回" });
