import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDataSource } from "../db/data-source.js";
import { UserRole } from "../core/roles.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { AuthService } from "./auth.service.js";
import { SIGN_IN_LIMITS } from "./sign-in-throttle.js";

/** Rate limiting and lockout: the error contract the web client relies on, per account, per address, across processes. */
let t: TestApp;
let http: HttpGql;

beforeAll(async () => {
  t = await createTestApp();
  http = await listenForHttp(t);
});
// Every test starts with no failures on record (they all come from 127.0.0.1).
beforeEach(() => t.db.query("DELETE FROM sign_in_throttle"));
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const WRONG = "definitely not the password";
const INVALID_MESSAGE = "メールアドレスまたはパスワードが正しくありません";
const LOCKED_MESSAGE = "ログインの失敗が続いたため、一時的にログインできません。約15分後にもう一度お試しください。";

async function attempt(email: string, password: string, headers: Record<string, string> = {}) {
  const { res, body } = await http.post(LOGIN, { input: { email, password } }, headers);
  return {
    cookie: sessionCookieOf(res),
    error: body.errors?.[0] as { message: string; extensions: Record<string, unknown> } | undefined,
  };
}

describe("per account", () => {
  it("locks after 5 failures in a row, refuses even the right password, with the documented error contract", async () => {
    const user = await t.factories.user();
    for (let i = 1; i < SIGN_IN_LIMITS.pair.maxFailures; i++) {
      const { error } = await attempt(user.email, WRONG);
      expect(error!.message).toBe(INVALID_MESSAGE);
      expect(error!.extensions).toEqual({
        code: "UNAUTHENTICATED",
        reason: "INVALID_CREDENTIALS",
        requestId: expect.any(String),
      });
    }
    const fifth = await attempt(user.email, WRONG);
    expect(fifth.error!.message).toBe(LOCKED_MESSAGE);
    expect(fifth.error!.extensions).toEqual({
      code: "UNAUTHENTICATED",
      reason: "LOCKED",
      retryAfterSeconds: 900,
      requestId: expect.any(String),
    });

    const right = await attempt(user.email, TEST_PASSWORD);
    expect(right.cookie).toBeNull();
    expect(right.error!.extensions.reason).toBe("LOCKED");
    expect(right.error!.extensions.retryAfterSeconds).toBeGreaterThan(890);
    expect(right.error!.extensions.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("unlocks when the lock runs out, and then counts from zero", async () => {
    const user = await t.factories.user();
    for (let i = 0; i < 5; i++) await attempt(user.email, WRONG);
    expect((await attempt(user.email, TEST_PASSWORD)).error!.extensions.reason).toBe("LOCKED");
    // 15 minutes later:
    await t.db.query(
      "UPDATE sign_in_throttle SET locked_until = now() - interval '1 second', window_started_at = window_started_at - interval '15 minutes'",
    );
    expect((await attempt(user.email, WRONG)).error!.extensions.reason).toBe("INVALID_CREDENTIALS");
    expect((await attempt(user.email, TEST_PASSWORD)).cookie).toBeTruthy();
  });

  it("forgets failures older than the window", async () => {
    const user = await t.factories.user();
    for (let i = 0; i < 4; i++) await attempt(user.email, WRONG);
    await t.db.query("UPDATE sign_in_throttle SET window_started_at = now() - interval '16 minutes'");
    for (let i = 0; i < 4; i++)
      expect((await attempt(user.email, WRONG)).error!.extensions.reason).toBe("INVALID_CREDENTIALS");
  });

  it("starts afresh after a successful sign-in", async () => {
    const user = await t.factories.user();
    for (let i = 0; i < 4; i++) await attempt(user.email, WRONG);
    expect((await attempt(user.email, TEST_PASSWORD)).cookie).toBeTruthy();
    for (let i = 0; i < 4; i++)
      expect((await attempt(user.email, WRONG)).error!.extensions.reason).toBe("INVALID_CREDENTIALS");
  });

  it("treats an unknown email exactly like a known one (no account enumeration through the lockout)", async () => {
    const known = await t.factories.user();
    const outcomes = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const { error } = await attempt(email, WRONG);
        // Every answer carries its own request id; apart from it, the two must be the same.
        out.push({ ...error, extensions: { ...error!.extensions, requestId: typeof error!.extensions.requestId } });
      }
      return out;
    };
    expect(await outcomes("nobody-here@example.jp")).toEqual(await outcomes(known.email));
  });

  it("matches the email case-insensitively, so changing case does not buy more guesses", async () => {
    const user = await t.factories.user({ email: "case.test@example.jp" });
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? "CASE.TEST@example.jp" : "Case.Test@EXAMPLE.JP", WRONG);
    expect((await attempt(user.email, TEST_PASSWORD)).error!.extensions.reason).toBe("LOCKED");
  });

  it("holds under a parallel burst: at most 5 passwords are checked", async () => {
    const user = await t.factories.user();
    const burst = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, WRONG)));
    const reasons = burst.map((b) => b.error!.extensions.reason);
    expect(reasons.filter((r) => r === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(
      SIGN_IN_LIMITS.pair.maxFailures - 1,
    );
    expect(reasons.filter((r) => r === "LOCKED").length).toBeGreaterThanOrEqual(
      12 - (SIGN_IN_LIMITS.pair.maxFailures - 1),
    );
    expect((await attempt(user.email, TEST_PASSWORD)).error!.extensions.reason).toBe("LOCKED");
  });
});

describe("per client address", () => {
  it("locks an address after 20 failures across accounts; other addresses and the accounts elsewhere still work", async () => {
    const auth = t.app.services.auth;
    const sprayer = { clientAddress: "203.0.113.7" };
    const victims = await Promise.all(Array.from({ length: 5 }, () => t.factories.user()));
    const reasons: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.address.maxFailures; i++) {
      // 4 tries per account: no single account reaches its own limit.
      const error = await auth.login(victims[i % victims.length].email, `${WRONG} ${i}`, sprayer).catch((e) => e);
      reasons.push(error.extensions.reason);
    }
    expect(reasons.slice(0, -1).every((r) => r === "INVALID_CREDENTIALS")).toBe(true);
    expect(reasons.at(-1)).toBe("LOCKED");

    const fresh = await t.factories.user();
    const refused = await auth.login(fresh.email, TEST_PASSWORD, sprayer).catch((e) => e);
    expect(refused.extensions).toMatchObject({ reason: "LOCKED" });
    await expect(auth.login(fresh.email, TEST_PASSWORD, { clientAddress: "198.51.100.20" })).resolves.toMatchObject({
      user: { id: fresh.id },
    });
  });

  it("does not let one successful sign-in reset the address count", async () => {
    const auth = t.app.services.auth;
    const from = { clientAddress: "203.0.113.8" };
    const mine = await t.factories.user();
    const others = await Promise.all(Array.from({ length: 5 }, () => t.factories.user()));
    for (let i = 0; i < 19; i++) await auth.login(others[i % 5].email, WRONG, from).catch(() => undefined);
    await auth.login(mine.email, TEST_PASSWORD, from);
    const twentieth = await auth.login(others[4].email, WRONG, from).catch((e) => e);
    expect(twentieth.extensions.reason).toBe("LOCKED");
  });
});

describe("cannot be used as a weapon", () => {
  it("a lockout from one client does not stop the owner's correct sign-in from another", async () => {
    const auth = t.app.services.auth;
    const owner = await t.factories.user({ role: UserRole.ADMIN });
    const attacker = { clientAddress: "203.0.113.30" };
    const reasons: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.pair.maxFailures; i++) {
      reasons.push((await auth.login(owner.email, `${WRONG} ${i}`, attacker).catch((e) => e)).extensions.reason);
    }
    expect(reasons.at(-1)).toBe("LOCKED");
    await expect(auth.login(owner.email, TEST_PASSWORD, { clientAddress: "198.51.100.30" })).resolves.toMatchObject({
      user: { id: owner.id },
    });
  });

  it("brute force from one client is refused while locked, even with the right password", async () => {
    const auth = t.app.services.auth;
    const owner = await t.factories.user();
    const attacker = { clientAddress: "203.0.113.31" };
    for (let i = 0; i < SIGN_IN_LIMITS.pair.maxFailures; i++)
      await auth.login(owner.email, WRONG, attacker).catch(() => 0);
    const refused = await auth.login(owner.email, TEST_PASSWORD, attacker).catch((e) => e);
    expect(refused.extensions).toMatchObject({ reason: "LOCKED", retryAfterSeconds: 900 });
    // The owner signing in elsewhere does not unlock the attacker's pair.
    await auth.login(owner.email, TEST_PASSWORD, { clientAddress: "198.51.100.31" });
    expect((await auth.login(owner.email, TEST_PASSWORD, attacker).catch((e) => e)).extensions.reason).toBe("LOCKED");
  });

  it("guesses from many clients slow the account down for everyone, never lock it; the right password gets through", async () => {
    const limits = { ...SIGN_IN_LIMITS, account: { afterFailures: 3, windowMinutes: 15, stepMs: 2, maxDelayMs: 5 } };
    const auth = new AuthService(t.db, 12, { limits });
    const owner = await t.factories.user();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      // A new address each time: no pair and no address reaches its own limit.
      const attempt = await auth.throttle.begin(owner.email, `192.0.2.${100 + i}`);
      delays.push(attempt.delayMs);
      expect((await attempt.failed()).extensions.reason).toBe("INVALID_CREDENTIALS");
    }
    // Slowed once more than 3 failures are on record: 2 ms per failure beyond, capped at 5 ms.
    expect(delays).toEqual([0, 0, 0, 0, 2, 4, 5, 5]);
    const { user } = await auth.login(owner.email, TEST_PASSWORD, { clientAddress: "198.51.100.32" });
    expect(user.id).toBe(owner.id);
    // The owner's success does not lift the slowdown on the guesses from elsewhere.
    expect((await auth.throttle.begin(owner.email, "192.0.2.200")).delayMs).toBe(5);
  });
});

describe("shared by every app instance, kept across restarts", () => {
  it("sees a lock written by another process on the same database", async () => {
    const user = await t.factories.user();
    for (let i = 0; i < 5; i++) await attempt(user.email, WRONG);

    // A second "process": its own pool and service on the same database, as after a restart or on another node.
    const other = createDataSource(t.databaseUrl, { poolSize: 1 });
    await other.initialize();
    try {
      // The lock is on this account from this client (the HTTP attempts came from 127.0.0.1).
      const error = await new AuthService(other, 12)
        .login(user.email, TEST_PASSWORD, { clientAddress: "127.0.0.1" })
        .catch((e) => e);
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.extensions).toMatchObject({ reason: "LOCKED" });
    } finally {
      await other.destroy();
    }
  });

  it("stores no email or address in clear", async () => {
    await t.app.services.auth
      .login("who.am.i@example.jp", WRONG, { clientAddress: "192.0.2.55" })
      .catch(() => undefined);
    const keys = (await t.db.query("SELECT key FROM sign_in_throttle")).map((r: { key: string }) => r.key).join(" ");
    expect(keys).toMatch(/account:/);
    expect(keys).toMatch(/address:/);
    expect(keys).not.toMatch(/who\.am\.i|192\.0\.2\.55/);
  });
});
