import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const SET_LISTING_STATUS = graphql(`
  mutation SetListingStatus($input: SetResourceStatusInput!) {
    setResourceStatus(input: $input) {
      resource {
        id
        status
        version
        updatedAt
      }
    }
  }
`);

/** 活動中 / 休止中 / 終了. The returned status and version replace the cached listing's (normalised by id). */
export function useSetListingStatus() {
  return useMutation(SET_LISTING_STATUS);
}
