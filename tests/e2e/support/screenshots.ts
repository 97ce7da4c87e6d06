import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../../..");
/** The committed gallery (docs/screenshots/README.md lists every image). */
export const GALLERY_DIR = path.join(ROOT, "docs/screenshots");
/**
 * Where the browser tests save their screenshots: an ignored folder, so `npm test` leaves the checkout clean.
 * `npm run screenshots` points this at the gallery (SCREENSHOTS_OUT) to refresh the committed images on purpose.
 */
export const SCREENSHOT_DIR = path.resolve(ROOT, process.env.SCREENSHOTS_OUT ?? "test-results/screenshots");

/** Every page of the app in gallery order; the number in the file name comes from here (docs/screenshots/README.md). */
export const SCREENSHOTS = [
  "login",
  "resources",
  "resource-detail",
  "today",
  "people",
  "person-detail",
  "matches",
  "follow-up",
  "outcomes",
  "gaps",
  "resource-card",
  "host-portal",
  "host-listing",
  "host-referral",
  "person-new",
  "person-edit",
  "audit-log",
  "users",
  "change-password",
  "catalog-import",
  "organizations",
  "listing-new",
  "listing-edit",
  "areas",
  "settings",
  "support-meetings",
  "evaluation-report",
  "evaluation-targets",
  "intakes",
  "meetings",
  "cooperation",
  "host-support",
  "person-disclosure",
  "two-factor",
  "catalog",
] as const;
export type ScreenshotName = (typeof SCREENSHOTS)[number];

export const screenshotFile = (name: ScreenshotName) =>
  `${String(SCREENSHOTS.indexOf(name) + 1).padStart(2, "0")}-${name}.png`;

/**
 * Full page, once the fonts (IPA Gothic for Japanese) have loaded, cut to the window's width: content that only
 * scrolls sideways inside its own box (the match board's lanes) would otherwise widen the image.
 */
export async function screenshot(page: Page, name: ScreenshotName): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const size = await page.evaluate(() => ({ width: window.innerWidth, height: document.documentElement.scrollHeight }));
  const file = path.join(SCREENSHOT_DIR, screenshotFile(name));
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, ...size },
    animations: "disabled",
    caret: "hide",
  });
  return file;
}
