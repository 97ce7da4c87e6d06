import type { ReactNode } from "react";
import { gql } from "@apollo/client";
import {
  RESOURCE_KIND_LABELS, RESOURCE_STATUS_LABELS, TARGET_GROUP_LABELS, daysBetween, formatDate, searchMessages as messages,
  type ResourceKind, type ResourceStatus, type TargetGroup,
} from "../../messages";

/** The card's own data needs; the list query spreads it, so adding a field here needs no change there. */
export const RESOURCE_CARD_FRAGMENT = gql`
  fragment ResourceCard_resource on Resource {
    id
    name
    nameKana
    kind
    status
    targetGroups
    openings
    capacity
    costPerSessionYen
    verifiedAt
    venueName
    scheduleText
    nextSessions(count: 1) {
      date
      label
    }
    organization {
      id
      name
    }
    areas {
      id
      name
    }
  }
`;

// Hand-written to match the fragment until client codegen from schema/schema.graphql lands.
export interface ResourceCardResource {
  id: string;
  name: string;
  nameKana: string;
  kind: ResourceKind;
  status: ResourceStatus;
  targetGroups: TargetGroup[];
  openings: number | null;
  capacity: number | null;
  costPerSessionYen: number;
  verifiedAt: string | null;
  venueName: string | null;
  scheduleText: string;
  nextSessions: { date: string; label: string }[];
  organization: { id: string; name: string };
  areas: { id: string; name: string }[];
}

/** A listing not confirmed by a person for this long is flagged: opening hours and openings go out of date. */
export const STALE_AFTER_DAYS = 180;

const t = messages.card;

export function ResourceCard({ resource, now = new Date() }: { resource: ResourceCardResource; now?: Date }) {
  const headingId = `resource-${resource.id}-name`;
  const next = resource.nextSessions[0];
  const areas = resource.areas.map((a) => a.name).join("、");
  const targets = resource.targetGroups.map((g) => TARGET_GROUP_LABELS[g] ?? g).join("、");

  return (
    <article className="resource-card" aria-labelledby={headingId}>
      <header className="resource-card__header">
        <p className="resource-card__kind">{RESOURCE_KIND_LABELS[resource.kind] ?? resource.kind}</p>
        <h2 className="resource-card__name" id={headingId}>{resource.name}</h2>
        <p className="resource-card__kana">{resource.nameKana}</p>
      </header>

      <ul className="badges" role="list">
        {resource.status !== "ACTIVE" && (
          <li className="badge badge--paused">{RESOURCE_STATUS_LABELS[resource.status]}</li>
        )}
        {resource.openings === 0 && <li className="badge badge--full">{t.full}</li>}
        {resource.openings != null && resource.openings > 0 && (
          <li className="badge badge--open">{t.openingsAvailable}</li>
        )}
        <li className="badge badge--cost">
          {resource.costPerSessionYen === 0 ? t.free : t.costPerSession(resource.costPerSessionYen)}
        </li>
      </ul>

      <dl className="resource-card__facts">
        <Fact term={t.organization}>{resource.organization.name}</Fact>
        {areas && <Fact term={t.areas}>{areas}</Fact>}
        {targets && <Fact term={t.targetGroups}>{targets}</Fact>}
        {resource.scheduleText && <Fact term={t.schedule}>{resource.scheduleText}</Fact>}
        <Fact term={t.nextSession}>
          {next ? <time dateTime={next.date}>{next.label}</time> : t.nextSessionNone}
        </Fact>
        {resource.venueName && <Fact term={t.venue}>{resource.venueName}</Fact>}
      </dl>

      <Verification verifiedAt={resource.verifiedAt} now={now} />
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Verification({ verifiedAt, now }: { verifiedAt: string | null; now: Date }) {
  if (!verifiedAt) {
    return (
      <p className="verification verification--stale">
        <span aria-hidden="true">⚠ </span>
        <span>{t.notVerified}</span>
      </p>
    );
  }
  const days = Math.max(0, daysBetween(verifiedAt, now));
  const stale = days > STALE_AFTER_DAYS;
  // The warning is words as well as colour, so it is not lost on a monochrome printout or to a screen reader.
  return (
    <p className={stale ? "verification verification--stale" : "verification"}>
      {stale && <span aria-hidden="true">⚠ </span>}
      <span>{t.verifiedDaysAgo(days)}</span>{" "}
      <span className="verification__date">
        (<time dateTime={verifiedAt}>{t.verifiedOn(formatDate(verifiedAt))}</time>)
      </span>
      {stale && (
        <>
          {" "}
          <strong className="verification__warning">{t.staleWarning}</strong>
        </>
      )}
    </p>
  );
}
