/**
 * The coordinator's day, in the browser (the journey): log in → search 「火曜 体操」 with an area facet →
 * open a listing → open a person → propose a suggestion → move it to 参加開始 → record a follow-up → see it counted
 * in 成果. The listing and the person are seeded through the API first, so every step is deterministic.
 */
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { apiAs, DEMO_PASSWORD, fiscalYearOf, todayInJapan } from "./support/api";
import { useBrowser, url, waitForPage, type Session } from "./support/browser";
import { journeySteps } from "./support/journey";
import {
  agreeSupportPlan,
  areaNamed,
  createOrganization,
  createPerson,
  createResource,
  matchingCount,
  waitUntilSearchable,
  type Named,
} from "./support/seed";

const COORDINATOR = "coordinator@example.jp";
const AREA = "みどり野南エリア";
const RESOURCE = "南みどり野 火曜朝の体操教室";
const PERSON = { displayName: "相川 花江", nameKana: "アイカワ ハナエ" };
const NARRATIVE = "体操のあと、ほかの参加者とお茶を飲んで帰るようになった";

const coordinator = apiAs(COORDINATOR);
const { newSession } = useBrowser();
const step = journeySteps();

let session: Session;
let page: Page;
let resource: Named;
let personId: string;
let matchId: string;
const fiscalYear = fiscalYearOf(todayInJapan());
let countBefore: number;

beforeAll(async () => {
  const area = await areaNamed(coordinator, AREA);
  // Coordinates of a real listing in the area, so the new one sits where the person lives.
  const near = await coordinator<{
    searchResources: { edges: { node: { lat: number | null; lng: number | null } }[] };
  }>(
    `query($area: ID!) { searchResources(first: 10, input: { areaIds: [$area], includeCitywide: false }) { edges { node { lat lng } } } }`,
    { area: area.id },
  );
  const point = near.searchResources.edges.map((e) => e.node).find((n) => n.lat !== null && n.lng !== null);
  if (!point) throw new Error(`no listing with a location in ${AREA}`);
  const host = await createOrganization(coordinator, "南みどり野 健康体操の会");
  resource = await createResource(coordinator, {
    name: RESOURCE,
    kind: "KAYOI_NO_BA",
    organizationId: host.id,
    areaIds: [area.id],
    lat: point.lat,
    lng: point.lng,
    description: "椅子に座ってできる体操と、終わったあとのお茶の時間。初めての方も見学できます。",
    activities: ["体操", "茶話会"],
    targetGroups: ["ELDERLY", "SINGLE_ELDERLY"],
    capacity: 15,
    openings: 4,
    costPerSessionYen: 0,
    visitAllowed: true,
    trialAllowed: true,
    venueName: "南みどり野 集会所",
    schedule: {
      rules: [{ frequency: "WEEKLY", weekdays: ["TUE"], startTime: "10:00", endTime: "11:30" }],
      closedOnHolidays: true,
      closedYearEnd: true,
    },
  });
  await waitUntilSearchable(coordinator, resource);
  const person = await createPerson(coordinator, {
    ...PERSON,
    birthYear: 1948,
    areaId: area.id,
    homeLat: point.lat,
    homeLng: point.lng,
    participationLevel: "GOES_OUT",
    needs: {
      wantedActivities: ["体操"],
      wantedKinds: ["KAYOI_NO_BA"],
      targetGroups: ["SINGLE_ELDERLY"],
      weekdays: ["TUE"],
      timeBands: ["MORNING"],
      mobility: "WALK",
      maxTravelMeters: 1500,
      freeOnly: true,
      wishes: "体を動かして、近所に話せる人をつくりたい",
      strengths: "聞き上手",
    },
    consent: {
      purpose: "HOST_REFERRAL",
      organizationId: host.id,
      method: "WRITTEN",
      givenOn: todayInJapan(),
      facts: [
        "DISPLAY_NAME",
        "AGE_BAND",
        "AREA",
        "CONTACT",
        "NEEDS",
        "WISHES_AND_STRENGTHS",
        "PARTICIPATION_LEVEL",
        "HOUSEHOLD_CIRCUMSTANCES",
      ],
    },
  });
  personId = person.id;
  await agreeSupportPlan(coordinator, personId, ["週に1回外に出る", "近所に話せる人をつくる"]);
  // Fail here, plainly, if the seeded pair would not be suggested (rather than at the 「この資源を提案」 step).
  const suggested = await coordinator<{ suggestResources: { suggestions: { resource: { id: string } }[] } }>(
    `query($id: ID!) { suggestResources(personId: $id, first: 10) { suggestions { resource { id } } } }`,
    { id: personId },
  );
  expect(suggested.suggestResources.suggestions.map((s) => s.resource.id)).toContain(resource.id);
  countBefore = await matchingCount(coordinator, fiscalYear);
  session = await newSession({ forFile: true });
  page = session.page;
});

/** The menu link to a page (the journey moves through the app as a person would, not by typing addresses). */
const openFromMenu = async (name: string, h1: string) => {
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
  await waitForPage(page, h1);
};

const matchCard = (): Locator => page.getByRole("article", { name: `${PERSON.displayName} — ${RESOURCE}` });

describe("coordinator journey", () => {
  step("logs in with the form and lands on the role's home page", async () => {
    await page.goto(url("/login"));
    await waitForPage(page, "ログイン");
    await page.getByLabel("メールアドレス").fill(COORDINATOR);
    await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL((u) => u.pathname === "/today");
    await waitForPage(page, "今日・今週のフォローアップ");
  });

  step("searches 「火曜 体操」 and narrows to an area with the 地区 facet", async () => {
    await openFromMenu("資源をさがす", "資源をさがす");
    const count = page
      .getByRole("status")
      .filter({ hasText: /\d+\s*件/ })
      .first();
    const everything = numberIn(await count.innerText());
    await page.getByLabel("キーワードで探す").fill("火曜 体操");
    // As a person would: read the results for the words (the facets re-order with them), then narrow.
    await expect.poll(async () => numberIn(await count.innerText()), { timeout: 10_000 }).toBeLessThan(everything);
    await page.waitForLoadState("networkidle");
    const result = page.getByRole("article").filter({ has: page.getByRole("link", { name: RESOURCE, exact: true }) });
    await result.waitFor();
    const before = numberIn(await count.innerText());
    const areas = page.getByRole("group", { name: "地区" });
    const option = areas.getByRole("checkbox", { name: new RegExp(`^${AREA}.*\\(\\d+\\)$`) });
    if (!(await option.isVisible())) await areas.getByRole("button", { name: /^ほか/ }).click();
    // Not check(): the box follows the URL, so it shows the tick a moment (~20 ms) after the click, not during it.
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(true);
    await expect.poll(async () => numberIn(await count.innerText()), { timeout: 10_000 }).toBeLessThan(before);
    await result.waitFor();
  });

  step("opens the listing: its page shows the name and the next sessions", async () => {
    await page.getByRole("link", { name: RESOURCE, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/resources/${resource.id}`);
    await waitForPage(page, RESOURCE);
    await page.getByRole("heading", { name: "次回の開催" }).waitFor();
  });

  step("opens the person from 本人一覧", async () => {
    await openFromMenu("本人一覧", "本人一覧");
    await page.getByRole("link", { name: PERSON.displayName, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/people/${personId}`);
    await waitForPage(page, PERSON.displayName);
    await page.getByRole("heading", { name: "同意" }).waitFor();
    await page.getByRole("heading", { name: "おすすめの資源" }).waitFor();
  });

  step("proposes the suggested listing (a match starts as 候補)", async () => {
    const suggestion = page.getByRole("article", { name: RESOURCE });
    await suggestion.getByRole("button", { name: "この資源を提案" }).click();
    await page.getByRole("status").filter({ hasText: RESOURCE }).first().waitFor();
    const res = await coordinator<{ person: { matches: { id: string; stage: string; resource: { id: string } }[] } }>(
      `query($id: ID!) { person(id: $id) { matches { id stage resource { id } } } }`,
      { id: personId },
    );
    const match = res.person.matches.find((m) => m.resource.id === resource.id);
    expect(match?.stage).toBe("CANDIDATE");
    matchId = match!.id;
  });

  step("moves it on the board to 参加開始 (受け入れ先調整 → 本人へ提案 → 参加開始)", async () => {
    await openFromMenu("マッチング", "マッチング");
    for (const target of [/^受け入れ先調整/, /^本人へ提案/, /^参加開始/]) {
      // Playwright waits for the button: the next move's button appears once the server has answered the last one.
      await matchCard().getByRole("button", { name: target }).click();
    }
    const started = page.getByRole("region", { name: /^参加開始/ });
    await started.getByRole("article", { name: `${PERSON.displayName} — ${RESOURCE}` }).waitFor();
    const res = await coordinator<{ match: { stage: string } }>(`query($id: ID!) { match(id: $id) { stage } }`, {
      id: matchId,
    });
    expect(res.match.stage).toBe("ACTIVE_FOLLOW_UP");
  });

  step("records a follow-up from the card and comes back with a confirmation", async () => {
    await matchCard().getByRole("link", { name: "フォローアップを記録" }).click();
    await page.waitForURL((u) => u.pathname === `/matches/${matchId}/follow-up`);
    await waitForPage(page, "フォローアップ記録");
    await page
      .getByRole("group", { name: "方法", exact: true })
      .getByRole("radio", { name: "面接", exact: true })
      .check();
    await page
      .getByRole("group", { name: "相手", exact: true })
      .getByRole("checkbox", { name: "本人", exact: true })
      .check();
    await page
      .getByRole("group", { name: "変化", exact: true })
      .getByRole("radio", { name: "変化あり", exact: true })
      .check();
    await page
      .getByRole("group", { name: "変化の種類", exact: true })
      .getByRole("radio", { name: "行動と気持ち", exact: true })
      .check();
    await page.getByLabel("様子・変化の記録").fill(NARRATIVE);
    await page.getByRole("button", { name: "記録する" }).click();
    await page.waitForURL((u) => !u.pathname.endsWith("/follow-up"));
    await page.getByRole("status").filter({ hasText: "記録しました" }).first().waitFor();
    const res = await coordinator<{ match: { followUps: { narrative: string; changeObserved: boolean }[] } }>(
      `query($id: ID!) { match(id: $id) { followUps { narrative changeObserved } } }`,
      { id: matchId },
    );
    expect(res.match.followUps).toEqual([{ narrative: NARRATIVE, changeObserved: true }]);
  });

  step("sees the match counted in 成果 (マッチング件数 one more than before)", async () => {
    await openFromMenu("成果", "成果");
    await page.getByLabel("年度").selectOption({ label: `${fiscalYear}年度` });
    await expect.poll(() => figure(page, "マッチング件数"), { timeout: 10_000 }).toBe(countBefore + 1);
    await page
      .getByRole("link", { name: "CSVをダウンロード" })
      .or(page.getByRole("button", { name: "CSVをダウンロード" }))
      .waitFor();
  });
});

const numberIn = (text: string) => Number(text.replace(/,/g, "").match(/\d+/)?.[0] ?? NaN);

/**
 * The number beside a figure's label, in a table row (<th>label</th><td>n</td>) or a <dt>/<dd> pair; null while the
 * figures are not (yet) on the page.
 */
async function figure(page: Page, label: string): Promise<number | null> {
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  const term = page.locator("dt", { hasText: label });
  const value = (await row.count())
    ? row.first().getByRole("cell").first()
    : (await term.count())
      ? term.first().locator("xpath=following-sibling::dd[1]")
      : null;
  const n = value && (await value.innerText({ timeout: 2_000 })).replace(/,/g, "").match(/\d+/);
  return n ? Number(n[0]) : null;
}
