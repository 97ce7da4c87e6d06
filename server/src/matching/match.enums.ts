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

export enum HostResponse {
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
}

registerEnumType(MatchStage, { name: "MatchStage", description: "マッチングの段階" });
registerEnumType(HostResponse, { name: "HostResponse", description: "受け入れ先の回答" });
