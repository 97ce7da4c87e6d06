/**
 * 「ログインしたままにする」 in the browser. Without the box the session cookie has no expiry, so it ends when the
 * browser closes (a shared PC at the counter); with it, the cookie lasts at most SESSION_STAY_SIGNED_IN_HOURS
 * (server/src/auth/session-cookie.ts, config.ts: at most a day). Each case signs in with the form in a Chromium of
 * its own profile, closes that browser and starts it again on the same profile: what the browser itself keeps across
 * the restart decides whether the user is still signed in, not a copy of the cookies made by the test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Cookie, type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/src/auth/session-cookie";
import { loadConfig } from "../../server/src/config";
import { apiAs, baseUrl } from "./support/api";
import { url, VIEWPORT, waitForPage } from "./support/browser";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/chromium";

// The e2e server runs on the defaults (support/server-process.ts sets no SESSION_* variable).
const { sessionStaySignedInHours } = loadConfig({ NODE_ENV: "development" });

const stamp = Date.now().toString(36);
const user = { email: `a-stay-${stamp}@example.jp`, name: "残留 確子", password: "midorino-nokoru-2026-haru" };
const HOME = "今日・今週のフォローアップ";

/** A browser with its own profile on disk, failing the test on console errors and uncaught exceptions. */
async function startBrowser(profile: string, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  context.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error on ${msg.page()?.url() ?? "?"}: ${msg.text()}`);
  });
  context.on("weberror", (error) => problems.push(`uncaught ${error.error().message}`));
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

interface Outcome {
  signedInAt: number;
  /** The session cookie right after signing in. */
  cookie: Cookie | undefined;
  /** After the browser was closed and started again on the same profile. */
  cookieAfterRestart: Cookie | undefined;
  headingAfterRestart: string;
  greetedAfterRestart: boolean;
}

async function signInCloseAndReopen(staySignedIn: boolean): Promise<Outcome> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "tsunagu-e2e-profile-"));
  const problems: string[] = [];
  const sessionCookie = async (context: BrowserContext) =>
    (await context.cookies(baseUrl())).find((c) => c.name === SESSION_COOKIE);
  try {
    let { context, page } = await startBrowser(profile, problems);
    await page.goto(url("/login"));
    await waitForPage(page, "ログイン");
    await page.getByRole("textbox", { name: "メールアドレス" }).fill(user.email);
    await page.getByLabel("パスワード", { exact: true }).fill(user.password);
    const box = page.getByRole("checkbox", { name: "ログインしたままにする" });
    expect(await box.isChecked(), "the box starts unticked").toBe(false);
    if (staySignedIn) await box.check();
    const signedInAt = Date.now();
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await waitForPage(page, HOME);
    const cookie = await sessionCookie(context);
    await context.close();

    ({ context, page } = await startBrowser(profile, problems));
    await page.goto(url("/today"));
    const heading = await waitForPage(page);
    const outcome: Outcome = {
      signedInAt,
      cookie,
      cookieAfterRestart: await sessionCookie(context),
      headingAfterRestart: await heading.innerText(),
      greetedAfterRestart: await page.getByText(`${user.name} さん`).isVisible(),
    };
    await context.close();
    expect(problems, "the pages reported problems").toEqual([]);
    return outcome;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await apiAs("admin@example.jp")(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { email: user.email, displayName: user.name, role: "COORDINATOR", password: user.password },
  });
});

describe("「ログインしたままにする」", () => {
  it("unticked: a session cookie without expiry, gone once the browser is closed and opened again", async () => {
    const outcome = await signInCloseAndReopen(false);
    expect(outcome.cookie, "signing in set the session cookie").toBeDefined();
    expect(outcome.cookie!.expires).toBe(-1);
    expect(outcome.cookie!.httpOnly).toBe(true);
    expect(outcome.cookieAfterRestart).toBeUndefined();
    expect(outcome.headingAfterRestart).toBe("ログイン");
    expect(outcome.greetedAfterRestart).toBe(false);
  });

  it(`ticked: a cookie ending within SESSION_STAY_SIGNED_IN_HOURS (${sessionStaySignedInHours} h), still signed in after a restart`, async () => {
    expect(
      sessionStaySignedInHours,
      "the server's ceiling: a shared PC is signed out by the next day",
    ).toBeLessThanOrEqual(24);
    const outcome = await signInCloseAndReopen(true);
    expect(outcome.cookie, "signing in set the session cookie").toBeDefined();
    const expiresMs = outcome.cookie!.expires * 1000;
    expect(expiresMs).toBeGreaterThan(Date.now());
    // The server stamps the session's end when it answers the sign-in, a moment after the click.
    expect(expiresMs).toBeLessThanOrEqual(Date.now() + sessionStaySignedInHours * 3600_000);
    expect(expiresMs).toBeGreaterThan(outcome.signedInAt + (sessionStaySignedInHours - 1) * 3600_000);
    expect(outcome.cookieAfterRestart?.value).toBe(outcome.cookie!.value);
    expect(outcome.headingAfterRestart).toBe(HOME);
    expect(outcome.greetedAfterRestart).toBe(true);
  });
});
