import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

const SIGN_IN_OPTIONS = graphql(`
  query SignInOptions {
    signInOptions {
      oidcEnabled
      staySignedInHours
    }
  }
`);

/** What the login page offers: the city's identity provider, and how long 「ログインしたままにする」 lasts. */
export function useSignInOptions() {
  return useQuery(SIGN_IN_OPTIONS).data?.signInOptions;
}
