import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../../gql";
import { useViewer } from "../../app/viewer";
import { commonMessages, hostMessages as m } from "../../messages";
import { HostListingRow } from "./HostListingRow";
import { HostReferralRow } from "./HostReferralRow";

const HOST_PORTAL = graphql(`
  query HostPortal($organizationId: ID!) {
    resources(organizationId: $organizationId, statuses: [ACTIVE, PAUSED, ENDED], first: 100) {
      totalCount
      edges {
        cursor
        node {
          id
          openVerificationRequest {
            id
          }
          ...HostListingRow_resource
        }
      }
    }
    myReferrals {
      id
      ...HostReferralRow_referral
    }
  }
`);

/** 受け入れ先ポータル: the host's own listings (to keep current) and the people referred to it. */
export function HostPortalPage() {
  const { viewer } = useViewer();
  const organization = viewer?.organization ?? null;
  const { data, loading, error, refetch } = useQuery(HOST_PORTAL, {
    variables: { organizationId: organization?.id ?? "" },
    skip: !organization,
  });

  const waiting = data?.resources.edges.filter((e) => e.node.openVerificationRequest).length ?? 0;

  return (
    <div className="host-page">
      <h1>{m.portalHeading}</h1>
      {organization ? (
        <p className="page-lead">{m.portalLead(organization.name)}</p>
      ) : (
        <p className="notice" role="alert">
          {m.noOrganization}
        </p>
      )}
      {loading && !data && <p role="status">{commonMessages.loading}</p>}
      {error && !data && (
        <div className="notice notice--error" role="alert">
          <p>{commonMessages.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
            {commonMessages.retry}
          </button>
        </div>
      )}
      {data && (
        <>
          <section className="host-section" aria-labelledby="host-listings">
            <h2 id="host-listings">{m.listingsHeading}</h2>
            {waiting > 0 && (
              <p className="notice" role="status">
                {m.verificationRequestsWaiting(waiting)}
              </p>
            )}
            {data.resources.edges.length === 0 ? (
              <p>{m.listingsNone}</p>
            ) : (
              <ul className="host-list" role="list">
                {data.resources.edges.map(({ node }) => (
                  <HostListingRow key={node.id} resource={node} />
                ))}
              </ul>
            )}
          </section>
          <section className="host-section" aria-labelledby="host-referrals">
            <h2 id="host-referrals">{m.referralsHeading}</h2>
            {data.myReferrals.length === 0 ? (
              <p>{m.referralsNone}</p>
            ) : (
              <ul className="host-list" role="list">
                {data.myReferrals.map((referral) => (
                  <HostReferralRow key={referral.id} referral={referral} />
                ))}
              </ul>
            )}
          </section>
          <p>
            <Link to="/resources">{commonMessages.nav.search}</Link>
          </p>
        </>
      )}
    </div>
  );
}
