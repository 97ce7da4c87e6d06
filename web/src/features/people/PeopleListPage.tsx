import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { PersonTrack } from "../../gql/graphql";
import {
  PARTICIPATION_LEVEL_LABELS,
  PERSON_TRACK_LABELS,
  formatCalendarDate,
  peopleMessages,
  personFormMessages,
  personRightsMessages,
} from "../../messages";
import { FlashStatus } from "../../ui/flash-status";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import {
  PEOPLE_SEARCH_MAX_LENGTH,
  paramsFromPeopleFilter,
  peopleFilterFromParams,
  peopleListVariables,
} from "./people-filter";

export const PEOPLE_LIST_QUERY = graphql(`
  query PeopleList($first: Int!, $after: String, $text: String, $mine: Boolean, $track: PersonTrack) {
    persons(first: $first, after: $after, text: $text, mine: $mine, track: $track) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          displayName
          nameKana
          track
          stoppedOn
          erasedAt
          participationLevel
          registeredOn
          area {
            id
            name
          }
          coordinator {
            id
            displayName
          }
        }
      }
    }
  }
`);

const t = peopleMessages.list;
const TRACK_OPTIONS = Object.entries(PERSON_TRACK_LABELS) as [PersonTrack, string][];
const SEARCH_DEBOUNCE_MS = 250;

/** 本人一覧: the filter lives in the URL (`?q=…&mine=1&track=…`), so a reload or a shared link shows the same list. */
export function PeopleListPage() {
  const searchId = useId();
  const hintId = useId();
  const trackId = useId();
  const [params, setParams] = useSearchParams();
  const filter = peopleFilterFromParams(params);
  const [text, setText] = useState(filter.text);
  const debouncedText = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);

  const update = (patch: Partial<typeof filter>) =>
    setParams(paramsFromPeopleFilter({ ...filter, ...patch }), { replace: true });

  // Typing settles into the URL (replacing the entry); the URL alone drives the query. Only the typed text triggers
  // this effect: the rest of the filter is read from the URL as it is now.
  useEffect(() => {
    if (debouncedText !== filter.text) update({ text: debouncedText });
  }, [debouncedText]);

  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(PEOPLE_LIST_QUERY, {
    variables: peopleListVariables(filter),
  });
  const list = (data ?? (loading ? previousData : undefined))?.persons;
  const status = loading && !list ? t.loading : list ? t.count(list.totalCount) : "";

  return (
    <>
      <div className="page-title-row">
        <h1>{t.pageTitle}</h1>
        <Link className="button" to="/people/new">
          {personFormMessages.newPage.openFromList}
        </Link>
      </div>
      <p className="page-lead">{t.pageLead}</p>
      <FlashStatus />

      <form className="filters" role="search" aria-label={t.filtersLabel} onSubmit={(e) => e.preventDefault()}>
        <div className="field field--grow">
          <label className="field__label" htmlFor={searchId}>
            {t.search}
          </label>
          <input
            id={searchId}
            className="field__control"
            type="search"
            value={text}
            maxLength={PEOPLE_SEARCH_MAX_LENGTH}
            autoComplete="off"
            aria-describedby={hintId}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="field__hint" id={hintId}>
            {t.searchHint}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={trackId}>
            {t.track}
          </label>
          <select
            id={trackId}
            className="field__control"
            value={filter.track}
            onChange={(e) => update({ track: e.target.value as PersonTrack | "" })}
          >
            <option value="">{t.trackAll}</option>
            {TRACK_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="choice filters__check">
          <input type="checkbox" checked={filter.mine} onChange={(e) => update({ mine: e.target.checked })} />
          <span>{t.mineOnly}</span>
        </label>
      </form>

      <section className="results" aria-label={t.listLabel} aria-busy={loading}>
        <p className="results__status" role="status">
          {status}
        </p>
        {error && !loading ? (
          <div className="notice notice--error" role="alert">
            <p>{t.loadError}</p>
            <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
              {t.retry}
            </button>
          </div>
        ) : list && list.edges.length === 0 ? (
          <p className="notice">{t.empty}</p>
        ) : list ? (
          <ul className="person-list" role="list">
            {list.edges.map(({ node }) => (
              <li key={node.id} className="person-row">
                <p className="person-row__name">
                  <Link to={`/people/${node.id}`}>{node.displayName}</Link>
                  <span className="person-row__kana">{node.nameKana}</span>
                </p>
                <ul className="badges" role="list">
                  <li className={`badge ${node.track === "SUPPORT_MEETING" ? "badge--paused" : "badge--cost"}`}>
                    {PERSON_TRACK_LABELS[node.track]}
                  </li>
                  {node.erasedAt != null ? (
                    <li className="badge badge--warn">{personRightsMessages.erasedBadge}</li>
                  ) : (
                    node.stoppedOn != null && <li className="badge badge--warn">{personRightsMessages.stoppedBadge}</li>
                  )}
                </ul>
                <dl className="person-row__facts">
                  <div>
                    <dt>{t.area}</dt>
                    <dd>{node.area?.name ?? "—"}</dd>
                  </div>
                  <div>
                    <dt>{t.level}</dt>
                    <dd>{PARTICIPATION_LEVEL_LABELS[node.participationLevel]}</dd>
                  </div>
                  <div>
                    <dt>{t.coordinator}</dt>
                    <dd>{node.coordinator?.displayName ?? "—"}</dd>
                  </div>
                  <div>
                    <dt>{t.registeredOn}</dt>
                    <dd>{formatCalendarDate(node.registeredOn)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ) : null}
        {!error && list?.pageInfo.hasNextPage && (
          <div className="results__more">
            <button
              type="button"
              className="button"
              disabled={loading}
              onClick={() => void fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => {})}
            >
              {t.loadMore}
            </button>
          </div>
        )}
      </section>
    </>
  );
}
