import { createHash, randomBytes } from "node:crypto";
import { In, type DataSource, type EntityManager } from "typeorm";
import { DomainError, badInput, type FieldError } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { OrganizationService } from "../organizations/organization.service.js";
import { UserSession, User, UserCredential } from "./user.entity.js";
import { UserRole } from "../core/roles.js";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.js";
import { passwordProblems } from "./password.policy.js";
import { SignInThrottle, SIGN_IN_LIMITS, type SignInLimits } from "./sign-in-throttle.js";
import type { PendingSetup, Viewer } from "../core/viewer.js";
import { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import { TwoFactorService, invalidCode } from "./two-factor.service.js";
import type { SecretBox } from "../core/secret-box.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/**
 * lastSeenAt is refreshed at most this often, so that reads do not turn into a write per request. It bounds how much
 * the idle timeout can overshoot: a session idle for `idleMinutes` is refused at most this much later.
 */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewUser {
  email: string;
  displayName: string;
  role: UserRole;
  organizationId?: string | null;
  password: string;
}

export interface SessionMeta {
  clientAddress?: string | null;
  userAgent?: string | null;
}

export interface AuthOptions {
  /** Idle timeout; SESSION_IDLE_MINUTES. */
  idleMinutes?: number;
  /** 「ログインしたままにする」 sessions last this long (capped by the absolute lifetime); SESSION_STAY_SIGNED_IN_HOURS. */
  staySignedInHours?: number;
  limits?: SignInLimits;
  /** Seals the TOTP keys at rest; without it (scripts, the demo seed) nothing TOTP can be enrolled or checked. */
  secrets?: SecretBox;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  /** Whether the cookie should outlive the browser (「ログインしたままにする」); otherwise it has no Expires. */
  persistent: boolean;
}

export interface LoginOptions {
  /** The TOTP code or a recovery code, for a user with a second factor. */
  code?: string | null;
  staySignedIn?: boolean;
}

/** The password was right and the account has TOTP: the client asks for the code and signs in again with it. */
export const secondFactorRequired = () =>
  new DomainError("UNAUTHENTICATED", "確認コードを入力してください", [], { reason: "SECOND_FACTOR_REQUIRED" });

export class AuthService {
  private readonly idleMinutes: number;
  /** The longest a 「ログインしたままにする」 session lasts, in hours (the login page says it). */
  readonly staySignedInHours: number;
  readonly throttle: SignInThrottle;
  readonly twoFactor: TwoFactorService;

  constructor(
    private readonly db: DataSource,
    private readonly sessionTtlHours: number,
    options: AuthOptions = {},
  ) {
    this.idleMinutes = options.idleMinutes ?? 30;
    this.staySignedInHours = Math.min(options.staySignedInHours ?? 12, sessionTtlHours);
    this.throttle = new SignInThrottle(db, options.limits ?? SIGN_IN_LIMITS);
    this.twoFactor = new TwoFactorService(db, this.throttle, options.secrets ?? null);
  }

  /** Users by id, for other features' checks (who may coordinate, who may sit on a 支援会議), in their transaction. */
  static usersByIds(tx: EntityManager, ids: string[]): Promise<User[]> {
    return ids.length ? tx.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Staff accounts are made by an ADMIN (or the demo seed); the initial password must pass the policy too. */
  async createUser(input: NewUser): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const organizationId = input.organizationId ?? null;
    const fields: FieldError[] = [];
    const problems = passwordProblems(input.password, { email });
    if (problems.length) fields.push({ field: "input.password", messages: problems });
    // Staff may belong to an organization too (a 社協 coordinator); a host account cannot do without one.
    if (input.role === UserRole.HOST && !organizationId) {
      fields.push({ field: "input.organizationId", messages: ["受け入れ先ユーザーには団体を指定してください"] });
    } else if (organizationId && !(await OrganizationService.exists(this.db.manager, organizationId))) {
      fields.push({ field: "input.organizationId", messages: ["団体が見つかりません"] });
    }
    if (await this.db.getRepository(User).existsBy({ email })) {
      fields.push({ field: "input.email", messages: ["このメールアドレスはすでに登録されています"] });
    }
    if (fields.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", fields);

    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const user = await tx.getRepository(User).save(
        tx.getRepository(User).create({
          email,
          displayName: input.displayName.trim(),
          role: input.role,
          organizationId,
        }),
      );
      await tx.getRepository(UserCredential).insert({ userId: user.id, passwordHash });
      return user;
    });
  }

  /** Users by email, for the ADMIN's staff list. */
  async listUsers(first: number, after?: string | null): Promise<Connection<User>> {
    const qb = this.db.getRepository(User).createQueryBuilder("u");
    if (after) qb.where("u.email > :after", { after: decodeCursor(after, ["text"])[0] });
    const [rows, totalCount] = await Promise.all([
      qb
        .orderBy("u.email", "ASC")
        .take(first + 1)
        .getMany(),
      this.db.getRepository(User).count(),
    ]);
    return toConnection(rows, first, totalCount, (u) => [u.email]);
  }

  /**
   * Signs in and returns a new session. The message never says which half was wrong, unknown emails cost the same
   * argon2 verification, and the throttle counts failures per account and per address (LOCKED while over a limit,
   * even with the right password). `replacing` is the session the browser already had: it is ended, so a login always
   * leaves exactly one fresh token behind (session ids rotate at login).
   *
   * With TOTP, the right password without a code answers SECOND_FACTOR_REQUIRED and gives the attempt back (it is
   * neither a failure nor a success: a success would reset this client's count between code guesses); a wrong or
   * reused code is a failure like a wrong password, so code guessing locks the same way.
   */
  async login(
    email: string,
    password: string,
    meta: SessionMeta = {},
    replacing: string | null = null,
    options: LoginOptions = {},
  ): Promise<{ user: User; pendingSetup: PendingSetup | null } & NewSession> {
    const normalized = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(normalized, meta.clientAddress ?? null);
    // One query whether or not the account exists, then one argon2 verification either way: same work, same time.
    const credential = await this.db
      .getRepository(UserCredential)
      .createQueryBuilder("c")
      .innerJoinAndSelect("c.user", "u")
      .where("u.email = :email", { email: normalized })
      .getOne();
    const user = credential?.user ?? null;
    const ok = await verifyPassword(credential?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !credential || !ok || !user.active) throw await attempt.failed();
    if (user.twoFactorEnabled) {
      if (!options.code?.trim()) {
        await attempt.abandoned();
        throw secondFactorRequired();
      }
      if (!(await this.twoFactor.verify(user.id, options.code))) {
        const error = await attempt.failed();
        throw error.extensions.reason === "LOCKED" ? error : invalidCode();
      }
    }
    await attempt.succeeded();
    if (replacing) await this.db.getRepository(UserSession).delete({ tokenHash: sha256(replacing) });
    await this.pruneSessions();
    const session = await this.createSession(user.id, meta, options.staySignedIn ?? false);
    const setup = pendingSetup(user, await this.twoFactor.requiredFor(user.role));
    return { user, pendingSetup: setup, ...session };
  }

  /**
   * Needs the current password (a borrowed, unlocked browser must not be enough), counts a wrong one like a failed
   * sign-in, and ends every session of the user: whoever else held one is out. Returns a fresh session for this browser.
   */
  async changePassword(
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
    meta: SessionMeta = {},
  ): Promise<{ user: User } & NewSession> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: viewer.userId });
    const problems = passwordProblems(newPassword, { email: user.email });
    if (problems.length)
      throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
        { field: "input.newPassword", messages: problems },
      ]);

    const attempt = await this.throttle.begin(user.email, meta.clientAddress ?? null);
    const credential = await this.db.getRepository(UserCredential).findOneByOrFail({ userId: user.id });
    if (!(await verifyPassword(credential.passwordHash, currentPassword))) {
      const error = await attempt.failed();
      throw error.extensions.reason === "LOCKED"
        ? error
        : badInput("input.currentPassword", "現在のパスワードが正しくありません");
    }
    await attempt.succeeded();
    if (await verifyPassword(credential.passwordHash, newPassword)) {
      throw badInput("input.newPassword", "現在のパスワードとは違うものにしてください");
    }
    const passwordHash = await hashPassword(newPassword);
    const current = await this.db.getRepository(UserSession).findOneBy({ id: viewer.sessionId });
    const changed = await this.db.transaction(async (tx) => {
      await tx
        .getRepository(UserCredential)
        .update({ userId: user.id }, { passwordHash, passwordChangedAt: () => "now()" });
      // A temporary password is changed now: the user may go on to anything else.
      await tx.getRepository(User).update({ id: user.id }, { mustChangePassword: false });
      await tx.getRepository(UserSession).delete({ userId: user.id });
      return tx.getRepository(User).findOneByOrFail({ id: user.id });
    });
    return { user: changed, ...(await this.createSession(user.id, meta, current?.persistent ?? false)) };
  }

  async createSession(userId: string, meta: SessionMeta = {}, persistent = false): Promise<NewSession> {
    const token = randomBytes(32).toString("base64url");
    const hours = persistent ? this.staySignedInHours : this.sessionTtlHours;
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    await this.db.getRepository(UserSession).insert({
      persistent,
      tokenHash: sha256(token),
      userId,
      expiresAt,
      clientAddress: meta.clientAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt, persistent };
  }

  /**
   * The viewer for a cookie token, or null when the session is unknown, past its absolute lifetime (SESSION_TTL_HOURS
   * from sign-in), idle for longer than SESSION_IDLE_MINUTES, or its user deactivated. Whether the user must first
   * change a temporary password or enrol TOTP (their role requires it) is read in the same statement.
   */
  async viewerForToken(token: string | null): Promise<Viewer | null> {
    if (!token) return null;
    const { entities, raw } = await this.db
      .getRepository(UserSession)
      .createQueryBuilder("s")
      .innerJoinAndSelect("s.user", "u")
      .addSelect(MunicipalSettingsService.twoFactorRequiredSql("u.role"), "two_factor_required")
      .where("s.tokenHash = :h", { h: sha256(token) })
      .andWhere(this.aliveSql("s"), { ttlHours: this.sessionTtlHours, idleMinutes: this.idleMinutes })
      .andWhere("u.active = true")
      .getRawAndEntities<{ two_factor_required: boolean | null }>();
    const row = entities[0];
    if (!row?.user) return null;
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.getRepository(UserSession).update({ id: row.id }, { lastSeenAt: () => "now()" });
    }
    const u = row.user;
    return {
      userId: u.id,
      role: u.role,
      organizationId: u.organizationId,
      displayName: u.displayName,
      sessionId: row.id,
      pendingSetup: pendingSetup(u, raw[0]?.two_factor_required === true),
    };
  }

  async logout(viewer: Viewer): Promise<void> {
    await this.db.getRepository(UserSession).delete({ id: viewer.sessionId });
  }

  /** Ends every session of the viewer, this one included (「すべての端末からログアウト」). Returns how many. */
  async logoutEverywhere(viewer: Viewer): Promise<number> {
    const result = await this.db.getRepository(UserSession).delete({ userId: viewer.userId });
    return result.affected ?? 0;
  }

  async user(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id } });
  }

  /**
   * Both timeouts, in SQL on the database clock (one clock for every app instance). A 「ログインしたままにする」 session
   * has no idle timeout (that is what was asked for) but ends at its expiresAt, at most SESSION_STAY_SIGNED_IN_HOURS.
   */
  private aliveSql(alias: string): string {
    return `${alias}.expiresAt > now()
      AND ${alias}.createdAt > now() - CAST(:ttlHours AS float8) * interval '1 hour'
      AND (${alias}.persistent OR ${alias}.lastSeenAt > now() - CAST(:idleMinutes AS float8) * interval '1 minute')`;
  }

  /** Sessions past either timeout are dead weight; sign-ins are rare enough to sweep them then. */
  private async pruneSessions(): Promise<void> {
    await this.db.query(
      `DELETE FROM user_session WHERE expires_at <= now() OR created_at <= now() - $1::float8 * interval '1 hour'
         OR (NOT persistent AND last_seen_at <= now() - $2::float8 * interval '1 minute')`,
      [this.sessionTtlHours, this.idleMinutes],
    );
  }
}

/** The step a user must take before anything else, if any: a temporary password first, then TOTP. */
export function pendingSetup(
  user: Pick<User, "mustChangePassword" | "twoFactorEnabled">,
  twoFactorRequired: boolean,
): PendingSetup | null {
  if (user.mustChangePassword) return "PASSWORD_CHANGE";
  if (twoFactorRequired && !user.twoFactorEnabled) return "TWO_FACTOR_ENROLMENT";
  return null;
}
