import { registerEnumType } from "type-graphql";

/** What an organization was asked (協力依頼). */
export enum CooperationKind {
  ACCEPT_PERSON = "ACCEPT_PERSON",
  CREATE_PLACE = "CREATE_PLACE",
  OTHER = "OTHER",
}

/** Its answer: every request is recorded, whatever the answer (協力依頼機関数 counts the asking). */
export enum CooperationAnswer {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  CONDITIONAL = "CONDITIONAL",
}

/** 受け入れ先支援: support given to a host organization, outside any one match. */
export enum HostSupportKind {
  VISIT = "VISIT",
  ADVICE = "ADVICE",
  PROBLEM = "PROBLEM",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}

registerEnumType(CooperationKind, {
  name: "CooperationKind",
  description: "協力依頼の内容: 本人の受け入れ / 場・活動の創出 / その他",
});
registerEnumType(CooperationAnswer, {
  name: "CooperationAnswer",
  description: "協力依頼への回答: 回答待ち / 受諾 / 辞退 / 条件付き",
});
registerEnumType(HostSupportKind, {
  name: "HostSupportKind",
  description: "受け入れ先支援の内容: 訪問 / 助言 / 問題への対応 / 研修・説明 / その他",
});
