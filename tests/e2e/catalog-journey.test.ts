/**
 * The catalog screens, in the browser: a coordinator registers a listing with a 第2・第4火曜 schedule in the form and
 * finds it in search once the index has caught up (through the outbox relay); then sends 「確認を依頼」 from the
 * stale-listing queue, and the host sees the request on its portal and answers it (掲載内容を確認しました).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { apiAs } from "./support/api";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";
import { organizationNamed, waitUntilSearchable } from "./support/seed";

const COORDINATOR = "coordinator@example.jp";
const HOST = "host@example.jp";
const HOST_ORGANIZATION = "社会福祉法人 若葉会";
const AREA = "みどり野北エリア";
// Katakana, so its reading sorts after the demo listings: the host journey works on the organization's first ones.
const NAME = `ワカバ試験サロン ${Date.now().toString(36)}`;

const coordinatorApi = apiAs(COORDINATOR);
const hostApi = apiAs(HOST);
const { newSession } = useBrowser();
const step = journeySteps();

let coordinator: Page;
let host: Page;
let listingId: string;

beforeAll(async () => {
  coordinator = (await newSession({ as: COORDINATOR, forFile: true })).page;
  host = (await newSession({ as: HOST, forFile: true })).page;
});

describe("catalog journey", () => {
  step("registers a listing with its host, 地区 and a 第2・第4火曜 schedule in the form", async () => {
    await visit(coordinator, "/catalog", "資源の管理");
    await coordinator.getByRole("link", { name: "資源を登録する" }).click();
    await waitForPage(coordinator, "資源の登録");
    await coordinator.getByRole("textbox", { name: /^名称/ }).fill(NAME);
    await coordinator.getByRole("combobox", { name: /^種類/ }).selectOption({ label: "サロン" });
    await coordinator.getByRole("searchbox", { name: "団体を名前でさがす" }).fill("若葉会");
    const hostSelect = coordinator.getByRole("combobox", { name: /^運営する団体/ });
    await hostSelect.locator("option", { hasText: HOST_ORGANIZATION }).waitFor({ state: "attached" });
    await hostSelect.selectOption({ label: HOST_ORGANIZATION });
    await coordinator.getByRole("group", { name: "地区" }).getByRole("checkbox", { name: AREA }).check();
    await coordinator.getByRole("textbox", { name: "定員" }).fill("15");

    await coordinator.getByRole("button", { name: "開催ルールを追加" }).click();
    const rule = coordinator.getByRole("group", { name: "開催ルール 1" });
    await rule.getByRole("radio", { name: "毎月 第○週" }).check();
    await rule.getByRole("checkbox", { name: "第2" }).check();
    await rule.getByRole("checkbox", { name: "第4" }).check();
    await rule.getByRole("checkbox", { name: "火曜" }).check();
    await rule.getByLabel("開始時刻").fill("10:00");
    await rule.getByLabel("終了時刻").fill("11:30");
    await checkA11y(coordinator, "catalog-listing-new");
    await coordinator.getByRole("button", { name: "登録する" }).click();

    await coordinator.waitForURL((u) => /^\/resources\/[0-9a-f-]{36}$/.test(u.pathname));
    await waitForPage(coordinator, NAME);
    listingId = new URL(coordinator.url()).pathname.split("/").pop()!;
    await coordinator.getByText("資源を登録しました。").waitFor();
    await coordinator.getByText("第2・第4火曜 10:00〜11:30").first().waitFor();
  });

  step("finds the new listing in search once the index has caught up", async () => {
    await waitUntilSearchable(coordinatorApi, { id: listingId, name: NAME });
    await visit(coordinator, "/resources", "資源をさがす");
    await coordinator.getByLabel("キーワードで探す").fill(NAME);
    const link = coordinator.locator(`a[href="/resources/${listingId}"]`).first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.innerText()).toContain(NAME);
  });

  step("edits it: the form starts from what is saved and the change is kept", async () => {
    await visit(coordinator, `/resources/${listingId}`, NAME);
    await coordinator.getByRole("link", { name: "この資源を編集する" }).click();
    await waitForPage(coordinator, `${NAME} の編集`);
    const capacity = coordinator.getByRole("textbox", { name: "定員" });
    expect(await capacity.inputValue()).toBe("15");
    await capacity.fill("18");
    await coordinator.getByRole("button", { name: "保存する" }).click();
    await coordinator.waitForURL((u) => u.pathname === `/resources/${listingId}`);
    await coordinator.getByText("保存しました。").waitFor();
    const saved = await coordinatorApi<{ resource: { capacity: number; scheduleText: string } }>(
      `query($id: ID!) { resource(id: $id) { capacity scheduleText } }`,
      { id: listingId },
    );
    expect(saved.resource).toMatchObject({ capacity: 18 });
    expect(saved.resource.scheduleText).toContain("第2・第4火曜 10:00〜11:30");

    // 変更履歴 on the listing's page: who edited it, and 定員 from 15 to 18.
    const history = coordinator
      .locator("section")
      .filter({ has: coordinator.getByRole("heading", { name: "変更履歴" }) });
    const edit = history.getByRole("listitem").filter({ hasText: "編集" }).first();
    await edit.waitFor();
    expect(await edit.innerText()).toContain("佐藤 みのり");
    const row = edit.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: "定員" }) });
    expect((await row.innerText()).replace(/\s+/g, " ").trim()).toBe("定員 15 18");
  });

  step("sends 「確認を依頼」 from the stale-listing queue, narrowed to the host", async () => {
    const org = await organizationNamed(coordinatorApi, HOST_ORGANIZATION);
    await visit(coordinator, "/catalog", "資源の管理");
    await coordinator.getByRole("combobox", { name: "団体" }).selectOption(org.id);
    const tick = coordinator.getByRole("checkbox", { name: `${NAME} を選ぶ` });
    await tick.waitFor();
    await checkA11y(coordinator, "catalog-stale-queue");
    await tick.check();
    await coordinator.getByRole("textbox", { name: "受け入れ先へのひとこと (任意)" }).fill("開催日をご確認ください");
    await coordinator.getByRole("button", { name: "選んだ1件に確認を依頼" }).click();
    await coordinator.getByText("1件に確認を依頼しました。").waitFor();
    await coordinator
      .getByText(/確認を依頼中 \(.*佐藤 みのり/)
      .first()
      .waitFor();
  });

  step("the host sees the request on its portal, answers it, and the request is gone", async () => {
    await visit(host, "/host", "受け入れ先ポータル");
    const card = host.locator("li.host-card").filter({ has: host.getByRole("link", { name: NAME, exact: true }) });
    await card.getByText("開催日をご確認ください").waitFor();
    expect(await card.innerText()).toMatch(/佐藤 みのり.*さんから掲載内容の確認の依頼がありました/);
    await card.getByRole("link", { name: NAME, exact: true }).click();
    await waitForPage(host, NAME);
    await host.getByText(/掲載内容の確認の依頼がありました/).waitFor();
    await host.getByRole("button", { name: "掲載内容を確認しました" }).click();
    await host.getByText("確認したことを記録しました。ありがとうございます。").waitFor();
    expect(await host.getByText(/掲載内容の確認の依頼がありました/).count()).toBe(0);

    await visit(host, "/host", "受け入れ先ポータル");
    const after = host.locator("li.host-card").filter({ has: host.getByRole("link", { name: NAME, exact: true }) });
    await after.waitFor();
    expect(await after.innerText()).not.toContain("確認の依頼がありました");
    const open = await hostApi<{ resource: { openVerificationRequest: unknown; verifiedAt: string | null } }>(
      `query($id: ID!) { resource(id: $id) { verifiedAt openVerificationRequest { id } } }`,
      { id: listingId },
    );
    expect(open.resource.openVerificationRequest).toBeNull();
    expect(open.resource.verifiedAt).not.toBeNull();
  });
});
