import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const CHANGE_PASSWORD_MUTATION = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
        pendingSetup
      }
    }
  }
`);

/**
 * パスワードの変更. The server ends every session of the account and sets a new session cookie on this answer, so
 * this browser stays signed in. The user comes back with its pendingSetup (null once a temporary password is
 * replaced), which updates the cached `me`, so the shell lets the user go on.
 */
export function useChangePassword() {
  return useMutation(CHANGE_PASSWORD_MUTATION);
}
