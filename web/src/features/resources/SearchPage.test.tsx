import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import {
  AreaListDocument,
  SearchResourcesDocument,
  ViewerDocument,
  type SearchResourcesInput,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { PAGE_SIZE, SearchPage } from "./SearchPage";

afterEach(cleanup);

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();
const AREA = "2651f06c-5911-4114-b08c-fb8892fa9b36";
const counts = (entries: [string, number][]) =>
  entries.map(([value, count]) => ({ __typename: "FacetCount", value, count }));

const FACETS = {
  __typename: "SearchFacets",
  kinds: counts([
    ["SALON", 3],
    ["KAYOI_NO_BA", 2],
  ]),
  targetGroups: counts([["ELDERLY", 4]]),
  areas: counts([[AREA, 5]]),
  weekdays: counts([
    ["TUE", 12],
    ["MON", 3],
  ]),
  timeBands: counts([
    ["MORNING", 4],
    ["AFTERNOON", 1],
  ]),
  free: counts([
    ["true", 3],
    ["false", 2],
  ]),
  accessibility: counts([["STEP_FREE", 2]]),
  transport: counts([["PICKUP", 1]]),
  visitAllowed: counts([["true", 4]]),
  trialAllowed: counts([["true", 1]]),
};

function edge(
  id: string,
  name: string,
  extra: { verifiedDaysAgo?: number; nameSegments?: { match: boolean; text: string }[] } = {},
) {
  return {
    __typename: "ResourceSearchEdge",
    cursor: `c-${id}`,
    distanceMeters: null,
    highlight: {
      __typename: "ResourceHighlight",
      name: (extra.nameSegments ?? [{ match: false, text: name }]).map((s) => ({
        __typename: "HighlightSegment",
        ...s,
      })),
      description: [],
    },
    nextSession: { __typename: "Session", date: "2026-11-24", label: "2026年11月24日(火) 10:00〜11:30" },
    node: {
      __typename: "Resource",
      id,
      name,
      kind: "SALON",
      status: "ACTIVE",
      openings: 2,
      costPerSessionYen: 0,
      verifiedAt: daysAgo(extra.verifiedDaysAgo ?? 12),
      scheduleText: "毎週火 10:00〜11:30",
      visitAllowed: true,
      trialAllowed: false,
      organization: { __typename: "Organization", id: "org-1", name: "みどり野市社会福祉協議会" },
    },
  };
}

const understood = (kind: string, value: string, label: string, word: string) => ({
  __typename: "UnderstoodFilter",
  kind,
  value,
  label,
  word,
});

function result(
  edges: ReturnType<typeof edge>[],
  {
    totalCount = edges.length,
    hasNextPage = false,
    degraded = false,
    understood = [] as ReturnType<typeof understood>[],
  } = {},
) {
  return {
    data: {
      searchResources: {
        __typename: "ResourceSearchResult",
        totalCount,
        degraded,
        understood,
        facets: FACETS,
        edges,
        pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      },
    },
  };
}

const input = (extra: Partial<SearchResourcesInput> = {}): SearchResourcesInput => ({
  includeCitywide: true,
  sort: "RELEVANCE",
  ...extra,
});

function search(
  inputValue: SearchResourcesInput,
  res: ReturnType<typeof result>,
  after?: string,
): MockLink.MockedResponse {
  return {
    request: {
      query: SearchResourcesDocument,
      variables: { input: inputValue, first: PAGE_SIZE, ...(after ? { after } : {}) },
    },
    result: res,
    delay: 0,
  };
}

const BASE: MockLink.MockedResponse[] = [
  { request: { query: ViewerDocument }, result: { data: { me: null } }, delay: 0 },
  {
    request: { query: AreaListDocument },
    result: { data: { areas: [{ __typename: "Area", id: AREA, name: "若葉小学校区", type: "SCHOOL_DISTRICT" }] } },
    delay: 0,
  },
];

function renderSearch(url: string, mocks: MockLink.MockedResponse[]) {
  return renderPage(<SearchPage />, { path: "/resources", url, mocks: [...BASE, ...mocks] });
}

const searches = (sent: { operationName: string; variables: Record<string, unknown> }[]) =>
  sent.filter((op) => op.operationName === "SearchResources").map((op) => op.variables);

describe("SearchPage", () => {
  it("shows facets with counts, the count, and cards whose heading links to the resource with matches marked", async () => {
    renderSearch("/resources?q=%E4%BD%93%E6%93%8D", [
      search(
        input({ text: "体操" }),
        result([
          edge("r-1", "陽だまり体操クラブ", {
            nameSegments: [
              { match: false, text: "陽だまり" },
              { match: true, text: "体操" },
              { match: false, text: "クラブ" },
            ],
          }),
          edge("r-2", "ひだまりサロン", { verifiedDaysAgo: 200 }),
        ]),
      ),
    ]);

    expect(await screen.findByText("全 2 件")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("全 2 件");
    expect(screen.getByRole("heading", { level: 1, name: "資源をさがす" })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("searchbox", { name: "キーワードで探す" }).value).toBe("体操");

    const days = within(screen.getByRole("group", { name: "曜日" }));
    // Monday first, whatever order the server counted in.
    expect(days.getAllByRole("checkbox").map((c) => c.closest("label")?.textContent)).toEqual([
      "月曜 (3)",
      "火曜 (12)",
    ]);
    expect(
      within(screen.getByRole("group", { name: "地区" })).getByRole("checkbox", { name: "若葉小学校区 (5)" }),
    ).toBeTruthy();
    const conditions = within(screen.getByRole("group", { name: "条件" }));
    for (const name of ["無料 (3)", "バリアフリー (2)", "送迎 (1)", "見学可 (4)", "体験可 (1)"]) {
      expect(conditions.getByRole("checkbox", { name })).toBeTruthy();
    }

    const first = screen.getByRole("article", { name: "陽だまり体操クラブ" });
    const link = within(first).getByRole("link", { name: "陽だまり体操クラブ" });
    expect(link.getAttribute("href")).toBe("/resources/r-1");
    expect(link.querySelector("mark")?.textContent).toBe("体操");
    expect(within(first).getByText("2026年11月24日(火) 10:00〜11:30")).toBeTruthy();
    expect(within(first).getByText("空き 2人")).toBeTruthy();
    expect(within(first).getByText("確認から 12日")).toBeTruthy();
    expect(within(first).queryByText("要確認")).toBeNull();

    const stale = within(screen.getByRole("article", { name: "ひだまりサロン" }));
    expect(stale.getByText("確認から 200日")).toBeTruthy();
    expect(stale.getByText("要確認")).toBeTruthy();
    expect(stale.getByText(/半年以上、掲載内容が確認されていません/)).toBeTruthy();
  });

  it("puts a facet choice in the URL as a new history entry, and back undoes it", async () => {
    const { router, sent } = renderSearch("/resources", [
      search(input(), result([edge("r-1", "ひだまりサロン")], { totalCount: 1 })),
      search(input({ weekdays: ["TUE"], freeOnly: true }), result([], { totalCount: 0 })),
      search(input({ weekdays: ["TUE"] }), result([edge("r-1", "ひだまりサロン")])),
    ]);
    fireEvent.click(await screen.findByRole("checkbox", { name: "火曜 (12)" }));
    await waitFor(() => expect(router.state.location.search).toBe("?day=TUE"));
    expect(router.state.historyAction).toBe("PUSH");
    fireEvent.click(await screen.findByRole("checkbox", { name: "無料 (3)" }));
    expect(await screen.findByText(/条件に合う資源は見つかりませんでした/)).toBeTruthy();
    expect(router.state.location.search).toBe("?day=TUE&free=1");

    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe("?day=TUE"));
    expect((await screen.findByRole<HTMLInputElement>("checkbox", { name: "無料 (3)" })).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "火曜 (12)" }).checked).toBe(true);
    expect(searches(sent).map((v) => v.input)).toEqual([
      input(),
      input({ weekdays: ["TUE"] }),
      input({ weekdays: ["TUE"], freeOnly: true }),
    ]);
  });

  it("searches as one types: one request once typing pauses, the URL replaced rather than pushed", async () => {
    const { router, sent } = renderSearch("/resources", [
      search(input(), result([edge("r-1", "ひだまりサロン"), edge("r-2", "まちかどカフェ")])),
      search(input({ text: "カフェ" }), result([edge("r-2", "まちかどカフェ")])),
    ]);
    await screen.findByText("全 2 件");
    const box = screen.getByRole("searchbox", { name: "キーワードで探す" });
    for (const value of ["カ", "カフ", "カフェ", " カフェ "]) fireEvent.change(box, { target: { value } });

    expect(await screen.findByText("全 1 件")).toBeTruthy();
    expect(router.state.location.search).toBe("?q=%E3%82%AB%E3%83%95%E3%82%A7");
    expect(router.state.historyAction).toBe("REPLACE");
    expect(searches(sent).map((v) => v.input)).toEqual([input(), input({ text: "カフェ" })]);
  });

  it("shows the words it read as filters as chips; removing one takes its word out of the box", async () => {
    const { router, sent } = renderSearch("/resources?q=%E7%81%AB%E6%9B%9C%E5%8D%88%E5%89%8D+%E4%BD%93%E6%93%8D", [
      search(
        input({ text: "火曜午前 体操" }),
        result([edge("r-1", "ひだまりサロン")], {
          understood: [
            understood("WEEKDAY", "TUE", "火曜", "火曜"),
            understood("TIME_BAND", "MORNING", "午前", "午前"),
          ],
        }),
      ),
      search(
        input({ text: "火曜 体操" }),
        result([edge("r-1", "ひだまりサロン"), edge("r-2", "まちかどカフェ")], {
          understood: [understood("WEEKDAY", "TUE", "火曜", "火曜")],
        }),
      ),
    ]);
    const chips = within(await screen.findByRole("region", { name: "ことばから読み取った条件" }));
    expect(chips.getAllByRole("listitem").map((li) => li.querySelector("span")?.textContent)).toEqual([
      "曜日: 火曜",
      "時間帯: 午前",
    ]);

    fireEvent.click(chips.getByRole("button", { name: "「午前」を検索語から外す" }));
    expect(await screen.findByText("全 2 件")).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("searchbox", { name: "キーワードで探す" }).value).toBe("火曜 体操");
    expect(new URLSearchParams(router.state.location.search).get("q")).toBe("火曜 体操");
    expect(
      within(screen.getByRole("region", { name: "ことばから読み取った条件" }))
        .getAllByRole("listitem")
        .map((li) => li.querySelector("span")?.textContent),
    ).toEqual(["曜日: 火曜"]);
    expect(searches(sent).map((v) => v.input)).toEqual([
      input({ text: "火曜午前 体操" }),
      input({ text: "火曜 体操" }),
    ]);
  });

  it("appends the next page with もっと見る", async () => {
    renderSearch("/resources", [
      search(input(), result([edge("r-1", "ひだまりサロン")], { totalCount: 2, hasNextPage: true })),
      search(input(), result([edge("r-2", "まちかどカフェ")], { totalCount: 2 }), "c-r-1"),
    ]);
    expect(await screen.findByText("全 2 件中 1 件を表示")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "もっと見る" }));
    expect(await screen.findByRole("article", { name: "まちかどカフェ" })).toBeTruthy();
    expect(screen.getAllByRole("article").map((a) => a.getAttribute("aria-labelledby"))).toEqual([
      "result-r-1",
      "result-r-2",
    ]);
    expect(screen.getByText("全 2 件")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "もっと見る" })).toBeNull();
  });

  it("warns when the server answered from its fallback search", async () => {
    renderSearch("/resources", [search(input(), result([edge("r-1", "ひだまりサロン")], { degraded: true }))]);
    expect((await screen.findByRole("alert")).textContent).toContain("簡易検索で表示しています");
  });

  it("says so when the search fails, with a retry", async () => {
    renderSearch("/resources", [
      {
        request: { query: SearchResourcesDocument, variables: { input: input(), first: PAGE_SIZE } },
        error: new Error("Failed to fetch"),
        delay: 0,
      },
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("資源の一覧を読み込めませんでした");
    expect(within(alert).getByRole("button", { name: "もう一度読み込む" })).toBeTruthy();
  });
});
