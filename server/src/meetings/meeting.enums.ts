import { registerEnumType } from "type-graphql";

/** The kind of meeting held (the report counts 会議の開催回数 by kind). */
export enum MeetingKind {
  SHIEN_KAIGI = "SHIEN_KAIGI",
  JUSOTEKI = "JUSOTEKI",
  OTHER_CASE = "OTHER_CASE",
  REGULAR = "REGULAR",
  NETWORK = "NETWORK",
}

registerEnumType(MeetingKind, {
  name: "MeetingKind",
  description: "会議の種類: 支援会議 / 重層的支援会議 / その他の個別ケース会議 / 定例会議 / ネットワーク会議・協議体",
});
