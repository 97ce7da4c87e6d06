import { useState } from "react";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { adminMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { CreateUserForm } from "./CreateUserForm";
import { UsersTable } from "./UsersTable";
import type { ActionResult } from "./ConfirmedAction";

export const USERS_PAGE_SIZE = 50;

export const USERS_PAGE_QUERY = graphql(`
  query UsersPage($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...UsersTable_user
        }
      }
    }
  }
`);

const t = adminMessages.users;

/** アカウント (ADMIN): every account by e-mail address, and the form that makes a new one. */
export function UsersPage() {
  const query = useQuery(USERS_PAGE_QUERY, {
    variables: { first: USERS_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [moreFailed, setMoreFailed] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const list = query.data?.users;
  const loadingMore = query.networkStatus === NetworkStatus.fetchMore;

  const loadMore = () => {
    if (!list?.pageInfo.endCursor) return;
    setMoreFailed(false);
    query.fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
  };

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>

      <section className="page-section" aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t.listTitle}</h2>
        <p className="results__status" role="status">
          {list ? t.count(list.totalCount, list.edges.length) : query.loading ? t.loading : ""}
        </p>
        <div role="status" className="users-page__result">
          {result?.kind === "done" && (
            <div className="notice notice--success">
              <p>{result.message}</p>
              {result.secret && (
                <p>
                  <code className="users-page__secret">{result.secret}</code>
                </p>
              )}
            </div>
          )}
        </div>
        {result?.kind === "failed" && (
          <p className="notice notice--error" role="alert">
            {result.message}
          </p>
        )}
        {query.error && !list ? (
          <div className="notice notice--error" role="alert">
            <p>
              {t.loadError} {parseGraphQLError(query.error).message}
            </p>
            <button type="button" className="button" onClick={() => void query.refetch().catch(() => {})}>
              {t.retry}
            </button>
          </div>
        ) : list && list.edges.length === 0 ? (
          <p className="notice">{t.empty}</p>
        ) : list ? (
          <UsersTable users={list.edges.map((e) => e.node)} onResult={setResult} />
        ) : null}
        {list?.pageInfo.hasNextPage && (
          <div className="results__more">
            <button type="button" className="button" disabled={loadingMore} onClick={loadMore}>
              {t.loadMore}
            </button>
          </div>
        )}
        {moreFailed && (
          <p className="notice notice--error" role="alert">
            {t.loadMoreError}
          </p>
        )}
      </section>

      <section className="page-section" aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t.createTitle}</h2>
        <CreateUserForm titleId="create-user-title" />
      </section>
    </>
  );
}
