import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import {
  AreaListDocument,
  ConsultationIntakesDocument,
  CreateConsultationIntakeDocument,
  IntakePersonChoicesDocument,
  LinkIntakeToPersonDocument,
  UpdateConsultationIntakeDocument,
} from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { IntakesPage } from "./IntakesPage";

afterEach(cleanup);

const FY = fiscalYearOf(today());
const AREA = { __typename: "Area", id: "a-1", name: "みどり野東エリア", type: "WELFARE_AREA" };
const intake = (over: Record<string, unknown> = {}) => ({
  __typename: "ConsultationIntake",
  id: "i-1",
  receivedOn: `${FY}-05-12`,
  route: "PHONE",
  field: "POVERTY",
  ageBand: "AGE_40_49",
  outcome: "INFO_ONLY",
  note: "家計の相談",
  version: 1,
  linked: false,
  area: { __typename: "Area", id: "a-1", name: "みどり野東エリア" },
  person: null,
  viewerCan: { __typename: "ConsultationIntakePermissions", update: true, link: false },
  ...over,
});
const areas: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: { data: { areas: [AREA] } },
  delay: 0,
};
const list = (fiscalYear: number, rows: ReturnType<typeof intake>[], total = rows.length): MockLink.MockedResponse => ({
  request: { query: ConsultationIntakesDocument, variables: { fiscalYear, first: 50 } },
  result: {
    data: {
      consultationIntakes: {
        __typename: "ConsultationIntakeConnection",
        totalCount: total,
        pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: "ConsultationIntakeEdge", node })),
      },
    },
  },
  delay: 0,
});

describe("IntakesPage", () => {
  it("lists this 年度's consultations in words, and another 年度 through the address", async () => {
    const { router, sent } = renderPage(<IntakesPage />, {
      path: "/records/intakes",
      url: "/records/intakes",
      mocks: [
        areas,
        list(FY, [
          intake(),
          intake({ id: "i-2", outcome: "CONSENTED", linked: true, route: "WALK_IN", ageBand: null, area: null }),
        ]),
        list(FY - 1, []),
      ],
    });
    const table = within(await screen.findByRole("table", { name: `${FY}年度の相談受付` }));
    const phone = within(table.getAllByRole("row")[1]);
    expect(phone.getByText("電話")).toBeTruthy();
    expect(phone.getByText("生活困窮")).toBeTruthy();
    expect(phone.getByText("40代")).toBeTruthy();
    expect(phone.getByText("みどり野東エリア")).toBeTruthy();
    expect(phone.getByText("情報提供のみ")).toBeTruthy();
    const linked = within(table.getAllByRole("row")[2]);
    expect(linked.getByText("同意→本人登録")).toBeTruthy();
    expect(linked.getByText("結びつけ済み (閲覧権限なし)")).toBeTruthy();
    expect(screen.getByText("2 件")).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "実施状況の記録" })).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: "年度" }), { target: { value: String(FY - 1) } });
    await waitFor(() => expect(router.state.location.search).toBe(`?fy=${FY - 1}`));
    expect(await screen.findByText("この年度の記録はまだありません。")).toBeTruthy();
    expect(sent.filter((s) => s.operationName === "ConsultationIntakes").map((s) => s.variables.fiscalYear)).toEqual([
      FY,
      FY - 1,
    ]);
  });

  it("records a consultation without any name, and reloads the list", async () => {
    const created = intake({ id: "i-9", route: "WALK_IN", field: "ELDERLY", outcome: "PENDING", note: "" });
    renderPage(<IntakesPage />, {
      path: "/records/intakes",
      url: "/records/intakes",
      mocks: [
        areas,
        list(FY, []),
        {
          request: {
            query: CreateConsultationIntakeDocument,
            variables: {
              input: {
                receivedOn: today(),
                route: "WALK_IN",
                field: "ELDERLY",
                areaId: "a-1",
                ageBand: "AGE_75_PLUS",
                outcome: "PENDING",
                note: "介護の相談",
              },
            },
          },
          result: {
            data: {
              createConsultationIntake: { __typename: "ConsultationIntakePayload", consultationIntake: created },
            },
          },
          delay: 0,
        },
        list(FY, [created]),
      ],
    });
    await screen.findByText("この年度の記録はまだありません。");
    fireEvent.click(screen.getByRole("button", { name: "新しく記録する" }));
    const form = within(screen.getByRole("form", { name: "相談受付を記録する" }));
    expect(form.getByText("本人や家族の名前は書かないでください。")).toBeTruthy();
    fireEvent.change(form.getByRole("combobox", { name: /^分野/ }), { target: { value: "ELDERLY" } });
    await form.findByRole("option", { name: "みどり野東エリア" });
    fireEvent.change(form.getByRole("combobox", { name: "地区" }), { target: { value: "a-1" } });
    fireEvent.change(form.getByRole("combobox", { name: "年齢層" }), { target: { value: "AGE_75_PLUS" } });
    fireEvent.change(form.getByRole("textbox", { name: "メモ" }), { target: { value: " 介護の相談 " } });
    fireEvent.click(form.getByRole("button", { name: "記録する" }));
    expect(await screen.findByText("記録しました。")).toBeTruthy();
    expect(await screen.findByRole("table", { name: `${FY}年度の相談受付` })).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("corrects one with the version it was read at, and shows the server's messages beside their fields", async () => {
    renderPage(<IntakesPage />, {
      path: "/records/intakes",
      url: "/records/intakes",
      mocks: [
        areas,
        list(FY, [intake()]),
        {
          request: {
            query: UpdateConsultationIntakeDocument,
            variables: {
              input: {
                id: "i-1",
                expectedVersion: 1,
                receivedOn: `${FY}-05-12`,
                route: "PHONE",
                field: "POVERTY",
                areaId: "a-1",
                ageBand: "AGE_40_49",
                outcome: "CLOSED",
                note: "家計の相談",
              },
            },
          },
          result: {
            errors: [
              new GraphQLError("入力内容を確認してください", {
                extensions: {
                  code: "BAD_USER_INPUT",
                  fields: [
                    { field: "input.outcome", messages: ["本人と結びついている相談は「同意→本人登録」のままです"] },
                  ],
                },
              }),
            ],
          },
          delay: 0,
        },
      ],
    });
    fireEvent.click(await screen.findByRole("button", { name: /の相談受付を直す$/ }));
    const form = within(screen.getByRole("form", { name: "相談受付を直す" }));
    expect(form.getByRole<HTMLTextAreaElement>("textbox", { name: "メモ" }).value).toBe("家計の相談");
    fireEvent.change(form.getByRole("combobox", { name: /^結果/ }), { target: { value: "CLOSED" } });
    fireEvent.click(form.getByRole("button", { name: "保存する" }));
    const message = await form.findByText("本人と結びついている相談は「同意→本人登録」のままです");
    const outcome = form.getByRole("combobox", { name: /^結果/ });
    expect(outcome.getAttribute("aria-invalid")).toBe("true");
    expect(outcome.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
  });

  it("links a consented consultation to the person it became, chosen from the persons the viewer sees", async () => {
    const consented = intake({
      outcome: "CONSENTED",
      viewerCan: { __typename: "ConsultationIntakePermissions", update: true, link: true },
    });
    renderPage(<IntakesPage />, {
      path: "/records/intakes",
      url: "/records/intakes",
      mocks: [
        areas,
        list(FY, [consented, intake({ id: "i-2" })]),
        {
          request: { query: IntakePersonChoicesDocument, variables: { text: null } },
          result: {
            data: {
              persons: {
                __typename: "PersonConnection",
                edges: [
                  { __typename: "PersonEdge", node: { __typename: "Person", id: "p-1", displayName: "山田 花子" } },
                ],
              },
            },
          },
          delay: 0,
          maxUsageCount: 5,
        },
        {
          request: {
            query: LinkIntakeToPersonDocument,
            variables: { input: { id: "i-1", personId: "p-1", expectedVersion: 1 } },
          },
          result: {
            data: {
              linkIntakeToPerson: {
                __typename: "ConsultationIntakePayload",
                consultationIntake: {
                  ...consented,
                  version: 2,
                  linked: true,
                  person: { __typename: "Person", id: "p-1", displayName: "山田 花子" },
                },
              },
            },
          },
          delay: 0,
        },
      ],
    });
    const buttons = await screen.findAllByRole("button", { name: /を本人に結びつける$/ });
    // Only the consultation that ended in consent offers it.
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]);
    const form = within(screen.getByRole("form", { name: /を本人に結びつける$/ }));
    const person = form.getByRole("combobox", { name: /^本人/ });
    await within(person).findByRole("option", { name: "山田 花子" });
    fireEvent.change(person, { target: { value: "p-1" } });
    fireEvent.click(form.getByRole("button", { name: "結びつける" }));
    expect(await screen.findByText("本人に結びつけました。")).toBeTruthy();
    const row = within(within(screen.getByRole("table")).getAllByRole("row")[1]);
    expect(row.getByText("山田 花子")).toBeTruthy();
    expect(row.queryByRole("button", { name: /を本人に結びつける$/ })).toBeNull();
  });
});
