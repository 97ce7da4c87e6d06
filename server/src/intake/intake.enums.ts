import { registerEnumType } from "type-graphql";

/** How a consultation reached the 相談窓口. */
export enum IntakeRoute {
  WALK_IN = "WALK_IN",
  PHONE = "PHONE",
  REFERRAL = "REFERRAL",
  OUTREACH = "OUTREACH",
  FAMILY = "FAMILY",
  OTHER = "OTHER",
}

/** 分野: the field the consultation belongs to (the report's 分野 tags: 全分野, 高齢, 障害, 子ども, 生活困窮). */
export enum IntakeField {
  ALL = "ALL",
  ELDERLY = "ELDERLY",
  DISABILITY = "DISABILITY",
  CHILD = "CHILD",
  POVERTY = "POVERTY",
  OTHER = "OTHER",
}

/** What came of it. Only CONSENTED leads to a 本人 record (linkIntakeToPerson). */
export enum IntakeOutcome {
  CONSENTED = "CONSENTED",
  INFO_ONLY = "INFO_ONLY",
  REFERRED = "REFERRED",
  CLOSED = "CLOSED",
  PENDING = "PENDING",
}

registerEnumType(IntakeRoute, {
  name: "IntakeRoute",
  description: "相談の経路: 来所 / 電話 / 関係機関からの紹介 / アウトリーチ / 家族から / その他",
});
registerEnumType(IntakeField, {
  name: "IntakeField",
  description: "分野: 全分野 / 高齢・介護 / 障害 / 子ども・子育て / 生活困窮 / その他",
});
registerEnumType(IntakeOutcome, {
  name: "IntakeOutcome",
  description: "相談の結果: 同意→本人登録 / 情報提供のみ / 他機関へ / 終了 / 対応中",
});
