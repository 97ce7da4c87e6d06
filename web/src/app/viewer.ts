import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import type { UserRole } from "../gql/graphql";

export const VIEWER_QUERY = graphql(`
  query Viewer {
    me {
      id
      displayName
      role
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
