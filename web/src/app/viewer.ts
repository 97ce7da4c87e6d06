import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import type { AccountSetupStep, UserRole } from "../gql/graphql";

export const VIEWER_QUERY = graphql(`
  query Viewer {
    me {
      id
      displayName
      role
      pendingSetup
      organization {
        id
        name
      }
    }
  }
`);

export type Viewer = NonNullable<ReturnType<typeof useViewer>["viewer"]>;

/** The signed-in user (null when signed out). Cached once; login and logout reset the Apollo store. */
export function useViewer() {
  const { data, loading, error } = useQuery(VIEWER_QUERY);
  return { viewer: data?.me ?? null, loading, error };
}

/** The page where a pending setup step is done; until then every other page leads there. */
export function setupPathFor(step: AccountSetupStep | null | undefined): string | null {
  if (step === "PASSWORD_CHANGE") return "/account/password";
  if (step === "TWO_FACTOR_ENROLMENT") return "/account/two-factor";
  return null;
}

/** Where each role starts after signing in. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case "HOST":
      return "/host";
    case "VIEWER":
      return "/outcomes";
    default:
      return "/today";
  }
}
