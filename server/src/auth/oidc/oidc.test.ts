import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../test/free-port.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { startTestOidcProvider, type TestOidcProvider } from "../../test/oidc-provider.js";
import { rateLimitedMessage } from "../../ratelimit/rate-limiter.js";
import { User } from "../user.entity.js";

/**
 * Sign-in through an identity provider, end to end over real HTTP: tsunagu on a loopback port, and a real OpenID
 * provider (oidc-provider) on another, with its own sign-in and consent pages. A cookie jar plays the browser.
 */
let t: TestApp;
let provider: TestOidcProvider;
let base: string;

/** Requests to /auth/oidc/* per client address and minute: a few sign-ins' worth, so the test below can reach it. */
const OIDC_LIMIT = 6;
const UNLIMITED = { points: 1_000_000, windowSeconds: 60 };

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestOidcProvider(`${base}/auth/oidc/callback`);
  t = await createTestApp({
    config: {
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        redirectUri: provider.redirectUri,
      },
      rateLimits: {
        anonymous: UNLIMITED,
        user: UNLIMITED,
        signIn: UNLIMITED,
        oidc: { points: OIDC_LIMIT, windowSeconds: 60 },
      },
      // Each CookieJar below is a browser with its own address (X-Forwarded-For from loopback, believed).
      trustProxy: ["loopback"],
    },
  });
  await t.app.listen(port, "127.0.0.1");
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

let browsers = 0;

/**
 * Cookies by name for 127.0.0.1 (browsers do not separate cookies by port), as a browser keeps them; and the
 * browser's own client address, so that each counts against the OIDC rate limit on its own.
 */
class CookieJar {
  readonly cookies = new Map<string, string>();
  readonly address = `198.51.100.${++browsers}`;
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

async function request(jar: CookieJar, url: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      cookie: jar.header(),
      "x-forwarded-for": jar.address,
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(res);
  return res;
}

/** Follows redirects (GET) until a page, or until `stopAt` says the next URL is far enough. */
async function follow(jar: CookieJar, res: Response, stopAt?: (url: URL) => boolean): Promise<Response | URL> {
  let current = res;
  while (current.status >= 300 && current.status < 400) {
    const next = new URL(current.headers.get("location")!, current.url);
    if (stopAt?.(next)) return next;
    current = await request(jar, next.href);
  }
  return current;
}

const formAction = (html: string, baseUrl: string) =>
  new URL(/<form method="post" action="([^"]+)"/.exec(html)![1], baseUrl);
const atTsunagu = (url: URL) => url.origin === base;

/**
 * Start at tsunagu, sign in and consent at the provider, and stop just before the browser would call tsunagu's
 * callback: returns that callback URL (with the code and the state).
 */
async function throughProvider(jar: CookieJar, login: string, password: string, next = ""): Promise<URL> {
  const start = await request(jar, `${base}/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  expect(start.status).toBe(303);
  const loginPage = (await follow(jar, start)) as Response;
  expect(loginPage.status).toBe(200);
  const loginHtml = await loginPage.text();
  expect(loginHtml).toContain("サインイン");
  const afterLogin = await request(jar, formAction(loginHtml, loginPage.url).href, { login, password });
  const consentOrCallback = await follow(jar, afterLogin, atTsunagu);
  if (consentOrCallback instanceof URL) return consentOrCallback;
  const consentHtml = await consentOrCallback.text();
  const afterConsent = await request(jar, formAction(consentHtml, consentOrCallback.url).href, {});
  const callback = await follow(jar, afterConsent, atTsunagu);
  if (!(callback instanceof URL))
    throw new Error(`the provider did not send the browser back: ${await callback.text()}`);
  return callback;
}

async function me(jar: CookieJar): Promise<{ id: string; email: string } | null> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: jar.header() },
    body: JSON.stringify({ query: "{ me { id email } }" }),
  });
  return ((await res.json()) as { data: { me: { id: string; email: string } | null } }).data.me;
}

const unique = () => randomBytes(4).toString("hex");

async function signInRows(requestId: string) {
  return t.db.query(
    `SELECT action, actor_user_id, actor_role, entity_type, record_id, operation, detail FROM audit_event
     WHERE request_id = $1`,
    [requestId],
  );
}

async function callTsunagu(jar: CookieJar, callback: URL) {
  const res = await request(jar, callback.href);
  return { res, location: res.headers.get("location"), requestId: res.headers.get("x-request-id")! };
}

describe("sign-in through the city's identity provider (OpenID Connect)", () => {
  it("tells the login page that the button may be shown", async () => {
    const res = await t.anonymous(`{ signInOptions { oidcEnabled } }`);
    expect(res.data).toEqual({ signInOptions: { oidcEnabled: true } });
  });

  it("signs in by the provider's verified e-mail, links the subject, and the session works on /graphql", async () => {
    const user = await t.factories.user();
    const login = `staff-${unique()}`;
    provider.setAccount({ login, password: "pw-1", subject: `sub-${login}`, email: user.email, emailVerified: true });
    const jar = new CookieJar();
    const callback = await throughProvider(jar, login, "pw-1", "/people?x=1");
    expect(callback.pathname).toBe("/auth/oidc/callback");
    expect(callback.searchParams.get("code")).toBeTruthy();

    const { res, location, requestId } = await callTsunagu(jar, callback);
    expect(res.status).toBe(303);
    expect(location).toBe("/people?x=1");
    expect(jar.cookies.has("tsunagu_session")).toBe(true);
    expect(jar.cookies.has("tsunagu_oidc")).toBe(false);
    expect(await me(jar)).toEqual({ id: user.id, email: user.email });

    expect(await t.db.query(`SELECT issuer, subject FROM user_identity WHERE user_id = $1`, [user.id])).toEqual([
      { issuer: provider.issuer, subject: `sub-${login}` },
    ]);
    expect(await signInRows(requestId)).toEqual([
      {
        action: "LOGIN",
        actor_user_id: user.id,
        actor_role: "COORDINATOR",
        entity_type: "User",
        record_id: user.id,
        operation: "oidcSignIn",
        detail: { method: "oidc", linked: true },
      },
    ]);
  });

  it("finds the account by its subject later, after its e-mail changed on both sides", async () => {
    const user = await t.factories.user();
    const login = `moved-${unique()}`;
    provider.setAccount({ login, password: "pw-2", subject: `sub-${login}`, email: user.email });
    const first = new CookieJar();
    await callTsunagu(first, await throughProvider(first, login, "pw-2"));
    expect((await me(first))?.id).toBe(user.id);

    await t.db.getRepository(User).update({ id: user.id }, { email: `renamed-${unique()}@example.jp` });
    provider.setAccount({ login, password: "pw-2", subject: `sub-${login}`, email: `new-${unique()}@city.example.jp` });
    const jar = new CookieJar();
    const { location, requestId } = await callTsunagu(jar, await throughProvider(jar, login, "pw-2"));
    expect(location).toBe("/");
    expect((await me(jar))?.id).toBe(user.id);
    expect((await signInRows(requestId))[0]).toMatchObject({
      action: "LOGIN",
      detail: { method: "oidc", linked: false },
    });
  });

  it("refuses a person the provider knows but tsunagu does not, and creates nothing", async () => {
    const login = `stranger-${unique()}`;
    provider.setAccount({ login, password: "pw-3", subject: `sub-${login}`, email: `${login}@city.example.jp` });
    const users = await t.db.getRepository(User).count();
    const jar = new CookieJar();
    const { location, requestId } = await callTsunagu(jar, await throughProvider(jar, login, "pw-3"));
    expect(location).toBe("/login?oidcError=UNKNOWN_USER");
    expect(jar.cookies.has("tsunagu_session")).toBe(false);
    expect(await me(jar)).toBeNull();
    expect(await t.db.getRepository(User).count()).toBe(users);
    expect(await t.db.query(`SELECT 1 FROM user_identity WHERE subject = $1`, [`sub-${login}`])).toEqual([]);
    expect(await signInRows(requestId)).toEqual([
      {
        action: "LOGIN_FAILED",
        actor_user_id: null,
        actor_role: null,
        entity_type: null,
        record_id: null,
        operation: "oidcSignIn",
        detail: { method: "oidc", code: "UNKNOWN_USER", knownAccount: false },
      },
    ]);
  });

  it("never matches by an e-mail the provider has not verified", async () => {
    const user = await t.factories.user();
    const login = `unverified-${unique()}`;
    provider.setAccount({ login, password: "pw-4", subject: `sub-${login}`, email: user.email, emailVerified: false });
    const jar = new CookieJar();
    const { location } = await callTsunagu(jar, await throughProvider(jar, login, "pw-4"));
    expect(location).toBe("/login?oidcError=EMAIL_NOT_VERIFIED");
    expect(await me(jar)).toBeNull();
  });

  it("refuses a deactivated account, by e-mail and by subject", async () => {
    const user = await t.factories.user();
    const login = `leaver-${unique()}`;
    provider.setAccount({ login, password: "pw-5", subject: `sub-${login}`, email: user.email });
    const linked = new CookieJar();
    await callTsunagu(linked, await throughProvider(linked, login, "pw-5"));
    expect((await me(linked))?.id).toBe(user.id);

    await t.db.getRepository(User).update({ id: user.id }, { active: false });
    const jar = new CookieJar();
    const { location, requestId } = await callTsunagu(jar, await throughProvider(jar, login, "pw-5"));
    expect(location).toBe("/login?oidcError=INACTIVE");
    expect(jar.cookies.has("tsunagu_session")).toBe(false);
    expect(await signInRows(requestId)).toEqual([
      expect.objectContaining({
        action: "LOGIN_FAILED",
        entity_type: "User",
        record_id: user.id,
        detail: { method: "oidc", code: "INACTIVE", knownAccount: true },
      }),
    ]);

    // Never linked: refused by e-mail the same way.
    const other = await t.factories.user();
    await t.db.getRepository(User).update({ id: other.id }, { active: false });
    const login2 = `leaver2-${unique()}`;
    provider.setAccount({ login: login2, password: "pw-6", subject: `sub-${login2}`, email: other.email });
    const jar2 = new CookieJar();
    expect((await callTsunagu(jar2, await throughProvider(jar2, login2, "pw-6"))).location).toBe(
      "/login?oidcError=INACTIVE",
    );
    expect(await t.db.query(`SELECT 1 FROM user_identity WHERE user_id = $1`, [other.id])).toEqual([]);
  });

  it("refuses an answer that belongs to another browser's sign-in (state mismatch), or to none", async () => {
    const user = await t.factories.user();
    const login = `victim-${unique()}`;
    provider.setAccount({ login, password: "pw-7", subject: `sub-${login}`, email: user.email });
    // The attacker's own, genuine answer, handed to a victim's browser that started a sign-in of its own.
    const attacker = new CookieJar();
    const callback = await throughProvider(attacker, login, "pw-7");
    const victim = new CookieJar();
    expect((await request(victim, `${base}/auth/oidc/start`)).status).toBe(303);
    const { location, requestId } = await callTsunagu(victim, callback);
    expect(location).toBe("/login?oidcError=STATE_MISMATCH");
    expect(await me(victim)).toBeNull();
    expect((await signInRows(requestId))[0]).toMatchObject({
      action: "LOGIN_FAILED",
      detail: { method: "oidc", code: "STATE_MISMATCH", knownAccount: false },
    });
    // A browser with no sign-in under way at all.
    const none = new CookieJar();
    expect((await callTsunagu(none, callback)).location).toBe("/login?oidcError=STATE_MISMATCH");
    expect(await me(none)).toBeNull();
    // The owner of the answer still signs in with it: nothing above spent the code.
    expect((await callTsunagu(attacker, callback)).location).toBe("/");
    expect((await me(attacker))?.id).toBe(user.id);
  });

  it("refuses a wrong password at the provider, and sends the provider's refusal back as a refusal", async () => {
    const login = `typo-${unique()}`;
    provider.setAccount({ login, password: "right", subject: `sub-${login}`, email: `${login}@example.jp` });
    const jar = new CookieJar();
    const start = await request(jar, `${base}/auth/oidc/start`);
    const page = (await follow(jar, start)) as Response;
    const html = await page.text();
    const wrong = await request(jar, formAction(html, page.url).href, { login, password: "wrong" });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("パスワードが違います");

    // An error answer from the provider (the person cancelled): a refusal, not a server error.
    const pending = jar.cookies.get("tsunagu_oidc")!;
    const state = JSON.parse(Buffer.from(pending, "base64url").toString()).state as string;
    const cancelled = new URL(`${base}/auth/oidc/callback`);
    cancelled.search = new URLSearchParams({ error: "access_denied", state, iss: provider.issuer }).toString();
    expect((await callTsunagu(jar, cancelled)).location).toBe("/login?oidcError=PROVIDER_ERROR");
    expect(await me(jar)).toBeNull();
  });

  it("keeps the return path on this site", async () => {
    const jar = new CookieJar();
    const start = await request(jar, `${base}/auth/oidc/start?next=${encodeURIComponent("//evil.example/x")}`);
    expect(start.status).toBe(303);
    const pending = JSON.parse(Buffer.from(jar.cookies.get("tsunagu_oidc")!, "base64url").toString());
    expect(pending.next).toBeNull();
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("state")).toBe(pending.state);
  });
});

describe("rate limit on /auth/oidc/* (RATE_LIMIT_OIDC_PER_MINUTE)", () => {
  it(`signs in below the limit; request ${OIDC_LIMIT + 1} from one address in a minute gets 429 and a page in Japanese`, async () => {
    const user = await t.factories.user();
    const login = `busy-${unique()}`;
    provider.setAccount({ login, password: "pw-9", subject: `sub-${login}`, email: user.email });
    const jar = new CookieJar();
    // A sign-in is two requests (start, callback): well within the limit, it works as ever.
    const { location } = await callTsunagu(jar, await throughProvider(jar, login, "pw-9"));
    expect(location).toBe("/");
    expect((await me(jar))?.id).toBe(user.id);
    // The rest of this address's allowance: still answered normally.
    for (let i = 2; i < OIDC_LIMIT; i++) expect((await request(jar, `${base}/auth/oidc/start`)).status).toBe(303);

    const audited = async () =>
      Number((await t.db.query(`SELECT count(*) AS n FROM audit_event WHERE operation = 'oidcSignIn'`))[0].n);
    const before = await audited();
    const over = await request(jar, `${base}/auth/oidc/start`);
    expect(over.status).toBe(429);
    const seconds = Number(over.headers.get("retry-after"));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(over.headers.get("cache-control")).toBe("no-store");
    expect(over.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/i);
    expect(over.headers.get("location")).toBeNull();
    const page = await over.text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain(rateLimitedMessage(seconds));
    expect(page).toContain('<a href="/login">');
    // The callback counts on the same allowance: refused before the provider is asked or anything is audited.
    const callback = await request(jar, `${base}/auth/oidc/callback?code=x&state=${jar.cookies.get("tsunagu_oidc")}`);
    expect(callback.status).toBe(429);
    expect(await audited()).toBe(before);

    // Another address has its own allowance.
    const other = new CookieJar();
    const start = await request(other, `${base}/auth/oidc/start`);
    expect(start.status).toBe(303);
    expect(new URL(start.headers.get("location")!).origin).toBe(provider.issuer);
  });
});

describe("without OIDC configuration", () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain?.close());

  it("hides the button and has no sign-in routes", async () => {
    expect((await plain.anonymous(`{ signInOptions { oidcEnabled } }`)).data).toEqual({
      signInOptions: { oidcEnabled: false },
    });
    const port = await plain.app.listen(0, "127.0.0.1");
    const res = await fetch(`http://127.0.0.1:${port}/auth/oidc/start`, { redirect: "manual" });
    expect(res.status).toBe(404);
  });
});
