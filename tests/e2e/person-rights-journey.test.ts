/**
 * 本人の権利 in the browser: a coordinator opens a person's 開示 (the A4 page of everything held about them, which
 * passes axe), comes back and stops the person (利用停止) with a reason: the page shows the 利用停止 badge and the
 * person can no longer be suggested. The person is made for this file and resumed afterwards.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { apiAs, todayInJapan } from "./support/api";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const COORDINATOR = "coordinator@example.jp";
const RUN = Date.now().toString(36);
const NAME = `開示 テスト ${RUN}`;

const coordinatorApi = apiAs(COORDINATOR);
const { newSession } = useBrowser();
const step = journeySteps();

let page: Page;
let personId: string;

beforeAll(async () => {
  const created = await coordinatorApi<{ createPerson: { person: { id: string } } }>(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
    {
      input: {
        displayName: NAME,
        nameKana: "カイジ テスト",
        contactNote: "夕方に電話",
        consent: { purpose: "INFORMATION_SHARING", facts: [], method: "WRITTEN", givenOn: todayInJapan() },
      },
    },
  );
  personId = created.createPerson.person.id;
  page = (await newSession({ as: COORDINATOR, forFile: true })).page;
});

afterAll(async () => {
  await coordinatorApi(`mutation($input: ResumePersonUseInput!) { resumePersonUse(input: $input) { person { id } } }`, {
    input: { personId },
  }).catch(() => undefined);
});

describe("本人の権利 journey", () => {
  step("the person page leads to the 開示: every section of what is held, readable and printable", async () => {
    await visit(page, `/people/${personId}`, NAME);
    await page.getByRole("link", { name: "開示の書面を開く" }).click();
    await waitForPage(page, `開示: ${NAME}`);
    for (const section of ["基本情報", "同意の記録", "マッチング (段階と経過)", "受け入れ先に見せた情報"])
      await page.getByRole("heading", { name: section, level: 2 }).waitFor();
    expect(await page.getByText("夕方に電話").count()).toBeGreaterThan(0);
    // Who read the record: the coordinator's own reads of it are listed.
    const log = page
      .getByRole("heading", { name: "この記録を見た人・変更した人", level: 2 })
      .locator("xpath=..")
      .getByRole("row");
    expect(await log.count()).toBeGreaterThan(1);
    expect(await page.getByRole("link", { name: "開示データ (JSON) をダウンロード" }).getAttribute("href")).toBe(
      `/export/person/${personId}/disclosure.json?download=1`,
    );
    await checkA11y(page, "person-disclosure");
  });

  step("stops the person with a reason: the 利用停止 badge shows and suggestions are gone", async () => {
    await page.getByRole("link", { name: "本人の詳細に戻る" }).click();
    await waitForPage(page, new RegExp(NAME));
    await page.getByRole("button", { name: "利用停止にする" }).click();
    const form = page.getByRole("form", { name: "利用停止にする" });
    await form.getByRole("textbox", { name: /^利用停止の理由/ }).fill("本人から利用停止の申出");
    await checkA11y(page, "person-stop-form");
    await form.getByRole("button", { name: "利用停止を記録する" }).click();
    await page.getByText("利用停止にしました。").waitFor();
    await page.getByRole("heading", { level: 1 }).getByText("利用停止").waitFor();
    await page.getByText(/から利用停止中 \(理由: 本人から利用停止の申出\)/).waitFor();
    expect(await page.getByRole("button", { name: "利用を再開する" }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "おすすめの資源" }).count()).toBe(0);
  });
});
