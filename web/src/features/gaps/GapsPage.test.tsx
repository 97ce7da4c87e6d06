import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import {
  AreaListDocument,
  RaiseResourceGapDocument,
  ResourceGapsDocument,
  SearchMissListDocument,
  SetResourceGapStatusDocument,
  ViewerDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { GapsPage, parseGapParams } from "./GapsPage";

afterEach(cleanup);

const AREA = { __typename: "Area", id: "a-1", name: "みどり野東エリア", type: "WELFARE_AREA" };
const gap = (over: Record<string, unknown> = {}) => ({
  __typename: "ResourceGap",
  id: "g-1",
  need: "夜間や休日に若者が立ち寄れる居場所",
  status: "IDENTIFIED",
  nextStatuses: ["DISCUSSING", "DEFERRED"],
  targetGroups: ["HIKIKOMORI", "YOUTH"],
  searchText: "夜 居場所",
  statusNote: "",
  version: 1,
  createdAt: "2026-07-20T01:00:00Z",
  updatedAt: "2026-07-20T01:00:00Z",
  area: null,
  resolvedResource: null,
  ...over,
});

const user = (role: string) => ({
  request: { query: ViewerDocument },
  result: {
    data: {
      me: { __typename: "User", id: "u-1", displayName: "佐藤 みのり", role, pendingSetup: null, organization: null },
    },
  },
  delay: 0,
});
const areas: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: { data: { areas: [AREA] } },
  delay: 0,
};
const list = (statuses: string[] | null, gaps: ReturnType<typeof gap>[]): MockLink.MockedResponse => ({
  request: { query: ResourceGapsDocument, variables: { statuses } },
  result: { data: { resourceGaps: gaps } },
  delay: 0,
});

const miss = (over: Record<string, unknown> = {}, filters: Record<string, unknown> = {}) => ({
  __typename: "SearchMissSummary",
  query: "カラオケ",
  times: 3,
  lastSearchedAt: "2026-07-21T03:00:00Z",
  ...over,
  filters: {
    __typename: "SearchMissFilters",
    kinds: null,
    targetGroups: null,
    areaNames: [],
    weekdays: null,
    timeBands: null,
    timeFrom: null,
    timeTo: null,
    freeOnly: null,
    accessibility: null,
    transport: null,
    rolesOffered: null,
    visitAllowed: null,
    trialAllowed: null,
    age: null,
    radiusMeters: null,
    statuses: null,
    ...filters,
  },
});
const misses = (list: ReturnType<typeof miss>[] = []): MockLink.MockedResponse => ({
  request: { query: SearchMissListDocument },
  result: { data: { searchMisses: list } },
  delay: 0,
});

describe("GapsPage", () => {
  it("is read-only for staff viewers, and filters by status through the URL", async () => {
    const { router, sent } = renderPage(<GapsPage />, {
      path: "/gaps",
      url: "/gaps",
      mocks: [
        user("VIEWER"),
        areas,
        misses(),
        list(null, [
          gap(),
          gap({ id: "g-2", need: "ペットと参加できるサロン", status: "DEFERRED", nextStatuses: ["DISCUSSING"] }),
        ]),
        list(
          ["DEFERRED"],
          [gap({ id: "g-2", need: "ペットと参加できるサロン", status: "DEFERRED", nextStatuses: ["DISCUSSING"] })],
        ),
      ],
    });
    expect(await screen.findByRole("article", { name: "夜間や休日に若者が立ち寄れる居場所" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "資源の不足" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "資源の不足を記録する" })).toBeNull();
    expect(screen.queryByRole("button", { name: /にする/ })).toBeNull();

    fireEvent.click(
      within(screen.getByRole("group", { name: "状態で絞り込む" })).getByRole("checkbox", { name: "見送り" }),
    );
    await waitFor(() => expect(router.state.location.search).toBe("?status=DEFERRED"));
    await waitFor(() =>
      expect(screen.queryByRole("article", { name: "夜間や休日に若者が立ち寄れる居場所" })).toBeNull(),
    );
    expect(screen.getByRole("article", { name: "ペットと参加できるサロン" })).toBeTruthy();
    expect(sent.filter((op) => op.operationName === "ResourceGaps").map((op) => op.variables)).toEqual([
      { statuses: null },
      { statuses: ["DEFERRED"] },
    ]);
  });

  it("records a gap from an empty search (prefilled from the URL) and reloads the list", async () => {
    const raised = gap({
      id: "g-9",
      need: "平日夜の居場所",
      targetGroups: ["YOUTH"],
      area: { __typename: "Area", id: "a-1", name: "みどり野東エリア" },
    });
    renderPage(<GapsPage />, {
      path: "/gaps",
      url: "/gaps?searchText=%E5%A4%9C%20%E5%B1%85%E5%A0%B4%E6%89%80",
      mocks: [
        user("COORDINATOR"),
        areas,
        misses(),
        list(null, []),
        {
          request: {
            query: RaiseResourceGapDocument,
            variables: {
              input: { need: "平日夜の居場所", targetGroups: ["YOUTH"], areaId: "a-1", searchText: "夜 居場所" },
            },
          },
          result: { data: { raiseResourceGap: { __typename: "ResourceGapPayload", resourceGap: raised } } },
          delay: 0,
        },
        list(null, [raised]),
      ],
    });
    const form = within(await screen.findByRole("form", { name: "資源の不足を記録する" }));
    expect(form.getByRole<HTMLInputElement>("textbox", { name: /見つからなかった検索のことば/ }).value).toBe(
      "夜 居場所",
    );
    fireEvent.change(form.getByRole("textbox", { name: /不足しているもの/ }), {
      target: { value: " 平日夜の居場所 " },
    });
    fireEvent.click(form.getByRole("checkbox", { name: "若者" }));
    await screen.findByRole("option", { name: "みどり野東エリア" });
    fireEvent.change(form.getByRole("combobox", { name: "地区" }), { target: { value: "a-1" } });
    fireEvent.click(form.getByRole("button", { name: "記録する" }));

    expect(await screen.findByText("資源の不足を記録しました。")).toBeTruthy();
    expect(await screen.findByRole("article", { name: "平日夜の居場所" })).toBeTruthy();
  });

  it("moves a gap to its next status with a note", async () => {
    renderPage(<GapsPage />, {
      path: "/gaps",
      url: "/gaps",
      mocks: [
        user("COORDINATOR"),
        areas,
        misses(),
        list(null, [gap()]),
        {
          request: {
            query: SetResourceGapStatusDocument,
            variables: { input: { id: "g-1", status: "DISCUSSING", expectedVersion: 1, note: "協議体で取り上げる" } },
          },
          result: {
            data: {
              setResourceGapStatus: {
                __typename: "ResourceGapPayload",
                resourceGap: gap({
                  status: "DISCUSSING",
                  nextStatuses: ["DEVELOPING", "RESOLVED", "DEFERRED"],
                  statusNote: "協議体で取り上げる",
                  version: 2,
                }),
              },
            },
          },
          delay: 0,
        },
      ],
    });
    const card = within(await screen.findByRole("article", { name: "夜間や休日に若者が立ち寄れる居場所" }));
    fireEvent.click(card.getByRole("button", { name: "「協議中」にする" }));
    fireEvent.change(card.getByRole("textbox", { name: "経過メモ (任意)" }), {
      target: { value: "協議体で取り上げる" },
    });
    fireEvent.click(card.getByRole("button", { name: "変更する" }));
    expect(await screen.findByText("「夜間や休日に若者が立ち寄れる居場所」を「協議中」にしました。")).toBeTruthy();
    expect(card.getByText("協議中")).toBeTruthy();
    expect(card.getByRole("button", { name: "「開発中」にする" })).toBeTruthy();
  });
});

describe("探されたが見つからなかったもの", () => {
  it("lists searches that found little, with their filters in words, how often and when last", async () => {
    renderPage(<GapsPage />, {
      path: "/gaps",
      url: "/gaps",
      mocks: [
        user("VIEWER"),
        areas,
        list(null, []),
        misses([
          miss({}, { weekdays: ["TUE", "THU"], freeOnly: true, radiusMeters: 1500 }),
          miss(
            { query: "", times: 1, lastSearchedAt: "2026-07-02T03:00:00Z" },
            { kinds: ["SALON"], areaNames: ["みどり野東エリア"], age: 16 },
          ),
        ]),
      ],
    });
    const table = within(await screen.findByRole("table", { name: "探されたが見つからなかったもの" }));
    const karaoke = within(table.getByRole("row", { name: /カラオケ/ }));
    expect(karaoke.getByText("火曜・木曜、無料、半径1.5km")).toBeTruthy();
    expect(karaoke.getByText("3 回")).toBeTruthy();
    expect(karaoke.getByText(/^2026年7月21日/)).toBeTruthy();
    const filtersOnly = within(table.getByRole("row", { name: /ことばなし/ }));
    expect(filtersOnly.getByText("サロン、みどり野東エリア、16歳")).toBeTruthy();
    expect(filtersOnly.getByText("1 回")).toBeTruthy();
  });
});

describe("parseGapParams", () => {
  it("keeps known statuses and opens the form only when something is prefilled", () => {
    expect(parseGapParams(new URLSearchParams("status=RESOLVED&status=NOPE&status=RESOLVED"))).toEqual({
      statuses: ["RESOLVED"],
      prefill: null,
    });
    expect(parseGapParams(new URLSearchParams("need=x&personId=p-1")).prefill).toEqual({
      need: "x",
      searchText: "",
      areaId: "",
      personId: "p-1",
    });
  });
});
