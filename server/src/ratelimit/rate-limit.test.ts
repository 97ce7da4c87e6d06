import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from "vitest";
import { createApp, type App } from "../app.js";
import { createLogger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { rateLimitedMessage, type RateLimits } from "./rate-limiter.js";

/**
 * Per-client request limits over real HTTP, counted in PostgreSQL: anonymous per address, signed-in per user, sign-in
 * attempts per address; over a limit the answer is 429 with RATE_LIMITED and nothing runs.
 */
const LIMITS: RateLimits = {
  anonymous: { points: 5, windowSeconds: 60 },
  user: { points: 8, windowSeconds: 60 },
  signIn: { points: 3, windowSeconds: 60 },
  oidc: { points: 3, windowSeconds: 60 },
};
// Behind a trusted proxy on loopback, X-Forwarded-For names the client: several clients from one test.
const CONFIG = { rateLimits: LIMITS, trustProxy: ["loopback"] };

let t: TestApp;
let http: HttpGql;

beforeAll(async () => {
  t = await createTestApp({ config: CONFIG });
  http = await listenForHttp(t);
});
// Every test starts with no counters (each names its own clients too).
beforeEach(() => t.db.query("DELETE FROM rate_limit"));
afterAll(() => t.close());

const from = (address: string, more: Record<string, string> = {}) => ({ "x-forwarded-for": address, ...more });
/** 20 aliases of a field an anonymous client may not read: each allowed request leaves a DENIED summary. */
const FLOOD = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: person(id: "${randomUUID()}") { id }`).join(" ")} }`;

const APOLLO_CLIENT_ACCEPT = "application/graphql-response+json,application/json;q=0.9";

async function auditTally(): Promise<{ rows: number; attempts: number }> {
  const [r] = await t.db.query(
    "SELECT count(*)::int AS rows, coalesce(sum(repeat_count), 0)::int AS attempts FROM audit_event",
  );
  return r;
}

function expectRateLimited(res: Response, body: any) {
  expect(res.status).toBe(429);
  const seconds = Number(res.headers.get("retry-after"));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([
    {
      message: rateLimitedMessage(seconds),
      extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds, requestId: res.headers.get("x-request-id") },
    },
  ]);
}

describe("anonymous clients", () => {
  it("get the limit per address, then 429 with RATE_LIMITED in Japanese; the refused request writes nothing", async () => {
    for (let i = 0; i < LIMITS.anonymous.points; i++) {
      const { res, body } = await http.post(`{ __typename }`, {}, from("198.51.100.10"));
      expect(res.status).toBe(200);
      expect(body.data).toEqual({ __typename: "Query" });
    }
    const before = await auditTally();
    const { res, body } = await http.post(FLOOD, {}, from("198.51.100.10"));
    expectRateLimited(res, body);
    expect(body.errors[0].message).toMatch(/^アクセスが集中しているため/);
    expect(await auditTally()).toEqual(before);

    // As the web client asks (Apollo Client's Accept): the graphql-response media type, whose error body it reads
    // whatever the status, so the page shows the sentence above rather than a network error.
    const web = await http.post(`{ __typename }`, {}, from("198.51.100.10", { accept: APOLLO_CLIENT_ACCEPT }));
    expect(web.res.status).toBe(429);
    expect(web.res.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(web.body.errors[0].extensions.code).toBe("RATE_LIMITED");

    // Another address has its own allowance.
    expect((await http.post(`{ __typename }`, {}, from("198.51.100.11"))).res.status).toBe(200);
  });

  it("counts requests that fail to parse too (the limit comes before anything else)", async () => {
    for (let i = 0; i < LIMITS.anonymous.points; i++) {
      expect((await http.post(`{ not valid`, {}, from("198.51.100.12"))).res.status).toBe(400);
    }
    const { res, body } = await http.post(`{ __typename }`, {}, from("198.51.100.12"));
    expectRateLimited(res, body);
  });

  it("8 parallel clients over the limit get 429, and the audit table grows by a bounded number of rows", async () => {
    const before = await auditTally();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await http.post(FLOOD, {}, from(`203.0.113.${40 + c}`))).res.status);
        return out;
      }),
    );
    for (const s of statuses) {
      expect(s.filter((x) => x === 200)).toHaveLength(LIMITS.anonymous.points);
      expect(s.filter((x) => x === 429)).toHaveLength(12 - LIMITS.anonymous.points);
    }
    const after = await auditTally();
    // One summary row per client; every allowed request's 20 refusals counted on it, none of the refused ones.
    expect(after.rows - before.rows).toBe(8);
    expect(after.attempts - before.attempts).toBe(8 * LIMITS.anonymous.points * 20);
  });
});

describe("signed-in users", () => {
  it("are counted per user, with the higher limit, not against their address", async () => {
    const user = await t.factories.user();
    const { token } = await t.app.services.auth.createSession(user.id);
    const address = "198.51.100.20";
    for (let i = 0; i < LIMITS.anonymous.points; i++) await http.post(`{ __typename }`, {}, from(address));
    expect((await http.post(`{ __typename }`, {}, from(address))).res.status).toBe(429);

    const signedIn = from(address, { cookie: `tsunagu_session=${token}` });
    for (let i = 0; i < LIMITS.user.points; i++) {
      const { res, body } = await http.post(`{ me { id } }`, {}, signedIn);
      expect(res.status).toBe(200);
      expect(body.data.me.id).toBe(user.id);
    }
    const { res, body } = await http.post(`{ me { id } }`, {}, signedIn);
    expectRateLimited(res, body);
    // The same user from another address: still the same (used up) allowance.
    expect(
      (await http.post(`{ me { id } }`, {}, from("198.51.100.21", { cookie: `tsunagu_session=${token}` }))).res.status,
    ).toBe(429);
  });
});

describe("sign-in attempts", () => {
  it("have their own, tighter limit per address; a refused attempt checks no password and writes nothing", async () => {
    const user = await t.factories.user();
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
    const address = "198.51.100.30";
    for (let i = 0; i < LIMITS.signIn.points; i++) {
      const { body } = await http.post(LOGIN, { input: { email: user.email, password: "wrong" } }, from(address));
      expect(body.errors[0].extensions.reason).toBe("INVALID_CREDENTIALS");
    }
    const before = await auditTally();
    const throttleBefore = await t.db.query("SELECT key, failures FROM sign_in_throttle ORDER BY key");
    const { res, body } = await http.post(
      LOGIN,
      { input: { email: user.email, password: TEST_PASSWORD } },
      from(address),
    );
    expectRateLimited(res, body);
    expect(sessionCookieOf(res)).toBeNull();
    expect(await auditTally()).toEqual(before);
    expect(await t.db.query("SELECT key, failures FROM sign_in_throttle ORDER BY key")).toEqual(throttleBefore);

    // A login hidden in a fragment counts as a login.
    const { res: hidden } = await http.post(
      `mutation($input: LoginInput!) { ...L } fragment L on Mutation { login(input: $input) { user { id } } }`,
      { input: { email: user.email, password: TEST_PASSWORD } },
      from(address),
    );
    expect(hidden.status).toBe(429);

    // Elsewhere, the owner signs in.
    const ok = await http.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }, from("198.51.100.31"));
    expect(ok.body.data.login.user.id).toBe(user.id);
  });
});

describe("several app instances on one database", () => {
  let other: App;
  let otherUrl: string;
  const otherDb = () => createDataSource(t.databaseUrl, { poolSize: 2 });
  let db: ReturnType<typeof otherDb>;

  beforeAll(async () => {
    db = otherDb();
    await db.initialize();
    other = await createApp({
      db,
      databaseUrl: t.databaseUrl,
      logger: createLogger("silent"),
      meili: { url: inject("meiliUrl"), key: inject("meiliKey"), prefix: `rate_other_${randomUUID().slice(0, 8)}_` },
      config: { production: false, cookieSecure: false, sessionTtlHours: 12, ...CONFIG },
    });
    otherUrl = `http://127.0.0.1:${await other.listen(0, "127.0.0.1")}/graphql`;
  });
  afterAll(async () => {
    await other.close();
    await db.destroy();
  });

  it("share one count per client: requests spread over both are limited together", async () => {
    const post = (url: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...from("198.51.100.40") },
        body: JSON.stringify({ query: "{ __typename }" }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMITS.anonymous.points; i++) statuses.push(await post(i % 2 ? otherUrl : http.url));
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.anonymous.points);
    expect(statuses.slice(LIMITS.anonymous.points)).toEqual(Array(LIMITS.anonymous.points).fill(429));
  });
});

describe("in-process calls", () => {
  it("are not limited (no client: tests, scripts)", async () => {
    for (let i = 0; i < LIMITS.anonymous.points + 2; i++) {
      expect((await t.anonymous(`{ __typename }`)).data).toEqual({ __typename: "Query" });
    }
  });
});
