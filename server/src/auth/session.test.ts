import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/factories.js";
import { codesOf, createTestApp, fieldsOf, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { PASSWORD_MESSAGES } from "./password.policy.js";

/** Sessions over real HTTP: rotation, logout everywhere, both timeouts, password change. */
let t: TestApp;
let http: HttpGql;

beforeAll(async () => {
  t = await createTestApp({ config: { sessionIdleMinutes: 30, sessionTtlHours: 12 } });
  http = await listenForHttp(t);
});
beforeEach(() => t.db.query("DELETE FROM sign_in_throttle"));
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const ME = `{ me { id email } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`;

async function login(email: string, password = TEST_PASSWORD, cookie?: string) {
  const { res, body } = await http.post(LOGIN, { input: { email, password } }, cookie ? { cookie } : {});
  expect(body.errors).toBeUndefined();
  return sessionCookieOf(res)!;
}
const me = async (cookie: string) => (await http.post(ME, {}, { cookie })).body.data.me;
const sessionsOf = async (userId: string) =>
  (await t.db.query("SELECT count(*)::int AS n FROM user_session WHERE user_id = $1", [userId]))[0].n as number;

describe("session rotation at login", () => {
  it("ends the session the browser presented and always issues a new random token", async () => {
    const user = await t.factories.user();
    const first = await login(user.email);
    expect((await me(first)).id).toBe(user.id);

    const second = await login(user.email, TEST_PASSWORD, first);
    expect(second).not.toBe(first);
    expect(await me(first)).toBeNull();
    expect((await me(second)).id).toBe(user.id);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it("ends another user's session left in the browser too", async () => {
    const alice = await t.factories.user();
    const bob = await t.factories.user();
    const aliceCookie = await login(alice.email);
    const bobCookie = await login(bob.email, TEST_PASSWORD, aliceCookie);
    expect(await me(aliceCookie)).toBeNull();
    expect((await me(bobCookie)).id).toBe(bob.id);
    expect(await sessionsOf(alice.id)).toBe(0);
  });

  it("keeps the presented session when the login fails", async () => {
    const user = await t.factories.user();
    const cookie = await login(user.email);
    const { body, res } = await http.post(
      LOGIN,
      { input: { email: user.email, password: "wrong password here" } },
      { cookie },
    );
    expect(codesOf(body)).toEqual(["UNAUTHENTICATED"]);
    expect(sessionCookieOf(res)).toBeNull();
    expect((await me(cookie)).id).toBe(user.id);
  });
});

describe("logout everywhere", () => {
  it("ends every session of the user, this one included, and no one else's", async () => {
    const user = await t.factories.user();
    const other = await t.factories.user();
    const a = await login(user.email);
    const b = await login(user.email);
    await t.app.services.auth.createSession(user.id);
    const otherCookie = await login(other.email);

    const { res, body } = await http.post(`mutation { logoutEverywhere }`, {}, { cookie: a });
    expect(body.data.logoutEverywhere).toBe(3);
    expect(res.headers.get("set-cookie")).toMatch(/tsunagu_session=;/);
    expect(await me(a)).toBeNull();
    expect(await me(b)).toBeNull();
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await me(otherCookie)).id).toBe(other.id);
  });

  it("needs a session", async () => {
    expect(codesOf((await http.post(`mutation { logoutEverywhere }`)).body)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("timeouts", () => {
  it("ends a session idle for longer than SESSION_IDLE_MINUTES", async () => {
    const user = await t.factories.user();
    const cookie = await login(user.email);
    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1", [
      user.id,
    ]);
    expect((await me(cookie)).id).toBe(user.id);
    // That request counted as activity: the idle clock starts again.
    const [{ idle }] = await t.db.query(
      "SELECT extract(epoch FROM now() - last_seen_at) AS idle FROM user_session WHERE user_id = $1",
      [user.id],
    );
    expect(Number(idle)).toBeLessThan(5);

    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [
      user.id,
    ]);
    expect(await me(cookie)).toBeNull();
  });

  it("ends a session SESSION_TTL_HOURS after sign-in, however active", async () => {
    const user = await t.factories.user();
    const cookie = await login(user.email);
    await t.db.query("UPDATE user_session SET created_at = now() - interval '11 hours 59 minutes' WHERE user_id = $1", [
      user.id,
    ]);
    expect((await me(cookie)).id).toBe(user.id);
    await t.db.query("UPDATE user_session SET created_at = now() - interval '12 hours 1 minute' WHERE user_id = $1", [
      user.id,
    ]);
    const [{ expires }] = await t.db.query(
      "SELECT expires_at > now() AS expires FROM user_session WHERE user_id = $1",
      [user.id],
    );
    expect(expires).toBe(true); // only the absolute rule refuses it
    expect(await me(cookie)).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const user = await t.factories.user();
    const { token } = await t.app.services.auth.createSession(user.id);
    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '30 seconds' WHERE user_id = $1", [
      user.id,
    ]);
    const before = (await t.db.query("SELECT last_seen_at FROM user_session WHERE user_id = $1", [user.id]))[0]
      .last_seen_at;
    expect(await t.app.services.auth.viewerForToken(token)).not.toBeNull();
    const after = (await t.db.query("SELECT last_seen_at FROM user_session WHERE user_id = $1", [user.id]))[0]
      .last_seen_at;
    expect(after).toEqual(before);

    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '90 seconds' WHERE user_id = $1", [
      user.id,
    ]);
    expect(await t.app.services.auth.viewerForToken(token)).not.toBeNull();
    const touched = (
      await t.db.query("SELECT extract(epoch FROM now() - last_seen_at) AS s FROM user_session WHERE user_id = $1", [
        user.id,
      ])
    )[0].s;
    expect(Number(touched)).toBeLessThan(5);
  });

  it("sweeps dead sessions at the next sign-in", async () => {
    const user = await t.factories.user();
    await t.app.services.auth.createSession(user.id);
    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '2 hours' WHERE user_id = $1", [user.id]);
    await login((await t.factories.user()).email);
    expect(await sessionsOf(user.id)).toBe(0);
  });
});

describe("changePassword", () => {
  it("needs the current password, applies the policy, ends every other session and keeps this browser signed in", async () => {
    const user = await t.factories.user({ email: "change.me@example.jp" });
    const here = await login(user.email);
    const elsewhere = await login(user.email);
    const next = "a brand new passphrase for spring";

    const wrong = await http.post(
      CHANGE,
      { input: { currentPassword: "not my password", newPassword: next } },
      { cookie: here },
    );
    expect(codesOf(wrong.body)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(wrong.body)).toEqual(["input.currentPassword"]);

    const weak = await http.post(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: "change.me is what I like" } },
      { cookie: here },
    );
    expect(codesOf(weak.body)).toEqual(["BAD_USER_INPUT"]);
    expect(weak.body.errors[0].extensions.fields).toEqual([
      { field: "input.newPassword", messages: [PASSWORD_MESSAGES.containsEmail] },
    ]);

    const same = await http.post(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } },
      { cookie: here },
    );
    expect(fieldsOf(same.body)).toEqual(["input.newPassword"]);
    expect((await me(elsewhere)).id).toBe(user.id); // nothing changed so far

    const { res, body } = await http.post(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: next } },
      { cookie: here },
    );
    expect(body.errors).toBeUndefined();
    const fresh = sessionCookieOf(res)!;
    expect(fresh).not.toBe(here);
    expect(await me(here)).toBeNull();
    expect(await me(elsewhere)).toBeNull();
    expect((await me(fresh)).id).toBe(user.id);
    expect(await sessionsOf(user.id)).toBe(1);

    expect(codesOf((await http.post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).body)).toEqual([
      "UNAUTHENTICATED",
    ]);
    expect(await login(user.email, next)).toBeTruthy();
  });

  it("counts wrong current passwords like failed sign-ins", async () => {
    const user = await t.factories.user();
    const cookie = await login(user.email);
    const reasons: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { body } = await http.post(
        CHANGE,
        { input: { currentPassword: `guess number ${i}`, newPassword: "another good passphrase" } },
        { cookie },
      );
      reasons.push(body.errors[0].extensions.reason ?? body.errors[0].extensions.code);
    }
    expect(reasons).toEqual(["BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "LOCKED"]);
    const locked = await http.post(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: "another good passphrase" } },
      { cookie },
    );
    expect(locked.body.errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "LOCKED" });
  });

  it("needs a session", async () => {
    const { body } = await http.post(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: "another good passphrase" },
    });
    expect(codesOf(body)).toEqual(["UNAUTHENTICATED"]);
  });
});
