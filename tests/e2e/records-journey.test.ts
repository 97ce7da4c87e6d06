/**
 * 実施状況の記録 in the browser: a coordinator reaches the records from the menu and records one of each kind (相談受付,
 * 会議, 協力依頼, 受け入れ先支援), each form passing axe while filled in, each record then listed in this 年度.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const COORDINATOR = "coordinator@example.jp";
const HOST_ORG = "社会福祉法人 若葉会";
const RUN = Date.now().toString(36);

const { newSession } = useBrowser();
const step = journeySteps();

let page: Page;

const recordsTab = (name: string) =>
  page.getByRole("navigation", { name: "実施状況の記録" }).getByRole("link", { name, exact: true });
const table = () => page.getByRole("table");

beforeAll(async () => {
  page = (await newSession({ as: COORDINATOR, forFile: true })).page;
});

describe("実施状況の記録 journey", () => {
  step("the menu leads to 相談受付; a consultation is recorded without any name", async () => {
    await visit(page, "/today");
    await page
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "実施状況の記録" })
      .click();
    await waitForPage(page, "相談受付");
    await page.getByRole("button", { name: "新しく記録する" }).click();
    const form = page.getByRole("form", { name: "相談受付を記録する" });
    await form.getByRole("combobox", { name: /^経路/ }).selectOption({ label: "関係機関からの紹介" });
    await form.getByRole("combobox", { name: /^分野/ }).selectOption({ label: "生活困窮" });
    await form.getByRole("combobox", { name: "年齢層" }).selectOption({ label: "40代" });
    await form.getByRole("combobox", { name: /^結果/ }).selectOption({ label: "情報提供のみ" });
    await form.getByRole("textbox", { name: "メモ" }).fill(`家計の相談 ${RUN}`);
    await checkA11y(page, "intake-form");
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByText("記録しました。").waitFor();
    const row = table()
      .getByRole("row")
      .filter({ hasText: `家計の相談 ${RUN}` });
    await row.waitFor();
    expect(await row.innerText()).toContain("関係機関からの紹介");
  });

  step("a meeting with an attending organization", async () => {
    await recordsTab("会議の記録").click();
    await waitForPage(page, "会議の記録");
    await page.getByRole("button", { name: "新しく記録する" }).click();
    const form = page.getByRole("form", { name: "会議の記録を作る" });
    await form.getByRole("combobox", { name: /^種類/ }).selectOption({ label: "ネットワーク会議・協議体" });
    await form.getByRole("textbox", { name: /^会議名・議題/ }).fill(`第2層協議体 ${RUN}`);
    await form.getByRole("combobox", { name: "団体を選んでください" }).selectOption({ label: HOST_ORG });
    await form.getByRole("button", { name: "団体を加える" }).click();
    await form.getByRole("button", { name: `${HOST_ORG}を外す` }).waitFor();
    await checkA11y(page, "meeting-form");
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByText("記録しました。").waitFor();
    const row = table()
      .getByRole("row")
      .filter({ hasText: `第2層協議体 ${RUN}` });
    await row.waitFor();
    expect(await row.innerText()).toContain(HOST_ORG);
  });

  step("a request to an organization, recorded while its answer is pending", async () => {
    await recordsTab("協力依頼").click();
    await waitForPage(page, "協力依頼");
    await page.getByRole("button", { name: "新しく記録する" }).click();
    const form = page.getByRole("form", { name: "協力依頼を記録する" });
    await form.getByRole("combobox", { name: /^依頼した団体/ }).selectOption({ label: HOST_ORG });
    await form.getByRole("combobox", { name: /^依頼の内容/ }).selectOption({ label: "場・活動の創出" });
    await form.getByRole("textbox", { name: "メモ" }).fill(`夜の居場所の相談 ${RUN}`);
    await checkA11y(page, "cooperation-form");
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByText("記録しました。").waitFor();
    const row = table()
      .getByRole("row")
      .filter({ hasText: `夜の居場所の相談 ${RUN}` });
    await row.waitFor();
    expect(await row.innerText()).toContain("回答待ち");
  });

  step("support given to a host, outside any match", async () => {
    await recordsTab("受け入れ先支援").click();
    await waitForPage(page, "受け入れ先支援");
    await page.getByRole("button", { name: "新しく記録する" }).click();
    const form = page.getByRole("form", { name: "受け入れ先支援を記録する" });
    await form.getByRole("combobox", { name: /^支援した団体/ }).selectOption({ label: HOST_ORG });
    await form.getByRole("combobox", { name: /^内容/ }).selectOption({ label: "助言" });
    await form.getByRole("combobox", { name: /^方法/ }).selectOption({ label: "電話" });
    await form.getByRole("textbox", { name: "メモ" }).fill(`受け入れの心構え ${RUN}`);
    await checkA11y(page, "host-support-form");
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByText("記録しました。").waitFor();
    const row = table()
      .getByRole("row")
      .filter({ hasText: `受け入れの心構え ${RUN}` });
    await row.waitFor();
    expect(await row.innerText()).toContain("助言");
  });
});
