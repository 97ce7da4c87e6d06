/**
 * 支援会議 in the browser: an administrator makes a meeting with two coordinators on /admin/support-meetings; one of
 * them registers a person on its track and sees them; the administrator takes that coordinator off the meeting, who
 * then no longer sees the person; the meeting is archived and leaves the registration choices.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";

const ADMIN = "admin@example.jp";
const MEMBER = "coordinator2@example.jp";
const MEMBER_NAME = "中村 裕子 (福祉総務課 相談支援包括化推進員)";
const OTHER_NAME = "佐藤 みのり (コーディネーター)";
const RUN = Date.now().toString(36);
const MEETING = `試験 支援会議 ${RUN}`;
const PERSON = `試験 本人 ${RUN}`;

const { newSession } = useBrowser();
const step = journeySteps();

let admin: Page;
let member: Page;
let personPath: string;

const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
const memberChoice = (page: Page, name: string) =>
  page.getByRole("group", { name: /構成員/ }).getByRole("checkbox", { name: new RegExp(`^${escape(name)} \\(`) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

beforeAll(async () => {
  admin = (await newSession({ as: ADMIN, forFile: true })).page;
  member = (await newSession({ as: MEMBER, forFile: true })).page;
});

describe("支援会議 journey", () => {
  step("an administrator makes a 支援会議 with two coordinators from the admin menu", async () => {
    await visit(admin, "/admin/audit", "監査ログ");
    await admin.getByRole("navigation").getByRole("link", { name: "支援会議", exact: true }).click();
    await waitForPage(admin, "支援会議");
    await admin.getByRole("textbox", { name: /会議の名前/ }).fill(MEETING);
    await memberChoice(admin, MEMBER_NAME).check();
    await memberChoice(admin, OTHER_NAME).check();
    await checkA11y(admin, "support-meetings-form");
    await admin.getByRole("button", { name: "作成する" }).click();
    await admin.getByText(`「${MEETING}」を作成しました。`).waitFor();
    const created = row(admin, MEETING);
    await created.waitFor();
    const text = await created.innerText();
    expect(text).toContain(MEMBER_NAME);
    expect(text).toContain(OTHER_NAME);
    expect(text).toContain("0人");
  });

  step("a member registers a person on its track and sees them", async () => {
    await visit(member, "/people/new", "本人の登録");
    await member.getByRole("textbox", { name: /表示名または仮名/ }).fill(PERSON);
    await member.getByRole("textbox", { name: /よみがな/ }).fill("シケン ホンニン");
    await member.getByRole("radio", { name: "支援会議で扱う (同意の前)" }).check();
    await member.getByRole("combobox", { name: /^支援会議/ }).selectOption({ label: MEETING });
    await member.getByRole("button", { name: "登録する" }).click();
    await member.waitForURL((u) => /^\/people\/[0-9a-f-]{36}$/.test(u.pathname));
    personPath = new URL(member.url()).pathname;
    await waitForPage(member, PERSON);

    await visit(admin, "/admin/support-meetings", "支援会議");
    expect(await row(admin, MEETING).innerText()).toContain("1人");
  });

  step("the administrator takes that coordinator off the meeting: they no longer see the person", async () => {
    await visit(admin, "/admin/support-meetings", "支援会議");
    await admin.getByRole("button", { name: `${MEETING} を編集` }).click();
    await admin.getByRole("heading", { level: 2, name: `${MEETING} を編集` }).waitFor();
    await memberChoice(admin, MEMBER_NAME).uncheck();
    await admin.getByRole("button", { name: "保存する" }).click();
    await admin.getByText(`「${MEETING}」を保存しました。`, { exact: false }).waitFor();
    expect(await row(admin, MEETING).innerText()).not.toContain(MEMBER_NAME);

    await visit(member, personPath, "本人一覧");
    await member.getByText("この本人は見つからないか、見る権限がありません。").waitFor();
    await visit(member, "/people", "本人一覧");
    expect(await member.getByRole("link", { name: PERSON }).count()).toBe(0);
  });

  step("archived after a confirmation, the meeting leaves the registration choices", async () => {
    // The remaining member (the demo coordinator) is offered it until then.
    const other = (await newSession({ as: "coordinator@example.jp" })).page;
    const choicesOf = async () => {
      await visit(other, "/people/new", "本人の登録");
      await other.getByRole("radio", { name: "支援会議で扱う (同意の前)" }).check();
      const select = other.getByRole("combobox", { name: /^支援会議/ });
      await select.locator("option", { hasText: "みどり野市 支援会議" }).waitFor({ state: "attached" });
      return select.locator("option").allInnerTexts();
    };
    expect(await choicesOf()).toContain(MEETING);

    await visit(admin, "/admin/support-meetings", "支援会議");
    await admin.getByRole("button", { name: `${MEETING} をアーカイブ` }).click();
    await admin.getByRole("heading", { level: 2, name: `「${MEETING}」をアーカイブしますか` }).waitFor();
    await checkA11y(admin, "support-meetings-confirm");
    await admin.getByRole("button", { name: "アーカイブする" }).click();
    await admin.getByText(`「${MEETING}」をアーカイブしました。`).waitFor();
    await row(admin, MEETING).waitFor({ state: "detached" });
    await admin.getByRole("checkbox", { name: "アーカイブ済みも表示" }).check();
    expect(await row(admin, MEETING).innerText()).toContain("アーカイブ済み");

    expect(await choicesOf()).not.toContain(MEETING);
  });
});
