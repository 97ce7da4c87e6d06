import { type FragmentType, graphql, useFragment } from "../../gql";
import { peopleMessages } from "../../messages";
import { MatchCard } from "../matching/MatchCard";

export const PERSON_MATCHES_FRAGMENT = graphql(`
  fragment PersonMatches_person on Person {
    id
    matches {
      id
      ...MatchCard_match
    }
  }
`);

const t = peopleMessages.detail;

/** The person's matches as the board shows them (same card, same moves), each with a link to it on the board. */
export function PersonMatches({
  person: personRef,
  today,
  onMoved,
}: {
  person: FragmentType<typeof PERSON_MATCHES_FRAGMENT>;
  today: string;
  onMoved: (message: string) => void;
}) {
  const person = useFragment(PERSON_MATCHES_FRAGMENT, personRef);
  if (!person.matches.length) return <p className="notice">{t.matchesEmpty}</p>;
  return (
    <ul className="person-matches" role="list">
      {person.matches.map((match) => (
        <li key={match.id}>
          <MatchCard match={match} today={today} headingLevel={3} showOpenLink onMoved={onMoved} />
        </li>
      ))}
    </ul>
  );
}
