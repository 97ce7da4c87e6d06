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
  HOUSEHOLD = "HOUSEHOLD",
}

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

/** 同意の目的 */
export enum ConsentPurpose {
  /** 関係機関での情報共有・重層的支援会議 */
  INFORMATION_SHARING = "INFORMATION_SHARING",
  /** 支援プランの作成 */
  SUPPORT_PLAN = "SUPPORT_PLAN",
  /** 受け入れ先への紹介 (organizationId で先を限定; 空ならどの受け入れ先でも) */
  HOST_REFERRAL = "HOST_REFERRAL",
}

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  INFORMATION_SHARING: "関係機関での情報共有",
  SUPPORT_PLAN: "支援プランの作成",
  HOST_REFERRAL: "受け入れ先への紹介",
};

/** 同意の取り方 */
export enum ConsentMethod {
  WRITTEN = "WRITTEN",
  APPLICATION_FORM = "APPLICATION_FORM",
  VERBAL = "VERBAL",
  GUARDIAN = "GUARDIAN",
}

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  WRITTEN: "書面",
  APPLICATION_FORM: "相談受付・申込票",
  VERBAL: "口頭",
  GUARDIAN: "代理人 (後見人等)",
};

export enum ConsentState {
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(ConsentFact, { name: "ConsentFact", description: "受け入れ先に伝えてよい事柄" });
registerEnumType(ConsentPurpose, { name: "ConsentPurpose", description: "同意の目的" });
registerEnumType(ConsentMethod, { name: "ConsentMethod", description: "同意の取り方" });
registerEnumType(ConsentState, { name: "ConsentState", description: "有効 / 期限切れ / 撤回" });
