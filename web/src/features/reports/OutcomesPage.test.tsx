import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { OutcomesDocument } from "../../gql/graphql";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import { renderPage } from "../../ui/test-utils";
import { summary2026 } from "./fixtures";
import { OutcomesPage } from "./OutcomesPage";

afterEach(cleanup);

// The charts need a laid-out page; happy-dom has none, so recharts' ResponsiveContainer draws nothing here (the
// figures are asserted through the table, which is the accessible form of the same numbers).
const current = fiscalYearOf(today());

function withTypenames(fiscalYear: number) {
  const ratio = (r: { numerator: number; denominator: number; rate: number | null }) => ({ __typename: "Ratio", ...r });
  const s = summary2026;
  return {
    __typename: "OutcomeSummary", ...s, fiscalYear,
    settlingRate3Months: ratio(s.settlingRate3Months), settlingRate6Months: ratio(s.settlingRate6Months),
    changeRate: ratio(s.changeRate), consentRate: ratio(s.consentRate),
    followUps: { __typename: "OutcomeFollowUps", ...s.followUps, onTimeRate: ratio(s.followUps.onTimeRate) },
  };
}

const mock = (fiscalYear: number) => ({
  request: { query: OutcomesDocument, variables: { fiscalYear } },
  result: { data: { outcomeSummary: withTypenames(fiscalYear) } },
  delay: 0,
});

describe("OutcomesPage", () => {
  it("shows this 年度's figures with their definitions, and switches 年度 through the URL", async () => {
    const { router, sent } = renderPage(<OutcomesPage />, { path: "/outcomes", url: "/outcomes", mocks: [mock(current), mock(current - 1)] });

    expect(await screen.findByRole("heading", { level: 1, name: "成果" })).toBeTruthy();
    const year = screen.getByRole<HTMLSelectElement>("combobox", { name: "年度" });
    expect(year.value).toBe(String(current));
    expect([...year.options].map((o) => o.text)).toEqual([0, 1, 2, 3, 4].map((i) => `${current - i}年度`));

    const row = (await screen.findByRole("rowheader", { name: "マッチング件数" })).closest("tr")!;
    expect(within(row).getByText("18件")).toBeTruthy();
    expect(within(row).getByText(/「本人へ提案」に初めて入った日/)).toBeTruthy();
    const settling = screen.getByRole("rowheader", { name: "3か月定着率" }).closest("tr")!;
    expect(settling.textContent).toContain("66.7%");
    expect(settling.textContent).toContain("(2 / 3)");
    expect(screen.getByRole("rowheader", { name: "6か月定着率" }).closest("tr")!.textContent).toContain("対象なし");
    expect(screen.getByText("期限切れ (未実施)").nextElementSibling?.textContent).toBe("4件");
    // 期日到来 = 期限内 + 遅れて + 期限切れ + 本日 (41 = 30 + 6 + 4 + 1): the parts a coordinator sees add up.
    const shown = (label: string) => Number(screen.getByText(label).nextElementSibling?.textContent?.replace("件", ""));
    expect(shown("本日が予定日 (未実施)")).toBe(1);
    expect(shown("期限内に実施") + shown("遅れて実施") + shown("期限切れ (未実施)") + shown("本日が予定日 (未実施)")).toBe(shown("期日到来の予定"));

    fireEvent.change(year, { target: { value: String(current - 1) } });
    expect(await screen.findByText(`${current - 1}年度の成果指標`)).toBeTruthy();
    expect(router.state.location.search).toBe(`?fy=${current - 1}`);
    expect(sent.map((s) => s.variables.fiscalYear)).toEqual([current, current - 1]);
  });

  it("leaves the months not reached yet empty in the monthly table, not 0件", async () => {
    // 22 November 2026 in Japan; only Date is faked, so Apollo's and React's timers still run.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T03:00:00Z"));
    try {
      renderPage(<OutcomesPage />, { path: "/outcomes", url: "/outcomes", mocks: [mock(2026)] });
      const table = await screen.findByRole("table", { name: "2026年度の月別のマッチング件数と参加開始数" });
      const cells = (month: string) => within(within(table).getByRole("rowheader", { name: month }).closest("tr")!)
        .getAllByRole("cell").map((c) => c.textContent);
      expect(cells("11月")).toEqual(["2件", "1件"]);
      for (const month of ["12月", "1月", "2月", "3月"]) {
        expect(cells(month)).toEqual(["—まだこの月になっていません", "—まだこの月になっていません"]);
      }
      expect(within(table).queryByText("0件")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("downloads the CSV with the 年度 in its name", async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:outcomes";
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    renderPage(<OutcomesPage />, { path: "/outcomes", url: "/outcomes", mocks: [mock(current)] });
    await screen.findByRole("rowheader", { name: "マッチング件数" });
    fireEvent.click(screen.getByRole("button", { name: "CSVをダウンロード" }));

    expect(clicked[0].download).toBe(`成果指標_${current}年度.csv`);
    expect(created[0].type).toBe("text/csv;charset=utf-8");
    const text = await created[0].text();
    expect(text.startsWith("\uFEFF年度,指標,値,単位,分子,分母\r\n")).toBe(true);
    click.mockRestore();
    vi.unstubAllGlobals();
  });
});
