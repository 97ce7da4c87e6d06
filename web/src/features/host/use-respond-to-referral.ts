import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

const RESPOND_TO_REFERRAL = graphql(`
  mutation RespondToReferral($input: RespondToReferralInput!) {
    respondToReferral(input: $input) {
      id
      ...HostReferralRow_referral
      ...ReferralResponse_referral
      ...SharedFacts_referral
    }
  }
`);

/**
 * 受け入れる / お断りする. The answer comes back as the referral itself (same id), so the page and the portal list
 * show the new stage and buttons from the normalised cache. The person comes back whole (SharedFacts): a partial
 * `person` would replace the cached one (it has no id to merge by) and leave the page's query incomplete.
 */
export function useRespondToReferral() {
  return useMutation(RESPOND_TO_REFERRAL);
}
