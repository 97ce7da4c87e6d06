import { useId } from "react";
import { useLazyQuery } from "@apollo/client/react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { AUDIT_CHAIN_BREAK_LABELS, adminMessages, formatDateTime } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";

export const AUDIT_CHAIN_RESULT_FRAGMENT = graphql(`
  fragment AuditChainResult_status on AuditChainStatus {
    intact
    checkedCount
    checkedAt
    firstBreak {
      kind
      seq
      eventId
      occurredAt
    }
  }
`);

export const AUDIT_CHAIN_STATUS_QUERY = graphql(`
  query AuditChainStatus {
    auditChainStatus {
      ...AuditChainResult_status
    }
  }
`);

const t = adminMessages.audit.chain;

/** What one check found, in words: intact with the count, or the first broken row (time, id, position, reason). */
function AuditChainResult({ status: ref }: { status: FragmentType<typeof AUDIT_CHAIN_RESULT_FRAGMENT> }) {
  const status = useFragment(AUDIT_CHAIN_RESULT_FRAGMENT, ref);
  const checkedAt = <p className="audit-chain__when">{t.checkedAt(formatDateTime(status.checkedAt))}</p>;
  const b = status.firstBreak;
  if (status.intact || !b) {
    return (
      <div className="notice notice--success">
        <p>
          <strong>{t.intact(status.checkedCount)}</strong>
        </p>
        {checkedAt}
      </div>
    );
  }
  return (
    <div className="notice notice--error">
      <p>
        <strong>{t.broken}</strong>
      </p>
      <p>{t.brokenLead}</p>
      <dl className="audit-chain__break">
        <dt>{t.occurredAt}</dt>
        <dd>{b.occurredAt ? formatDateTime(b.occurredAt) : t.unknown}</dd>
        <dt>{t.eventId}</dt>
        <dd>{b.eventId ? <code>{b.eventId}</code> : t.unknown}</dd>
        <dt>{t.seq}</dt>
        <dd>{b.seq}</dd>
        <dt>{t.reason}</dt>
        <dd>{AUDIT_CHAIN_BREAK_LABELS[b.kind]}</dd>
      </dl>
      <p>{t.afterBroken(status.checkedCount)}</p>
      {checkedAt}
    </div>
  );
}

/**
 * 改ざんの確認: asks the server to walk the audit log's whole hash chain (each click is a new check, and is itself
 * recorded), and says whether it holds or where it first breaks.
 */
export function AuditChainCheck() {
  const headingId = useId();
  const [check, { data, loading, error }] = useLazyQuery(AUDIT_CHAIN_STATUS_QUERY, {
    fetchPolicy: "network-only",
    notifyOnNetworkStatusChange: true,
  });
  const parsed = error ? parseGraphQLError(error) : null;
  return (
    <section className="audit-chain" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p className="section-lead">{t.lead}</p>
      <button type="button" className="button" disabled={loading} onClick={() => void check().catch(() => {})}>
        {t.check}
      </button>
      <div className="audit-chain__result" aria-live="polite">
        {loading ? (
          <p>{t.checking}</p>
        ) : parsed ? (
          <p className="notice notice--error" role="alert">
            {parsed.code === "NETWORK" ? `${t.failed}${parsed.message}` : parsed.message}
          </p>
        ) : data ? (
          <AuditChainResult status={data.auditChainStatus} />
        ) : null}
      </div>
    </section>
  );
}
