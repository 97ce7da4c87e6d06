import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getSchema } from "../schema.js";
import { isObjectType } from "graphql";
import { TEST_PASSWORD } from "../test/factories.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { listenForHttp, sessionCookieOf, type HttpGql } from "../test/http.js";
import { UserRole } from "../core/roles.js";
import type { User } from "./user.entity.js";
import { base32Decode, totpAt } from "./totp.js";

/** TOTP second factor over real HTTP: enrolment, sign-in with a code or a recovery code, replay, throttling, roles. */
let t: TestApp;
let http: HttpGql;
let admin: Gql;

beforeAll(async () => {
  t = await createTestApp();
  http = await listenForHttp(t);
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
});
beforeEach(() => t.db.query("DELETE FROM sign_in_throttle"));
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const BEGIN = `mutation { beginTwoFactorEnrolment { secret otpauthUri qrCodeSvg } }`;
const CONFIRM = `mutation($input: TwoFactorCodeInput!) { confirmTwoFactorEnrolment(input: $input) { user { id twoFactorEnabled } recoveryCodes } }`;
const DISABLE = `mutation($input: TwoFactorCodeInput!) { disableTwoFactor(input: $input) { user { twoFactorEnabled } } }`;
const RESET = `mutation($input: UserIdInput!) { resetTwoFactor(input: $input) { user { id twoFactorEnabled } } }`;
const ME = `{ me { id pendingSetup twoFactorEnabled } }`;
const SETTINGS = `mutation($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { twoFactorRequiredRoles } }`;

const codeAt = (secret: string, offsetSteps = 0) => totpAt(base32Decode(secret), Date.now() + offsetSteps * 30_000);

async function loginOver(email: string, extra: Record<string, unknown> = {}, password = TEST_PASSWORD) {
  const { res, body } = await http.post(LOGIN, { input: { email, password, ...extra } });
  return { cookie: sessionCookieOf(res), body, reason: body.errors?.[0]?.extensions?.reason as string | undefined };
}

/** A user with TOTP confirmed at the current step; returns its key and recovery codes. */
async function enrolled(role = UserRole.COORDINATOR): Promise<{ user: User; secret: string; recoveryCodes: string[] }> {
  const user = await t.factories.user({ role });
  const as = await t.asViewer(user);
  const begun = await as(BEGIN);
  expect(begun.errors).toBeUndefined();
  const { secret } = begun.data!.beginTwoFactorEnrolment;
  const confirmed = await as(CONFIRM, { input: { code: codeAt(secret) } });
  expect(confirmed.errors).toBeUndefined();
  return { user, secret, recoveryCodes: confirmed.data!.confirmTwoFactorEnrolment.recoveryCodes };
}

describe("enrolment", () => {
  it("makes a key and a QR code inside tsunagu, confirms it with a first code and returns ten recovery codes", async () => {
    const user = await t.factories.user();
    const as = await t.asViewer(user);
    const begun = await as(BEGIN);
    expect(begun.errors).toBeUndefined();
    const { secret, otpauthUri, qrCodeSvg } = begun.data!.beginTwoFactorEnrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qrCodeSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    const wrong = await as(CONFIRM, { input: { code: codeAt(secret, 5) } });
    expect(codesOf(wrong)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(wrong)).toEqual(["input.code"]);
    expect((await as(ME)).data!.me.twoFactorEnabled).toBe(false);

    const ok = await as(CONFIRM, { input: { code: codeAt(secret) } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.confirmTwoFactorEnrolment.user.twoFactorEnabled).toBe(true);
    const codes: string[] = ok.data!.confirmTwoFactorEnrolment.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // Stored hashed: no code and no key in a column a client could reach.
    const rows = await t.db.query("SELECT code_hash FROM user_recovery_code WHERE user_id = $1", [user.id]);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.code_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(rows)).not.toContain(codes[0].replace("-", ""));
    // Enrolling again is refused once confirmed.
    expect(codesOf(await as(BEGIN))).toEqual(["CONFLICT"]);
  });

  it("never exposes the key as a field of any GraphQL type", async () => {
    const schema = await getSchema();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name === "TwoFactorEnrolmentPayload") continue;
      for (const name of Object.keys(type.getFields()))
        expect(`${type.name}.${name}`).not.toMatch(/secret|totp|codeHash/i);
    }
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code only after the right password, refuses a wrong code and signs in with the right one", async () => {
    const { user, secret } = await enrolled();
    const wrongPassword = await loginOver(user.email, {}, "not the password at all");
    expect(wrongPassword.reason).toBe("INVALID_CREDENTIALS");

    const noCode = await loginOver(user.email);
    expect(noCode.reason).toBe("SECOND_FACTOR_REQUIRED");
    expect(noCode.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(noCode.cookie).toBeNull();

    const wrong = await loginOver(user.email, { code: codeAt(secret, 4) });
    expect(wrong.reason).toBe("INVALID_CODE");
    expect(wrong.cookie).toBeNull();

    // The confirmation used the current step: the next step's code (inside the ±1 window) is fresh.
    const next = codeAt(secret, 1);
    const ok = await loginOver(user.email, { code: next });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.cookie).not.toBeNull();
    const me = await http.post(ME, {}, { cookie: ok.cookie! });
    expect(me.body.data.me.id).toBe(user.id);

    // The same code again (a replay, or someone reading over a shoulder) is refused, and so is the older step's.
    expect((await loginOver(user.email, { code: next })).reason).toBe("INVALID_CODE");
    expect((await loginOver(user.email, { code: codeAt(secret) })).reason).toBe("INVALID_CODE");
  });

  it("takes each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = await loginOver(user.email, { code: recoveryCodes[3].toUpperCase() });
    expect(first.body.errors).toBeUndefined();
    expect(first.cookie).not.toBeNull();
    expect((await loginOver(user.email, { code: recoveryCodes[3] })).reason).toBe("INVALID_CODE");
    expect((await loginOver(user.email, { code: recoveryCodes[4] })).body.errors).toBeUndefined();
    const [{ left }] = await t.db.query(
      "SELECT count(*)::int AS left FROM user_recovery_code WHERE user_id = $1 AND used_at IS NULL",
      [user.id],
    );
    expect(left).toBe(8);
  });

  it("counts wrong codes like wrong passwords: five lock the account from that address, even for the right code", async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < 4; i++) {
      // Asking without a code in between does not give the guesser a fresh count.
      expect((await loginOver(user.email)).reason).toBe("SECOND_FACTOR_REQUIRED");
      expect((await loginOver(user.email, { code: codeAt(secret, 9) })).reason).toBe("INVALID_CODE");
    }
    expect((await loginOver(user.email, { code: codeAt(secret, 9) })).reason).toBe("LOCKED");
    const right = await loginOver(user.email, { code: codeAt(secret, 1) });
    expect(right.reason).toBe("LOCKED");
    expect(right.cookie).toBeNull();
  });
});

describe("turning it off", () => {
  it("lets the user disable it with a code, after which the password alone signs in", async () => {
    const { user, secret } = await enrolled();
    const as = await t.asViewer(user);
    const wrong = await as(DISABLE, { input: { code: codeAt(secret, 7) } });
    expect(codesOf(wrong)).toEqual(["BAD_USER_INPUT"]);
    const ok = await as(DISABLE, { input: { code: codeAt(secret, 1) } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.disableTwoFactor.user.twoFactorEnabled).toBe(false);
    expect(await t.db.query("SELECT 1 FROM user_recovery_code WHERE user_id = $1", [user.id])).toEqual([]);
    expect((await loginOver(user.email)).body.errors).toBeUndefined();
  });

  it("lets an ADMIN reset it (audited), which also ends the user's sessions; others may not", async () => {
    const { user } = await enrolled();
    const session = await t.asViewer(user);
    expect(codesOf(await session(RESET, { input: { userId: user.id } }))).toEqual(["FORBIDDEN"]);
    const res = await admin(RESET, { input: { userId: user.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.resetTwoFactor.user.twoFactorEnabled).toBe(false);
    expect((await session(ME)).data!.me).toBeNull();
    const [row] = await t.db.query(
      `SELECT action, actor_role, detail FROM audit_event WHERE operation = 'resetTwoFactor' AND record_id = $1`,
      [user.id],
    );
    expect(row).toMatchObject({ action: "UPDATE", actor_role: "ADMIN", detail: { twoFactor: "RESET" } });
    expect((await loginOver(user.email)).body.errors).toBeUndefined();
  });
});

describe("required per role by the municipal settings", () => {
  it("sends a COORDINATOR without TOTP to enrolment and refuses everything else until enrolled", async () => {
    const set = await admin(SETTINGS, { input: { twoFactorRequiredRoles: ["COORDINATOR", "ADMIN", "COORDINATOR"] } });
    expect(set.data!.updateMunicipalSettings.twoFactorRequiredRoles).toEqual(["ADMIN", "COORDINATOR"]);
    try {
      const viewerRole = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
      expect((await viewerRole(ME)).data!.me.pendingSetup).toBeNull();

      const coordinator = await t.factories.user({ role: UserRole.COORDINATOR });
      const as = await t.asViewer(coordinator);
      expect((await as(ME)).data!.me.pendingSetup).toBe("TWO_FACTOR_ENROLMENT");
      for (const query of [
        `{ persons(first: 5) { totalCount } }`,
        `{ areas { id } }`,
        `{ municipalSettings { firstCheckDays } }`,
      ]) {
        const refused = await as(query);
        expect(codesOf(refused), query).toEqual(["FORBIDDEN"]);
        expect(refused.errors![0].extensions!.reason).toBe("TWO_FACTOR_ENROLMENT");
      }
      const { secret } = (await as(BEGIN)).data!.beginTwoFactorEnrolment;
      expect((await as(CONFIRM, { input: { code: codeAt(secret) } })).errors).toBeUndefined();
      expect((await as(ME)).data!.me.pendingSetup).toBeNull();
      expect((await as(`{ persons(first: 5) { totalCount } }`)).errors).toBeUndefined();
      // Required: it cannot be switched off by the user.
      expect(codesOf(await as(DISABLE, { input: { code: codeAt(secret, 1) } }))).toEqual(["CONFLICT"]);
    } finally {
      await t.db.query("UPDATE municipal_settings SET two_factor_required_roles = '{}'");
    }
  });

  it("refuses an unknown role and an absurd list in the setting, writing nothing", async () => {
    const bad = await admin(SETTINGS, { input: { twoFactorRequiredRoles: ["SUPERUSER"] } });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    const long = await admin(SETTINGS, { input: { twoFactorRequiredRoles: Array(11).fill("ADMIN") } });
    expect(codesOf(long)).toEqual(["BAD_USER_INPUT"]);
    expect(long.errors![0].extensions!.fields).toEqual([
      { field: "input.twoFactorRequiredRoles", messages: ["役割は10個までにしてください"] },
    ]);
    const [{ roles }] = await t.db.query("SELECT two_factor_required_roles AS roles FROM municipal_settings");
    expect(roles).toEqual([]);
  });
});
