import { useQuery } from "@apollo/client/react";
import { Link, useLocation, useParams } from "react-router";
import { graphql } from "../../gql";
import { useViewer } from "../../app/viewer";
import { RESOURCE_KIND_LABELS, RESOURCE_STATUS_LABELS, commonMessages, searchMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { ResourceFacts } from "./ResourceFacts";
import { NextSessions } from "./NextSessions";
import { Verification } from "./Verification";
import { SourceCredit } from "../catalog-import/SourceCredit";
import { FlashStatus } from "../../ui/flash-status";
import { CatalogTools } from "../catalog/CatalogTools";

const RESOURCE_DETAIL = graphql(`
  query ResourceDetail($id: ID!) {
    resource(id: $id) {
      id
      name
      nameKana
      kind
      status
      description
      verifiedAt
      viewerCan {
        update
      }
      ...ResourceFacts_resource
      ...NextSessions_resource
      ...SourceCredit_resource
    }
  }
`);

const t = searchMessages.detail;

/** Where 「検索結果へ戻る」 leads: the search the card was opened from (kept in history state), else a fresh search. */
function searchBackLink(state: unknown): string | null {
  const search = (state as { search?: unknown } | null)?.search;
  return typeof search === "string" ? `/resources${search}` : null;
}

/** 資源の詳細: everything a coordinator needs to decide, in words; the schedule as the server writes it. */
export function ResourceDetailPage() {
  const { resourceId = "" } = useParams();
  const location = useLocation();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(RESOURCE_DETAIL, { variables: { id: resourceId } });
  const back = searchBackLink(location.state);

  const backLink = (
    <p className="back-link">
      <Link to={back ?? "/resources"}>{back ? t.backToResults : t.backToSearch}</Link>
    </p>
  );

  if (loading && !data) return <p role="status">{commonMessages.loading}</p>;
  if (error || !data) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        {backLink}
        <h1>{notFound ? commonMessages.notFound : searchMessages.pageHeading}</h1>
        <div className="notice notice--error" role="alert">
          <p>{notFound ? t.notFound : commonMessages.loadError}</p>
          {!notFound && (
            <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
              {commonMessages.retry}
            </button>
          )}
        </div>
      </>
    );
  }

  const resource = data.resource;
  const canEdit = viewer?.role === "HOST" && resource.viewerCan.update;
  const staff = viewer?.role === "ADMIN" || viewer?.role === "COORDINATOR";
  return (
    <article className="resource-detail" aria-labelledby="resource-name">
      {backLink}
      <FlashStatus />
      <header className="resource-detail__header">
        <p className="resource-detail__kind">{RESOURCE_KIND_LABELS[resource.kind]}</p>
        <h1 id="resource-name">{resource.name}</h1>
        <p className="resource-detail__kana">{resource.nameKana}</p>
        {resource.status !== "ACTIVE" && (
          <p>
            <span className="badge badge--paused">{RESOURCE_STATUS_LABELS[resource.status]}</span>
          </p>
        )}
        <Verification verifiedAt={resource.verifiedAt} />
        {canEdit && (
          <p>
            <Link className="button button--secondary" to={`/host/listings/${resource.id}`}>
              {t.editListing}
            </Link>
          </p>
        )}
      </header>

      {resource.description && <p className="resource-detail__description">{resource.description}</p>}

      <NextSessions resource={resource} />
      <ResourceFacts resource={resource} />
      <SourceCredit resource={resource} />
      {staff && <CatalogTools resourceId={resource.id} canEdit={resource.viewerCan.update} />}
    </article>
  );
}
