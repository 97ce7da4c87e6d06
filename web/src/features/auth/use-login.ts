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
  const login = async (email: string, password: string) => {
    const { data } = await mutate({ variables: { input: { email, password } } });
    const user = data?.login.user;
    if (!user) return null;
    await client.clearStore();
    client.writeQuery({ query: VIEWER_QUERY, data: { me: user } });
    return user;
  };
  return [login, state] as const;
}
