import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const UPDATE_LISTING = graphql(`
  mutation UpdateListing($input: UpdateResourceInput!) {
    updateResource(input: $input) {
      resource {
        id
        ...HostListingForm_resource
        ...HostListingRow_resource
      }
    }
  }
`);

/**
 * Saves openings and schedule. The payload carries every field the listing page and the portal list show, and Apollo
 * normalises it by id, so both update in place without a refetch.
 */
export function useUpdateListing() {
  return useMutation(UPDATE_LISTING);
}
