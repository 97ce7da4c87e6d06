import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/harness.js";

/** Sign-in is tested over real HTTP: the cookie, its flags and CSRF prevention are part of the contract. */
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  const port = await t.app.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => t.close());

async function post(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(base, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    res,
    body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string; requestId?: string } }[] },
  };
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { email role organization { id } } } }`;

describe("sign-in", () => {
  it("logs in with an HttpOnly SameSite cookie, answers `me`, and logs out", async () => {
    const org = await t.factories.organization();
    await t.factories.user({ role: UserRole.HOST, organizationId: org.id, email: "Host@Example.jp" });

    const { res, body } = await post(LOGIN, { input: { email: "host@example.jp", password: TEST_PASSWORD } });
    expect(body.errors).toBeUndefined();
    expect(body.data.login.user).toEqual({ email: "host@example.jp", role: "HOST", organization: { id: org.id } });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^tsunagu_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(";")[0];

    const me = await post(`{ me { email role } }`, {}, cookie);
    expect(me.body.data.me).toEqual({ email: "host@example.jp", role: "HOST" });

    const out = await post(`mutation { logout }`, {}, cookie);
    expect(out.body.data.logout).toBe(true);
    expect(out.res.headers.get("set-cookie")).toMatch(/tsunagu_session=;/);
    expect((await post(`{ me { email } }`, {}, cookie)).body.data.me).toBeNull();
  });

  it("refuses a wrong password and an unknown account with the same Japanese message", async () => {
    await t.factories.user({ email: "coord@example.jp" });
    const wrong = await post(LOGIN, { input: { email: "coord@example.jp", password: "nope" } });
    const unknown = await post(LOGIN, { input: { email: "nobody@example.jp", password: "nope" } });
    expect(wrong.body.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    // The same answer, but for the request id every error carries (one per request).
    const sameness = (e: any) => ({ ...e, extensions: { ...e.extensions, requestId: expect.any(String) } });
    expect(sameness(unknown.body.errors![0])).toEqual(sameness(wrong.body.errors![0]));
    expect(unknown.body.errors![0].extensions!.requestId).not.toBe(wrong.body.errors![0].extensions!.requestId);
    expect(wrong.res.headers.get("set-cookie")).toBeNull();
  });

  it("stores only a hash of the session token and the argon2id password hash", async () => {
    const user = await t.factories.user();
    const { token } = await t.app.services.auth.createSession(user.id);
    const [session] = await t.db.query("SELECT token_hash FROM user_session WHERE user_id = $1", [user.id]);
    expect(session.token_hash).not.toContain(token);
    const [cred] = await t.db.query("SELECT password_hash FROM user_credential WHERE user_id = $1", [user.id]);
    expect(cred.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("ignores an expired session", async () => {
    const user = await t.factories.user();
    const { token } = await t.app.services.auth.createSession(user.id);
    await t.db.query("UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [user.id]);
    expect(await t.app.services.auth.viewerForToken(token)).toBeNull();
  });

  it("rejects a GET mutation-less request without a preflight header (CSRF prevention)", async () => {
    const res = await fetch(`${base}?query=${encodeURIComponent("{ me { email } }")}`);
    expect(res.status).toBe(400);
  });

  it("sends security headers and no X-Powered-By", async () => {
    const { res } = await post(`{ me { email } }`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
  });
});
