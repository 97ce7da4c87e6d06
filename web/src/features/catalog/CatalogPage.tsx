import { useState } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { ResourceKind } from "../../gql/graphql";
import { RESOURCE_KIND_LABELS, catalogMessages, commonMessages } from "../../messages";
import { ErrorSummary } from "../../ui/error-summary";
import { Field } from "../../ui/form-fields";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { useAreas } from "../resources/use-areas";
import { StaleListingRow } from "./StaleListingRow";
import { useOrganizationChoices } from "./OrganizationPicker";

const STALE_QUEUE = graphql(`
  query StaleQueue($kinds: [ResourceKind!], $areaIds: [ID!], $organizationId: ID, $after: String) {
    staleResources(kinds: $kinds, areaIds: $areaIds, organizationId: $organizationId, first: 50, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          ...StaleListingRow_resource
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const REQUEST_VERIFICATION = graphql(`
  mutation RequestVerification($input: RequestVerificationInput!) {
    requestResourceVerification(input: $input) {
      requestedCount
      alreadyOpenCount
      resources {
        id
        ...StaleListingRow_resource
      }
    }
  }
`);

const t = catalogMessages;
const q = catalogMessages.queue;
const KINDS = Object.entries(RESOURCE_KIND_LABELS) as [ResourceKind, string][];

/**
 * 資源の管理: 資源を登録する, and the stale-listing queue (oldest verification first, narrowed by 種類 / 地区 / 団体)
 * from which coordinators send 「確認を依頼」 to the hosts of the listings they tick.
 */
export function CatalogPage() {
  const [kind, setKind] = useState<ResourceKind | "">("");
  const [areaId, setAreaId] = useState("");
  const [organizationId, setOrganizationId] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ParsedError | null>(null);
  const [moreFailed, setMoreFailed] = useState(false);
  const { areas } = useAreas();
  const organizations = useOrganizationChoices("");
  const query = useQuery(STALE_QUEUE, {
    variables: {
      kinds: kind ? [kind] : null,
      areaIds: areaId ? [areaId] : null,
      organizationId: organizationId || null,
    },
    notifyOnNetworkStatusChange: true,
  });
  const [request, requesting] = useMutation(REQUEST_VERIFICATION);
  const list = query.data?.staleResources;
  const shown = list?.edges.map((e) => e.node) ?? [];
  const allSelected = shown.length > 0 && shown.every((r) => selected.has(r.id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const filter = (apply: () => void) => {
    apply();
    setSelected(new Set());
  };
  const send = async () => {
    setStatus("");
    setFailure(null);
    try {
      const result = await request({
        variables: { input: { resourceIds: [...selected], message: message.trim() || null } },
      });
      const payload = result.data!.requestResourceVerification;
      setStatus(q.requestedResult(payload.requestedCount, payload.alreadyOpenCount));
      setSelected(new Set());
      setMessage("");
    } catch (e) {
      setFailure(parseGraphQLError(e));
    }
  };
  const more = () => {
    if (!list?.pageInfo.endCursor) return;
    setMoreFailed(false);
    query.fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => setMoreFailed(true));
  };

  return (
    <>
      <h1>{t.navHeading}</h1>
      <p>
        <Link className="button" to="/catalog/listings/new">
          {t.newListing}
        </Link>{" "}
        <Link className="button button--secondary" to="/catalog/organizations">
          {t.organizations.heading}
        </Link>
      </p>

      <section className="page-section" aria-labelledby="stale-heading">
        <h2 id="stale-heading">{q.heading}</h2>
        <p className="page-lead">{q.lead}</p>
        <fieldset className="filter-row">
          <legend>{q.filters}</legend>
          <Field label={q.kind}>
            {(p) => (
              <select
                {...p}
                className="field__control"
                value={kind}
                onChange={(e) => filter(() => setKind(e.target.value as ResourceKind | ""))}
              >
                <option value="">{q.all}</option>
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={q.area}>
            {(p) => (
              <select
                {...p}
                className="field__control"
                value={areaId}
                onChange={(e) => filter(() => setAreaId(e.target.value))}
              >
                <option value="">{q.all}</option>
                {areas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={q.organization}>
            {(p) => (
              <select
                {...p}
                className="field__control"
                value={organizationId}
                onChange={(e) => filter(() => setOrganizationId(e.target.value))}
              >
                <option value="">{q.all}</option>
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <p role="status" className={status ? "notice notice--success" : "visually-hidden"}>
          {status}
        </p>
        {failure && <ErrorSummary>{failure.message}</ErrorSummary>}
        {query.error && !list && (
          <p className="notice notice--error" role="alert">
            {commonMessages.loadError}
          </p>
        )}
        {!list && query.loading && <p role="status">{t.loading}</p>}
        {list && (
          <>
            <p>{q.count(list.totalCount, shown.length)}</p>
            {shown.length === 0 ? (
              <p>{q.none}</p>
            ) : (
              <>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(shown.map((r) => r.id)) : new Set())}
                  />
                  <span>{q.selectAll}</span>
                </label>
                <ul className="stale-list" role="list">
                  {list.edges.map(({ node }) => (
                    <StaleListingRow
                      key={node.id}
                      resource={node}
                      selected={selected.has(node.id)}
                      onSelect={(on) => toggle(node.id, on)}
                    />
                  ))}
                </ul>
              </>
            )}
            {list.pageInfo.hasNextPage && (
              <p>
                <button type="button" className="button button--secondary" onClick={more} disabled={query.loading}>
                  {query.loading ? q.loadingMore : q.more}
                </button>
              </p>
            )}
            {moreFailed && (
              <p className="notice notice--error" role="alert">
                {q.moreFailed}
              </p>
            )}
          </>
        )}
        <div className="stale-request">
          <Field label={q.message}>
            {(p) => (
              <textarea
                {...p}
                className="field__control"
                rows={2}
                maxLength={500}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className="button"
            disabled={selected.size === 0 || requesting.loading}
            onClick={() => void send()}
          >
            {requesting.loading ? q.requesting : q.request(selected.size)}
          </button>
        </div>
      </section>
    </>
  );
}
