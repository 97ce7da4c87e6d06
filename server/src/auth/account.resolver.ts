import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { DuringAccountSetup, RequireRole, SignedIn } from "../core/access.js";
import { ADMINS } from "../core/roles.js";
import type { Context } from "../context.js";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import {
  ChangeUserRoleInput,
  ConfirmTwoFactorPayload,
  IssueTemporaryPasswordPayload,
  SignOutUserPayload,
  TwoFactorCodeInput,
  TwoFactorEnrolmentPayload,
  UserIdInput,
  UserPayload,
} from "./account.inputs.js";
import { User } from "./user.entity.js";

/** The viewer's own second factor, and an ADMIN's account lifecycle (アカウント管理). Every change is audited. */
@Resolver(() => User)
export class AccountResolver {
  @SignedIn()
  @DuringAccountSetup()
  @Mutation(() => TwoFactorEnrolmentPayload, {
    description:
      "二段階認証の設定を始める (鍵と QR コードを一度だけ返す)。最初の確認コードで confirmTwoFactorEnrolment する",
  })
  // Names only: the key itself never reaches the log.
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ viewer }) => ({ recordId: viewer?.userId }),
    detail: () => ({ twoFactor: "ENROLMENT_STARTED" }),
  })
  beginTwoFactorEnrolment(@Ctx() ctx: Context): Promise<TwoFactorEnrolmentPayload> {
    return ctx.services.auth.twoFactor.beginEnrolment(ctx.viewer!);
  }

  @SignedIn()
  @DuringAccountSetup()
  @Mutation(() => ConfirmTwoFactorPayload, {
    description: "二段階認証の設定を確定する (最初の確認コード)。回復コード10個を一度だけ返す",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ twoFactor: "ENABLED" }),
  })
  confirmTwoFactorEnrolment(
    @Arg("input", () => TwoFactorCodeInput) input: TwoFactorCodeInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmTwoFactorPayload> {
    return ctx.services.auth.twoFactor.confirmEnrolment(ctx.viewer!, input.code);
  }

  @SignedIn()
  @Mutation(() => UserPayload, {
    description: "自分の二段階認証を無効にする (確認コードか回復コードが必要。役割で必須のときはできない)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ twoFactor: "DISABLED" }),
  })
  async disableTwoFactor(
    @Arg("input", () => TwoFactorCodeInput) input: TwoFactorCodeInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await ctx.services.auth.twoFactor.disable(ctx.viewer!, input.code, ctx.clientAddress) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => UserPayload, {
    description:
      "利用者の二段階認証をリセットする (管理者のみ。端末をなくしたとき)。その利用者のセッションはすべて終わる",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ twoFactor: "RESET" }),
  })
  async resetTwoFactor(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return { user: await ctx.services.auth.twoFactor.reset(input.userId) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => UserPayload, {
    description:
      "アカウントを無効にする (管理者のみ)。その利用者のセッションはすべて終わる。最後の有効な管理者は無効にできない",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ fields: ["active"], active: false }),
  })
  async deactivateUser(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return { user: await ctx.services.accounts.setActive(input.userId, false) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => UserPayload, { description: "無効にしたアカウントを有効に戻す (管理者のみ)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ fields: ["active"], active: true }),
  })
  async reactivateUser(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<UserPayload> {
    return { user: await ctx.services.accounts.setActive(input.userId, true) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => UserPayload, {
    description: "役割を変える (管理者のみ)。最後の有効な管理者は管理者のままにしておく",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: ({ result }) => ({ fields: ["role", "organizationId"], role: result.user.role }),
  })
  async changeUserRole(
    @Arg("input", () => ChangeUserRoleInput) input: ChangeUserRoleInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await ctx.services.accounts.changeRole(input.userId, input.role, input.organizationId) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => IssueTemporaryPasswordPayload, {
    description:
      "仮パスワードを発行する (管理者のみ)。本人は次のログインで変更するまでほかの操作ができない。その利用者のセッションはすべて終わる",
  })
  // Names only: never the password.
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: () => ({ fields: ["password"], temporary: true }),
  })
  issueTemporaryPassword(
    @Arg("input", () => UserIdInput) input: UserIdInput,
    @Ctx() ctx: Context,
  ): Promise<IssueTemporaryPasswordPayload> {
    return ctx.services.accounts.issueTemporaryPassword(input.userId);
  }

  @RequireRole(...ADMINS)
  @Mutation(() => SignOutUserPayload, {
    description: "利用者をすべての端末からログアウトさせる (管理者のみ)",
  })
  @Audited({
    action: AuditAction.LOGOUT,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: ({ result }) => ({ everywhere: true, byAdministrator: true, sessionsEnded: result.sessionsEnded }),
  })
  signOutUser(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<SignOutUserPayload> {
    return ctx.services.accounts.signOutEverywhere(input.userId);
  }
}
