import { useApolloClient, useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";
import { VIEWER_QUERY } from "../../app/viewer";

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        displayName
        role
        organization {
          id
          name
        }
      }
      pendingSetup
    }
  }
`);

/**
 * Signs in. Whatever an earlier session left in the cache is dropped first, then the new user is written as `me`, so
 * the shell shows the right menu without another round trip.
 */
export function useLogin() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(LOGIN);
  const login = async (email: string, password: string, extra: { code?: string; staySignedIn?: boolean } = {}) => {
    // Only what was given: the second step adds the code, the checkbox adds staySignedIn.
    const input = {
      email,
      password,
      ...(extra.code ? { code: extra.code } : {}),
      ...(extra.staySignedIn ? { staySignedIn: true } : {}),
    };
    const { data } = await mutate({ variables: { input } });
    const user = data?.login.user;
    if (!user) return null;
    await client.clearStore();
    const me = { ...user, pendingSetup: data.login.pendingSetup ?? null };
    client.writeQuery({ query: VIEWER_QUERY, data: { me } });
    return me;
  };
  return [login, state] as const;
}
