import type { ReactNode } from "react";
import { recordsMessages as m } from "../messages";

/**
 * The list part of a 実施状況の記録 page: how many there are, loading and failure notices, the table (`children`), and
 * もっと見る while the server has more.
 */
export function RecordListSection({
  label,
  loading,
  failed,
  onRetry,
  total,
  shown,
  hasMore,
  loadingMore,
  moreFailed,
  onLoadMore,
  children,
}: {
  label: string;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  total: number | null;
  shown: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreFailed: boolean;
  onLoadMore: () => void;
  children: ReactNode;
}) {
  return (
    <section className="results" aria-label={label} aria-busy={loading}>
      <p className="results__status" role="status">
        {loading && total === null ? m.loading : total !== null ? m.count(total, shown) : ""}
      </p>
      {failed && total === null && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={onRetry}>
            {m.retry}
          </button>
        </div>
      )}
      {total === 0 && <p className="notice">{m.empty}</p>}
      {total !== null && total > 0 && children}
      {hasMore && (
        <div className="results__more">
          <button type="button" className="button" disabled={loadingMore} onClick={onLoadMore}>
            {m.loadMore}
          </button>
        </div>
      )}
      {moreFailed && (
        <p className="notice notice--error" role="alert">
          {m.loadMoreError}
        </p>
      )}
    </section>
  );
}
