import { describe, expect, it } from "vitest";
import { MatchStage } from "./match.enums.js";
import {
  FINAL_STAGES,
  PARTICIPATING,
  SENT_TO_HOST,
  TRANSITIONS,
  illegalTransitionMessage,
  isReopening,
  settlingFrom,
  transitionRule,
} from "./match.stages.js";

const S = MatchStage;
const ALL = Object.values(MatchStage);

/** The stage machine as the coordinators' guide draws it: from each stage, the stages a match may move to. */
const MOVES: Record<MatchStage, MatchStage[]> = {
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

describe("the stage machine of a マッチング", () => {
  it("allows exactly the moves of the guide, from every stage (受け入れ先辞退・本人辞退・不成立 allow none)", () => {
    for (const from of ALL) {
      expect([...TRANSITIONS[from]].sort(), from).toEqual([...MOVES[from]].sort());
      for (const to of ALL) expect(transitionRule(from, to).allowed, `${from} → ${to}`).toBe(MOVES[from].includes(to));
    }
  });

  it("保留 returns only to the step where it paused, or ends with the person declining", () => {
    expect(transitionRule(S.ON_HOLD, S.HOST_COORDINATION, S.HOST_COORDINATION).allowed).toBe(true);
    expect(transitionRule(S.ON_HOLD, S.PROPOSED, S.HOST_COORDINATION).allowed).toBe(false);
    expect(transitionRule(S.ON_HOLD, S.PROPOSED, S.PROPOSED).allowed).toBe(true);
    expect(transitionRule(S.ON_HOLD, S.HOST_COORDINATION, S.PROPOSED).allowed).toBe(false);
    for (const heldFrom of [S.CANDIDATE, S.HOST_COORDINATION, S.PROPOSED]) {
      expect(transitionRule(S.ON_HOLD, S.PERSON_DECLINED, heldFrom).allowed, heldFrom).toBe(true);
    }
  });

  it("a hold in 候補 (waiting for the consent to ask the host) goes on to 受け入れ先調整, not past it", () => {
    expect(transitionRule(S.ON_HOLD, S.HOST_COORDINATION, S.CANDIDATE)).toEqual({
      allowed: true,
      reasonRequired: false,
      outcomeRequired: false,
      hostConsentRequired: true,
    });
    expect(transitionRule(S.ON_HOLD, S.PROPOSED, S.CANDIDATE).allowed).toBe(false);
    expect(transitionRule(S.ON_HOLD, S.PERSON_DECLINED, S.CANDIDATE).allowed).toBe(true);
  });

  it("a 保留 recorded before the paused step was kept may go on to either step", () => {
    expect(transitionRule(S.ON_HOLD, S.HOST_COORDINATION).allowed).toBe(true);
    expect(transitionRule(S.ON_HOLD, S.PROPOSED, null).allowed).toBe(true);
  });

  it("the paused step constrains only the way out of 保留", () => {
    expect(transitionRule(S.CANDIDATE, S.HOST_COORDINATION, S.PROPOSED).allowed).toBe(true);
    expect(transitionRule(S.HOST_COORDINATION, S.PROPOSED, S.HOST_COORDINATION).allowed).toBe(true);
  });

  it("every exit (辞退・保留・不成立・中断) and every reopening must say why; the main line need not", () => {
    const exits = [S.HOST_DECLINED, S.PERSON_DECLINED, S.ON_HOLD, S.NOT_A_FIT, S.SUSPENDED];
    for (const from of ALL) {
      for (const to of MOVES[from]) {
        const reopening = to === S.ACTIVE_FOLLOW_UP && [S.SUSPENDED, S.CLOSED, S.POST_CLOSURE].includes(from);
        expect(transitionRule(from, to).reasonRequired, `${from} → ${to}`).toBe(exits.includes(to) || reopening);
      }
    }
    expect(transitionRule(S.PROPOSED, S.ACTIVE_FOLLOW_UP).reasonRequired).toBe(false);
    expect(transitionRule(S.SUSPENDED, S.ACTIVE_FOLLOW_UP).reasonRequired).toBe(true);
    expect(transitionRule(S.CLOSED, S.ACTIVE_FOLLOW_UP).reasonRequired).toBe(true);
    expect(transitionRule(S.POST_CLOSURE, S.ACTIVE_FOLLOW_UP).reasonRequired).toBe(true);
  });

  it("再開 is a move back to 参加開始 from 中断, 終結 or 終結後フォロー, and nothing else", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const expected =
          to === S.ACTIVE_FOLLOW_UP && (from === S.SUSPENDED || from === S.CLOSED || from === S.POST_CLOSURE);
        expect(isReopening(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("定着 and 終結 need a final outcome observation; no other move does", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        expect(transitionRule(from, to).outcomeRequired, `${from} → ${to}`).toBe(to === S.STABLE || to === S.CLOSED);
      }
    }
  });

  it("a move that shows the person to the host needs a consent covering it: 受け入れ先調整, and 保留 → 本人へ提案", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const expected = to === S.HOST_COORDINATION || (from === S.ON_HOLD && to === S.PROPOSED);
        expect(transitionRule(from, to).hostConsentRequired, `${from} → ${to}`).toBe(expected);
      }
    }
    // The host already took part in 受け入れ先調整: going on to 本人へ提案 from there asks for nothing more.
    expect(transitionRule(S.HOST_COORDINATION, S.PROPOSED).hostConsentRequired).toBe(false);
    expect(transitionRule(S.ON_HOLD, S.PROPOSED, S.PROPOSED).hostConsentRequired).toBe(true);
  });

  it("参加中 is 参加開始 and 定着 only: attendance and follow-ups belong to those two", () => {
    expect(ALL.filter((s) => PARTICIPATING.has(s)).sort()).toEqual([S.ACTIVE_FOLLOW_UP, S.STABLE].sort());
  });

  it("the host sees the referral from 受け入れ先調整 on, including its own refusal and a suspension, never a 候補 or 保留", () => {
    expect(ALL.filter((s) => SENT_TO_HOST.has(s)).sort()).toEqual(
      [
        S.HOST_COORDINATION,
        S.PROPOSED,
        S.VISIT_TRIAL,
        S.ACTIVE_FOLLOW_UP,
        S.STABLE,
        S.CLOSED,
        S.POST_CLOSURE,
        S.HOST_DECLINED,
        S.SUSPENDED,
      ].sort(),
    );
    for (const s of [S.CANDIDATE, S.ON_HOLD, S.PERSON_DECLINED, S.NOT_A_FIT])
      expect(SENT_TO_HOST.has(s), s).toBe(false);
  });

  it("a match is final (no move but reopening) at 辞退 (either side), 不成立, 終結 and 終結後フォロー", () => {
    expect(ALL.filter((s) => FINAL_STAGES.has(s)).sort()).toEqual(
      [S.HOST_DECLINED, S.PERSON_DECLINED, S.NOT_A_FIT, S.CLOSED, S.POST_CLOSURE].sort(),
    );
  });

  it("a refused move names both stages and the moves that are open, or says the match has ended", () => {
    expect(illegalTransitionMessage(S.CANDIDATE, S.STABLE)).toBe(
      "「候補」から「定着」には進めません (進める段階: 受け入れ先調整・保留(同意待ち)・本人辞退・不成立)",
    );
    expect(illegalTransitionMessage(S.POST_CLOSURE, S.CLOSED)).toBe(
      "「終結後フォロー」から「終結」には進めません (進める段階: 参加開始(フォローアップ中))",
    );
    expect(illegalTransitionMessage(S.NOT_A_FIT, S.CANDIDATE)).toBe(
      "「不成立」から「候補」には進めません (この段階で終了しています)",
    );
  });

  it("定着 needs no reason from the (re)start plus the follow-up months on, the month end clamped", () => {
    expect(settlingFrom("2026-04-10", 3)).toBe("2026-07-10");
    expect(settlingFrom("2026-11-30", 3)).toBe("2027-02-28");
    expect(settlingFrom("2026-04-10", 6)).toBe("2026-10-10");
  });
});
