import { addMonths } from "@tsunagu/calendar";
import { CASEWORKERS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";

/** What the rules about one person's rights look at (from the person row and their casework). */
export interface PersonRightsFacts {
  stoppedOn: string | null;
  erasedAt: Date | null;
}

export interface ErasureFacts extends PersonRightsFacts {
  /** The last day anything happened in the case: see lastActivitySql in erasure.service.ts. */
  lastActivityOn: string;
  /** A match not yet in a final stage (終結・辞退・不成立): the case is not closed. */
  hasOpenMatch: boolean;
}

/** The day a closed case's retention period ends: `years` after its last activity. */
export const retentionEndsOn = (lastActivityOn: string, years: number): string => addMonths(lastActivityOn, years * 12);

/**
 * Pure rules for a person's rights (個人情報保護法: 開示, 訂正, 利用停止, 消去). Who may act is who may read the person
 * (personPolicy.read, checked first through PersonService.getVisible, so a person someone may not see is NOT_FOUND);
 * these add the caseworker role and the states. Each `why…` returns the refusal (a CONFLICT message) or null.
 */
export const personRightsPolicy = {
  /** 開示, 訂正, 利用停止 / 再開, 消去: caseworkers only (hosts and viewers never reach a person). */
  act: (viewer: Viewer | null) => hasRole(viewer, CASEWORKERS),
  isStopped: (p: PersonRightsFacts) => p.stoppedOn !== null,
  /** 利用停止 or 消去済み: hosts are shown none of the person's facts, whatever the consents say. */
  hiddenFromHosts: (p: PersonRightsFacts) => p.stoppedOn !== null || p.erasedAt !== null,
  whyNotCorrect: (p: PersonRightsFacts): string | null => (p.erasedAt ? "消去済みの本人の情報は訂正できません" : null),
  whyNotStop: (p: PersonRightsFacts): string | null =>
    p.erasedAt ? "消去済みの本人です" : p.stoppedOn ? "この本人はすでに利用停止中です" : null,
  whyNotResume: (p: PersonRightsFacts): string | null =>
    p.erasedAt ? "消去済みの本人は再開できません" : !p.stoppedOn ? "この本人は利用停止中ではありません" : null,
  /** A new referral, a suggestion or a match for this person (利用停止 stops them all). */
  whyNotRefer: (p: PersonRightsFacts): string | null =>
    p.erasedAt
      ? "消去済みの本人です"
      : p.stoppedOn
        ? "利用停止中の本人には提案・紹介できません (再開すると提案・紹介できます)"
        : null,
  /** Whether the daily job erases this person today: a closed case whose retention period has run. */
  dueForErasure: (p: ErasureFacts, years: number, on: string): boolean =>
    !p.erasedAt && !p.hasOpenMatch && retentionEndsOn(p.lastActivityOn, years) <= on,
  /** The explicit erasure: only of a stopped person, and only once the retention period has run. */
  whyNotErase: (p: ErasureFacts, years: number, on: string): string | null =>
    p.erasedAt
      ? "この本人はすでに消去されています"
      : !p.stoppedOn
        ? "消去できるのは利用停止中の本人だけです"
        : p.hasOpenMatch
          ? "終結していないマッチングがあるため消去できません"
          : retentionEndsOn(p.lastActivityOn, years) > on
            ? `保存期間 (${years}年) が終わる ${retentionEndsOn(p.lastActivityOn, years)} まで消去できません`
            : null,
};
