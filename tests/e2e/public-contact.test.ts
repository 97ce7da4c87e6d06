/**
 * An organization's two contacts in the browser. A coordinator enters both on 団体の管理: the 公開用の連絡先 (phone,
 * e-mail, a note such as office hours) and the 職員向けの連絡先 (a named person, their phone and e-mail), and sees
 * the named person again when reopening it. An anonymous visitor of 資源をさがす and of the organization's listing
 * sees the public contact, and nothing of the staff contact reaches their browser: not in the page, not in any
 * GraphQL answer, not in the directory's CSV export.
 */
import { describe, expect } from "vitest";
import { apiAs } from "./support/api";
import { useBrowser, visit } from "./support/browser";
import { journeySteps } from "./support/journey";
import { createResource, organizationNamed, waitUntilSearchable, type Named } from "./support/seed";

const COORDINATOR = "coordinator@example.jp";
const coordinator = apiAs(COORDINATOR);
const { newSession } = useBrowser();
const step = journeySteps();

// Unique to this run, so that "not on the page" cannot pass or fail because of the demo city's own data.
const n = String(Date.now()).slice(-4);
const ORGANIZATION = `わかば交流の会 ${n}`;
const LISTING = `わかば交流サロン ${n}`;
const PUBLIC = {
  phone: `042-555-${n}`,
  email: `info-${n}@wakaba.example.jp`,
  note: "平日 9時〜17時 (事務局の窓口)",
};
const STAFF = {
  name: `山本 直樹${n}`,
  phone: `090-7${n.slice(0, 3)}-${n}`,
  email: `naoki-${n}@private.example.jp`,
};
const STAFF_STRINGS = [STAFF.name, STAFF.phone, STAFF.email];

let listing: Named;

/** What an anonymous page holds: its markup and every GraphQL answer it received. */
async function anonymousVisit(path: string, h1?: string) {
  const { page } = await newSession();
  const answers: Promise<string>[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/graphql") answers.push(response.text());
  });
  const heading = await visit(page, path, h1);
  return { page, heading, answers: async () => (await Promise.all(answers)).join("\n") };
}

describe("an organization's public contact and its staff contact", () => {
  step("a coordinator adds the organization on 団体の管理 with both contacts", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/catalog/organizations", "団体の管理");
    const form = page.getByRole("region", { name: "団体を追加" });
    await form.getByRole("textbox", { name: /^名称/ }).fill(ORGANIZATION);
    const publicGroup = form.getByRole("group", { name: "公開用の連絡先" });
    await publicGroup.getByRole("textbox", { name: "公開用の電話番号" }).fill(PUBLIC.phone);
    await publicGroup.getByRole("textbox", { name: "公開用のメールアドレス" }).fill(PUBLIC.email);
    await publicGroup.getByRole("textbox", { name: /^公開用の連絡先の補足/ }).fill(PUBLIC.note);
    const staffGroup = form.getByRole("group", { name: "職員向けの連絡先" });
    await staffGroup.getByRole("textbox", { name: "担当者名 (職員向け)" }).fill(STAFF.name);
    await staffGroup.getByRole("textbox", { name: "担当者の電話番号 (職員向け)" }).fill(STAFF.phone);
    await staffGroup.getByRole("textbox", { name: "担当者のメールアドレス (職員向け)" }).fill(STAFF.email);
    await form.getByRole("button", { name: "追加する" }).click();
    await page.getByText(`「${ORGANIZATION}」を追加しました。`).waitFor();
  });

  step("reopened, the coordinator sees the named contact beside the public one", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/catalog/organizations", "団体の管理");
    await page.getByRole("searchbox", { name: "団体を名前でさがす" }).fill(ORGANIZATION);
    await page.getByRole("button", { name: `${ORGANIZATION} を編集` }).click();
    await page.getByRole("heading", { level: 2, name: `${ORGANIZATION} を編集` }).waitFor();
    const value = (label: string | RegExp) => page.getByRole("textbox", { name: label }).inputValue();
    expect(await value("担当者名 (職員向け)")).toBe(STAFF.name);
    expect(await value("担当者の電話番号 (職員向け)")).toBe(STAFF.phone);
    expect(await value("担当者のメールアドレス (職員向け)")).toBe(STAFF.email);
    expect(await value("公開用の電話番号")).toBe(PUBLIC.phone);
    expect(await value("公開用のメールアドレス")).toBe(PUBLIC.email);
    expect(await value(/^公開用の連絡先の補足/)).toBe(PUBLIC.note);
  });

  step("an anonymous visitor finds its listing on 資源をさがす, with no staff contact anywhere", async () => {
    // The listing has no contact of its own: the directory falls back to the organization's public contact.
    const organization = await organizationNamed(coordinator, ORGANIZATION);
    listing = await createResource(coordinator, {
      name: LISTING,
      kind: "KAYOI_NO_BA",
      organizationId: organization.id,
      citywide: true,
      description: "地域の方どなたでも参加できるお茶会です。",
      activities: ["茶話会"],
      costPerSessionYen: 0,
    });
    await waitUntilSearchable(coordinator, listing);

    const { page, answers } = await anonymousVisit(`/resources?q=${encodeURIComponent(LISTING)}`);
    await page.getByRole("link", { name: LISTING }).waitFor();
    expect(await page.getByText(ORGANIZATION).count()).toBeGreaterThan(0);
    expect(await answers(), "the answers were recorded").toContain(LISTING);
    const html = await page.content();
    for (const secret of STAFF_STRINGS) {
      expect(html, `the search page shows 「${secret}」`).not.toContain(secret);
      expect(await answers(), `a GraphQL answer carried 「${secret}」`).not.toContain(secret);
    }

    // The directory's CSV export for these results, as the page links it.
    const csvHref = await page.getByRole("link", { name: "CSVで書き出す" }).getAttribute("href");
    expect(csvHref).toBeTruthy();
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref!);
    expect(csv).toContain(LISTING);
    expect(csv).toContain(PUBLIC.phone);
    expect(csv).toContain(PUBLIC.email);
    for (const secret of STAFF_STRINGS) expect(csv, `the CSV export carries 「${secret}」`).not.toContain(secret);
  });

  step("on the listing's page the anonymous visitor sees the public contact only", async () => {
    const { page, answers } = await anonymousVisit(`/resources/${listing.id}`, LISTING);
    const contact = page.getByRole("region", { name: "問い合わせ先" });
    expect(await contact.getByRole("link", { name: PUBLIC.phone }).getAttribute("href")).toBe(
      `tel:${PUBLIC.phone.replace(/-/g, "")}`,
    );
    expect(await contact.getByRole("link", { name: PUBLIC.email }).getAttribute("href")).toBe(`mailto:${PUBLIC.email}`);
    expect(await contact.getByText(PUBLIC.note).isVisible()).toBe(true);
    expect(await contact.getByText(ORGANIZATION).isVisible()).toBe(true);
    expect(await answers(), "the answers were recorded").toContain(PUBLIC.phone);
    const html = await page.content();
    for (const secret of STAFF_STRINGS) {
      expect(html, `the listing's page shows 「${secret}」`).not.toContain(secret);
      expect(await answers(), `a GraphQL answer carried 「${secret}」`).not.toContain(secret);
    }
  });
});
