import { Link } from "react-router";
import type { SearchResourcesQuery } from "../../gql/graphql";
import { searchMessages as m } from "../../messages";
import { SearchResultCard } from "./SearchResultCard";

export interface SearchResultsProps {
  result: SearchResourcesQuery["searchResources"] | null;
  busy: boolean;
  error: unknown;
  onRetry: () => void;
  loadingMore: boolean;
  loadMoreFailed: boolean;
  onLoadMore: () => void;
  /** Offered to coordinators when a text search finds nothing: record it as a resource gap. */
  gapLink: string | null;
}

/** The count (announced), the degraded-search banner, the cards and もっと見る. */
export function SearchResults({
  result,
  busy,
  error,
  onRetry,
  loadingMore,
  loadMoreFailed,
  onLoadMore,
  gapLink,
}: SearchResultsProps) {
  const now = new Date();
  let status = "";
  if (busy) status = result ? m.searching : m.loading;
  else if (result) {
    status =
      result.edges.length < result.totalCount
        ? m.shownCount(result.edges.length, result.totalCount)
        : m.totalCount(result.totalCount);
  }

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={busy}>
      <h2 id="results-heading">{m.resultsHeading}</h2>
      <p className="results__status" role="status">
        {status}
      </p>

      {result?.degraded && (
        <p className="notice notice--warn" role="alert">
          {m.degraded}
        </p>
      )}

      {error ? (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={onRetry}>
            {m.retry}
          </button>
        </div>
      ) : result && result.edges.length === 0 ? (
        <div className="notice">
          <p>{m.empty}</p>
          {gapLink && (
            <p>
              <Link to={gapLink}>{m.raiseGap}</Link>
            </p>
          )}
        </div>
      ) : result ? (
        <ul className="resource-list" role="list" aria-label={m.listLabel}>
          {result.edges.map((edge) => (
            <li key={edge.node.id}>
              <SearchResultCard edge={edge} now={now} />
            </li>
          ))}
        </ul>
      ) : null}

      {!error && result?.pageInfo.hasNextPage && (
        <div className="results__more">
          <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore || busy}>
            {loadingMore ? m.loadingMore : m.loadMore}
          </button>
        </div>
      )}
      {loadMoreFailed && (
        <p className="notice notice--error" role="alert">
          {m.loadMoreError}
        </p>
      )}
    </section>
  );
}
