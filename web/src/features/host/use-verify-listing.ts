import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const VERIFY_LISTING = graphql(`
  mutation VerifyListing($input: VerifyResourceInput!) {
    verifyResource(input: $input) {
      resource {
        id
        verifiedAt
        version
        openVerificationRequest {
          id
        }
      }
    }
  }
`);

/** 「掲載内容を確認しました」: the new verifiedAt replaces the cached one, so every view of the listing shows it. */
export function useVerifyListing() {
  return useMutation(VERIFY_LISTING);
}
