import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { CarryTargetsForwardDocument, SetIndicatorTargetsDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { report2023, reportMock, targetsMock, viewerMock } from "./fixtures";
import { TargetsPage } from "./TargetsPage";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2024-06-01T03:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const SET = [
  { indicatorId: "cooperation-organizations", value: 220 },
  { indicatorId: "plan-persons", value: 11 },
  { indicatorId: "kaigo-yobo-leader-trainees", value: 30 },
];
const targetPayload = (targets: { indicatorId: string; value: number }[]) =>
  targets.map((t, i) => ({
    __typename: "IndicatorTarget",
    id: `new-${i}`,
    fiscalYear: 2023,
    setAt: "2024-06-01T03:00:00Z",
    setByName: "高橋 健一",
    ...t,
  }));

const open = (role: string, extra: Parameters<typeof renderPage>[1]["mocks"] = []) =>
  renderPage(<TargetsPage />, {
    path: "/reports/evaluation/targets",
    url: "/reports/evaluation/targets?fy=2023",
    mocks: [viewerMock(role), reportMock(report2023()), targetsMock(2023, SET), ...extra],
  });

const rowOf = (name: string) => screen.getByRole("rowheader", { name: new RegExp(`^${name}`) }).closest("tr")!;

describe("TargetsPage", () => {
  it("lists every indicator with last year's target, this year's and when it was set; saves only what changed", async () => {
    const { sent } = open("ADMIN", [
      {
        request: {
          query: SetIndicatorTargetsDocument,
          variables: {
            input: {
              fiscalYear: 2023,
              values: [
                { indicatorId: "consultation-intakes", value: 120 },
                { indicatorId: "plan-persons", value: 12 },
              ],
            },
          },
        },
        result: {
          data: {
            setIndicatorTargets: {
              __typename: "IndicatorTargetsPayload",
              targets: targetPayload([
                { indicatorId: "consultation-intakes", value: 120 },
                { indicatorId: "plan-persons", value: 12 },
              ]),
            },
          },
        },
        delay: 0,
      },
      targetsMock(2023, [
        ...SET.filter((t) => t.indicatorId !== "plan-persons"),
        { indicatorId: "plan-persons", value: 12 },
        { indicatorId: "consultation-intakes", value: 120 },
      ]),
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "目標値の設定" })).toBeTruthy();
    const coop = await waitFor(() => rowOf("協力依頼機関数"));
    const cells = within(coop).getAllByRole("cell");
    expect(cells[0].textContent).toBe("220機関"); // 2022年度's target, for reference
    expect(within(coop).getByRole<HTMLInputElement>("textbox", { name: "協力依頼機関数の目標値" }).value).toBe("220");
    expect(cells[2].textContent).toBe("2024年4月1日(月) 9:30 高橋 健一");
    expect(
      within(rowOf("相談受付件数"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["未設定", "", "未設定"]);
    expect(within(rowOf("介護予防リーダー受講者数")).getByText("手入力")).toBeTruthy();

    fireEvent.change(screen.getByRole("textbox", { name: "相談受付件数の目標値" }), { target: { value: "120" } });
    fireEvent.change(screen.getByRole("textbox", { name: "支援プラン策定人数の目標値" }), {
      target: { value: "１２" },
    });
    fireEvent.click(screen.getByRole("button", { name: "目標値を保存する" }));
    expect(await screen.findByText("2件の目標値を保存しました。")).toBeTruthy();
    expect(sent.filter((s) => s.operationName === "SetIndicatorTargets")).toHaveLength(1);
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("textbox", { name: "相談受付件数の目標値" }).value).toBe("120"),
    );
  });

  it("shows the server's message beside the box it is about, and a box that is not a number before sending", async () => {
    const { sent } = open("ADMIN", [
      {
        request: {
          query: SetIndicatorTargetsDocument,
          variables: { input: { fiscalYear: 2023, values: [{ indicatorId: "plan-persons", value: 2e9 }] } },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.values.0.value", messages: ["値が大きすぎます"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    const box = await screen.findByRole("textbox", { name: "協力依頼機関数の目標値" });
    fireEvent.change(box, { target: { value: "たくさん" } });
    fireEvent.click(screen.getByRole("button", { name: "目標値を保存する" }));
    expect(within(rowOf("協力依頼機関数")).getByText("数値を入力してください")).toBeTruthy();
    expect(sent.some((s) => s.operationName === "SetIndicatorTargets")).toBe(false);

    fireEvent.change(box, { target: { value: "220" } });
    const plans = screen.getByRole("textbox", { name: "支援プラン策定人数の目標値" });
    fireEvent.change(plans, { target: { value: "2000000000" } });
    fireEvent.click(screen.getByRole("button", { name: "目標値を保存する" }));
    const message = await within(rowOf("支援プラン策定人数")).findByText("値が大きすぎます");
    expect(plans.getAttribute("aria-invalid")).toBe("true");
    expect(plans.getAttribute("aria-describedby")).toBe(message.closest("ul")!.id);
    expect(box.getAttribute("aria-invalid")).toBeNull();
  });

  it("carries last year's targets forward only after a confirmation", async () => {
    const { sent } = open("ADMIN", [
      {
        request: { query: CarryTargetsForwardDocument, variables: { input: { fromYear: 2022, toYear: 2023 } } },
        result: {
          data: {
            carryTargetsForward: {
              __typename: "IndicatorTargetsPayload",
              targets: targetPayload([{ indicatorId: "follow-up-contacts", value: 40 }]),
            },
          },
        },
        delay: 0,
      },
      targetsMock(2023, [...SET, { indicatorId: "follow-up-contacts", value: 40 }]),
    ]);
    await screen.findByRole("textbox", { name: "協力依頼機関数の目標値" });
    fireEvent.click(screen.getByRole("button", { name: "前年度の目標を引き継ぐ" }));
    const confirm = within(
      screen.getByRole("heading", { level: 2, name: "前年度の目標を引き継ぎますか" }).closest("section")!,
    );
    expect(confirm.getByText(/2022年度の目標値を、2023年度にまだ目標値のない指標に写します/)).toBeTruthy();
    fireEvent.click(confirm.getByRole("button", { name: "やめる" }));
    expect(screen.queryByRole("heading", { name: "前年度の目標を引き継ぎますか" })).toBeNull();
    expect(sent.some((s) => s.operationName === "CarryTargetsForward")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "前年度の目標を引き継ぐ" }));
    fireEvent.click(screen.getByRole("button", { name: "引き継ぐ" }));
    expect(await screen.findByText("1件の目標値を引き継ぎました。")).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLInputElement>("textbox", { name: "フォローアップの連絡・訪問の延べ件数の目標値" }).value,
      ).toBe("40"),
    );
  });

  it("shows a reader the targets without boxes or buttons", async () => {
    open("VIEWER");
    await waitFor(() => rowOf("協力依頼機関数"));
    expect(within(rowOf("協力依頼機関数")).getAllByRole("cell")[1].textContent).toBe("220機関");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "前年度の目標を引き継ぐ" })).toBeNull();
    expect(screen.getByText("目標値は管理者が設定します。")).toBeTruthy();
  });
});
