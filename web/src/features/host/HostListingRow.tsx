import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { RESOURCE_KIND_LABELS, RESOURCE_STATUS_LABELS, hostMessages as m } from "../../messages";
import { Verification } from "../resources/Verification";
import { VerificationRequestNotice } from "./VerificationRequestNotice";

export const HOST_LISTING_ROW_FRAGMENT = graphql(`
  fragment HostListingRow_resource on Resource {
    id
    name
    kind
    status
    openings
    scheduleText
    verifiedAt
    openVerificationRequest {
      ...VerificationRequestNotice_request
    }
  }
`);

/** One of the host's listings: a big link to edit it, with what most often goes stale (openings, verification). */
export function HostListingRow({
  resource: resourceRef,
}: {
  resource: FragmentType<typeof HOST_LISTING_ROW_FRAGMENT>;
}) {
  const resource = useFragment(HOST_LISTING_ROW_FRAGMENT, resourceRef);
  return (
    <li className="host-card">
      <p className="host-card__kind">{RESOURCE_KIND_LABELS[resource.kind]}</p>
      <h3 className="host-card__title">
        <Link to={`/host/listings/${resource.id}`}>{resource.name}</Link>
      </h3>
      <ul className="badges" role="list">
        <li className={resource.status === "ACTIVE" ? "badge badge--open" : "badge badge--paused"}>
          {RESOURCE_STATUS_LABELS[resource.status]}
        </li>
        <li className={resource.openings === 0 ? "badge badge--full" : "badge badge--cost"}>
          {m.listingOpenings(resource.openings)}
        </li>
      </ul>
      {resource.scheduleText && <p className="host-card__line">{resource.scheduleText}</p>}
      <Verification verifiedAt={resource.verifiedAt} />
      {resource.openVerificationRequest && <VerificationRequestNotice request={resource.openVerificationRequest} />}
    </li>
  );
}
