import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

// Each answer carries the row's fields (UsersTable_user), so the list updates in the cache without a refetch.
const DEACTIVATE = graphql(`
  mutation DeactivateUser($input: UserIdInput!) {
    deactivateUser(input: $input) {
      user {
        ...UsersTable_user
      }
    }
  }
`);
const REACTIVATE = graphql(`
  mutation ReactivateUser($input: UserIdInput!) {
    reactivateUser(input: $input) {
      user {
        ...UsersTable_user
      }
    }
  }
`);
const CHANGE_ROLE = graphql(`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      user {
        ...UsersTable_user
      }
    }
  }
`);
const ISSUE_TEMPORARY = graphql(`
  mutation IssueTemporaryPassword($input: UserIdInput!) {
    issueTemporaryPassword(input: $input) {
      user {
        ...UsersTable_user
      }
      temporaryPassword
    }
  }
`);
const SIGN_OUT = graphql(`
  mutation SignOutUser($input: UserIdInput!) {
    signOutUser(input: $input) {
      sessionsEnded
    }
  }
`);
const RESET_TWO_FACTOR = graphql(`
  mutation ResetTwoFactor($input: UserIdInput!) {
    resetTwoFactor(input: $input) {
      user {
        ...UsersTable_user
      }
    }
  }
`);

/** An ADMIN's actions on one account (アカウント). */
export function useAccountAdmin() {
  const [deactivate, a] = useMutation(DEACTIVATE);
  const [reactivate, b] = useMutation(REACTIVATE);
  const [changeRole, c] = useMutation(CHANGE_ROLE);
  const [issueTemporary, d] = useMutation(ISSUE_TEMPORARY);
  const [signOut, e] = useMutation(SIGN_OUT);
  const [resetTwoFactor, f] = useMutation(RESET_TWO_FACTOR);
  return {
    deactivate,
    reactivate,
    changeRole,
    issueTemporary,
    signOut,
    resetTwoFactor,
    busy: [a, b, c, d, e, f].some((s) => s.loading),
  };
}
