import { useApolloClient, useMutation } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { graphql } from "../../gql";

const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

/** Ends this session, forgets every cached record (persons must not linger in memory) and returns to ログイン. */
export function useLogout() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, state] = useMutation(LOGOUT);
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
