/**
 * Every page of the app (web/src/app/routes.tsx), as the role that uses it, on the demo city: waits for its content,
 * runs axe-core (no serious or critical violation) and saves a full-page screenshot to test-results/screenshots/
 * (`npm run screenshots` writes them to the committed gallery, docs/screenshots/, instead).
 * Plus the keyboard basics of the shell: the skip link comes first and moves focus to the main content, and the
 * font size buttons change the root font size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commonMessages } from "../../web/src/messages/common";
import { checkA11y } from "./support/a11y";
import { apiAs, DEMO_PASSWORD } from "./support/api";
import { cspViolations, useBrowser, visit, VIEWPORT } from "./support/browser";
import { GALLERY_DIR, SCREENSHOTS, screenshot, screenshotFile, type ScreenshotName } from "./support/screenshots";

const COORDINATOR = "coordinator@example.jp";
const HOST = "host@example.jp";
const ADMIN = "admin@example.jp";

const { newSession } = useBrowser();

interface DemoIds {
  resource: { id: string; name: string };
  person: { id: string; displayName: string };
  followUpMatchId: string;
  hostListing: { id: string; name: string };
  referralId: string;
}
let ids: DemoIds;

/**
 * Real ids from the demo city, chosen for rich pages (and never the journeys' own records, whichever file ran first):
 * the person with the most matches, the participating match with the most follow-ups, the busiest referral.
 */
beforeAll(async () => {
  const coordinator = apiAs(COORDINATOR);
  const host = apiAs(HOST);
  const found = await coordinator<{ searchResources: { edges: { node: { id: string; name: string } }[] } }>(
    `{ searchResources(first: 1, input: { text: "体操", weekdays: [TUE] }) { edges { node { id name } } } }`,
  );
  const people = await coordinator<{
    persons: { edges: { node: { id: string; displayName: string; matches: { id: string }[] } }[] };
  }>(`{ persons(first: 100) { edges { node { id displayName matches { id } } } } }`);
  const active = await coordinator<{ matches: { edges: { node: { id: string; followUps: { id: string }[] } }[] } }>(
    `{ matches(first: 100, stages: [ACTIVE_FOLLOW_UP]) { edges { node { id followUps { id } } } } }`,
  );
  const me = await host<{ me: { organization: { id: string } } }>(`{ me { organization { id } } }`);
  const listings = await host<{ resources: { edges: { node: { id: string; name: string } }[] } }>(
    `query($org: ID!) { resources(first: 1, organizationId: $org) { edges { node { id name } } } }`,
    { org: me.me.organization.id },
  );
  const referrals = await host<{ myReferrals: { id: string; attendance: { id: string }[]; sharedFacts: string[] }[] }>(
    `{ myReferrals { id attendance { id } sharedFacts } }`,
  );
  ids = {
    resource: found.searchResources.edges[0].node,
    person: mostOf(
      people.persons.edges.map((e) => e.node),
      (p) => p.matches.length,
    ),
    followUpMatchId: mostOf(
      active.matches.edges.map((e) => e.node),
      (m) => m.followUps.length,
    ).id,
    hostListing: listings.resources.edges[0].node,
    referralId: mostOf(referrals.myReferrals, (r) => r.attendance.length + r.sharedFacts.length).id,
  };
});

function mostOf<T>(items: T[], size: (item: T) => number): T {
  if (!items.length) throw new Error("the demo city has none of these");
  return items.reduce((best, item) => (size(item) > size(best) ? item : best));
}

interface PageCase {
  name: ScreenshotName;
  as?: string;
  path: () => string;
  /** The page's one <h1>, when the contract fixes it. */
  h1?: () => string;
}

const PAGES: PageCase[] = [
  { name: "login", path: () => "/login", h1: () => "ログイン" },
  { name: "resources", as: COORDINATOR, path: () => "/resources" },
  {
    name: "resource-detail",
    as: COORDINATOR,
    path: () => `/resources/${ids.resource.id}`,
    h1: () => ids.resource.name,
  },
  { name: "today", as: COORDINATOR, path: () => "/today", h1: () => "今日・今週のフォローアップ" },
  { name: "people", as: COORDINATOR, path: () => "/people", h1: () => "本人一覧" },
  { name: "person-detail", as: COORDINATOR, path: () => `/people/${ids.person.id}`, h1: () => ids.person.displayName },
  { name: "matches", as: COORDINATOR, path: () => "/matches", h1: () => "マッチング" },
  {
    name: "follow-up",
    as: COORDINATOR,
    path: () => `/matches/${ids.followUpMatchId}/follow-up`,
    h1: () => "フォローアップ記録",
  },
  { name: "outcomes", as: COORDINATOR, path: () => "/outcomes", h1: () => "成果" },
  { name: "gaps", as: COORDINATOR, path: () => "/gaps", h1: () => "資源の不足" },
  { name: "resource-card", as: COORDINATOR, path: () => `/people/${ids.person.id}/card`, h1: () => "地域資源カード" },
  { name: "host-portal", as: HOST, path: () => "/host", h1: () => "受け入れ先ポータル" },
  {
    name: "host-listing",
    as: HOST,
    path: () => `/host/listings/${ids.hostListing.id}`,
    h1: () => ids.hostListing.name,
  },
  { name: "host-referral", as: HOST, path: () => `/host/referrals/${ids.referralId}` },
  { name: "person-new", as: COORDINATOR, path: () => "/people/new", h1: () => "本人の登録" },
  { name: "person-edit", as: COORDINATOR, path: () => `/people/${ids.person.id}/edit`, h1: () => "本人の情報を編集" },
  { name: "audit-log", as: ADMIN, path: () => "/admin/audit", h1: () => "監査ログ" },
  { name: "users", as: ADMIN, path: () => "/admin/users", h1: () => "アカウント" },
  { name: "support-meetings", as: ADMIN, path: () => "/admin/support-meetings", h1: () => "支援会議" },
  { name: "change-password", as: HOST, path: () => "/account/password", h1: () => "パスワードの変更" },
  { name: "catalog-import", as: COORDINATOR, path: () => "/catalog/import", h1: () => "資源の取り込み" },
  { name: "organizations", as: COORDINATOR, path: () => "/catalog/organizations", h1: () => "団体の管理" },
  { name: "listing-new", as: COORDINATOR, path: () => "/catalog/listings/new", h1: () => "資源の登録" },
  {
    name: "listing-edit",
    as: COORDINATOR,
    path: () => `/catalog/listings/${ids.resource.id}/edit`,
    h1: () => `${ids.resource.name} の編集`,
  },
  { name: "areas", as: ADMIN, path: () => "/admin/areas", h1: () => "地域の管理" },
  { name: "settings", as: ADMIN, path: () => "/admin/settings", h1: () => "運用設定" },
  { name: "evaluation-report", as: COORDINATOR, path: () => "/reports/evaluation", h1: () => "実施状況報告" },
  { name: "evaluation-targets", as: ADMIN, path: () => "/reports/evaluation/targets", h1: () => "目標値の設定" },
  { name: "intakes", as: COORDINATOR, path: () => "/records/intakes", h1: () => "相談受付" },
  { name: "meetings", as: COORDINATOR, path: () => "/records/meetings", h1: () => "会議の記録" },
  { name: "cooperation", as: COORDINATOR, path: () => "/records/cooperation", h1: () => "協力依頼" },
  { name: "host-support", as: COORDINATOR, path: () => "/records/host-support", h1: () => "受け入れ先支援" },
  {
    name: "person-disclosure",
    as: COORDINATOR,
    path: () => `/people/${ids.person.id}/disclosure`,
    h1: () => `開示: ${ids.person.displayName}`,
  },
  { name: "two-factor", as: COORDINATOR, path: () => "/account/two-factor", h1: () => "二段階認証" },
  { name: "catalog", as: COORDINATOR, path: () => "/catalog", h1: () => "資源の管理" },
];

describe("every page: content, axe, screenshot", () => {
  it.each(PAGES)("$name", async ({ name, as, path: to, h1 }) => {
    const { page } = await newSession({ as });
    const heading = await visit(page, to(), h1?.());
    expect(await heading.count(), "one <h1> per page").toBe(1);
    expect(await heading.innerText(), "the page is still the placeholder").not.toBe("準備中");
    await checkA11y(page, name);
    expect(await cspViolations(page), "Content-Security-Policy violations").toEqual([]);
    // Reported, not failing (yet): a page wider than the window scrolls sideways on the desk PC.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > VIEWPORT.width)
      console.warn(`layout ${name}: the page is ${width}px wide in a ${VIEWPORT.width}px window`);
    await screenshot(page, name);
  });

  it("the gallery (docs/screenshots/README.md) shows every screenshot", () => {
    const readme = readFileSync(path.join(GALLERY_DIR, "README.md"), "utf8");
    const missing = SCREENSHOTS.map(screenshotFile).filter((file) => !readme.includes(`(${file})`));
    expect(missing).toEqual([]);
  });
});

describe("the shell: keyboard, font size, staying inside the city network", () => {
  it("Tab from the top reaches the skip link first, and it moves focus to the main content", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/resources");
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.innerText()).toBe(commonMessages.skipToContent);
    // Visible focus: the link slides into view and carries the focus outline.
    const box = await focused.boundingBox();
    expect(box && box.y >= 0, "the focused skip link is on screen").toBe(true);
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("signs in with the keyboard alone (Tab to each field, Enter to send)", async () => {
    const { page } = await newSession();
    await visit(page, "/login", "ログイン");
    const email = page.getByLabel("メールアドレス");
    for (let i = 0; i < 6 && !(await email.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    expect(await email.evaluate((el) => el === document.activeElement), "Tab reaches メールアドレス").toBe(true);
    await page.keyboard.type(COORDINATOR);
    await page.keyboard.press("Tab");
    expect(await page.getByLabel("パスワード").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/today");
  });

  it("the font size buttons change the root font size (and 標準 puts it back)", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/resources");
    const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootPx();
    await page.getByRole("button", { name: commonMessages.fontSize.larger }).click();
    expect(await rootPx()).toBeGreaterThan(normal);
    await page.getByRole("button", { name: commonMessages.fontSize.normal }).click();
    expect(await rootPx()).toBe(normal);
    await page.getByRole("button", { name: commonMessages.fontSize.smaller }).click();
    expect(await rootPx()).toBeLessThan(normal);
  });

  it("the policy has no style-src 'unsafe-inline': an inline style is refused, and the guard records it", async () => {
    const session = await newSession({ as: COORDINATOR });
    await visit(session.page, "/resources");
    expect(await cspViolations(session.page)).toEqual([]);
    const applied = await session.page.evaluate(async () => {
      const style = document.createElement("style");
      style.textContent = "body { outline: 7px solid red; }";
      document.head.append(style);
      const probe = document.createElement("div");
      probe.setAttribute("style", "width: 123px");
      document.body.append(probe);
      await new Promise((r) => setTimeout(r, 50));
      const result = { outline: getComputedStyle(document.body).outlineWidth, width: probe.offsetWidth };
      style.remove();
      probe.remove();
      return result;
    });
    expect(applied.outline).not.toBe("7px");
    expect(applied.width).not.toBe(123);
    const violations = await cspViolations(session.page);
    expect(violations.length).toBeGreaterThanOrEqual(2);
    expect(violations.every((v) => v.startsWith("style-src"))).toBe(true);
    session.problems.length = 0;
  });

  it("the guard notices a page calling another origin (and stops the request)", async () => {
    const session = await newSession();
    await visit(session.page, "/login", "ログイン");
    await session.page.evaluate(() => fetch("http://203.0.113.7/beacon").catch(() => "blocked"));
    expect(session.problems.some((p) => p.includes("203.0.113.7"))).toBe(true);
    session.problems.length = 0;
  });
});
