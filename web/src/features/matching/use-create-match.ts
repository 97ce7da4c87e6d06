import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const CREATE_MATCH_MUTATION = graphql(`
  mutation CreateMatch($input: CreateMatchInput!) {
    createMatch(input: $input) {
      match {
        id
        person {
          id
        }
        ...MatchCard_match
      }
    }
  }
`);

/**
 * 候補としてマッチングを始める. The new match joins its person's list in the cache. The board's lists are paged and
 * ordered by the server, so they are dropped instead and load fresh when the board is next opened.
 */
export function useCreateMatch() {
  return useMutation(CREATE_MATCH_MUTATION, {
    update(cache, { data }) {
      const match = data?.createMatch.match;
      if (!match) return;
      const ref = cache.identify(match);
      cache.modify({
        id: cache.identify({ __typename: "Person", id: match.person.id }),
        fields: {
          matches: (existing: readonly { __ref: string }[] = [], { toReference }) =>
            existing.some((m) => m.__ref === ref) ? existing : [toReference(match)!, ...existing],
        },
      });
      cache.evict({ id: "ROOT_QUERY", fieldName: "matches" });
      cache.gc();
    },
  });
}
