import { useEffect, useState } from "react";

// `auditLog`, `users` and `organizations` have no pagination type policy in the app's cache (app/apollo.ts), so the
// pages here append with fetchMore's `updateQuery` instead: the merged list is written back to the first page's
// cache entry, and the cursor-specific answers are not kept.

interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export interface ConnectionLike<TEdge extends { node: { id: string } }> {
  pageInfo: PageInfoLike;
  edges: TEdge[];
}

/**
 * The next page appended to the list so far. The next page's `totalCount` and `pageInfo` win (they are newer); an
 * edge already shown is not repeated (a row written meanwhile can shift a page boundary, and a development
 * StrictMode double effect can ask for the same page twice).
 */
export function appendPage<TEdge extends { node: { id: string } }, C extends ConnectionLike<TEdge>>(previous: C, next: C): C {
  const seen = new Set(previous.edges.map((e) => e.node.id));
  return { ...next, edges: [...previous.edges, ...next.edges.filter((e) => !seen.has(e.node.id))] };
}

/**
 * For a choice list (利用者, 団体) that must be complete: asks for the next page as long as there is one. Returns
 * whether a page failed (the list is then partial, and the page says so).
 */
export function useFetchRemainingPages(pageInfo: PageInfoLike | undefined, fetchNext: (after: string) => Promise<unknown>): boolean {
  const [failed, setFailed] = useState(false);
  const after = pageInfo?.hasNextPage ? (pageInfo.endCursor ?? null) : null;
  useEffect(() => {
    if (!after || failed) return;
    fetchNext(after).catch(() => setFailed(true));
    // Only a new cursor asks for another page; `fetchNext` is a new function on every render.
  }, [after, failed]);
  return failed;
}
