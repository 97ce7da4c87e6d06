import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { registerEnumType } from "type-graphql";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { DomainError, badInput, conflict, notFound } from "../core/errors.js";
import { isSealed, type SecretBox } from "../core/secret-box.js";
import type { Viewer } from "../core/viewer.js";
import { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import { hashPassword, verifyPassword } from "./password.js";
import { SignInThrottle } from "./sign-in-throttle.js";
import { base32Decode, base32Encode, matchTotp, newTotpSecret, otpauthUri } from "./totp.js";
import { User, UserCredential, UserRecoveryCode, UserSession } from "./user.entity.js";

/** What a signed-in user must do before anything else (core/viewer.ts PendingSetup), as the client reads it. */
export enum AccountSetupStep {
  PASSWORD_CHANGE = "PASSWORD_CHANGE",
  TWO_FACTOR_ENROLMENT = "TWO_FACTOR_ENROLMENT",
}
registerEnumType(AccountSetupStep, {
  name: "AccountSetupStep",
  description: "仮パスワードの変更 / 二段階認証の設定 (済むまでほかの操作はできない)",
});

/** The issuer authenticator apps show next to the account. */
export const TOTP_ISSUER = "tsunagu";
export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are printed or written down and typed back by hand.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** xxxxx-xxxxx: 10 characters of a 31-letter alphabet (about 50 bits), each used once. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a user typed for a recovery code, as stored: lower case, without the hyphen or spaces. */
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

export const invalidCode = () =>
  new DomainError("UNAUTHENTICATED", "確認コードが正しくありません", [], { reason: "INVALID_CODE" });

/**
 * TOTP second factor: enrolment (a key made here, shown once as a QR code and as text, confirmed by a first code),
 * ten one-time recovery codes, verification at sign-in (no code or step used twice), removal by the user with a
 * code, and reset by an ADMIN. The key lives in user_credential only, sealed (core/secret-box.ts, bound to the user's
 * id); no GraphQL type carries it. A key stored in clear before sealing began still works, and is sealed when used.
 */
export class TwoFactorService {
  constructor(
    private readonly db: DataSource,
    private readonly throttle: SignInThrottle,
    private readonly secrets: SecretBox | null,
  ) {}

  private box(): SecretBox {
    // eslint-disable-next-line no-restricted-syntax -- a wiring fault (createApp gives main.ts's key), not a client's: INTERNAL_SERVER_ERROR is the truth
    if (!this.secrets) throw new Error("TOTP needs the secret key (AppOptions.secretKey)");
    return this.secrets;
  }

  /** Starts (or restarts) an enrolment: a new key, pending until confirmed. */
  async beginEnrolment(viewer: Viewer): Promise<TwoFactorEnrolment> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: viewer.userId });
    if (user.twoFactorEnabled) throw conflict("二段階認証はすでに設定されています");
    const secret = base32Encode(newTotpSecret());
    await this.db
      .getRepository(UserCredential)
      .update({ userId: user.id }, { totpPendingSecret: this.box().seal(secret, user.id) });
    const uri = otpauthUri(secret, user.email, TOTP_ISSUER);
    const qrCodeSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { secret, otpauthUri: uri, qrCodeSvg };
  }

  /** Confirms the pending key with a first code; returns the ten recovery codes (shown once, stored hashed). */
  async confirmEnrolment(
    viewer: Viewer,
    code: string,
    now = Date.now(),
  ): Promise<{ user: User; recoveryCodes: string[] }> {
    const credential = await this.db.getRepository(UserCredential).findOneByOrFail({ userId: viewer.userId });
    if (!credential.totpPendingSecret) throw conflict("先に二段階認証の設定を始めてください");
    const secret = this.box().open(credential.totpPendingSecret, viewer.userId);
    const step = matchTotp(base32Decode(secret), code.trim(), now);
    if (step === null)
      throw badInput("input.code", "確認コードが正しくありません。アプリに表示されている6桁の数字を入力してください");
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const hashes = await Promise.all(recoveryCodes.map((c) => hashPassword(normalizeRecoveryCode(c))));
    const user = await this.db.transaction(async (tx) => {
      await tx.getRepository(UserCredential).update(
        { userId: viewer.userId },
        {
          totpSecret: this.box().seal(secret, viewer.userId),
          totpPendingSecret: null,
          totpLastStep: String(step),
        },
      );
      await tx.getRepository(UserRecoveryCode).delete({ userId: viewer.userId });
      await tx.getRepository(UserRecoveryCode).insert(hashes.map((codeHash) => ({ userId: viewer.userId, codeHash })));
      await tx.getRepository(User).update({ id: viewer.userId }, { twoFactorEnabled: true });
      return tx.getRepository(User).findOneByOrFail({ id: viewer.userId });
    });
    return { user, recoveryCodes };
  }

  /**
   * Whether `code` (a TOTP code or an unused recovery code) proves the second factor; spends it. A TOTP step is
   * taken only if newer than the last one taken, in one statement, so two requests cannot both use one code.
   */
  async verify(userId: string, code: string, tx: EntityManager = this.db.manager, now = Date.now()): Promise<boolean> {
    const credential = await tx.getRepository(UserCredential).findOneBy({ userId });
    if (!credential?.totpSecret) return false;
    const typed = code.trim().replace(/\s/g, "");
    if (/^\d{6}$/.test(typed)) {
      const secret = this.box().open(credential.totpSecret, userId);
      const step = matchTotp(base32Decode(secret), typed, now);
      if (step === null) return false;
      // A key still in clear (stored before sealing began) is sealed by the same statement that spends the step; only
      // if it is still the key read above (a reset or a new enrolment in between is not undone).
      const stored = credential.totpSecret;
      const [, affected] = await tx.query(
        `UPDATE user_credential SET totp_last_step = $2, totp_secret = $3
         WHERE user_id = $1 AND totp_secret = $4 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
        [userId, step, isSealed(stored) ? stored : this.box().seal(secret, userId), stored],
      );
      return affected === 1;
    }
    const normalized = normalizeRecoveryCode(typed);
    if (!/^[a-z0-9]{10}$/.test(normalized)) return false;
    const unused = await tx.getRepository(UserRecoveryCode).findBy({ userId, usedAt: IsNull() });
    for (const row of unused) {
      if (await verifyPassword(row.codeHash, normalized)) {
        const spent = await tx
          .getRepository(UserRecoveryCode)
          .update({ id: row.id, usedAt: IsNull() }, { usedAt: () => "now()" });
        return spent.affected === 1;
      }
    }
    return false;
  }

  /** Whether the municipal settings require TOTP of this role. */
  async requiredFor(role: string): Promise<boolean> {
    const [{ required }] = await this.db.query(
      `SELECT ${MunicipalSettingsService.twoFactorRequiredSql("$1::text")} AS required`,
      [role],
    );
    return required === true;
  }

  /** How many recovery codes are left (for the account page). */
  recoveryCodesLeft(userId: string): Promise<number> {
    return this.db.getRepository(UserRecoveryCode).countBy({ userId, usedAt: IsNull() });
  }

  /**
   * The user turns TOTP off with a current code (or a recovery code), counted like a sign-in attempt. Not while their
   * role requires it.
   */
  async disable(viewer: Viewer, code: string, clientAddress: string | null): Promise<User> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: viewer.userId });
    if (!user.twoFactorEnabled) throw conflict("二段階認証は設定されていません");
    if (await this.requiredFor(user.role)) throw conflict("この役割では二段階認証が必須のため、無効にできません");
    const attempt = await this.throttle.begin(user.email, clientAddress);
    if (!(await this.verify(user.id, code))) {
      const error = await attempt.failed();
      throw error.extensions.reason === "LOCKED" ? error : badInput("input.code", "確認コードが正しくありません");
    }
    await attempt.succeeded();
    return this.db.transaction((tx) => TwoFactorService.clear(tx, user.id));
  }

  /** An ADMIN's reset (a lost phone): the key and the recovery codes are gone, and so are the user's sessions. */
  async reset(userId: string): Promise<User> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(User).existsBy({ id: userId }))) throw notFound("利用者");
      const user = await TwoFactorService.clear(tx, userId);
      await tx.getRepository(UserSession).delete({ userId });
      return user;
    });
  }

  private static async clear(tx: EntityManager, userId: string): Promise<User> {
    await tx
      .getRepository(UserCredential)
      .update({ userId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await tx.getRepository(UserRecoveryCode).delete({ userId });
    await tx.getRepository(User).update({ id: userId }, { twoFactorEnabled: false });
    return tx.getRepository(User).findOneByOrFail({ id: userId });
  }
}
