import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { RESOURCE_KIND_LABELS, catalogMessages, formatDate } from "../../messages";
import { Verification } from "../resources/Verification";

export const STALE_LISTING_ROW_FRAGMENT = graphql(`
  fragment StaleListingRow_resource on Resource {
    id
    name
    kind
    verifiedAt
    organization {
      id
      name
    }
    openVerificationRequest {
      id
      requestedAt
      requestedByName
    }
  }
`);

const q = catalogMessages.queue;

/** One listing of the stale queue: a checkbox to include it in 「確認を依頼」, its host, and how old its check is. */
export function StaleListingRow({
  resource: ref,
  selected,
  onSelect,
}: {
  resource: FragmentType<typeof STALE_LISTING_ROW_FRAGMENT>;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const resource = useFragment(STALE_LISTING_ROW_FRAGMENT, ref);
  const open = resource.openVerificationRequest;
  return (
    <li className="stale-list__item">
      <label className="choice">
        <input
          type="checkbox"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={q.select(resource.name)}
        />
      </label>
      <div>
        <p className="host-card__kind">{RESOURCE_KIND_LABELS[resource.kind]}</p>
        <h3 className="host-card__title">
          <Link to={`/resources/${resource.id}`}>{resource.name}</Link>
        </h3>
        <p>
          {q.host}: {resource.organization.name}
        </p>
        <Verification verifiedAt={resource.verifiedAt} />
        {open && (
          <p className="badge badge--paused">
            {q.requested(formatDate(open.requestedAt), open.requestedByName ?? null)}
          </p>
        )}
      </div>
    </li>
  );
}
