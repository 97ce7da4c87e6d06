import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/factories.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { base32Decode, totpAt } from "./totp.js";

/** The TOTP keys at rest: sealed in user_credential, and a key stored in clear before that still signs in. */
let t: TestApp;
let http: HttpGql;

beforeAll(async () => {
  t = await createTestApp();
  http = await listenForHttp(t);
});
beforeEach(() => t.db.query("DELETE FROM sign_in_throttle"));
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const BEGIN = `mutation { beginTwoFactorEnrolment { secret } }`;
const CONFIRM = `mutation($input: TwoFactorCodeInput!) { confirmTwoFactorEnrolment(input: $input) { user { twoFactorEnabled } } }`;
const codeAt = (secret: string, offsetSteps = 0) => totpAt(base32Decode(secret), Date.now() + offsetSteps * 30_000);

async function stored(userId: string): Promise<{ totp_secret: string | null; totp_pending_secret: string | null }> {
  const [row] = await t.db.query("SELECT totp_secret, totp_pending_secret FROM user_credential WHERE user_id = $1", [
    userId,
  ]);
  return row;
}

async function signIn(email: string, code: string) {
  const { res, body } = await http.post(LOGIN, { input: { email, password: TEST_PASSWORD, code } });
  return { cookie: sessionCookieOf(res), body };
}

describe("TOTP keys at rest", () => {
  it("are stored sealed, pending and confirmed alike, never as the base32 key; sign-in with a code still works", async () => {
    const user = await t.factories.user();
    const as = await t.asViewer(user);
    const { secret } = (await as(BEGIN)).data!.beginTwoFactorEnrolment;
    const pending = await stored(user.id);
    expect(pending.totp_pending_secret).toMatch(/^v1:/);
    expect(pending.totp_pending_secret).not.toContain(secret);

    expect((await as(CONFIRM, { input: { code: codeAt(secret) } })).errors).toBeUndefined();
    const confirmed = await stored(user.id);
    expect(confirmed.totp_pending_secret).toBeNull();
    expect(confirmed.totp_secret).toMatch(/^v1:/);
    expect(confirmed.totp_secret).not.toContain(secret);
    // Sealed again, not the pending value copied over.
    expect(confirmed.totp_secret).not.toBe(pending.totp_pending_secret);

    const ok = await signIn(user.email, codeAt(secret, 1));
    expect(ok.body.errors).toBeUndefined();
    expect(ok.cookie).not.toBeNull();
    expect(ok.body.data.login.user.id).toBe(user.id);
    const wrong = await signIn(user.email, codeAt(secret, 5));
    expect(wrong.body.errors[0].extensions.reason).toBe("INVALID_CODE");
  });

  it("a key stored in clear before sealing began still signs in, and is sealed by that sign-in", async () => {
    const user = await t.factories.user();
    const as = await t.asViewer(user);
    const { secret } = (await as(BEGIN)).data!.beginTwoFactorEnrolment;
    expect((await as(CONFIRM, { input: { code: codeAt(secret) } })).errors).toBeUndefined();
    // As a row written by the release before this one.
    await t.db.query("UPDATE user_credential SET totp_secret = $2 WHERE user_id = $1", [user.id, secret]);
    expect((await stored(user.id)).totp_secret).toBe(secret);

    expect((await signIn(user.email, codeAt(secret, 5))).body.errors[0].extensions.reason).toBe("INVALID_CODE");
    expect((await stored(user.id)).totp_secret).toBe(secret); // a wrong code writes nothing
    const ok = await signIn(user.email, codeAt(secret, 1));
    expect(ok.body.errors).toBeUndefined();
    expect(ok.cookie).not.toBeNull();
    const after = (await stored(user.id)).totp_secret!;
    expect(after).toMatch(/^v1:/);
    expect(after).not.toContain(secret);
    // And the sealed key goes on working: a minute later (the step above is spent), the code of that moment.
    const later = Date.now() + 60_000;
    const twoFactor = t.app.services.auth.twoFactor;
    expect(await twoFactor.verify(user.id, totpAt(base32Decode(secret), later), undefined, later)).toBe(true);
  });
});
