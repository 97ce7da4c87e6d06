import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const CHANGE_PASSWORD_MUTATION = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
    }
  }
`);

/**
 * パスワードの変更. The server ends every session of the account and sets a new session cookie on this answer, so
 * this browser stays signed in; nothing cached changes (the user is the same), hence no cache update.
 */
export function useChangePassword() {
  return useMutation(CHANGE_PASSWORD_MUTATION);
}
