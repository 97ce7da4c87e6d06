import { useId, useState } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { MatchTransitions_MatchFragment } from "../../gql/graphql";
import { matchingMessages } from "../../messages";
import { today } from "@tsunagu/calendar";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { hasHostConsent } from "../people/consent-cover";
import { TransitionDialog, type TransitionDetails } from "./TransitionDialog";
import { useTransitionMatch } from "./use-transition-match";

export const MATCH_TRANSITIONS_FRAGMENT = graphql(`
  fragment MatchTransitions_match on Match {
    id
    version
    stage
    stageLabel
    person {
      id
      displayName
      consents {
        id
        purpose
        givenOn
        expiresOn
        withdrawnAt
        organization {
          id
        }
      }
    }
    resource {
      id
      name
    }
    organization {
      id
    }
    allowedTransitions {
      to
      label
      reasonRequired
      outcomeRequired
      hostConsentRequired
    }
  }
`);

const t = matchingMessages.transitions;
type Target = MatchTransitions_MatchFragment["allowedTransitions"][number];

/**
 * The moves the server allows from here, one button each (named by the target stage). Moves that need a reason or a
 * final observation open a dialog; the others go at once. A move that needs the person's consent for this host says
 * so only while no consent in force covers it (the person's consents, read with the card); the server's refusal is
 * shown beside the buttons all the same.
 */
export function MatchTransitions({
  match: matchRef,
  onMoved,
}: {
  match: FragmentType<typeof MATCH_TRANSITIONS_FRAGMENT>;
  onMoved?: (message: string) => void;
}) {
  const match = useFragment(MATCH_TRANSITIONS_FRAGMENT, matchRef);
  const [transition, { loading }] = useTransitionMatch();
  const [error, setError] = useState<ParsedError | null>(null);
  const [asking, setAsking] = useState<Target | null>(null);
  const consentHintId = useId();

  if (!match.allowedTransitions.length) return null;
  const consentMissing = !hasHostConsent(match.person.consents, match.organization.id, today());
  const needsConsent = consentMissing ? match.allowedTransitions.filter((x) => x.hostConsentRequired) : [];

  const move = async (target: Target, details: TransitionDetails = {}): Promise<ParsedError | null> => {
    setError(null);
    try {
      await transition({
        variables: { input: { matchId: match.id, to: target.to, expectedVersion: match.version, ...details } },
      });
      onMoved?.(t.moved(match.person.displayName, target.label));
      return null;
    } catch (e) {
      return parseGraphQLError(e);
    }
  };

  const onClick = async (target: Target) => {
    if (target.reasonRequired || target.outcomeRequired) {
      setAsking(target);
      return;
    }
    setError(await move(target));
  };

  return (
    <div className="match-moves">
      <div className="match-moves__buttons" role="group" aria-label={t.groupLabel(match.stageLabel)}>
        {match.allowedTransitions.map((target) => (
          <button
            key={target.to}
            type="button"
            className="button button--small button--secondary"
            disabled={loading}
            aria-describedby={target.hostConsentRequired && consentMissing ? consentHintId : undefined}
            onClick={() => void onClick(target)}
          >
            {target.label}
          </button>
        ))}
      </div>
      {needsConsent.length > 0 && (
        <p className="match-moves__hint" id={consentHintId}>
          {t.consentNeeded(needsConsent.map((x) => x.label).join("」「"))}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {asking && (
        <TransitionDialog
          target={asking}
          person={match.person.displayName}
          resource={match.resource.name}
          busy={loading}
          onSubmit={async (details) => {
            const failed = await move(asking, details);
            if (!failed) setAsking(null);
            return failed;
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
