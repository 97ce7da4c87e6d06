import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const RAISE_RESOURCE_GAP = graphql(`
  mutation RaiseResourceGap($input: RaiseResourceGapInput!) {
    raiseResourceGap(input: $input) {
      resourceGap {
        id
        ...GapCard_resourceGap
      }
    }
  }
`);

/**
 * Records a new gap. The lists are filtered by status on the server and cached per filter; rather than re-implement
 * that filter and order for each cached list, they are dropped from the cache so the one on screen reloads.
 */
export function useRaiseResourceGap() {
  return useMutation(RAISE_RESOURCE_GAP, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "resourceGaps" });
      cache.gc();
    },
  });
}
