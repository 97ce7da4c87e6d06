import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { GapCard_ResourceGapFragment } from "../../gql/graphql";
import { RESOURCE_GAP_STATUS_LABELS, TARGET_GROUP_LABELS, formatDate, gapsMessages as m } from "../../messages";
import { GapStatusMove } from "./GapStatusMove";

export const GAP_CARD_FRAGMENT = graphql(`
  fragment GapCard_resourceGap on ResourceGap {
    id
    need
    status
    nextStatuses
    targetGroups
    searchText
    statusNote
    version
    createdAt
    updatedAt
    area {
      id
      name
    }
    resolvedResource {
      id
      name
    }
  }
`);

const STATUS_BADGE: Record<GapCard_ResourceGapFragment["status"], string> = {
  IDENTIFIED: "badge badge--warn",
  DISCUSSING: "badge badge--paused",
  DEVELOPING: "badge badge--paused",
  RESOLVED: "badge badge--open",
  DEFERRED: "badge badge--full",
};

/** One unmet need: what is missing, for whom, where; its progress; and (for coordinators) the next steps. */
export function GapCard({
  gap: gapRef,
  canEdit,
  onMoved,
}: {
  gap: FragmentType<typeof GAP_CARD_FRAGMENT>;
  canEdit: boolean;
  onMoved: (message: string) => void;
}) {
  const gap = useFragment(GAP_CARD_FRAGMENT, gapRef);
  const headingId = `gap-${gap.id}`;
  return (
    <article className="gap-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="gap-card__need">
        {gap.need}
      </h3>
      <p>
        <span className={STATUS_BADGE[gap.status]}>{RESOURCE_GAP_STATUS_LABELS[gap.status]}</span>
      </p>
      <dl className="facts">
        {gap.targetGroups.length > 0 && (
          <div className="fact">
            <dt>{m.targetGroups}</dt>
            <dd>{gap.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join("、")}</dd>
          </div>
        )}
        <div className="fact">
          <dt>{m.area}</dt>
          <dd>{gap.area?.name ?? m.areaNone}</dd>
        </div>
        {gap.searchText && (
          <div className="fact">
            <dt>{m.searchText}</dt>
            <dd>{gap.searchText}</dd>
          </div>
        )}
        {gap.statusNote && (
          <div className="fact">
            <dt>{m.statusNote}</dt>
            <dd>{gap.statusNote}</dd>
          </div>
        )}
        {gap.resolvedResource && (
          <div className="fact">
            <dt>{m.resolvedResource}</dt>
            <dd>
              <Link to={`/resources/${gap.resolvedResource.id}`}>{gap.resolvedResource.name}</Link>
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>{m.raisedOn}</dt>
          <dd>
            <time dateTime={gap.createdAt}>{formatDate(gap.createdAt)}</time>
          </dd>
        </div>
        <div className="fact">
          <dt>{m.updatedOn}</dt>
          <dd>
            <time dateTime={gap.updatedAt}>{formatDate(gap.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      {canEdit && gap.nextStatuses.length > 0 && <GapStatusMove gap={gap} onMoved={onMoved} />}
    </article>
  );
}
