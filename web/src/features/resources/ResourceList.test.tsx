import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ApolloLink } from "@apollo/client";
import { MockedProvider } from "@apollo/client/testing/react";
import { MockLink } from "@apollo/client/testing";
import { createCache } from "../../app/apollo";
import type { ResourceCardResource } from "./ResourceCard";
import { RESOURCE_LIST_QUERY, ResourceList, resourceListVariables, type ResourceListVariables } from "./ResourceList";

// A client component test: the Apollo *network* is mocked (there is no database on this side); the cache is the
// app's own, so relay-style pagination is exercised for real.

afterEach(cleanup);

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

function resource(overrides: Partial<ResourceCardResource> & Pick<ResourceCardResource, "id" | "name" | "nameKana">) {
  return {
    __typename: "Resource",
    kind: "SALON",
    status: "ACTIVE",
    targetGroups: ["ELDERLY"],
    openings: null,
    capacity: null,
    costPerSessionYen: 0,
    verifiedAt: daysAgo(10),
    venueName: null,
    scheduleText: "毎週火曜 10:00〜11:30",
    nextSessions: [],
    organization: { __typename: "Organization", id: "org-1", name: "みなと地区社会福祉協議会" },
    areas: [{ __typename: "Area", id: "area-1", name: "みなと地区" }],
    ...overrides,
    // The mock result must carry __typename everywhere, as the cache adds it to every selection set.
    ...(overrides.nextSessions
      ? { nextSessions: overrides.nextSessions.map((s) => ({ __typename: "Session", ...s })) }
      : {}),
  };
}

const salon = resource({
  id: "r-1",
  name: "ひだまりサロン",
  nameKana: "ひだまりさろん",
  openings: 3,
  capacity: 15,
  nextSessions: [{ date: "2026-11-24", label: "2026年11月24日(火) 10:00〜11:30" }],
});
const shokudo = resource({
  id: "r-2",
  name: "みんなの子ども食堂",
  nameKana: "みんなのこどもしょくどう",
  kind: "KODOMO_SHOKUDO",
  targetGroups: ["CHILDREN", "CHILD_REARING"],
  openings: 0,
  capacity: 30,
  costPerSessionYen: 300,
  verifiedAt: daysAgo(200),
  scheduleText: "第2・第4土曜 17:00〜19:00",
});
const cafe = resource({
  id: "r-3",
  name: "まちかどカフェ",
  nameKana: "まちかどかふぇ",
  kind: "COMMUNITY_CAFE",
  verifiedAt: null,
});

type Node = ReturnType<typeof resource>;

function page(nodes: Node[], { totalCount = nodes.length, endCursor = null as string | null, hasNextPage = false } = {}) {
  return {
    data: {
      resources: {
        __typename: "ResourceConnection",
        totalCount,
        pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: endCursor ?? (nodes.length ? `c-${nodes.at(-1)!.id}` : null) },
        edges: nodes.map((node) => ({ __typename: "ResourceEdge", cursor: `c-${node.id}`, node })),
      },
    },
  };
}

function mock(variables: ResourceListVariables, result: ReturnType<typeof page>): MockLink.MockedResponse {
  return { request: { query: RESOURCE_LIST_QUERY, variables }, result, delay: 0 };
}

/** Renders the page on mocked responses; returns the variables of every request that reached the network. */
function renderList(mocks: MockLink.MockedResponse[]) {
  const sent: Record<string, unknown>[] = [];
  const recorder = new ApolloLink((operation, forward) => {
    sent.push(operation.variables);
    return forward(operation);
  });
  render(
    <MockedProvider link={ApolloLink.from([recorder, new MockLink(mocks)])} cache={createCache()}>
      <ResourceList />
    </MockedProvider>,
  );
  return { sent };
}

const firstPage = resourceListVariables("", "");

/** Card headings, in order, from the results list. */
const cardNames = () =>
  within(screen.getByRole("list", { name: "資源の一覧" }))
    .getAllByRole("article")
    .map((card) => within(card).getByRole("heading", { level: 2 }).textContent);

describe("ResourceList", () => {
  it("shows the directory: header, count and one card per resource with its details in Japanese", async () => {
    renderList([mock(firstPage, page([salon, shokudo, cafe]))]);

    expect(screen.getByRole("heading", { level: 1, name: "つなぐ 地域資源さがし" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("読み込み中…");

    expect(await screen.findByText("全 3 件")).toBeTruthy();
    expect(cardNames()).toEqual([
      "ひだまりサロン", "みんなの子ども食堂", "まちかどカフェ",
    ]);

    const salonCard = within(screen.getByRole("article", { name: "ひだまりサロン" }));
    expect(salonCard.getByText("ひだまりさろん")).toBeTruthy();
    expect(salonCard.getByText("サロン")).toBeTruthy();
    expect(salonCard.getByText("みなと地区社会福祉協議会")).toBeTruthy();
    expect(salonCard.getByText("みなと地区")).toBeTruthy();
    expect(salonCard.getByText("高齢者")).toBeTruthy();
    expect(salonCard.getByText("毎週火曜 10:00〜11:30")).toBeTruthy();
    expect(salonCard.getByText("2026年11月24日(火) 10:00〜11:30")).toBeTruthy();
    expect(salonCard.getByText("空きあり")).toBeTruthy();
    expect(salonCard.getByText("無料")).toBeTruthy();
    expect(salonCard.getByText("確認から 10日")).toBeTruthy();
    expect(salonCard.queryByText(/要確認/)).toBeNull();

    const shokudoCard = within(screen.getByRole("article", { name: "みんなの子ども食堂" }));
    expect(shokudoCard.getByText("子ども食堂")).toBeTruthy();
    expect(shokudoCard.getByText("子ども、子ども・子育て")).toBeTruthy();
    expect(shokudoCard.getByText("満員")).toBeTruthy();
    expect(shokudoCard.getByText("1回 300円")).toBeTruthy();
    expect(shokudoCard.getByText("予定なし")).toBeTruthy();
    // Past 180 days: a warning in words and in the warning style.
    expect(shokudoCard.getByText("確認から 200日")).toBeTruthy();
    const warning = shokudoCard.getByText(/要確認/);
    expect(warning.closest(".verification--stale")).not.toBeNull();

    const cafeCard = within(screen.getByRole("article", { name: "まちかどカフェ" }));
    expect(cafeCard.queryByText("空きあり")).toBeNull();
    expect(cafeCard.queryByText("満員")).toBeNull();
    expect(cafeCard.getByText("掲載内容が未確認です").closest(".verification--stale")).not.toBeNull();

    expect(screen.queryByRole("button", { name: "もっと見る" })).toBeNull();
  });

  it("appends the next page to the same list with もっと見る", async () => {
    renderList([
      mock(firstPage, page([salon], { totalCount: 2, hasNextPage: true })),
      mock({ ...firstPage, after: "c-r-1" }, page([shokudo], { totalCount: 2 })),
    ]);

    fireEvent.click(await screen.findByRole("button", { name: "もっと見る" }));

    expect(await screen.findByRole("article", { name: "みんなの子ども食堂" })).toBeTruthy();
    expect(cardNames()).toEqual(["ひだまりサロン", "みんなの子ども食堂"]);
    expect(screen.getByText("全 2 件")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "もっと見る" })).toBeNull();
  });

  it("searches by text (debounced) and filters by kind", async () => {
    const { sent } = renderList([
      mock(firstPage, page([salon, shokudo, cafe])),
      mock(resourceListVariables("カフェ", ""), page([cafe])),
      mock(resourceListVariables("カフェ", "KODOMO_SHOKUDO"), page([])),
    ]);
    await screen.findByText("全 3 件");

    // Typed quickly: one request for the final text, none per keystroke; surrounding spaces are not sent.
    const search = screen.getByRole("searchbox", { name: "キーワードで探す" });
    for (const value of ["カ", "カフ", "カフェ", " カフェ "]) fireEvent.change(search, { target: { value } });
    expect(await screen.findByText("全 1 件")).toBeTruthy();
    expect(sent).toEqual([{ first: 20 }, { first: 20, text: "カフェ" }]);
    expect(cardNames()).toEqual(["まちかどカフェ"]);

    fireEvent.change(screen.getByRole("combobox", { name: "種類" }), { target: { value: "KODOMO_SHOKUDO" } });
    expect(await screen.findByText("全 0 件")).toBeTruthy();
    expect(screen.getByText(/条件に合う資源は見つかりませんでした/)).toBeTruthy();
    expect(sent.at(-1)).toEqual({ first: 20, kinds: ["KODOMO_SHOKUDO"], text: "カフェ" });
  });

  it("says so in Japanese when the list cannot be loaded", async () => {
    renderList([{ request: { query: RESOURCE_LIST_QUERY, variables: firstPage }, error: new Error("Failed to fetch"), delay: 0 }]);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("資源の一覧を読み込めませんでした");
    expect(within(alert).getByRole("button", { name: "もう一度読み込む" })).toBeTruthy();
  });
});
