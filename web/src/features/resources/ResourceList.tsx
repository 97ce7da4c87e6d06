import { useId, useMemo, useState } from "react";
import { gql, NetworkStatus, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { RESOURCE_KIND_LABELS, searchMessages as m, type ResourceKind } from "../../messages";
import { useDebouncedValue } from "../../ui/use-debounced-value";
import { RESOURCE_CARD_FRAGMENT, ResourceCard, type ResourceCardResource } from "./ResourceCard";

export const PAGE_SIZE = 20;
export const SEARCH_DEBOUNCE_MS = 250;
/** The server rejects longer search text (resource.filter.ts). */
const SEARCH_MAX_LENGTH = 100;

export interface ResourceListVariables {
  first: number;
  after?: string | null;
  kinds?: ResourceKind[];
  text?: string;
}

export interface ResourceListData {
  resources: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ResourceCardResource }[];
  };
}

export const RESOURCE_LIST_QUERY: TypedDocumentNode<ResourceListData, ResourceListVariables> = gql`
  query ResourceList($first: Int!, $after: String, $kinds: [ResourceKind!], $text: String) {
    resources(first: $first, after: $after, kinds: $kinds, text: $text) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ResourceCard_resource
        }
      }
    }
  }
  ${RESOURCE_CARD_FRAGMENT}
`;

/** Unset filters are left out rather than sent as "" or null, so "no filter" is one variables shape, one cache entry. */
export function resourceListVariables(text: string, kind: ResourceKind | ""): ResourceListVariables {
  return {
    first: PAGE_SIZE,
    ...(kind ? { kinds: [kind] } : {}),
    ...(text ? { text } : {}),
  };
}

const KIND_OPTIONS = Object.entries(RESOURCE_KIND_LABELS) as [ResourceKind, string][];

export function ResourceList() {
  const searchId = useId();
  const searchHintId = useId();
  const kindId = useId();

  const [text, setText] = useState("");
  const [kind, setKind] = useState<ResourceKind | "">("");
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const searchText = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const variables = useMemo(() => resourceListVariables(searchText, kind), [searchText, kind]);

  const { data, previousData, error, loading, networkStatus, fetchMore, refetch } = useQuery(RESOURCE_LIST_QUERY, {
    variables,
  });

  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const busy = loading && !loadingMore;
  // While a new search is in flight, keep the previous results on screen (marked busy) instead of blanking the page.
  const list = (data ?? (busy ? previousData : undefined))?.resources;
  const now = new Date();

  const loadMore = () => {
    const after = list?.pageInfo.endCursor;
    if (!after) return;
    setLoadMoreFailed(false);
    fetchMore({ variables: { after } }).catch(() => setLoadMoreFailed(true));
  };

  let status: string = "";
  if (busy) status = list ? m.searching : m.loading;
  else if (list) status = m.totalCount(list.totalCount);

  return (
    <>
      <header className="page-header">
        <div className="container">
          <h1 className="page-header__title">{m.pageHeading}</h1>
          <p className="page-header__lead">{m.pageLead}</p>
        </div>
      </header>

      <main className="container">
        <form className="filters" role="search" aria-label={m.filtersLabel} onSubmit={(e) => e.preventDefault()}>
          <div className="field field--grow">
            <label className="field__label" htmlFor={searchId}>{m.searchLabel}</label>
            <input
              id={searchId}
              className="field__control"
              type="search"
              value={text}
              maxLength={SEARCH_MAX_LENGTH}
              autoComplete="off"
              aria-describedby={searchHintId}
              onChange={(e) => setText(e.target.value)}
            />
            <p className="field__hint" id={searchHintId}>{m.searchHint}</p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={kindId}>{m.kindLabel}</label>
            <select
              id={kindId}
              className="field__control"
              value={kind}
              onChange={(e) => setKind(e.target.value as ResourceKind | "")}
            >
              <option value="">{m.kindAll}</option>
              {KIND_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </div>
        </form>

        <section className="results" aria-label={m.resultsLabel} aria-busy={busy}>
          <p className="results__status" role="status">{status}</p>

          {error && !busy ? (
            <div className="notice notice--error" role="alert">
              <p>{m.loadError}</p>
              <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
                {m.retry}
              </button>
            </div>
          ) : list && list.edges.length === 0 ? (
            <p className="notice">{m.empty}</p>
          ) : list ? (
            <ul className="resource-list" role="list" aria-label={m.listLabel}>
              {list.edges.map(({ node }) => (
                <li key={node.id}>
                  <ResourceCard resource={node} now={now} />
                </li>
              ))}
            </ul>
          ) : null}

          {!error && list?.pageInfo.hasNextPage && (
            <div className="results__more">
              <button type="button" className="button" onClick={loadMore} disabled={loadingMore || busy}>
                {loadingMore ? m.loadingMore : m.loadMore}
              </button>
            </div>
          )}
          {loadMoreFailed && (
            <p className="notice notice--error" role="alert">{m.loadMoreError}</p>
          )}
        </section>
      </main>
    </>
  );
}
