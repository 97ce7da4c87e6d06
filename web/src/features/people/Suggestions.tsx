import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { MatchStage, SuggestionsQuery } from "../../gql/graphql";
import { MATCH_STAGE_LABELS, RESOURCE_KIND_LABELS, peopleMessages } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { useCreateMatch } from "../matching/use-create-match";

export const SUGGESTION_COUNT = 10;

export const SUGGESTIONS_QUERY = graphql(`
  query Suggestions($personId: ID!, $first: Int!) {
    suggestResources(personId: $personId, first: $first) {
      degraded
      totalCandidates
      searchArea
      basisNote
      suggestions {
        score
        isService
        distanceMeters
        nextSession {
          date
          label
        }
        reasons {
          code
          text
          points
        }
        resource {
          id
          name
          kind
          scheduleText
          organization {
            id
            name
          }
        }
      }
      excluded {
        distanceMeters
        reasons {
          code
          text
        }
        resource {
          id
          name
          kind
        }
      }
    }
  }
`);

const t = peopleMessages.suggestions;
type Suggestion = SuggestionsQuery["suggestResources"]["suggestions"][number];

/**
 * おすすめの資源 with the server's reasons and their points, and 「この資源を提案」, which starts a match (候補) for
 * the pair: places to go first, then services the person would receive (isService), each in the server's order. The
 * area searched and, for an empty needs form, what the order rests on are said above the list. Resources left out
 * are listed under a disclosure, each with why.
 */
export function Suggestions({
  personId,
  inProgress,
}: {
  personId: string;
  inProgress: ReadonlyMap<string, MatchStage>;
}) {
  const { data, loading, error, refetch } = useQuery(SUGGESTIONS_QUERY, {
    variables: { personId, first: SUGGESTION_COUNT },
  });
  const [status, setStatus] = useState("");
  const result = data?.suggestResources;
  const places = result?.suggestions.filter((s) => !s.isService) ?? [];
  const services = result?.suggestions.filter((s) => s.isService) ?? [];
  const list = (items: Suggestion[], labelledBy?: string) => (
    <ol className="suggestion-list" role="list" aria-labelledby={labelledBy}>
      {items.map((s) => (
        <li key={s.resource.id}>
          <SuggestionCard
            personId={personId}
            suggestion={s}
            stage={inProgress.get(s.resource.id) ?? null}
            onProposed={setStatus}
          />
        </li>
      ))}
    </ol>
  );

  return (
    <>
      <p className="section-lead">{t.lead}</p>
      <p className="results__status" role="status">
        {status || (loading ? t.loading : result ? t.count(result.suggestions.length, result.totalCandidates) : "")}
      </p>
      {result && (
        <p className="suggestion__meta">
          {t.searchArea}: {result.searchArea}
        </p>
      )}
      {result?.basisNote && <p className="notice">{result.basisNote}</p>}
      {result?.degraded && (
        <p className="notice notice--warn" role="alert">
          {t.degraded}
        </p>
      )}
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{t.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
            {t.retry}
          </button>
        </div>
      )}
      {result && result.suggestions.length === 0 && <p className="notice">{t.empty}</p>}
      {places.length > 0 && (
        <>
          {services.length > 0 && <h3 id="suggestions-places">{t.places}</h3>}
          {list(places, services.length > 0 ? "suggestions-places" : undefined)}
        </>
      )}
      {services.length > 0 && (
        <>
          <h3 id="suggestions-services">{t.services}</h3>
          <p>{t.servicesLead}</p>
          {list(services, "suggestions-services")}
        </>
      )}
      {result && result.excluded.length > 0 && (
        <details className="disclosure">
          <summary>{t.excluded(result.excluded.length)}</summary>
          <p>{t.excludedLead}</p>
          <ul className="excluded-list">
            {result.excluded.map((x) => (
              <li key={x.resource.id}>
                <Link to={`/resources/${x.resource.id}`}>{x.resource.name}</Link>
                <span className="excluded-list__kind">({RESOURCE_KIND_LABELS[x.resource.kind]})</span>
                {x.distanceMeters != null && <span> {t.distance(x.distanceMeters)}</span>}
                <ul className="excluded-list__reasons">
                  {x.reasons.map((r) => (
                    <li key={r.code}>{r.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function SuggestionCard({
  personId,
  suggestion: s,
  stage,
  onProposed,
}: {
  personId: string;
  suggestion: Suggestion;
  stage: MatchStage | null;
  onProposed: (message: string) => void;
}) {
  const [createMatch, { loading }] = useCreateMatch();
  const [error, setError] = useState<string | null>(null);
  const headingId = `suggestion-${s.resource.id}`;

  const propose = async () => {
    setError(null);
    try {
      await createMatch({
        variables: {
          input: {
            personId,
            resourceId: s.resource.id,
            score: s.score,
            rationale: s.reasons
              .filter((r) => r.points > 0)
              .map((r) => r.text)
              .join("、"),
          },
        },
      });
      onProposed(t.proposed(s.resource.name));
    } catch (e) {
      setError(parseGraphQLError(e).message);
    }
  };

  return (
    <article className="suggestion" aria-labelledby={headingId}>
      <header className="suggestion__header">
        <p className="resource-card__kind">{RESOURCE_KIND_LABELS[s.resource.kind]}</p>
        <h3 id={headingId} className="suggestion__name">
          <Link to={`/resources/${s.resource.id}`}>{s.resource.name}</Link>
        </h3>
        <p className="suggestion__score">
          {t.score} <strong>{t.scoreValue(s.score)}</strong>
        </p>
      </header>
      <p className="suggestion__meta">
        {[
          s.resource.organization.name,
          s.resource.scheduleText,
          s.distanceMeters != null ? t.distance(s.distanceMeters) : "",
        ]
          .filter(Boolean)
          .join(" ・ ")}
      </p>
      {s.nextSession && (
        <p className="suggestion__meta">
          {t.nextSession}: <time dateTime={s.nextSession.date}>{s.nextSession.label}</time>
        </p>
      )}
      <h4 className="visually-hidden">{t.reasons}</h4>
      <ul className="reason-list">
        {s.reasons.map((r) => (
          <li key={`${r.code}-${r.text}`} className={r.points < 0 ? "reason reason--minus" : "reason"}>
            <span>{r.text}</span> <span className="reason__points">{t.points(r.points)}</span>
          </li>
        ))}
      </ul>
      <div className="suggestion__actions">
        {stage ? (
          <p className="badge badge--open">{t.alreadyMatched(MATCH_STAGE_LABELS[stage])}</p>
        ) : (
          <button type="button" className="button" onClick={() => void propose()} disabled={loading}>
            {loading ? t.proposing : t.propose}
          </button>
        )}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
