import { useState } from "react";
import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { graphql } from "../../gql";
import { commonMessages, hostMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { HostListingForm } from "./HostListingForm";
import { VerifyListing } from "./VerifyListing";
import { VerificationRequestNotice } from "./VerificationRequestNotice";

const HOST_LISTING = graphql(`
  query HostListing($id: ID!) {
    resource(id: $id) {
      id
      name
      viewerCan {
        update
        verify
      }
      verifiedAt
      openVerificationRequest {
        ...VerificationRequestNotice_request
      }
      ...HostListingForm_resource
    }
  }
`);

const t = hostMessages.listing;

/** A host's own listing: openings, status and schedule, and 「掲載内容を確認しました」. */
export function HostListingPage() {
  const { resourceId = "" } = useParams();
  const { data, loading, error } = useQuery(HOST_LISTING, { variables: { id: resourceId } });
  const [saved, setSaved] = useState(false);

  const back = (
    <p className="back-link">
      <Link to="/host">{t.backToPortal}</Link>
    </p>
  );
  if (loading && !data) return <p role="status">{commonMessages.loading}</p>;
  if (error || !data) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        {back}
        <h1>{notFound ? commonMessages.notFound : hostMessages.portalHeading}</h1>
        <p className="notice notice--error" role="alert">
          {notFound ? commonMessages.notFound : commonMessages.loadError}
        </p>
      </>
    );
  }

  const resource = data.resource;
  return (
    <div className="host-page">
      {back}
      <h1>{resource.name}</h1>
      <p>
        <Link to={`/resources/${resource.id}`}>{t.viewPublic}</Link>
      </p>
      {resource.openVerificationRequest && <VerificationRequestNotice request={resource.openVerificationRequest} />}
      <p role="status">{saved ? t.saved : ""}</p>
      {resource.viewerCan.update ? (
        <HostListingForm
          key={resource.id}
          resource={resource}
          onSaving={() => setSaved(false)}
          onSaved={() => setSaved(true)}
        />
      ) : (
        <p className="notice" role="alert">
          {t.notEditable}
        </p>
      )}
      {resource.viewerCan.verify && <VerifyListing resourceId={resource.id} verifiedAt={resource.verifiedAt} />}
    </div>
  );
}
