import { useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { MatchBoardQuery, MatchStage } from "../../gql/graphql";
import { MATCH_STAGE_LABELS, matchingMessages as m } from "../../messages";
import { today as jstToday } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { BOARD_GROUPS, ENDED_STAGES, OPEN_STAGES, groupByStage, type BoardGroupKey } from "./board-model";
import { MatchCard } from "./MatchCard";

export const BOARD_PAGE_SIZE = 100;

export const MATCH_BOARD_QUERY = graphql(`
  query MatchBoard($first: Int!, $after: String, $mine: Boolean!, $stages: [MatchStage!]) {
    matches(first: $first, after: $after, mine: $mine, stages: $stages) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          stage
          ...MatchCard_match
        }
      }
    }
  }
`);

/**
 * `?mine=1` ↔ 「自分の担当のみ」, `?ended=1` ↔ the dead-end stages shown; `?focus=<id>` brings one card into view
 * (from a person's page).
 */
export function boardFilterFromParams(params: URLSearchParams) {
  return { mine: params.get("mine") === "1", showEnded: params.get("ended") === "1", focus: params.get("focus") };
}

export function MatchBoardPage() {
  const [params, setParams] = useSearchParams();
  const { mine, showEnded, focus } = boardFilterFromParams(params);
  const [status, setStatus] = useState("");
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const today = jstToday();

  const open = useQuery(MATCH_BOARD_QUERY, { variables: { first: BOARD_PAGE_SIZE, mine, stages: OPEN_STAGES } });
  const ended = useQuery(MATCH_BOARD_QUERY, {
    variables: { first: BOARD_PAGE_SIZE, mine, stages: ENDED_STAGES },
    skip: !showEnded,
  });

  const lists = [open.data, showEnded ? ended.data : undefined].map((d) => d?.matches.edges.map((e) => e.node) ?? []);
  const byStage = groupByStage(lists);
  const shown = lists.reduce((n, list) => n + list.length, 0);
  const total = (open.data?.matches.totalCount ?? 0) + (showEnded ? (ended.data?.matches.totalCount ?? 0) : 0);

  const setFlag = (name: "mine" | "ended", on: boolean) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (on) next.set(name, "1");
      else next.delete(name);
      next.delete("focus");
      return next;
    });

  const loadMore = (query: typeof open) => {
    const after = query.data?.matches.pageInfo.endCursor;
    setLoadMoreFailed(false);
    if (after) void query.fetchMore({ variables: { after } }).catch(() => setLoadMoreFailed(true));
  };

  const error = open.error ?? (showEnded ? ended.error : undefined);
  return (
    <>
      <h1>{m.pageTitle}</h1>
      <p className="page-lead">{m.pageLead}</p>
      <FlashStatus />

      <div className="toolbar" role="group" aria-label={m.filtersLabel}>
        <label className="choice">
          <input type="checkbox" checked={mine} onChange={(e) => setFlag("mine", e.target.checked)} />
          <span>{m.mineOnly}</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={showEnded} onChange={(e) => setFlag("ended", e.target.checked)} />
          <span>{m.showEnded}</span>
        </label>
      </div>

      <p className="results__status" role="status">
        {status || (open.loading && !open.data ? m.loading : open.data ? m.count(shown, total) : "")}
      </p>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={() => void open.refetch().catch(() => {})}>
            {m.retry}
          </button>
        </div>
      )}

      {open.data && (
        <div className="board" aria-busy={open.loading}>
          {BOARD_GROUPS.filter((g) => g.key !== "ended" || showEnded).map((group) =>
            group.key === "ended" && !ended.data ? (
              ended.loading && (
                <p key={group.key} role="status">
                  {m.loading}
                </p>
              )
            ) : (
              <BoardGroup
                key={group.key}
                groupKey={group.key}
                stages={group.stages}
                byStage={byStage}
                today={today}
                focus={focus}
                onMoved={setStatus}
              />
            ),
          )}
        </div>
      )}

      {[open, ended].map((query, i) =>
        query.data?.matches.pageInfo.hasNextPage && (i === 0 || showEnded) ? (
          <div className="results__more" key={i}>
            <button type="button" className="button" onClick={() => loadMore(query)} disabled={query.loading}>
              {m.loadMore}
            </button>
          </div>
        ) : null,
      )}
      {loadMoreFailed && (
        <p className="notice notice--error" role="alert">
          {m.loadError}
        </p>
      )}
    </>
  );
}

function BoardGroup({
  groupKey,
  stages,
  byStage,
  today,
  focus,
  onMoved,
}: {
  groupKey: BoardGroupKey;
  stages: readonly MatchStage[];
  byStage: Map<MatchStage, MatchBoardQuery["matches"]["edges"][number]["node"][]>;
  today: string;
  focus: string | null;
  onMoved: (message: string) => void;
}) {
  const headingId = `board-group-${groupKey}`;
  return (
    <section className="board__group" aria-labelledby={headingId}>
      <h2 id={headingId} className="board__group-title">
        {m.groups[groupKey]}
      </h2>
      {/* The lanes wrap into rows (styles.css), so nothing scrolls sideways and the group needs no tab stop. */}
      <div className="board__lanes" role="group" aria-label={m.groups[groupKey]}>
        {stages.map((stage) => {
          const matches = byStage.get(stage) ?? [];
          const titleId = `board-stage-${stage}`;
          return (
            <section key={stage} className="board__column" aria-labelledby={titleId}>
              {/* The region is named by the stage alone; the count sits beside it in the heading. */}
              <h3 className="board__column-title">
                <span id={titleId}>{MATCH_STAGE_LABELS[stage]}</span>{" "}
                <span className="board__count">{m.stageCount(matches.length)}</span>
              </h3>
              {matches.length === 0 ? (
                <p className="board__empty">{m.emptyStage}</p>
              ) : (
                <ul className="board__cards" role="list">
                  {matches.map((match) => (
                    <li key={match.id}>
                      <MatchCard match={match} today={today} focused={match.id === focus} onMoved={onMoved} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
