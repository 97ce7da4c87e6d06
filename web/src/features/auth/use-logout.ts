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

/** After either logout: forget every cached record (persons must not linger in memory) and return to ログイン. */
function useSignedOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async () => {
    await client.clearStore();
    void navigate("/login", { replace: true });
  };
}

/** Ends this session. */
export function useLogout() {
  const signedOut = useSignedOut();
  const [logout, state] = useMutation(LOGOUT);
  const run = () => logout().finally(signedOut);
  return [run, state] as const;
}

/** Ends every session of this account (a tablet left signed in at a salon, a lost phone). */
export function useLogoutEverywhere() {
  const signedOut = useSignedOut();
  const [logoutEverywhere, state] = useMutation(LOGOUT_EVERYWHERE);
  const run = () => logoutEverywhere().finally(signedOut);
  return [run, state] as const;
}
