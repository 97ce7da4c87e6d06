import { describe, expect, it } from "vitest";
import { gql } from "@apollo/client";
import { createCache } from "../../app/apollo";

// The admin lists page through the app cache's policies (app/apollo.ts), as fetchMore writes them.
const USERS = gql`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
        }
      }
    }
  }
`;

const page = (ids: string[], hasNextPage: boolean, totalCount: number) => ({
  users: {
    __typename: "UserConnection",
    totalCount,
    pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: ids.at(-1) ?? null },
    edges: ids.map((id) => ({ __typename: "UserEdge", node: { __typename: "User", id } })),
  },
});

function listAfter(...pages: [after: string | null, data: ReturnType<typeof page>][]) {
  const cache = createCache();
  for (const [after, data] of pages) cache.writeQuery({ query: USERS, variables: { first: 2, after }, data });
  return cache.readQuery<ReturnType<typeof page>>({ query: USERS, variables: { first: 2 } })!.users;
}

describe("paged admin lists in the app cache", () => {
  it("appends the next page and takes its count and cursor", () => {
    const list = listAfter([null, page(["a", "b"], true, 4)], ["b", page(["c", "d"], false, 5)]);
    expect(list.totalCount).toBe(5);
    expect(list.pageInfo).toMatchObject({ hasNextPage: false, endCursor: "d" });
    expect(list.edges.map((e) => e.node.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("does not repeat rows when the same page arrives twice (a development StrictMode double effect)", () => {
    const list = listAfter(
      [null, page(["a", "b"], true, 3)],
      ["b", page(["c"], false, 3)],
      ["b", page(["c"], false, 3)],
    );
    expect(list.edges.map((e) => e.node.id)).toEqual(["a", "b", "c"]);
  });
});
