import { useApolloClient, useMutation } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { graphql } from "../../gql";

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

export const LOGOUT_EVERYWHERE = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

/**
 * Ends this session (or, `everywhere`, every session of this account: a tablet left signed in at a salon), forgets
 * every cached record (persons must not linger in memory) and returns to ログイン.
 */
export function useLogout({ everywhere = false } = {}) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, state] = useMutation(everywhere ? LOGOUT_EVERYWHERE : LOGOUT);
  const run = async () => {
    try {
      await logout();
    } finally {
      await client.clearStore();
      navigate("/login", { replace: true });
    }
  };
  return [run, state] as const;
}
