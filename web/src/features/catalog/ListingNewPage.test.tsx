import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { CreateListingDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { ListingNewPage } from "./ListingNewPage";
import { areas, listing as created, organizations } from "./listing.fixtures";

afterEach(cleanup);

const page = (mocks: MockLink.MockedResponse[]) =>
  renderPage(<ListingNewPage />, {
    path: "/catalog/listings/new",
    url: "/catalog/listings/new",
    mocks: [areas, organizations, ...mocks],
    otherRoutes: [{ path: "/resources/:id", element: <h1>資源の詳細</h1> }],
  });

const group = (name: string) => screen.getByRole("group", { name });

describe("ListingNewPage", () => {
  it("registers a listing with its host, 地区 and a 第2・第4火曜 schedule, then opens its page", async () => {
    const { sent, router } = page([
      {
        request: { query: CreateListingDocument, variables: () => true },
        result: { data: { createResource: { __typename: "ResourcePayload", resource: created("r-9") } } },
        delay: 0,
      },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "資源の登録" })).toBeTruthy();
    for (const section of ["基本情報", "対象となる方", "参加の形と活動", "場所と地域", "日程", "定員と費用"]) {
      expect(screen.getByRole("heading", { level: 2, name: section })).toBeTruthy();
    }
    fireEvent.change(screen.getByRole("textbox", { name: /^名称/ }), { target: { value: "サロン ひだまり" } });
    fireEvent.change(screen.getByRole("combobox", { name: /^種類/ }), { target: { value: "SALON" } });
    const host = screen.getByRole("combobox", { name: /^運営する団体/ });
    await within(host).findByRole("option", { name: "みどり野社協" });
    fireEvent.change(host, { target: { value: "o-2" } });
    fireEvent.click(await within(group("地区")).findByRole("checkbox", { name: "みどり野南エリア" }));
    fireEvent.change(screen.getByRole("textbox", { name: "定員" }), { target: { value: "２０" } });
    fireEvent.change(screen.getByRole("textbox", { name: "活動内容" }), { target: { value: "体操、茶話会" } });

    fireEvent.click(screen.getByRole("button", { name: "開催ルールを追加" }));
    const rule = group("開催ルール 1");
    fireEvent.click(within(rule).getByRole("radio", { name: "毎月 第○週" }));
    fireEvent.click(within(rule).getByRole("checkbox", { name: "第2" }));
    fireEvent.click(within(rule).getByRole("checkbox", { name: "第4" }));
    fireEvent.click(within(rule).getByRole("checkbox", { name: "火曜" }));
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/resources/r-9"));
    const create = sent.find((s) => s.operationName === "CreateListing");
    expect(create?.variables.input).toMatchObject({
      name: "サロン ひだまり",
      kind: "SALON",
      status: "ACTIVE",
      organizationId: "o-2",
      areaIds: ["a-2"],
      capacity: 20,
      activities: ["体操", "茶話会"],
      schedule: {
        rules: [
          {
            frequency: "MONTHLY_NTH_WEEKDAY",
            weekdays: ["TUE"],
            nthWeeks: [2, 4],
            dates: [],
            startTime: "10:00",
            endTime: "12:00",
          },
        ],
      },
    });
    expect(router.state.location.state).toEqual({ flash: "資源を登録しました。" });
  });

  it("says what is missing beside each box before sending anything", async () => {
    const { sent } = page([]);
    await screen.findByRole("heading", { level: 1, name: "資源の登録" });
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("入力内容を確認してください");
    const name = screen.getByRole("textbox", { name: /^名称/ });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("種類を選んでください")).toBeTruthy();
    expect(screen.getByText("運営する団体を選んでください")).toBeTruthy();
    expect(sent.some((s) => s.operationName === "CreateListing")).toBe(false);
  });

  it("shows the server's per-field messages, schedule ones on their rule", async () => {
    page([
      {
        request: { query: CreateListingDocument, variables: () => true },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [
                  { field: "input.openings", messages: ["空きは定員以下にしてください"] },
                  { field: "input.schedule.rules.0.endTime", messages: ["終了時刻は開始時刻より後にしてください"] },
                ],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    await screen.findByRole("heading", { level: 1, name: "資源の登録" });
    fireEvent.change(screen.getByRole("textbox", { name: /^名称/ }), { target: { value: "サロン" } });
    fireEvent.change(screen.getByRole("combobox", { name: /^種類/ }), { target: { value: "SALON" } });
    const host = screen.getByRole("combobox", { name: /^運営する団体/ });
    await within(host).findByRole("option", { name: "若葉会" });
    fireEvent.change(host, { target: { value: "o-1" } });
    fireEvent.click(screen.getByRole("button", { name: "開催ルールを追加" }));
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByText("空きは定員以下にしてください")).toBeTruthy();
    expect(within(group("開催ルール 1")).getByText("終了時刻は開始時刻より後にしてください")).toBeTruthy();
  });
});
