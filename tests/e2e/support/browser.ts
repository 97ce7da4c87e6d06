import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { commonMessages } from "../../../web/src/messages/common";
import { baseUrl, sessionCookie } from "./api";

/** 1280 wide: the coordinator's desk PC (screenshots are taken at this width). */
export const VIEWPORT = { width: 1280, height: 800 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and any request that tried to leave the app's origin. */
  problems: string[];
}

export interface SessionOptions {
  /** Sign in by cookie as this demo user first. */
  as?: string;
  /** Keep the session for the whole file (a journey's steps share one tab); default: closed after the test. */
  forFile?: boolean;
  /** Other origins the page may reach (the test identity provider's sign-in page); nothing else. */
  allowOrigins?: string[];
}

/**
 * The run's one Chromium (started by global-setup), connected for this test file. After each test every open
 * session is checked for problems (console errors, calls to other origins); per-test sessions are closed.
 */
export function useBrowser(): { newSession: (opts?: SessionOptions) => Promise<Session> } {
  let browser: Browser | undefined;
  const perTest: Session[] = [];
  const perFile: Session[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject("e2eBrowserWsEndpoint"));
  });
  afterEach(async () => {
    const problems = [...perTest, ...perFile].flatMap((s) => s.problems.splice(0));
    await Promise.all(perTest.splice(0).map((s) => s.context.close()));
    if (problems.length) throw new Error(`The page reported problems:\n- ${problems.join("\n- ")}`);
  });
  afterAll(async () => {
    await Promise.all(perFile.splice(0).map((s) => s.context.close()));
    await browser?.close();
  });
  return {
    async newSession(opts = {}) {
      if (!browser)
        throw new Error("useBrowser(): the browser is not connected yet (call newSession in a test or hook)");
      const session = await newGuardedSession(browser, opts.allowOrigins);
      (opts.forFile ? perFile : perTest).push(session);
      if (opts.as) await signInByCookie(session.context, opts.as);
      return session;
    },
  };
}

/** A fresh context (own cookies and storage) whose page fails the test on errors or calls to another origin. */
export async function newGuardedSession(browser: Browser, allowOrigins: string[] = []): Promise<Session> {
  const origin = new URL(baseUrl()).origin;
  const allowed = new Set([origin, ...allowOrigins]);
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const problems: string[] = [];
  // Nothing may call out (LGWAN): stop any request for another origin before it leaves, and fail the test.
  await context.route(
    (url) => !allowed.has(url.origin) && ["http:", "https:", "ws:", "wss:"].includes(url.protocol),
    async (route) => {
      problems.push(`request to another origin: ${route.request().url()}`);
      await route.abort("blockedbyclient");
    },
  );
  context.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error on ${msg.page()?.url() ?? "?"}: ${msg.text()}`);
  });
  context.on("weberror", (error) => problems.push(`uncaught ${error.error().message}`));
  context.on("requestfailed", (request) => {
    if (!allowed.has(new URL(request.url()).origin) && !request.url().startsWith("data:")) {
      problems.push(`failed request to another origin: ${request.url()}`);
    }
  });
  // Content-Security-Policy: any violation (an inline <style>, a style attribute in markup, a script or a request
  // the policy refuses) is recorded on the page and fails the test; the init script itself comes in through the
  // DevTools protocol, which the policy does not cover.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  context.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });
  const page = await context.newPage();
  return { context, page, problems };
}

/** Browser tests sign in by cookie (only the journeys' own log-in step uses the form). */
export async function signInByCookie(context: BrowserContext, email: string): Promise<void> {
  const cookie = await sessionCookie(email);
  await context.addCookies([{ ...cookie, url: baseUrl(), httpOnly: true, sameSite: "Lax" }]);
}

export const url = (path: string) => new URL(path, baseUrl()).toString();

/** The Content-Security-Policy violations the page has met since it loaded (see newGuardedSession). */
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/**
 * Opens `path` and waits until the page has its `<h1>` (by name, when given) and has finished loading data:
 * no request in flight and no 「読み込み中…」 left.
 */
export async function visit(page: Page, path: string, h1?: string | RegExp): Promise<Locator> {
  await page.goto(url(path));
  return waitForPage(page, h1);
}

export async function waitForPage(page: Page, h1?: string | RegExp): Promise<Locator> {
  const heading = page.getByRole("heading", { level: 1, ...(h1 ? { name: h1 } : {}) });
  await heading.first().waitFor({ state: "visible", timeout: 15_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForFunction((loading) => !document.body.innerText.includes(loading), commonMessages.loading, {
    timeout: 15_000,
  });
  return heading;
}
