import { CASEWORKERS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { CooperationAnswer, CooperationKind } from "./host-relations.enums.js";

/**
 * Pure rules for the work with host organizations (協力依頼, 受け入れ先支援). It is the caseworkers' work: they record,
 * correct and list it; hosts and viewers do not read it (viewers get the report's totals).
 */
export const hostRelationsPolicy = {
  list: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  record: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  update: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
};

export interface CooperationFacts {
  requestedOn: string;
  kind: CooperationKind;
  answer: CooperationAnswer;
  answeredOn: string | null;
  resourceGapId: string | null;
}

/**
 * What a 協力依頼 must hold together, field by field (Japanese messages): an answer has its day, a pending one none;
 * the answer comes on or after the request; only a request to create a place names the gap it is for.
 */
export function cooperationProblems(r: CooperationFacts): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (r.answer === CooperationAnswer.PENDING && r.answeredOn)
    out.push({ field: "answeredOn", message: "回答待ちのときは回答日を入れないでください" });
  if (r.answer !== CooperationAnswer.PENDING && !r.answeredOn)
    out.push({ field: "answeredOn", message: "回答があった日を入力してください" });
  if (r.answeredOn && r.answeredOn < r.requestedOn)
    out.push({ field: "answeredOn", message: "回答日は依頼した日以降にしてください" });
  if (r.resourceGapId && r.kind !== CooperationKind.CREATE_PLACE)
    out.push({ field: "resourceGapId", message: "資源の不足を指定できるのは「場・活動の創出」の依頼だけです" });
  return out;
}
