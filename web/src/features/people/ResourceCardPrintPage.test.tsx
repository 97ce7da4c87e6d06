import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { ResourceCardPrintDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ResourceCardPrintPage } from "./ResourceCardPrintPage";

afterEach(cleanup);

const place = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  __typename: "Resource",
  id,
  name,
  description: "",
  scheduleText: "毎週木 10:00〜12:00",
  nextSessions: [
    { __typename: "Session", date: "2026-11-26", label: "2026年11月26日(木) 10:00〜12:00" },
    { __typename: "Session", date: "2026-12-03", label: "2026年12月3日(木) 10:00〜12:00" },
  ],
  venueName: "柳町ふれあいセンター",
  address: "東京都みどり野市柳町5-19-3",
  nearestStop: "柳町入口バス停",
  transportOptions: ["BUS_STOP_NEARBY", "PARKING"],
  accessibility: ["STEP_FREE"],
  costPerSessionYen: 0,
  contactName: "小林 隆",
  contactPhone: null,
  organization: {
    __typename: "Organization",
    id: "o-1",
    name: "みどり野南地区社会福祉協議会",
    publicPhone: "042-541-8499",
  },
  ...extra,
});

const data = {
  person: {
    __typename: "Person",
    id: "p-1",
    displayName: "杉山 和夫",
    coordinator: { __typename: "User", id: "u-1", displayName: "佐藤 みのり" },
    matches: [
      {
        __typename: "Match",
        id: "m-1",
        stage: "VISIT_TRIAL",
        stageLabel: "見学・体験",
        resource: place("r-1", "南地区社協 施設ボランティア"),
      },
      {
        __typename: "Match",
        id: "m-2",
        stage: "NOT_A_FIT",
        stageLabel: "不成立",
        resource: place("r-2", "木工クラブ"),
      },
    ],
  },
  suggestResources: {
    __typename: "SuggestionResult",
    suggestions: [
      { __typename: "Suggestion", resource: place("r-1", "南地区社協 施設ボランティア") },
      {
        __typename: "Suggestion",
        resource: place("r-3", "奥野サロン「ふきのとう」", { costPerSessionYen: 300, nextSessions: [] }),
      },
    ],
  },
};

describe("ResourceCardPrintPage", () => {
  it("puts the places in progress on the card, lets others be added, and prints", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    renderPage(<ResourceCardPrintPage />, {
      path: "/people/:personId/card",
      url: "/people/p-1/card",
      mocks: [
        {
          request: { query: ResourceCardPrintDocument, variables: { id: "p-1", suggestions: 5 } },
          result: { data },
          delay: 0,
        },
      ],
    });

    expect(await screen.findByRole("heading", { level: 1, name: "地域資源カード" })).toBeTruthy();
    expect(await screen.findByText("杉山 和夫")).toBeTruthy();
    const choices = within(screen.getByRole("group", { name: "カードに載せる資源" }));
    expect(choices.getByRole<HTMLInputElement>("checkbox", { name: /南地区社協 施設ボランティア/ }).checked).toBe(true);
    expect(choices.getByRole<HTMLInputElement>("checkbox", { name: /木工クラブ/ }).checked).toBe(false);
    expect(choices.getAllByRole("checkbox")).toHaveLength(3); // a suggestion already matched is offered once

    const card = within(screen.getByRole("article", { name: "南地区社協 施設ボランティア" }));
    expect(card.getByText("毎週木 10:00〜12:00")).toBeTruthy();
    expect(card.getByText("2026年12月3日(木) 10:00〜12:00")).toBeTruthy();
    expect(card.getByText("柳町ふれあいセンター 東京都みどり野市柳町5-19-3")).toBeTruthy();
    expect(card.getByText("最寄り: 柳町入口バス停 / バス停近く・駐車場あり")).toBeTruthy();
    expect(card.getByText("段差なし")).toBeTruthy();
    expect(card.getByRole("link", { name: "042-541-8499" }).getAttribute("href")).toBe("tel:042-541-8499");
    expect(screen.queryByRole("article", { name: "木工クラブ" })).toBeNull();

    fireEvent.click(choices.getByRole("checkbox", { name: /奥野サロン/ }));
    const added = within(screen.getByRole("article", { name: "奥野サロン「ふきのとう」" }));
    expect(added.getByText("1回 300円")).toBeTruthy();
    expect(added.getByText("予定が決まっていません。問い合わせ先にご確認ください。")).toBeTruthy();
    expect(screen.getByText("わからないことは、担当の 佐藤 みのり までご連絡ください。")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "印刷する" }));
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});
