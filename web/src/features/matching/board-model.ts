import type { MatchStage } from "../../gql/graphql";
import { daysBetween } from "@tsunagu/calendar";

/**
 * How the board lays out the 13 stages: the main line left to right, then the paused ones, then the dead ends
 * (loaded only on request, as they only grow). Layout only: which moves are legal comes from the server.
 */
export const BOARD_GROUPS = [
  {
    key: "main",
    stages: [
      "CANDIDATE",
      "HOST_COORDINATION",
      "PROPOSED",
      "VISIT_TRIAL",
      "ACTIVE_FOLLOW_UP",
      "STABLE",
      "CLOSED",
      "POST_CLOSURE",
    ],
  },
  { key: "paused", stages: ["ON_HOLD", "SUSPENDED"] },
  { key: "ended", stages: ["HOST_DECLINED", "PERSON_DECLINED", "NOT_A_FIT"] },
] as const satisfies readonly { key: string; stages: readonly MatchStage[] }[];

export type BoardGroupKey = (typeof BOARD_GROUPS)[number]["key"];

export const OPEN_STAGES: MatchStage[] = [...BOARD_GROUPS[0].stages, ...BOARD_GROUPS[1].stages];
export const ENDED_STAGES: MatchStage[] = [...BOARD_GROUPS[2].stages];

/** Matches by their current stage, keeping the server's order (most recently updated first), each id once. */
export function groupByStage<T extends { id: string; stage: MatchStage }>(
  lists: readonly (readonly T[])[],
): Map<MatchStage, T[]> {
  const seen = new Set<string>();
  const byStage = new Map<MatchStage, T[]>();
  for (const match of lists.flat()) {
    if (seen.has(match.id)) continue;
    seen.add(match.id);
    byStage.set(match.stage, [...(byStage.get(match.stage) ?? []), match]);
  }
  return byStage;
}

/** Days since the match entered its current stage (the effective date of the last move into it). */
export function daysInStage(
  match: { stage: MatchStage; history: readonly { toStage: MatchStage; effectiveOn: string }[] },
  today: string,
): number | null {
  const entered = [...match.history].reverse().find((h) => h.toStage === match.stage);
  return entered ? Math.max(0, daysBetween(entered.effectiveOn, today)) : null;
}

export interface NextFollowUp {
  dueId: string;
  dueOn: string;
  /** Days past the due date; 0 when not overdue. */
  overdueDays: number;
}

/** The earliest planned follow-up, and how late it is (a visit due yesterday is overdue today, as on the server). */
export function nextFollowUp(
  dues: readonly { id: string; dueOn: string; status: string }[],
  today: string,
): NextFollowUp | null {
  const next = dues.filter((d) => d.status === "PLANNED").sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (!next) return null;
  return { dueId: next.id, dueOn: next.dueOn, overdueDays: Math.max(0, daysBetween(next.dueOn, today)) };
}

/**
 * Stages after which a new match with the same resource may start. Mirrors the server's one-open-match rule only to
 * label suggestions (「マッチング中」); creating a match is still the server's call, and its refusal is shown.
 */
const FINISHED: ReadonlySet<MatchStage> = new Set([
  "HOST_DECLINED",
  "PERSON_DECLINED",
  "NOT_A_FIT",
  "CLOSED",
  "POST_CLOSURE",
]);
export const isInProgress = (stage: MatchStage) => !FINISHED.has(stage);
