import { addMonths } from "@tsunagu/calendar";
import { MATCH_STAGE_LABELS } from "@tsunagu/labels";
import { MatchStage } from "./match.enums.js";

const S = MatchStage;

/**
 * The stage machine, as data. 再開 is a move back to 参加開始 from 中断, 終結 or 終結後フォロー; 保留 returns to the
 * step it paused (a hold in 候補 waited for the consent to ask the host: it goes on to 受け入れ先調整). 受け入れ先辞退,
 * 本人辞退 and 不成立 end a match: the coordinator starts a new one from the suggestions.
 */
export const TRANSITIONS: Readonly<Record<MatchStage, readonly MatchStage[]>> = {
  [S.CANDIDATE]: [S.HOST_COORDINATION, S.ON_HOLD, S.PERSON_DECLINED, S.NOT_A_FIT],
  [S.HOST_COORDINATION]: [S.PROPOSED, S.HOST_DECLINED, S.ON_HOLD, S.NOT_A_FIT],
  [S.PROPOSED]: [S.VISIT_TRIAL, S.ACTIVE_FOLLOW_UP, S.PERSON_DECLINED, S.ON_HOLD],
  [S.VISIT_TRIAL]: [S.ACTIVE_FOLLOW_UP, S.PERSON_DECLINED, S.HOST_DECLINED, S.NOT_A_FIT],
  [S.ACTIVE_FOLLOW_UP]: [S.STABLE, S.SUSPENDED],
  [S.STABLE]: [S.CLOSED, S.SUSPENDED],
  [S.CLOSED]: [S.POST_CLOSURE, S.ACTIVE_FOLLOW_UP],
  [S.POST_CLOSURE]: [S.ACTIVE_FOLLOW_UP],
  [S.SUSPENDED]: [S.ACTIVE_FOLLOW_UP, S.CLOSED],
  [S.ON_HOLD]: [S.HOST_COORDINATION, S.PROPOSED, S.PERSON_DECLINED],
  [S.HOST_DECLINED]: [],
  [S.PERSON_DECLINED]: [],
  [S.NOT_A_FIT]: [],
};

/** Moves that must say why (exits, and every reopening). */
const EXITS = new Set<MatchStage>([S.HOST_DECLINED, S.PERSON_DECLINED, S.ON_HOLD, S.NOT_A_FIT, S.SUSPENDED]);
/** Stages in which the person takes part at the host: attendance is recorded, follow-ups are planned. */
export const PARTICIPATING = new Set<MatchStage>([S.ACTIVE_FOLLOW_UP, S.STABLE]);
/** Stages from which the host has been contacted and sees the referral. */
export const SENT_TO_HOST = new Set<MatchStage>([
  S.HOST_COORDINATION,
  S.PROPOSED,
  S.VISIT_TRIAL,
  S.ACTIVE_FOLLOW_UP,
  S.STABLE,
  S.CLOSED,
  S.POST_CLOSURE,
  S.HOST_DECLINED,
  S.SUSPENDED,
]);
/**
 * Stages that close a match, well (CLOSED, POST_CLOSURE) or not (declined, not a fit): no further move except
 * reopening. Not the board's "ended" filter (web board-model.ts), which shows only the unsuccessful ones.
 */
export const FINAL_STAGES = new Set<MatchStage>([
  S.HOST_DECLINED,
  S.PERSON_DECLINED,
  S.NOT_A_FIT,
  S.CLOSED,
  S.POST_CLOSURE,
]);

export const isReopening = (from: MatchStage, to: MatchStage) =>
  to === S.ACTIVE_FOLLOW_UP && (from === S.SUSPENDED || from === S.CLOSED || from === S.POST_CLOSURE);

export interface TransitionRule {
  allowed: boolean;
  reasonRequired: boolean;
  /** 定着・終結 need a final outcome observation. */
  outcomeRequired: boolean;
  /** Leaving 候補 for the host means the person's facts go out: needs a consent covering the host. */
  hostConsentRequired: boolean;
}

/** Where a 保留 returns: the step it paused; 候補 is not a move from 保留, so a hold there resumes with 受け入れ先調整. */
const resumesAt = (heldFrom: MatchStage): MatchStage => (heldFrom === S.CANDIDATE ? S.HOST_COORDINATION : heldFrom);

export function transitionRule(from: MatchStage, to: MatchStage, heldFrom: MatchStage | null = null): TransitionRule {
  let allowed = TRANSITIONS[from].includes(to);
  // 保留 returns only to where it paused (or ends with the person declining).
  if (allowed && from === S.ON_HOLD && to !== S.PERSON_DECLINED && heldFrom && to !== resumesAt(heldFrom))
    allowed = false;
  return {
    allowed,
    reasonRequired: EXITS.has(to) || isReopening(from, to),
    outcomeRequired: to === S.STABLE || to === S.CLOSED,
    hostConsentRequired: to === S.HOST_COORDINATION || (from === S.ON_HOLD && to === S.PROPOSED),
  };
}

export const illegalTransitionMessage = (from: MatchStage, to: MatchStage) =>
  `「${MATCH_STAGE_LABELS[from]}」から「${MATCH_STAGE_LABELS[to]}」には進めません` +
  (TRANSITIONS[from].length
    ? ` (進める段階: ${TRANSITIONS[from].map((s) => MATCH_STAGE_LABELS[s]).join("・")})`
    : " (この段階で終了しています)");

/**
 * 定着 closes the follow-up period: from the latest (re)start until `followUpMonths` later (MunicipalSettings), moving
 * to 定着 must say why. Returns the first day it needs no reason.
 */
export const settlingFrom = (startedOn: string, followUpMonths: number): string => addMonths(startedOn, followUpMonths);
