import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { SetIndicatorEnteredValuesDocument, SetReportNarrativeDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { areasMock, report2023, reportMock, viewerMock } from "./fixtures";
import { EvaluationReportPage } from "./EvaluationReportPage";

// 1 June 2024 in Japan: this 年度 is 2024, so the fixture's 2023 is one of the choices (?fy=2023). Only Date is
// faked, so Apollo's and React's timers still run.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2024-06-01T03:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const open = (role: string, extra: Parameters<typeof renderPage>[1]["mocks"] = []) =>
  renderPage(<EvaluationReportPage />, {
    path: "/reports/evaluation",
    url: "/reports/evaluation?fy=2023",
    mocks: [viewerMock(role), areasMock, reportMock(report2023()), ...extra],
  });

const indicator = (name: string) =>
  screen.getByRole("heading", { level: 3, name: new RegExp(name) }).closest("article")!;

describe("EvaluationReportPage", () => {
  it("shows each 事業's indicators with targets, actuals, 達成率 and buckets, and the summary tables", async () => {
    open("VIEWER");
    expect(await screen.findByRole("heading", { level: 1, name: "実施状況報告" })).toBeTruthy();
    const year = screen.getByRole<HTMLSelectElement>("combobox", { name: "年度" });
    expect(year.value).toBe("2023");
    expect([...year.options].map((o) => o.text).slice(0, 2)).toEqual(["令和6年度 (2024年度)", "令和5年度 (2023年度)"]);

    await screen.findByRole("heading", { level: 2, name: "第2号事業 参加支援事業" });
    expect(screen.getByRole("link", { name: "Excel (.xlsx) で書き出す" }).getAttribute("href")).toBe(
      "/export/evaluation-report.xlsx?fiscalYear=2023",
    );
    expect(screen.getByRole("link", { name: "CSV で書き出す" }).getAttribute("href")).toBe(
      "/export/evaluation-report.csv?fiscalYear=2023",
    );
    expect(screen.getAllByRole("heading", { level: 2, name: /^第\d号事業/ }).map((h) => h.textContent)).toHaveLength(5);

    // 協力依頼機関数: 63 of 220 → 28.6%, bucket 25%以上; its table has the four 年度.
    const coop = within(indicator("協力依頼機関数"));
    expect(coop.getByRole("heading", { name: "№2 協力依頼機関数" })).toBeTruthy();
    expect(coop.getByText("2023年度の達成率:", { exact: false }).textContent).toContain("28.6%");
    expect(coop.getByText("25%以上")).toBeTruthy();
    const table = coop.getByRole("table", { name: "協力依頼機関数の年度ごとの目標・実績・達成率" });
    const cells = (y: string) =>
      within(within(table).getByRole("rowheader", { name: y }).closest("tr")!)
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["2020年度", "2021年度", "2022年度", "2023年度"]);
    expect(cells("2023年度")).toEqual(["220機関", "63機関", "28.6%"]);
    expect(cells("2020年度")).toEqual(["200機関", "40機関", "20.0%"]);
    // The chart draws the same four 年度 (bars for actuals, lines for targets) and is hidden from screen readers.
    const chart = indicator("協力依頼機関数").querySelector("svg")!;
    expect(chart.closest("[aria-hidden='true']")).toBeTruthy();
    expect([...chart.querySelectorAll(".indicator-chart__bar")].map((b) => b.getAttribute("data-value"))).toEqual([
      "40",
      "51",
      "58",
      "63",
    ]);
    expect([...chart.querySelectorAll(".indicator-chart__target")].map((b) => b.getAttribute("data-value"))).toEqual([
      "200",
      "200",
      "220",
      "220",
    ]);

    // 9 of 11 → 81.8%, two 分野; an indicator with no target has no 達成率.
    const plans = within(indicator("支援プラン策定人数"));
    expect(plans.getByText("2023年度の達成率:", { exact: false }).textContent).toContain("81.8%");
    expect(plans.getByText("75%以上")).toBeTruthy();
    expect(plans.getByText("生活困窮")).toBeTruthy();
    expect(within(indicator("相談受付件数")).getByText("2023年度の達成率:", { exact: false }).textContent).toContain(
      "目標が設定されていないため計算できません",
    );
    // 手入力 marked; the definition readable; a VIEWER gets no input and no narrative form.
    expect(within(indicator("介護予防リーダー受講者数")).getByText("手入力")).toBeTruthy();
    expect(within(indicator("相談受付件数")).getByText("相談受付件数の定義")).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getByText("協力依頼機関数は目標に届かなかった。")).toBeTruthy();
    expect(screen.getByText("最終更新: 2024年5月10日(金) 10:00 (高橋 健一)")).toBeTruthy();

    // Summary: by 事業 (with the 合計 row), the funnel and the breakdowns with their labels.
    const byJigyo = screen.getByRole("table", { name: "2023年度の事業別の達成率の区分ごとの指標の数" });
    const jigyo2 = within(within(byJigyo).getByRole("rowheader", { name: "第2号事業 参加支援事業" }).closest("tr")!);
    expect(jigyo2.getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "1", "0", "1", "0", "0", "2", "1"]);
    expect(within(byJigyo).getByRole("rowheader", { name: "合計" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "2023年度の分野別の達成率の区分ごとの指標の数" })).toBeTruthy();
    const funnel = screen.getByRole("table", { name: "2023年度の参加支援の流れ" });
    const step = (name: string) =>
      within(within(funnel).getByRole("rowheader", { name }).closest("tr")!)
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(step("相談受付件数")).toEqual(["107件", ""]);
    expect(step("同意者数")).toEqual(["9人", ""]);
    expect(step("支援プラン策定人数")).toEqual(["9人", "新規 4人 / 再プラン 5人"]);
    expect(step("支援人数 (繰越を含む)")).toEqual(["20人", "うち前年度からの繰越 11人"]);
    const areas = screen.getByRole("table", { name: "2023年度の地区別の内訳" });
    expect(within(areas).getByRole("rowheader", { name: "みどり野北エリア" }).closest("tr")!.textContent).toContain(
      "70件",
    );
    expect(within(areas).getByRole("rowheader", { name: "全市・地区なし" })).toBeTruthy();
    const methods = screen.getByRole("table", { name: "2023年度の方法別の内訳" });
    expect(within(methods).getByRole("rowheader", { name: "電話" }).closest("tr")!.textContent).toContain("30件");
    expect(screen.getByRole("table", { name: "2023年度の対象別の内訳" }).textContent).toContain("生活困窮");
  });

  it("gives an administrator the hand-entered actual's box on hand-entered indicators only, and saves it", async () => {
    const after = report2023();
    after.rows[4] = {
      ...after.rows[4],
      years: after.rows[4].years.map((y) => (y.fiscalYear === 2023 ? { ...y, actual: 40, rate: 133.3 } : y)),
      rate: 133.3,
    };
    const { sent } = open("ADMIN", [
      {
        request: {
          query: SetIndicatorEnteredValuesDocument,
          variables: {
            input: { fiscalYear: 2023, values: [{ indicatorId: "kaigo-yobo-leader-trainees", value: 40 }] },
          },
        },
        result: {
          data: {
            setIndicatorEnteredValues: {
              __typename: "IndicatorEnteredValuesPayload",
              values: [
                {
                  __typename: "IndicatorEnteredValue",
                  id: "e-1",
                  indicatorId: "kaigo-yobo-leader-trainees",
                  fiscalYear: 2023,
                  value: 40,
                },
              ],
            },
          },
        },
        delay: 0,
      },
      reportMock(after),
    ]);
    await screen.findByRole("heading", { level: 2, name: "第3号事業 地域づくり事業" });
    const boxes = screen.getAllByRole("textbox", { name: "2023年度の実績 (手入力)" });
    expect(boxes).toHaveLength(1);
    expect(indicator("介護予防リーダー受講者数").contains(boxes[0])).toBe(true);
    expect((boxes[0] as HTMLInputElement).value).toBe("36");
    fireEvent.change(boxes[0], { target: { value: "40" } });
    fireEvent.click(screen.getByRole("button", { name: "実績を保存する" }));
    expect(await screen.findByText("実績を保存しました。")).toBeTruthy();
    expect(sent.filter((s) => s.operationName === "SetIndicatorEnteredValues")).toHaveLength(1);
    await waitFor(() =>
      expect(
        within(indicator("介護予防リーダー受講者数")).getByText("2023年度の達成率:", { exact: false }).textContent,
      ).toContain("133.3%"),
    );
  });

  it("saves a narrative, shows the server's field messages beside their box, and 保存しました after a good save", async () => {
    const input = (achievementEvaluation: string) => ({
      fiscalYear: 2023,
      jigyo: 2,
      achievementEvaluation,
      issuesAndDirection: "企業への依頼を広げる。",
    });
    const saved = report2023();
    saved.narratives = [
      { ...saved.narratives[0], achievementEvaluation: "目標の3割に届いた。", updatedAt: "2024-06-01T03:00:00Z" },
    ];
    const { sent } = open("ADMIN", [
      {
        request: { query: SetReportNarrativeDocument, variables: { input: input("長".repeat(4001)) } },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [{ field: "input.achievementEvaluation", messages: ["4000文字以内にしてください"] }],
              },
            }),
          ],
        },
        delay: 0,
      },
      {
        request: { query: SetReportNarrativeDocument, variables: { input: input("目標の3割に届いた。") } },
        result: {
          data: { setReportNarrative: { __typename: "ReportNarrativePayload", narrative: saved.narratives[0] } },
        },
        delay: 0,
      },
      reportMock(saved),
    ]);
    const section = within(
      (await screen.findByRole("heading", { level: 3, name: "評価 (第2号)" })).closest("section")!,
    );
    const achievement = section.getByRole<HTMLTextAreaElement>("textbox", { name: "【達成度評価】" });
    expect(achievement.value).toBe("協力依頼機関数は目標に届かなかった。");
    expect(section.getByRole<HTMLTextAreaElement>("textbox", { name: "【今後の課題と方向性】" }).value).toBe(
      "企業への依頼を広げる。",
    );

    fireEvent.change(achievement, { target: { value: "長".repeat(4001) } });
    fireEvent.click(section.getByRole("button", { name: "評価を保存する" }));
    const message = await section.findByText("4000文字以内にしてください");
    expect(achievement.getAttribute("aria-invalid")).toBe("true");
    expect(achievement.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    expect(section.getByRole("alert").textContent).toContain("入力内容を確認してください");

    fireEvent.change(section.getByRole("textbox", { name: "【達成度評価】" }), {
      target: { value: "目標の3割に届いた。" },
    });
    fireEvent.click(section.getByRole("button", { name: "評価を保存する" }));
    await waitFor(() => expect(sent.filter((s) => s.operationName === "SetReportNarrative")).toHaveLength(2));
    expect(await screen.findByText("保存しました。")).toBeTruthy();
    expect(screen.queryByText("4000文字以内にしてください")).toBeNull();
  });
});
