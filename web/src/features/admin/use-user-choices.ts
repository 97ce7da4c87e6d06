import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { useFetchRemainingPages } from "./connection";

/** The most the server gives per page; the list is read to its end either way. */
export const USER_CHOICES_PAGE_SIZE = 100;

export const AUDIT_USER_CHOICES_QUERY = graphql(`
  query AuditUserChoices($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          email
          role
          active
        }
      }
    }
  }
`);

/** Every account (stopped ones too: they are in the log), for the 利用者 select of the audit filter. */
export function useUserChoices() {
  const { data, error, fetchMore } = useQuery(AUDIT_USER_CHOICES_QUERY, {
    variables: { first: USER_CHOICES_PAGE_SIZE },
  });
  const pageFailed = useFetchRemainingPages(data?.users.pageInfo, (after) => fetchMore({ variables: { after } }));
  return { users: data?.users.edges.map((e) => e.node) ?? [], failed: Boolean(error) || pageFailed };
}
