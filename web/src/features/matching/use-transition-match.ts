import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const TRANSITION_MATCH_MUTATION = graphql(`
  mutation TransitionMatch($input: TransitionMatchInput!) {
    transitionMatch(input: $input) {
      match {
        id
        ...MatchCard_match
        person {
          id
          participationLevel
        }
      }
    }
  }
`);

/**
 * 段階を変える. The payload's match (stage, version, next moves, planned follow-ups) merges into the cache by id, so
 * every card showing it moves by itself. Lists the server derives from many matches (today's follow-ups, the 年度's
 * figures) are dropped instead, and load fresh when next shown.
 */
export function useTransitionMatch() {
  return useMutation(TRANSITION_MATCH_MUTATION, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "myFollowUpsDue" });
      cache.evict({ id: "ROOT_QUERY", fieldName: "outcomeSummary" });
      cache.gc();
    },
  });
}
