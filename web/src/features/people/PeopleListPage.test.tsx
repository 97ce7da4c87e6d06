import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { PeopleListDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { PeopleListPage } from "./PeopleListPage";

afterEach(cleanup);

const personNode = (id: string, displayName: string, nameKana: string, track = "CONSENTED") => ({
  __typename: "Person",
  id,
  displayName,
  nameKana,
  track,
  stoppedOn: null as string | null,
  erasedAt: null,
  participationLevel: "GOES_OUT",
  registeredOn: "2026-04-01",
  area: { __typename: "Area", id: "a-1", name: "みどり野西エリア" },
  coordinator: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
});

function mock(variables: Record<string, unknown>, nodes: ReturnType<typeof personNode>[]): MockLink.MockedResponse {
  return {
    request: { query: PeopleListDocument, variables },
    result: {
      data: {
        persons: {
          __typename: "PersonConnection",
          totalCount: nodes.length,
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
          edges: nodes.map((node) => ({ __typename: "PersonEdge", cursor: `c-${node.id}`, node })),
        },
      },
    },
    delay: 0,
  };
}

const aoki = personNode("p-1", "青木 昭", "アオキ アキラ");
const aoi = personNode("p-2", "葵さん", "アオイサン", "SUPPORT_MEETING");
const stopped = { ...personNode("p-3", "上田 さち", "ウエダ サチ"), stoppedOn: "2026-12-01" };

describe("PeopleListPage", () => {
  it("links each person by name; the search and 自分の担当のみ go into the URL and the query", async () => {
    const { router, sent } = renderPage(<PeopleListPage />, {
      path: "/people",
      url: "/people",
      mocks: [
        mock({ first: 50 }, [aoki, aoi]),
        mock({ first: 50, text: "あお" }, [aoki, aoi]),
        mock({ first: 50, text: "あお", mine: true }, [aoki]),
      ],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "本人一覧" })).toBeTruthy();
    expect(await screen.findByText("全 2 人")).toBeTruthy();
    expect(screen.getByRole("link", { name: "青木 昭" }).getAttribute("href")).toBe("/people/p-1");
    const row = screen.getByRole("link", { name: "葵さん" }).closest("li")!;
    expect(within(row).getByText("支援会議 (同意前)")).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "名前・よみがなで探す" }), { target: { value: " あお " } });
    await screen.findByText("全 2 人");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(router.state.location.search).toBe("?q=%E3%81%82%E3%81%8A");

    fireEvent.click(screen.getByRole("checkbox", { name: "自分の担当のみ" }));
    expect(await screen.findByText("全 1 人")).toBeTruthy();
    expect(router.state.location.search).toBe("?q=%E3%81%82%E3%81%8A&mine=1");
    expect(sent.map((s) => s.variables)).toEqual([
      { first: 50 },
      { first: 50, text: "あお" },
      { first: 50, text: "あお", mine: true },
    ]);
  });

  it("marks a stopped person (利用停止) in the list", async () => {
    renderPage(<PeopleListPage />, { path: "/people", url: "/people", mocks: [mock({ first: 50 }, [aoki, stopped])] });
    const row = (await screen.findByRole("link", { name: "上田 さち" })).closest("li")!;
    expect(within(row).getByText("利用停止")).toBeTruthy();
    expect(within(screen.getByRole("link", { name: "青木 昭" }).closest("li")!).queryByText("利用停止")).toBeNull();
  });
});
