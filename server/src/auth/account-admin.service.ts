import { randomInt } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { DomainError, conflict, notFound } from "../core/errors.js";
import { UserRole } from "../core/roles.js";
import { OrganizationService } from "../organizations/organization.service.js";
import { hashPassword } from "./password.js";
import { passwordProblems } from "./password.policy.js";
import { User, UserCredential, UserSession } from "./user.entity.js";

// Letters and digits that cannot be misread when the password is read out or written down (no 0/O, 1/l/I).
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Four groups of four (about 91 bits): long enough for the password policy, easy to type from a note. */
export function newTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

const lastAdmin = () =>
  conflict("有効な管理者がほかにいないため、このアカウントを無効にしたり役割を変えたりすることはできません");

/**
 * An ADMIN's account lifecycle: deactivate and reactivate, change the role, issue a temporary password (changed at the
 * next sign-in before anything else), sign a user out everywhere. There is always at least one active ADMIN.
 */
export class AccountAdminService {
  constructor(private readonly db: DataSource) {}

  /** Deactivation ends every session of the user: the session check would refuse them anyway, now they are gone. */
  async setActive(userId: string, active: boolean): Promise<User> {
    return this.db.transaction(async (tx) => {
      const admins = await this.lockActiveAdmins(tx);
      const user = await this.lockedUser(tx, userId);
      if (!active && user.active && user.role === UserRole.ADMIN) this.keepAnAdmin(admins, userId);
      await tx.getRepository(User).update({ id: userId }, { active });
      if (!active) await tx.getRepository(UserSession).delete({ userId });
      return tx.getRepository(User).findOneByOrFail({ id: userId });
    });
  }

  async changeRole(userId: string, role: UserRole, organizationId: string | null | undefined): Promise<User> {
    return this.db.transaction(async (tx) => {
      const admins = await this.lockActiveAdmins(tx);
      const user = await this.lockedUser(tx, userId);
      const organization = organizationId === undefined ? user.organizationId : organizationId;
      if (role === UserRole.HOST && !organization) {
        throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
          { field: "input.organizationId", messages: ["受け入れ先ユーザーには団体を指定してください"] },
        ]);
      }
      if (
        organization &&
        organization !== user.organizationId &&
        !(await OrganizationService.exists(tx, organization))
      ) {
        throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
          { field: "input.organizationId", messages: ["団体が見つかりません"] },
        ]);
      }
      if (user.role === UserRole.ADMIN && role !== UserRole.ADMIN && user.active) this.keepAnAdmin(admins, userId);
      await tx.getRepository(User).update({ id: userId }, { role, organizationId: organization ?? null });
      return tx.getRepository(User).findOneByOrFail({ id: userId });
    });
  }

  /**
   * A new random password, returned once for the ADMIN to hand over; the user's sessions end, and after signing in
   * with it they can do nothing but change it (viewer.pendingSetup = PASSWORD_CHANGE).
   */
  async issueTemporaryPassword(userId: string): Promise<{ user: User; temporaryPassword: string }> {
    const existing = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!existing) throw notFound("利用者");
    let temporaryPassword = newTemporaryPassword();
    while (passwordProblems(temporaryPassword, { email: existing.email }).length) {
      temporaryPassword = newTemporaryPassword();
    }
    const passwordHash = await hashPassword(temporaryPassword);
    const user = await this.db.transaction(async (tx) => {
      await this.lockedUser(tx, userId);
      await tx.getRepository(UserCredential).update({ userId }, { passwordHash, passwordChangedAt: () => "now()" });
      await tx.getRepository(User).update({ id: userId }, { mustChangePassword: true });
      await tx.getRepository(UserSession).delete({ userId });
      return tx.getRepository(User).findOneByOrFail({ id: userId });
    });
    return { user, temporaryPassword };
  }

  /** Ends every session of the user (a lost or shared PC), and says how many. */
  async signOutEverywhere(userId: string): Promise<{ user: User; sessionsEnded: number }> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound("利用者");
    const result = await this.db.getRepository(UserSession).delete({ userId });
    return { user, sessionsEnded: result.affected ?? 0 };
  }

  private async lockedUser(tx: EntityManager, userId: string): Promise<User> {
    const user = await tx.getRepository(User).findOne({ where: { id: userId }, lock: { mode: "pessimistic_write" } });
    if (!user) throw notFound("利用者");
    return user;
  }

  /**
   * The active ADMINs, locked (in id order, before the user acted on), so that two administrators deactivating or
   * demoting each other at the same moment cannot both succeed, and cannot deadlock.
   */
  private async lockActiveAdmins(tx: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE role = $1 AND active ORDER BY id FOR UPDATE`,
      [UserRole.ADMIN],
    );
    return rows.map((r) => r.id);
  }

  /** Refuses when no other active ADMIN would be left. */
  private keepAnAdmin(activeAdmins: string[], exceptUserId: string): void {
    if (!activeAdmins.some((id) => id !== exceptUserId)) throw lastAdmin();
  }
}
