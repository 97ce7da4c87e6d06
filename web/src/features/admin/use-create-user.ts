import { useMutation } from "@apollo/client/react";
import type { Reference } from "@apollo/client";
import { graphql } from "../../gql";

export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        email
        displayName
        ...UsersTable_user
      }
    }
  }
`);

interface StoredUserEdge {
  __typename?: string;
  node: Reference;
}

interface StoredUserConnection {
  __typename?: string;
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  edges: StoredUserEdge[];
}

/**
 * アカウントを作る. The new account joins every `users` list in the cache (the アカウント table, the 利用者 choices of
 * 監査ログ) at its place in e-mail order, and each list's count goes up by one. When it sorts after the last row
 * loaded while more pages remain, it is left for もっと見る to bring (that page starts after the last e-mail shown).
 */
export function useCreateUser() {
  return useMutation(CREATE_USER_MUTATION, {
    update(cache, { data }) {
      const user = data?.createUser.user;
      if (!user) return;
      const ref = cache.identify(user);
      if (!ref) return;
      cache.modify<{ users: StoredUserConnection }>({
        id: "ROOT_QUERY",
        fields: {
          users: (existing, { readField, toReference }) => {
            const list = existing as StoredUserConnection;
            if (list.edges.some((e) => readField("id", e.node) === user.id)) return list;
            const after = list.edges.findIndex((e) => (readField<string>("email", e.node) ?? "") > user.email);
            const edge: StoredUserEdge = { __typename: "UserEdge", node: toReference(ref)! };
            let edges = list.edges;
            if (after >= 0) edges = [...edges.slice(0, after), edge, ...edges.slice(after)];
            else if (!list.pageInfo.hasNextPage) edges = [...edges, edge];
            return { ...list, totalCount: list.totalCount + 1, edges };
          },
        },
      });
    },
  });
}
