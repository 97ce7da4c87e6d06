import { useQuery } from "@apollo/client/react";
import { Link, useNavigate, useParams } from "react-router";
import { graphql } from "../../gql";
import { catalogMessages as t } from "../../messages";
import { flashState } from "../../ui/flash-status";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { ListingForm } from "./ListingForm";

const LISTING_EDIT = graphql(`
  query ListingEdit($id: ID!) {
    resource(id: $id) {
      id
      name
      version
      viewerCan {
        update
      }
      ...ListingForm_resource
    }
  }
`);

/** 資源の編集 for coordinators and administrators: every field group, saved with the version it was loaded at. */
export function ListingEditPage() {
  const { resourceId = "" } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(LISTING_EDIT, { variables: { id: resourceId } });
  const back = (
    <p className="back-link">
      <Link to={`/resources/${resourceId}`}>{t.backToListing}</Link>
    </p>
  );
  if (loading && !data) return <p role="status">{t.loading}</p>;
  const resource = data?.resource;
  if (!resource) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        {back}
        <h1>{t.navHeading}</h1>
        <p className="notice notice--error" role="alert">
          {notFound ? t.notFound : t.loadError}
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <h1>{t.editPageTitle(resource.name)}</h1>
      {resource.viewerCan.update ? (
        // Keyed by version: after 「読み込み直す」 the form starts again from what is saved now.
        <ListingForm
          key={resource.version}
          resource={resource}
          onReload={() => void refetch().catch(() => {})}
          onSaved={(id) => void navigate(`/resources/${id}`, { state: flashState(t.saved) })}
        />
      ) : (
        <p className="notice notice--error" role="alert">
          {t.forbidden}
        </p>
      )}
    </>
  );
}
