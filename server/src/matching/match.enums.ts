import { registerEnumType } from "type-graphql";

/** マッチングの段階: the main line, then the exits (the moves between them: match.stages.ts). */
export enum MatchStage {
  CANDIDATE = "CANDIDATE",
  HOST_COORDINATION = "HOST_COORDINATION",
  PROPOSED = "PROPOSED",
  VISIT_TRIAL = "VISIT_TRIAL",
  ACTIVE_FOLLOW_UP = "ACTIVE_FOLLOW_UP",
  STABLE = "STABLE",
  CLOSED = "CLOSED",
  POST_CLOSURE = "POST_CLOSURE",
  HOST_DECLINED = "HOST_DECLINED",
  PERSON_DECLINED = "PERSON_DECLINED",
  ON_HOLD = "ON_HOLD",
  NOT_A_FIT = "NOT_A_FIT",
  SUSPENDED = "SUSPENDED",
}

export const MATCH_STAGE_LABELS: Record<MatchStage, string> = {
  CANDIDATE: "候補",
  HOST_COORDINATION: "受け入れ先調整",
  PROPOSED: "本人へ提案",
  VISIT_TRIAL: "見学・体験",
  ACTIVE_FOLLOW_UP: "参加開始(フォローアップ中)",
  STABLE: "定着",
  CLOSED: "終結",
  POST_CLOSURE: "終結後フォロー",
  HOST_DECLINED: "受け入れ先辞退",
  PERSON_DECLINED: "本人辞退",
  ON_HOLD: "保留(同意待ち)",
  NOT_A_FIT: "不成立",
  SUSPENDED: "中断",
};

export enum HostResponse {
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
}

registerEnumType(MatchStage, { name: "MatchStage", description: "マッチングの段階" });
registerEnumType(HostResponse, { name: "HostResponse", description: "受け入れ先の回答" });
