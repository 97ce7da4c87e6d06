import { useMemo, useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Link, useSearchParams } from "react-router";
import { graphql } from "../../gql";
import { useViewer } from "../../app/viewer";
import { searchMessages as m } from "../../messages";
import { FacetPanel } from "./FacetPanel";
import { ExportLinks } from "./ExportLinks";
import { SearchControls } from "./SearchControls";
import { SearchResults } from "./SearchResults";
import { UnderstoodChips } from "./UnderstoodChips";
import { removeWord } from "./understood-words";
import {
  clearFilters,
  hasFilters,
  parseSearchParams,
  toggleValue,
  toSearchInput,
  toSearchParams,
  type SearchState,
} from "./search-url";
import { useAreas } from "./use-areas";
import { useSearchOrigin } from "./use-search-origin";
import { useSearchText } from "./use-search-text";

export const PAGE_SIZE = 20;

export const SEARCH_RESOURCES = graphql(`
  query SearchResources($input: SearchResourcesInput!, $first: Int!, $after: String) {
    searchResources(input: $input, first: $first, after: $after) {
      totalCount
      degraded
      understood {
        ...UnderstoodChips_filter
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        ...FacetPanel_facets
      }
      edges {
        cursor
        node {
          id
        }
        ...SearchResultCard_edge
      }
    }
  }
`);

/** 資源をさがす: text as one types, facet chips with counts, distance, sort; the URL holds the whole query. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(params), [params]);
  const { viewer } = useViewer();
  const casework = viewer?.role === "ADMIN" || viewer?.role === "COORDINATOR";

  // Filters add a history entry (back undoes a click); typing replaces it, so back does not replay every keystroke.
  const update = (next: SearchState, replace = false) =>
    setParams(toSearchParams(next), { replace, preventScrollReset: true });
  const [text, setText] = useSearchText(state.text, (committed) => update({ ...state, text: committed }, true));

  const { areas, names: areaNames } = useAreas();
  const origin = useSearchOrigin(state, casework);
  const input = useMemo(() => toSearchInput(state, origin.near), [state, origin.near]);

  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const query = useQuery(SEARCH_RESOURCES, {
    variables: { input, first: PAGE_SIZE },
    // Wait for the origin's point rather than show unfiltered results for a moment.
    skip: origin.status === "loading",
    notifyOnNetworkStatusChange: true,
  });
  const loadingMore = query.networkStatus === NetworkStatus.fetchMore;
  const busy = (query.loading && !loadingMore) || origin.status === "loading";
  // While a new search runs, the previous results stay on screen (marked busy) instead of blanking the page.
  const result = (query.data ?? (busy ? query.previousData : undefined))?.searchResources ?? null;

  const loadMore = () => {
    const after = result?.pageInfo.endCursor;
    if (!after) return;
    setLoadMoreFailed(false);
    query.fetchMore({ variables: { after } }).catch(() => setLoadMoreFailed(true));
  };

  const gapLink = casework && state.text ? `/gaps?searchText=${encodeURIComponent(state.text)}` : null;

  return (
    <div className="search-page">
      <h1>{m.pageHeading}</h1>
      <p className="page-lead">{m.pageLead}</p>
      {origin.person && (
        <p className="notice notice--info">
          {m.forPerson(origin.person.displayName)}{" "}
          <Link to={`/people/${origin.person.id}`}>{m.backToPerson(origin.person.displayName)}</Link>
        </p>
      )}

      <SearchControls
        text={text}
        onText={setText}
        state={state}
        origin={origin}
        areas={areas}
        onChange={(next) => update(next)}
      />
      <UnderstoodChips
        filters={result?.understood ?? []}
        onRemove={(word) => update({ ...state, text: removeWord(text, word) })}
      />

      <div className="search-layout">
        <section className="search-layout__filters" aria-labelledby="filters-heading">
          <div className="search-layout__filters-head">
            <h2 id="filters-heading">{m.filtersHeading}</h2>
            {hasFilters(state) && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => update(clearFilters(state))}
              >
                {m.clearFilters}
              </button>
            )}
          </div>
          <FacetPanel
            facets={result?.facets ?? null}
            state={state}
            areaNames={areaNames}
            onToggle={(key, value, on) => update(toggleValue(state, key, value as never, on))}
            onFlag={(key, on) => update({ ...state, [key]: on })}
          />
        </section>

        <SearchResults
          result={result}
          busy={busy}
          error={query.error && !busy ? query.error : null}
          onRetry={() => void query.refetch().catch(() => {})}
          loadingMore={loadingMore}
          loadMoreFailed={loadMoreFailed}
          onLoadMore={loadMore}
          gapLink={gapLink}
        />
      </div>

      <ExportLinks input={input} />
    </div>
  );
}
