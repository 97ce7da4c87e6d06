/**
 * The host's visit, in the browser (the issue's journey): log in → change a listing's openings and confirm it
 * (掲載内容を確認しました) → see a referral with only the facts the person agreed to share → record attendance.
 * The referral is seeded through the API as the coordinator: a person whose consent to 社会福祉法人 若葉会 shares
 * only the name and the needs, and a match moved to 見学・体験 (where attendance is recorded).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { apiAs, DEMO_PASSWORD, japanDateOf, todayInJapan } from "./support/api";
import { useBrowser, url, waitForPage } from "./support/browser";
import { journeySteps } from "./support/journey";
import { areaNamed, createMatchThrough, createPerson, listingsOf, organizationNamed } from "./support/seed";

const HOST = "host@example.jp";
const HOST_ORGANIZATION = "社会福祉法人 若葉会";
const PERSON = "遠藤 さち子";
const SHARED = { activity: "手芸" };
/** Values the person did not agree to share: none may appear anywhere on the host's pages. */
const NOT_SHARED = {
  contactNote: "夕方以降は電話に出られません (090-4321-8765)",
  householdNote: "母の介護をしながら暮らしている",
  wishes: "人と話す練習をしたい",
  strengths: "細かい作業が得意",
  kana: "エンドウ サチコ",
};

const coordinator = apiAs("coordinator@example.jp");
const host = apiAs(HOST);
const { newSession } = useBrowser();
const step = journeySteps();

let page: Page;
let listing: { id: string; name: string; openings: number | null };
let matchId: string;
const today = todayInJapan();

beforeAll(async () => {
  const org = await organizationNamed(coordinator, HOST_ORGANIZATION);
  const listings = await listingsOf(host, org.id);
  if (listings.length === 0) throw new Error(`${HOST_ORGANIZATION} has no active listing in the demo city`);
  listing = listings[0];
  // The referral goes to another of the host's listings when there is one, so the two parts of the journey are apart.
  const referred = listings[1] ?? listings[0];
  const area = await areaNamed(coordinator, "みどり野北エリア");
  const person = await createPerson(coordinator, {
    displayName: PERSON,
    nameKana: NOT_SHARED.kana,
    birthYear: 1960,
    areaId: area.id,
    participationLevel: "SUPPORTER_CONTACT",
    contactPreference: "PHONE",
    contactNote: NOT_SHARED.contactNote,
    householdIssues: ["CARE_BURDEN"],
    householdNote: NOT_SHARED.householdNote,
    needs: {
      wantedActivities: [SHARED.activity],
      weekdays: ["WED"],
      timeBands: ["AFTERNOON"],
      mobility: "BICYCLE",
      wishes: NOT_SHARED.wishes,
      strengths: NOT_SHARED.strengths,
    },
    consent: {
      purpose: "HOST_REFERRAL",
      organizationId: org.id,
      method: "WRITTEN",
      givenOn: today,
      facts: ["DISPLAY_NAME", "NEEDS"],
    },
  });
  matchId = await createMatchThrough(coordinator, person.id, referred.id, [
    "HOST_COORDINATION",
    "PROPOSED",
    "VISIT_TRIAL",
  ]);
  page = (await newSession({ forFile: true })).page;
});

describe("host journey", () => {
  step("logs in with the form and lands on the host portal", async () => {
    await page.goto(url("/login"));
    await waitForPage(page, "ログイン");
    await page.getByLabel("メールアドレス").fill(HOST);
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === "/host");
    await waitForPage(page, "受け入れ先ポータル");
  });

  step("changes a listing's openings (空き状況) and saves", async () => {
    await section(page, "掲載中の資源").getByRole("link", { name: listing.name, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/host/listings/${listing.id}`);
    await waitForPage(page, listing.name);
    const wanted = listing.openings === 2 ? 3 : 2;
    const openings = page.getByLabel("空き状況", { exact: true });
    if ((await openings.evaluate((el) => el.tagName)) === "SELECT") await openings.selectOption(String(wanted));
    else await openings.fill(String(wanted));
    await page.getByRole("button", { name: "保存する" }).click();
    await expect.poll(async () => (await hostListing()).openings, { timeout: 10_000 }).toBe(wanted);
  });

  step("confirms the listing (掲載内容を確認しました): 最終確認日 shows today", async () => {
    await page.getByRole("button", { name: "掲載内容を確認しました" }).click();
    const [y, m, d] = today.split("-").map(Number);
    const todayText = `${y}年${m}月${d}日`;
    await expect
      .poll(() => page.locator("body").innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`最終確認日[\\s\\S]{0,40}${todayText}`));
    const verifiedAt = (await hostListing()).verifiedAt;
    expect(verifiedAt && japanDateOf(new Date(verifiedAt))).toBe(today);
  });

  step("sees the referral with only the consented facts", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "受け入れ先ポータル", exact: true }).click();
    await waitForPage(page, "受け入れ先ポータル");
    const link = section(page, "紹介された方").locator(`a[href="/host/referrals/${matchId}"]`);
    await link.click();
    await page.waitForURL((u) => u.pathname === `/host/referrals/${matchId}`);
    await waitForPage(page);
    const shared = section(page, "共有された情報");
    await shared.waitFor();
    expect(await shared.innerText()).toContain(PERSON);
    expect(await shared.innerText()).toContain(SHARED.activity);
    const everything = await page.locator("html").innerText();
    const leaked = Object.entries(NOT_SHARED)
      .filter(([, value]) => everything.includes(value))
      .map(([key]) => key);
    expect(leaked, "facts the person did not agree to share").toEqual([]);
  });

  step("records attendance (参加日, 出欠) and the coordinator sees it", async () => {
    await page.getByLabel("参加日").fill(today);
    await chooseAttended(page);
    await page.getByRole("button", { name: "出欠を記録" }).click();
    await page.getByRole("status").filter({ hasText: "記録しました" }).first().waitFor();
    const res = await coordinator<{ match: { attendance: { sessionOn: string; attended: boolean }[] } }>(
      `query($id: ID!) { match(id: $id) { attendance { sessionOn attended } } }`,
      { id: matchId },
    );
    expect(res.match.attendance).toEqual([{ sessionOn: today, attended: true }]);
  });
});

/** A page section found by its heading (<section aria-labelledby> or the heading's nearest section). */
function section(page: Page, heading: string) {
  return page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) })
    .last();
}

/** 「出欠」 is either a group of radio buttons or a select; choose 参加 (attended). */
async function chooseAttended(page: Page) {
  const group = page.getByRole("group", { name: "出欠", exact: true });
  if (await group.count()) {
    await group
      .getByRole("radio", { name: /^(参加|出席)/ })
      .first()
      .check();
    return;
  }
  const select = page.getByLabel("出欠", { exact: true });
  const label = await select
    .locator("option")
    .filter({ hasText: /^(参加|出席)/ })
    .first()
    .innerText();
  await select.selectOption({ label });
}

async function hostListing(): Promise<{ openings: number | null; verifiedAt: string | null }> {
  const res = await host<{ resource: { openings: number | null; verifiedAt: string | null } }>(
    `query($id: ID!) { resource(id: $id) { openings verifiedAt } }`,
    { id: listing.id },
  );
  return res.resource;
}
