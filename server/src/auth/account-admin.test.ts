import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/factories.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { UserRole } from "../core/roles.js";

/** An ADMIN's account lifecycle and the session cookie's lifetime, over real HTTP where cookies matter. */
let t: TestApp;
let http: HttpGql;
let admin: Gql;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { sessionIdleMinutes: 30, sessionTtlHours: 24, sessionStaySignedInHours: 12 } });
  http = await listenForHttp(t);
  const a = await t.factories.user({ role: UserRole.ADMIN });
  adminId = a.id;
  admin = await t.asViewer(a);
});
beforeEach(() => t.db.query("DELETE FROM sign_in_throttle"));
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } pendingSetup } }`;
const ME = `{ me { id role pendingSetup mustChangePassword } }`;
const PERSONS = `{ persons(first: 1) { totalCount } }`;
const DEACTIVATE = `mutation($input: UserIdInput!) { deactivateUser(input: $input) { user { id active } } }`;
const REACTIVATE = `mutation($input: UserIdInput!) { reactivateUser(input: $input) { user { id active } } }`;
const ROLE = `mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id role organization { id } } } }`;
const TEMP = `mutation($input: UserIdInput!) { issueTemporaryPassword(input: $input) { user { id mustChangePassword } temporaryPassword } }`;
const SIGN_OUT = `mutation($input: UserIdInput!) { signOutUser(input: $input) { user { id } sessionsEnded } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id mustChangePassword } } }`;

async function login(email: string, password = TEST_PASSWORD, extra: Record<string, unknown> = {}) {
  const { res, body } = await http.post(LOGIN, { input: { email, password, ...extra } });
  return { res, body, cookie: sessionCookieOf(res) };
}
const me = async (cookie: string) => (await http.post(ME, {}, { cookie })).body.data?.me ?? null;
const sessionsOf = async (userId: string) =>
  (await t.db.query("SELECT count(*)::int AS n FROM user_session WHERE user_id = $1", [userId]))[0].n as number;
const auditOf = (operation: string, recordId: string) =>
  t.db.query("SELECT action, actor_user_id, detail FROM audit_event WHERE operation = $1 AND record_id = $2", [
    operation,
    recordId,
  ]);

describe("deactivate and reactivate", () => {
  it("ends the user's sessions, refuses their sign-in, and lets them back after reactivation (audited)", async () => {
    const user = await t.factories.user();
    const { cookie } = await login(user.email);
    expect((await me(cookie!)).id).toBe(user.id);

    const off = await admin(DEACTIVATE, { input: { userId: user.id } });
    expect(off.errors).toBeUndefined();
    expect(off.data!.deactivateUser.user.active).toBe(false);
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await me(cookie!)).toBeNull();
    expect((await login(user.email)).body.errors[0].extensions.reason).toBe("INVALID_CREDENTIALS");

    expect((await admin(REACTIVATE, { input: { userId: user.id } })).data!.reactivateUser.user.active).toBe(true);
    expect((await login(user.email)).cookie).not.toBeNull();
    expect(await auditOf("deactivateUser", user.id)).toEqual([
      { action: "UPDATE", actor_user_id: adminId, detail: { fields: ["active"], active: false } },
    ]);
    expect(await auditOf("reactivateUser", user.id)).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown user and FORBIDDEN for a non-ADMIN, changing nothing", async () => {
    const res = await admin(DEACTIVATE, { input: { userId: "00000000-0000-4000-8000-000000000000" } });
    expect(codesOf(res)).toEqual(["NOT_FOUND"]);
    const victim = await t.factories.user();
    const coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
    expect(codesOf(await coordinator(DEACTIVATE, { input: { userId: victim.id } }))).toEqual(["FORBIDDEN"]);
    const [{ active }] = await t.db.query("SELECT active FROM app_user WHERE id = $1", [victim.id]);
    expect(active).toBe(true);
  });
});

describe("change role", () => {
  it("applies at the user's next request; a HOST needs an organization", async () => {
    const user = await t.factories.user({ role: UserRole.COORDINATOR });
    const as = await t.asViewer(user);
    expect((await as(PERSONS)).errors).toBeUndefined();

    const host = await admin(ROLE, { input: { userId: user.id, role: "HOST" } });
    expect(codesOf(host)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(host)).toEqual(["input.organizationId"]);

    const res = await admin(ROLE, { input: { userId: user.id, role: "VIEWER" } });
    expect(res.data!.changeUserRole.user.role).toBe("VIEWER");
    expect(codesOf(await as(PERSONS))).toEqual(["FORBIDDEN"]);
    const [row] = await auditOf("changeUserRole", user.id);
    expect(row.detail).toEqual({ fields: ["role", "organizationId"], role: "VIEWER" });
  });
});

describe("the last active administrator", () => {
  it("cannot be deactivated or demoted; with another active ADMIN it can", async () => {
    const solo = await t.factories.user({ role: UserRole.ADMIN });
    const as = await t.asViewer(solo);
    await t.db.query("UPDATE app_user SET active = false WHERE role = 'ADMIN' AND id <> $1", [solo.id]);
    try {
      const off = await as(DEACTIVATE, { input: { userId: solo.id } });
      expect(codesOf(off)).toEqual(["CONFLICT"]);
      expect(off.errors![0].message).toContain("有効な管理者");
      expect(codesOf(await as(ROLE, { input: { userId: solo.id, role: "COORDINATOR" } }))).toEqual(["CONFLICT"]);
      const [{ role, active }] = await t.db.query("SELECT role, active FROM app_user WHERE id = $1", [solo.id]);
      expect({ role, active }).toEqual({ role: "ADMIN", active: true });

      const other = await t.factories.user({ role: UserRole.ADMIN });
      expect((await as(ROLE, { input: { userId: solo.id, role: "COORDINATOR" } })).errors).toBeUndefined();
      // Now `other` is the only one left.
      const otherAs = await t.asViewer(other);
      expect(codesOf(await otherAs(DEACTIVATE, { input: { userId: other.id } }))).toEqual(["CONFLICT"]);
    } finally {
      await t.db.query("UPDATE app_user SET active = true WHERE role = 'ADMIN'");
    }
  });
});

describe("temporary password", () => {
  it("ends the user's sessions; after signing in with it they can only change it", async () => {
    const user = await t.factories.user({ role: UserRole.COORDINATOR });
    const old = await login(user.email);
    const issued = await admin(TEMP, { input: { userId: user.id } });
    expect(issued.errors).toBeUndefined();
    const temporary: string = issued.data!.issueTemporaryPassword.temporaryPassword;
    expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(await me(old.cookie!)).toBeNull();
    expect((await login(user.email)).body.errors[0].extensions.reason).toBe("INVALID_CREDENTIALS");
    expect(JSON.stringify(await auditOf("issueTemporaryPassword", user.id))).not.toContain(temporary);

    const { cookie, body } = await login(user.email, temporary);
    expect(body.data.login.pendingSetup).toBe("PASSWORD_CHANGE");
    expect(await me(cookie!)).toMatchObject({ pendingSetup: "PASSWORD_CHANGE", mustChangePassword: true });
    const refused = (await http.post(PERSONS, {}, { cookie: cookie! })).body;
    expect(refused.errors[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "PASSWORD_CHANGE" });

    const changed = await http.post(
      CHANGE,
      { input: { currentPassword: temporary, newPassword: "atarashii aikotoba 2026 midori" } },
      { cookie: cookie! },
    );
    expect(changed.body.errors).toBeUndefined();
    const fresh = sessionCookieOf(changed.res)!;
    expect(await me(fresh)).toMatchObject({ pendingSetup: null, mustChangePassword: false });
    expect((await http.post(PERSONS, {}, { cookie: fresh })).body.errors).toBeUndefined();
  });
});

describe("signing out everywhere", () => {
  it("an ADMIN signs one user out of every browser, and no one else", async () => {
    const user = await t.factories.user();
    const bystander = await t.factories.user();
    const a = await login(user.email);
    const b = await login(user.email);
    const c = await login(bystander.email);
    const res = await admin(SIGN_OUT, { input: { userId: user.id } });
    expect(res.data!.signOutUser.sessionsEnded).toBe(2);
    expect(await me(a.cookie!)).toBeNull();
    expect(await me(b.cookie!)).toBeNull();
    expect((await me(c.cookie!)).id).toBe(bystander.id);
    expect((await auditOf("signOutUser", user.id))[0]).toMatchObject({ action: "LOGOUT" });
  });

  it("a user signs themself out of every other browser too", async () => {
    const user = await t.factories.user();
    const a = await login(user.email);
    const b = await login(user.email);
    const { body } = await http.post(`mutation { logoutEverywhere }`, {}, { cookie: a.cookie! });
    expect(body.data.logoutEverywhere).toBe(2);
    expect(await me(b.cookie!)).toBeNull();
  });
});

describe("session cookie lifetime", () => {
  const attributes = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith("tsunagu_session="))!
      .split(";")
      .slice(1)
      .map((a) => a.trim());

  it("has no Expires or Max-Age by default: it ends with the browser", async () => {
    const user = await t.factories.user();
    const { res } = await login(user.email);
    const attrs = attributes(res);
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Path=/"]));
    expect(attrs.some((a) => /^(expires|max-age)=/i.test(a))).toBe(false);
  });

  it("「ログインしたままにする」 lasts SESSION_STAY_SIGNED_IN_HOURS, without idle timeout, enforced by the server", async () => {
    const user = await t.factories.user();
    const { res, cookie } = await login(user.email, TEST_PASSWORD, { staySignedIn: true });
    const expires = attributes(res).find((a) => /^expires=/i.test(a))!;
    const hours = (new Date(expires.slice(8)).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    // Idle for two hours: still signed in (that is what was asked for).
    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '2 hours' WHERE user_id = $1", [user.id]);
    expect((await me(cookie!)).id).toBe(user.id);
    // A browser keeping the cookie past the end gets nothing: the server checks expires_at itself.
    await t.db.query("UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1", [user.id]);
    expect(await me(cookie!)).toBeNull();
  });

  it("an ordinary session still ends after SESSION_IDLE_MINUTES idle", async () => {
    const user = await t.factories.user();
    const { cookie } = await login(user.email);
    await t.db.query("UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [
      user.id,
    ]);
    expect(await me(cookie!)).toBeNull();
  });
});
