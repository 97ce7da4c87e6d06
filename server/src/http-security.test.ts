import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "./test/factories.js";
import { codesOf, createTestApp, type TestApp } from "./test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "./test/http.js";

/** What a browser sees over real HTTP: CSRF prevention, headers, CORS, proxies, cookies, production mode. */
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const ALLOWED = "https://portal.midorino.example.lg.jp";
const EVIL = "https://evil.example";

describe("development defaults (same-origin only, no proxy)", () => {
  let t: TestApp;
  let http: HttpGql;
  beforeAll(async () => {
    t = await createTestApp();
    http = await listenForHttp(t);
  });
  afterAll(() => t.close());

  it("refuses a simple-request POST (text/plain, no preflight header): CSRF prevention", async () => {
    const user = await t.factories.user();
    const { token } = await t.app.services.auth.createSession(user.id);
    const res = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: `tsunagu_session=${token}` },
      body: JSON.stringify({ query: "mutation { logoutEverywhere }" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    // Nothing ran: the session is still there.
    expect(await t.app.services.auth.viewerForToken(token)).not.toBeNull();
  });

  it("runs the same operation sent as JSON (a browser preflights that cross-site)", async () => {
    const { res, body } = await http.post(`{ __typename }`);
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ __typename: "Query" });
  });

  it("sends the security headers, and no-store on GraphQL answers", async () => {
    const { res } = await http.post(`{ me { id } }`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Styles only from the app's own files: no inline <style> or style attribute (issue 18).
    expect(csp.split(";").map((d) => d.trim())).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("strict-transport-security")).toBeNull(); // HSTS only in production (HTTPS)

    const health = await fetch(http.url.replace("/graphql", "/healthz"));
    expect(health.headers.get("permissions-policy")).toBeTruthy();
    expect(health.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("gives another origin no CORS headers, and fails its preflight", async () => {
    const { res } = await http.post(`{ __typename }`, {}, { origin: EVIL });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await fetch(http.url, {
      method: "OPTIONS",
      headers: {
        origin: EVIL,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    const user = await t.factories.user();
    const { res } = await http.post(
      LOGIN,
      { input: { email: user.email, password: TEST_PASSWORD } },
      { "x-forwarded-for": "198.51.100.9" },
    );
    expect(sessionCookieOf(res)).toBeTruthy();
    const [row] = await t.db.query("SELECT client_address FROM user_session WHERE user_id = $1", [user.id]);
    expect(row.client_address).toMatch(/127\.0\.0\.1$/);
  });

  it("sets an HttpOnly, SameSite=Strict cookie without Secure when COOKIE_SECURE is off", async () => {
    const user = await t.factories.user();
    const { res } = await http.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^tsunagu_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });
});

describe("CORS_ORIGINS and TRUST_PROXY configured", () => {
  let t: TestApp;
  let http: HttpGql;
  beforeAll(async () => {
    t = await createTestApp({ config: { corsOrigins: [ALLOWED], trustProxy: 1 } });
    http = await listenForHttp(t);
  });
  afterAll(() => t.close());

  it("answers an allowed origin with credentials-enabled CORS, including its preflight", async () => {
    const { res } = await http.post(`{ __typename }`, {}, { origin: ALLOWED });
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("vary")).toMatch(/origin/i);
    const preflight = await fetch(http.url, {
      method: "OPTIONS",
      headers: {
        origin: ALLOWED,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);
  });

  it("still gives other origins nothing", async () => {
    for (const origin of [EVIL, `${ALLOWED}.evil.example`, "http://portal.midorino.example.lg.jp", "null"]) {
      const { res } = await http.post(`{ __typename }`, {}, { origin });
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("takes the client address from the trusted proxy's X-Forwarded-For, for sessions and rate limiting", async () => {
    const user = await t.factories.user();
    const { res } = await http.post(
      LOGIN,
      { input: { email: user.email, password: TEST_PASSWORD } },
      { "x-forwarded-for": "198.51.100.9" },
    );
    expect(sessionCookieOf(res)).toBeTruthy();
    const [row] = await t.db.query("SELECT client_address FROM user_session WHERE user_id = $1", [user.id]);
    expect(row.client_address).toBe("198.51.100.9");

    // 20 failures from one forwarded address lock that address only.
    const others = await Promise.all(Array.from({ length: 5 }, () => t.factories.user()));
    for (let i = 0; i < 20; i++) {
      await http.post(
        LOGIN,
        { input: { email: others[i % 5].email, password: `wrong guess ${i}` } },
        { "x-forwarded-for": "203.0.113.50" },
      );
    }
    const fresh = await t.factories.user();
    const blocked = await http.post(
      LOGIN,
      { input: { email: fresh.email, password: TEST_PASSWORD } },
      { "x-forwarded-for": "203.0.113.50" },
    );
    expect(blocked.body.errors[0].extensions.reason).toBe("LOCKED");
    const elsewhere = await http.post(
      LOGIN,
      { input: { email: fresh.email, password: TEST_PASSWORD } },
      { "x-forwarded-for": "203.0.113.51" },
    );
    expect(elsewhere.body.errors).toBeUndefined();
  });
});

describe("production mode", () => {
  let t: TestApp;
  let http: HttpGql;
  beforeAll(async () => {
    t = await createTestApp({ config: { production: true, cookieSecure: true } });
    http = await listenForHttp(t);
  });
  afterAll(() => t.close());

  it("refuses introspection", async () => {
    const { res, body } = await http.post(`{ __schema { queryType { name } } }`);
    expect(res.status).toBe(400);
    expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(body.data).toBeUndefined();
    expect(codesOf(await t.anonymous(`{ __type(name: "Person") { fields { name } } }`))).toEqual([
      "GRAPHQL_VALIDATION_FAILED",
    ]);
  });

  it("serves no Apollo landing page", async () => {
    // Apollo's landing page is HTML answered to a browser's GET on the endpoint; what comes back is its CSRF refusal.
    const endpoint = await fetch(http.url, { headers: { accept: "text/html" } });
    expect(endpoint.status).toBe(400);
    expect(endpoint.headers.get("content-type")).not.toMatch(/html/);
    expect(await endpoint.text()).not.toMatch(/<html|apollographql\.com|sandbox|explorer/i);
    // `/` is tsunagu's own web app when it is built, never Apollo's page.
    const root = await fetch(http.url.replace("/graphql", "/"), { headers: { accept: "text/html" } });
    expect(await root.text()).not.toMatch(/apollographql\.com|Apollo Server|embeddable-sandbox|embeddable-explorer/i);
  });

  it("masks an unexpected error: a message and the request id, nothing else", async () => {
    // Break the database under the app: the SQL error must not reach the client.
    await t.db.query("ALTER TABLE area RENAME TO area_gone");
    try {
      const { res, body } = await http.post(`{ areas { id name } }`, {}, { "x-request-id": "req-abcdef-123456" });
      expect(body.errors).toHaveLength(1);
      const [error] = body.errors;
      expect(error.message).toBe("サーバーで問題が発生しました。時間をおいて再度お試しください。");
      expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-abcdef-123456" });
      expect(res.headers.get("x-request-id")).toBe("req-abcdef-123456");
      expect(JSON.stringify(body)).not.toMatch(/area_gone|relation|stack|at \w+ \(|\.ts:\d+/);
    } finally {
      await t.db.query("ALTER TABLE area_gone RENAME TO area");
    }
  });

  it("uses a Secure __Host- cookie over HTTPS, and reads it back", async () => {
    const user = await t.factories.user();
    const { res } = await http.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-tsunagu_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = sessionCookieOf(res)!;
    expect((await http.post(`{ me { id } }`, {}, { cookie })).body.data.me.id).toBe(user.id);
    // The unprefixed name is not read when cookies are secure (it could have been planted over plain HTTP).
    const planted = cookie.replace("__Host-", "");
    expect((await http.post(`{ me { id } }`, {}, { cookie: planted })).body.data.me).toBeNull();
  });

  it("sends HSTS", async () => {
    const { res } = await http.post(`{ __typename }`);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
