import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

export const TWO_FACTOR_STATUS_QUERY = graphql(`
  query TwoFactorStatus {
    me {
      id
      twoFactorEnabled
      pendingSetup
    }
  }
`);

const BEGIN = graphql(`
  mutation BeginTwoFactorEnrolment {
    beginTwoFactorEnrolment {
      secret
      qrCodeSvg
    }
  }
`);

// The user comes back with twoFactorEnabled and pendingSetup as they are now: the cache's `me` (and with it the
// shell's setup redirect) follows without a refetch.
const CONFIRM = graphql(`
  mutation ConfirmTwoFactorEnrolment($input: TwoFactorCodeInput!) {
    confirmTwoFactorEnrolment(input: $input) {
      user {
        id
        twoFactorEnabled
        pendingSetup
      }
      recoveryCodes
    }
  }
`);

const DISABLE = graphql(`
  mutation DisableTwoFactor($input: TwoFactorCodeInput!) {
    disableTwoFactor(input: $input) {
      user {
        id
        twoFactorEnabled
        pendingSetup
      }
    }
  }
`);

export const useTwoFactorStatus = () => useQuery(TWO_FACTOR_STATUS_QUERY);
export const useBeginTwoFactor = () => useMutation(BEGIN);
export const useConfirmTwoFactor = () => useMutation(CONFIRM);
export const useDisableTwoFactor = () => useMutation(DISABLE);
