import { useState } from "react";
import { useSearchParams } from "react-router";
import { NetworkStatus } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { adminMessages, errorMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useCommittedValue } from "../../ui/use-committed-value";
import { AuditChainCheck } from "./AuditChainCheck";
import { auditFilterFromParams, auditFilterProblems, auditLogVariables, paramsFromAuditFilter } from "./audit-filter";
import { AuditFilterForm } from "./AuditFilterForm";
import { AuditLogTable } from "./AuditLogTable";
import { useUserChoices } from "./use-user-choices";

export const AUDIT_LOG_QUERY = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AuditLogTable_event
        }
      }
    }
  }
`);

const t = adminMessages.audit;

/**
 * 監査ログ (ADMIN): the whole filter lives in the URL, so a search can be bookmarked or sent to a colleague and
 * 戻る/進む step through earlier searches. Every page read is itself recorded by the server, so the list is always
 * read from the server (never from the cache), and an invalid filter is pointed out instead of being sent.
 */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  // The URL as committed, not as a navigation's transition render sees it: every read of this list is recorded.
  const filter = useCommittedValue(auditFilterFromParams(params), params.toString());
  const problems = auditFilterProblems(filter);
  const invalid = Object.keys(problems).length > 0;
  const choices = useUserChoices();
  const [moreFailed, setMoreFailed] = useState(false);

  const query = useQuery(AUDIT_LOG_QUERY, {
    variables: auditLogVariables(filter),
    skip: invalid,
    fetchPolicy: "network-only",
    notifyOnNetworkStatusChange: true,
  });
  const { data, error } = query;
  const list = data?.auditLog;
  const parsed = error ? parseGraphQLError(error) : null;
  const fieldErrors = invalid ? problems : (parsed?.fieldErrors ?? {});
  const loadingFirst = query.loading && query.networkStatus !== NetworkStatus.fetchMore;
  const loadingMore = query.networkStatus === NetworkStatus.fetchMore;

  const status =
    invalid || error ? "" : loadingFirst || !list ? t.loading : t.count(list.totalCount, list.edges.length);

  const loadMore = () => {
    if (!list?.pageInfo.endCursor) return;
    setMoreFailed(false);
    query.fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
  };

  return (
    <>
      <h1>{t.pageTitle}</h1>
      <p className="page-lead">{t.pageLead}</p>

      <AuditChainCheck />

      <AuditFilterForm
        filter={filter}
        users={choices.users}
        usersFailed={choices.failed}
        errors={fieldErrors}
        onApply={(next) => {
          setMoreFailed(false);
          setParams(paramsFromAuditFilter(next));
        }}
      />

      <section className="results" aria-label={t.listLabel} aria-busy={query.loading}>
        <p className="results__status" role="status">
          {status}
        </p>
        {invalid ? (
          <p className="notice notice--error" role="alert">
            {errorMessages.checkInput}
          </p>
        ) : error && !loadingFirst ? (
          <div className="notice notice--error" role="alert">
            <p>{parsed?.code === "NETWORK" ? `${t.loadError}${parsed.message}` : parsed?.message}</p>
            {parsed?.code !== "BAD_USER_INPUT" && (
              <button type="button" className="button" onClick={() => void query.refetch().catch(() => {})}>
                {t.retry}
              </button>
            )}
          </div>
        ) : list && !loadingFirst ? (
          list.edges.length === 0 ? (
            <p className="notice">{t.empty}</p>
          ) : (
            <AuditLogTable events={list.edges.map((e) => e.node)} currentPersonId={filter.personId} />
          )
        ) : null}
        {!invalid && !error && !loadingFirst && list?.pageInfo.hasNextPage && (
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
    </>
  );
}
