/**
 * 実施状況報告 in the browser: an administrator opens the report for this 年度 from the menu, sets a target on the
 * targets screen, sees its 達成率 in the report, writes a 第2号事業 narrative and finds it after a reload; both pages
 * pass axe. Then the print view: the menu is hidden, every 事業 section starts a new page, and Chromium's A4 PDF has
 * at least one page per 事業. The target and the narrative stay in the demo city (no other file reads them).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { apiAs, fiscalYearOf, todayInJapan } from "./support/api";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const ADMIN = "admin@example.jp";
const INDICATOR = "matchings";
const NAME = "マッチング件数";

const adminApi = apiAs(ADMIN);
const { newSession } = useBrowser();
const step = journeySteps();

type Row = {
  indicatorId: string;
  rate: number | null;
  years: { fiscalYear: number; target: number | null; actual: number | null }[];
};
const reportRow = async (fiscalYear: number): Promise<Row> => {
  const { evaluationReport } = await adminApi<{ evaluationReport: { rows: Row[] } }>(
    `query($y: Int!) { evaluationReport(fiscalYear: $y) { rows { indicatorId rate years { fiscalYear target actual } } } }`,
    { y: fiscalYear },
  );
  return evaluationReport.rows.find((r) => r.indicatorId === INDICATOR)!;
};

let admin: Page;
const fiscalYear = fiscalYearOf(todayInJapan());
let target: number;
const narrative = `協力依頼の対象を広げ、目標に近づいた (${Date.now()})`;

beforeAll(async () => {
  admin = (await newSession({ as: ADMIN, forFile: true })).page;
  // A target the demo city does not have yet, above this 年度's actual, so the 達成率 is the test's own.
  const now = await reportRow(fiscalYear);
  const { actual, target: before } = now.years.at(-1)!;
  target = Math.max((actual ?? 0) * 2, 10);
  if (before === target) target += 1;
});

const indicator = (page: Page, name: string) =>
  page.locator("article").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^№\\d+ ${name}$`) }) });

describe("evaluation report journey", () => {
  step(
    "opens 実施状況報告 from the menu for this 年度: five 事業 sections, the summary, no axe violation",
    async () => {
      await visit(admin, "/outcomes", "成果");
      await admin
        .getByRole("navigation", { name: "メインメニュー" })
        .getByRole("link", { name: "実施状況報告" })
        .click();
      await waitForPage(admin, "実施状況報告");
      const year = admin.getByRole("combobox", { name: "年度" });
      await year.selectOption(String(fiscalYear));
      expect(await year.inputValue()).toBe(String(fiscalYear));
      await admin.getByRole("heading", { level: 2, name: "第2号事業 参加支援事業" }).waitFor();
      expect(await admin.locator("section[data-jigyo]").count()).toBe(5);
      await admin.getByRole("heading", { level: 2, name: "達成状況のまとめ" }).waitFor();
      await admin.getByRole("table", { name: `${fiscalYear}年度の参加支援の流れ` }).waitFor();
      expect(await admin.getByRole("link", { name: "Excel (.xlsx) で書き出す" }).getAttribute("href")).toBe(
        `/export/evaluation-report.xlsx?fiscalYear=${fiscalYear}`,
      );
      await checkA11y(admin, "evaluation-report");
    },
  );

  step("sets the target on the targets screen; the report then shows its 達成率", async () => {
    await admin.getByRole("link", { name: "目標値を設定する" }).click();
    await waitForPage(admin, "目標値の設定");
    const box = admin.getByRole("textbox", { name: `${NAME}の目標値`, exact: true });
    await box.fill(String(target));
    await admin.getByRole("button", { name: "目標値を保存する" }).click();
    await admin.getByText("1件の目標値を保存しました。").waitFor();
    expect(await box.inputValue()).toBe(String(target));
    // Who set it and when, on its row.
    expect(await admin.getByRole("row").filter({ has: box }).innerText()).toContain("高橋 健一");
    await checkA11y(admin, "evaluation-targets");
    const saved = await reportRow(fiscalYear);
    expect(saved.years.at(-1)!.target).toBe(target);
    expect(saved.rate).not.toBeNull();

    await admin.getByRole("link", { name: "実施状況報告へ戻る" }).click();
    await waitForPage(admin, "実施状況報告");
    const item = indicator(admin, NAME);
    const rateLine = item.getByText(`${fiscalYear}年度の達成率:`);
    await expect.poll(() => rateLine.innerText()).toContain(`${saved.rate!.toFixed(1)}%`);
    const row = item
      .getByRole("table")
      .getByRole("row")
      .filter({ has: admin.getByRole("rowheader", { name: `${fiscalYear}年度` }) });
    expect(await row.getByRole("cell").first().innerText()).toBe(`${target}件`);
  });

  step("writes the 第2号事業 narrative; it is there after a reload", async () => {
    const section = admin
      .locator("section.narrative")
      .filter({ has: admin.getByRole("heading", { name: "評価 (第2号)" }) });
    const box = section.getByRole("textbox", { name: "【達成度評価】" });
    await box.fill(narrative);
    await section.getByRole("button", { name: "評価を保存する" }).click();
    await section.getByText("保存しました。").waitFor();
    await admin.reload();
    await waitForPage(admin, "実施状況報告");
    await admin.getByRole("heading", { name: "評価 (第2号)" }).waitFor();
    expect(await section.getByRole("textbox", { name: "【達成度評価】" }).inputValue()).toBe(narrative);
  });

  step("prints on A4: no menu, each 事業 on a new page, at least one PDF page per 事業", async () => {
    await admin.emulateMedia({ media: "print" });
    try {
      expect(await admin.getByRole("navigation", { name: "メインメニュー" }).isVisible()).toBe(false);
      expect(await admin.getByRole("button", { name: "印刷" }).isVisible()).toBe(false);
      const breaks = await admin
        .locator("section[data-jigyo]")
        .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
      expect(breaks).toEqual(["page", "page", "page", "page", "page"]);
      // Table rows and indicators are not cut across pages; the bars print as a hatch pattern, not a colour.
      const cut = await admin
        .locator(".evaluation-report tr, .evaluation-report article.indicator")
        .evaluateAll((els) => els.filter((el) => getComputedStyle(el).breakInside !== "avoid").length);
      expect(cut).toBe(0);
      const fills = await admin
        .locator(".indicator-chart__bar")
        .evaluateAll((bars) => [...new Set(bars.map((b) => (b.getAttribute("fill") ?? "").startsWith("url(#")))]);
      expect(fills).toEqual([true]);
      // The saved narrative prints as text (the form's boxes are hidden).
      expect(await admin.locator(".narrative__text p", { hasText: narrative }).isVisible()).toBe(true);
      const pdf = await admin.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // Page objects ("/Type /Page", not the "/Type /Pages" tree nodes).
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(5);
    } finally {
      await admin.emulateMedia({ media: "screen" });
    }
  });
});
