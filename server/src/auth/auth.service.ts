import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { DomainError } from "../core/errors.js";
import { UserSession, User, UserCredential, UserRole } from "./user.entity.js";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.js";
import type { Viewer } from "./viewer.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/** lastSeenAt is refreshed at most this often, so reads do not turn into a write per request. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

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

export class AuthService {
  constructor(private readonly db: DataSource, private readonly sessionTtlHours: number) {}

  async createUser(input: NewUser): Promise<User> {
    if (input.role === UserRole.HOST && !input.organizationId) {
      throw new DomainError("BAD_USER_INPUT", "受け入れ先ユーザーには団体が必要です", [
        { field: "organizationId", messages: ["受け入れ先ユーザーには団体を指定してください"] },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const user = await tx.getRepository(User).save(tx.getRepository(User).create({
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        organizationId: input.organizationId ?? null,
      }));
      await tx.getRepository(UserCredential).insert({ userId: user.id, passwordHash });
      return user;
    });
  }

  /** Returns the new session's token (for the cookie) and the user. The message never says which half was wrong. */
  async login(email: string, password: string, meta: SessionMeta = {}): Promise<{ user: User; token: string; expiresAt: Date }> {
    const user = await this.db.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
    const credential = user ? await this.db.getRepository(UserCredential).findOne({ where: { userId: user.id } }) : null;
    const ok = await verifyPassword(credential?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !credential || !ok || !user.active) {
      throw new DomainError("UNAUTHENTICATED", "メールアドレスまたはパスワードが正しくありません");
    }
    const { token, expiresAt } = await this.createSession(user.id, meta);
    return { user, token, expiresAt };
  }

  async createSession(userId: string, meta: SessionMeta = {}): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3600_000);
    await this.db.getRepository(UserSession).insert({
      tokenHash: sha256(token), userId, expiresAt,
      clientAddress: meta.clientAddress ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /** The viewer for a cookie token, or null when the session is unknown, expired or its user deactivated. */
  async viewerForToken(token: string | null): Promise<Viewer | null> {
    if (!token) return null;
    const row = await this.db.getRepository(UserSession)
      .createQueryBuilder("s")
      .innerJoinAndSelect("s.user", "u")
      .where("s.tokenHash = :h", { h: sha256(token) })
      .andWhere("s.expiresAt > now()")
      .andWhere("u.active = true")
      .getOne();
    if (!row?.user) return null;
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.getRepository(UserSession).update({ id: row.id }, { lastSeenAt: new Date() });
    }
    const u = row.user;
    return { userId: u.id, role: u.role, organizationId: u.organizationId, displayName: u.displayName, sessionId: row.id };
  }

  async logout(viewer: Viewer): Promise<void> {
    await this.db.getRepository(UserSession).delete({ id: viewer.sessionId });
  }

  async user(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id } });
  }
}
