import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const SET_RESOURCE_GAP_STATUS = graphql(`
  mutation SetResourceGapStatus($input: SetResourceGapStatusInput!) {
    setResourceGapStatus(input: $input) {
      resourceGap {
        id
        ...GapCard_resourceGap
      }
    }
  }
`);

/**
 * Moves a gap along 把握 → 協議中 → 開発中 → 解決 / 見送り. The gap comes back whole and replaces the cached one by id;
 * it stays where it is in a list filtered by its old status until the next visit, so it does not vanish mid-task.
 */
export function useSetResourceGapStatus() {
  return useMutation(SET_RESOURCE_GAP_STATUS);
}
