import { useEffect, useRef } from "react";
import { Link, useLocation } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { formatCalendarDate, matchingMessages } from "../../messages";
import { ENDED_STAGES, daysInStage, nextFollowUp } from "./board-model";
import { MatchTransitions } from "./MatchTransitions";

export const MATCH_CARD_FRAGMENT = graphql(`
  fragment MatchCard_match on Match {
    id
    stage
    stageLabel
    firstStartedOn
    person {
      id
      displayName
    }
    resource {
      id
      name
    }
    organization {
      id
      name
    }
    coordinator {
      id
      displayName
    }
    history {
      id
      toStage
      effectiveOn
    }
    followUpDues {
      id
      dueOn
      status
    }
    ...MatchTransitions_match
  }
`);

const t = matchingMessages.card;

/** Where the follow-up form should come back to: the page the card is on. */
export function followUpPath(matchId: string, from: string, dueId?: string): string {
  const params = new URLSearchParams({ from });
  if (dueId) params.set("due", dueId);
  return `/matches/${matchId}/follow-up?${params.toString()}`;
}

/**
 * One match: who, where, how long in this stage, the next follow-up (overdue said in words, not only colour), the
 * moves the server allows, and 「フォローアップを記録」 once participation has started.
 */
export function MatchCard({
  match: matchRef,
  today,
  focused = false,
  showOpenLink = false,
  headingLevel = 4,
  onMoved,
}: {
  match: FragmentType<typeof MATCH_CARD_FRAGMENT>;
  /** The card's heading level under the page's own headings (the board nests it under group and stage). */
  headingLevel?: 3 | 4;
  today: string;
  focused?: boolean;
  showOpenLink?: boolean;
  onMoved?: (message: string) => void;
}) {
  const match = useFragment(MATCH_CARD_FRAGMENT, matchRef);
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const days = daysInStage(match, today);
  const next = nextFollowUp(match.followUpDues, today);
  const overdue = next !== null && next.overdueDays > 0;
  const Heading = headingLevel === 3 ? "h3" : "h4";

  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.scrollIntoView?.({ block: "center", inline: "center" });
    ref.current.focus();
  }, [focused]);

  return (
    <article
      ref={ref}
      className={`match-card${overdue ? " match-card--overdue" : ""}${focused ? " match-card--focused" : ""}`}
      aria-label={t.label(match.person.displayName, match.resource.name)}
      tabIndex={focused ? -1 : undefined}
    >
      {showOpenLink ? (
        // On the person's own page the place is what tells their matches apart.
        <>
          <Heading className="match-card__person">
            <Link to={`/resources/${match.resource.id}`}>{match.resource.name}</Link>
          </Heading>
          <p className="match-card__stage">{match.stageLabel}</p>
        </>
      ) : (
        <>
          <Heading className="match-card__person">
            <Link to={`/people/${match.person.id}`}>{match.person.displayName}</Link>
          </Heading>
          <p className="match-card__resource">
            <span className="visually-hidden">{t.resource}: </span>
            <Link to={`/resources/${match.resource.id}`}>{match.resource.name}</Link>
          </p>
        </>
      )}
      <dl className="match-card__facts">
        {match.organization.name !== match.resource.name && (
          <div>
            <dt>{t.host}</dt>
            <dd>{match.organization.name}</dd>
          </div>
        )}
        {match.coordinator && (
          <div>
            <dt>{t.coordinator}</dt>
            <dd>{match.coordinator.displayName}</dd>
          </div>
        )}
        <div>
          <dt>{t.nextFollowUp}</dt>
          <dd>{next ? <time dateTime={next.dueOn}>{formatCalendarDate(next.dueOn)}</time> : t.noFollowUp}</dd>
        </div>
      </dl>
      {days !== null && <p className="match-card__days">{t.daysInStage(days)}</p>}
      {overdue && (
        <p className="match-card__overdue">
          <span aria-hidden="true">⚠ </span>
          <strong>{t.overdue}</strong> {t.overdueDays(next.overdueDays)}
        </p>
      )}
      <MatchTransitions match={match} onMoved={onMoved} />
      <p className="match-card__links">
        {match.firstStartedOn && (
          <Link
            className="button button--small"
            to={followUpPath(match.id, `${location.pathname}${location.search}`, next?.dueId)}
          >
            {t.recordFollowUp}
          </Link>
        )}
        {showOpenLink && (
          <Link to={`/matches?focus=${match.id}${ENDED_STAGES.includes(match.stage) ? "&ended=1" : ""}`}>
            {matchingMessages.openOnBoard}
          </Link>
        )}
      </p>
    </article>
  );
}
