/**
 * Layout on the coordinator's and the host's 1280px desk PC: the match board's lanes fit the window (no sideways
 * scroll, every lane on screen), and a listing saved with an impossible 空き brings its error summary into view with
 * the focus on it.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { commonMessages } from "../../web/src/messages/common";
import { apiAs } from "./support/api";
import { useBrowser, visit, VIEWPORT } from "./support/browser";

const COORDINATOR = "coordinator@example.jp";
const HOST = "host@example.jp";
const MAIN_STAGES = [
  "候補",
  "受け入れ先調整",
  "本人へ提案",
  "見学・体験",
  "参加開始(フォローアップ中)",
  "定着",
  "終結",
  "終結後フォロー",
];
const OTHER_STAGES = ["保留(同意待ち)", "中断", "受け入れ先辞退", "本人辞退", "不成立"];

const { newSession } = useBrowser();

/** Page and lane widths against the window, and each stage's lane box. */
async function boardFit(page: Page, stages: string[]) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
    lanes: [...document.querySelectorAll(".board__lanes")].map((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    })),
  }));
  const boxes = await Promise.all(
    stages.map(async (name) => ({ name, box: await page.getByRole("region", { name, exact: true }).boundingBox() })),
  );
  return { widths, boxes };
}

function expectFits({ widths, boxes }: Awaited<ReturnType<typeof boardFit>>) {
  expect(widths.page, `the page is ${widths.page}px wide in a ${widths.window}px window`).toBeLessThanOrEqual(
    widths.window,
  );
  for (const lane of widths.lanes)
    expect(lane.scroll, "a row of lanes scrolls sideways").toBeLessThanOrEqual(lane.client);
  for (const { name, box } of boxes) {
    expect(box, `lane ${name} is shown`).not.toBeNull();
    expect(box!.x, `lane ${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `lane ${name} ends on screen`).toBeLessThanOrEqual(widths.window);
  }
}

describe("the match board at 1280px", () => {
  it("shows all eight lanes without sideways scroll, the dead ends too", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    expect(VIEWPORT.width).toBe(1280);
    await visit(page, "/matches?ended=1", "マッチング");
    await page.getByRole("region", { name: "不成立", exact: true }).waitFor();
    expectFits(await boardFit(page, [...MAIN_STAGES, ...OTHER_STAGES]));
  });

  it("still fits with the larger text (文字を大きく)", async () => {
    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, "/matches", "マッチング");
    await page.getByRole("button", { name: commonMessages.fontSize.larger }).click();
    expectFits(await boardFit(page, MAIN_STAGES));
  });
});

describe("a listing saved with 空き -5", () => {
  let listing: { id: string; name: string };

  beforeAll(async () => {
    const host = apiAs(HOST);
    const me = await host<{ me: { organization: { id: string } } }>(`{ me { organization { id } } }`);
    const found = await host<{ resources: { edges: { node: { id: string; name: string } }[] } }>(
      `query($org: ID!) { resources(first: 1, organizationId: $org) { edges { node { id name } } } }`,
      { org: me.me.organization.id },
    );
    listing = found.resources.edges[0].node;
  });

  it("moves the focus to the error summary, on screen, instead of leaving it on 保存する", async () => {
    const { page } = await newSession({ as: HOST });
    await visit(page, `/host/listings/${listing.id}`, listing.name);
    await page.getByRole("textbox", { name: "空き状況" }).fill("-5");
    await page.getByRole("button", { name: "保存する" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await summary.boundingBox();
    const height = await page.evaluate(() => window.innerHeight);
    expect(box && box.y >= 0 && box.y + box.height <= height, "the summary is in view").toBe(true);
  });
});
