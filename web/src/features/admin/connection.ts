import { useEffect, useState } from "react";

// Paged lists (`auditLog`, `users`, `organizations`) append through the app cache's relayStylePagination policies
// (app/apollo.ts), like every other connection: a page only calls fetchMore({ variables: { after } }).

interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * For a choice list (利用者, 団体) that must be complete: asks for the next page as long as there is one. Returns
 * whether a page failed (the list is then partial, and the page says so).
 */
export function useFetchRemainingPages(
  pageInfo: PageInfoLike | undefined,
  fetchNext: (after: string) => Promise<unknown>,
): boolean {
  const [failed, setFailed] = useState(false);
  const after = pageInfo?.hasNextPage ? (pageInfo.endCursor ?? null) : null;
  useEffect(() => {
    if (!after || failed) return;
    fetchNext(after).catch(() => setFailed(true));
    // Only a new cursor asks for another page; `fetchNext` is a new function on every render.
  }, [after, failed]);
  return failed;
}
