import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { RESOURCE_KIND_LABELS, RESOURCE_STATUS_LABELS, searchMessages } from "../../messages";
import { Highlighted } from "./Highlighted";
import { Verification } from "./Verification";

export const SEARCH_RESULT_CARD_FRAGMENT = graphql(`
  fragment SearchResultCard_edge on ResourceSearchEdge {
    distanceMeters
    highlight {
      name {
        match
        text
      }
      description {
        match
        text
      }
    }
    nextSession {
      date
      label
    }
    node {
      id
      name
      kind
      status
      openings
      costPerSessionYen
      verifiedAt
      scheduleText
      visitAllowed
      trialAllowed
      organization {
        id
        name
      }
    }
  }
`);

const t = searchMessages.card;

/** One result: what a coordinator scans for (when, where, free places, cost, distance, how fresh), and the link. */
export function SearchResultCard({
  edge: edgeRef,
  now,
}: {
  edge: FragmentType<typeof SEARCH_RESULT_CARD_FRAGMENT>;
  now: Date;
}) {
  const edge = useFragment(SEARCH_RESULT_CARD_FRAGMENT, edgeRef);
  const { node: resource, highlight, nextSession, distanceMeters } = edge;
  const location = useLocation();
  const headingId = `result-${resource.id}`;

  return (
    <article className="resource-card" aria-labelledby={headingId}>
      <header className="resource-card__header">
        <h3 className="resource-card__name" id={headingId}>
          {/* The search travels in history state, so the detail page can offer 「検索結果へ戻る」 with the same query.
              aria-label: the name read as one word, not split at the <mark>s (some engines pad element boundaries). */}
          <Link to={`/resources/${resource.id}`} state={{ search: location.search }} aria-label={resource.name}>
            <Highlighted segments={highlight.name} fallback={resource.name} />
          </Link>
        </h3>
        <p className="resource-card__kind">{RESOURCE_KIND_LABELS[resource.kind]}</p>
      </header>

      <ul className="badges" role="list">
        {resource.status !== "ACTIVE" && (
          <li className="badge badge--paused">{RESOURCE_STATUS_LABELS[resource.status]}</li>
        )}
        {resource.openings === 0 && <li className="badge badge--full">{t.full}</li>}
        {resource.openings != null && resource.openings > 0 && (
          <li className="badge badge--open">{t.openingsCount(resource.openings)}</li>
        )}
        <li className="badge badge--cost">
          {resource.costPerSessionYen === 0 ? t.free : t.costPerSession(resource.costPerSessionYen)}
        </li>
        {resource.visitAllowed && <li className="badge badge--cost">{t.visitAllowed}</li>}
        {resource.trialAllowed && <li className="badge badge--cost">{t.trialAllowed}</li>}
      </ul>

      <dl className="resource-card__facts">
        <Fact term={t.organization}>{resource.organization.name}</Fact>
        {resource.scheduleText && <Fact term={t.schedule}>{resource.scheduleText}</Fact>}
        <Fact term={t.nextSession}>
          {nextSession ? <time dateTime={nextSession.date}>{nextSession.label}</time> : t.nextSessionNone}
        </Fact>
        {distanceMeters != null && <Fact term={t.distance}>{t.distanceFrom(distanceMeters)}</Fact>}
      </dl>

      {highlight.description.length > 0 && (
        <p className="resource-card__excerpt">
          <Highlighted segments={highlight.description} />
        </p>
      )}

      <Verification verifiedAt={resource.verifiedAt} now={now} />
    </article>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
