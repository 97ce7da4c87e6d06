import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { DuringAccountSetup, Public, RequireRole, SignedIn } from "../core/access.js";
import { ConnectionType, PageArgs } from "../core/pagination.js";
import type { Context } from "../context.js";
import { Organization } from "../organizations/index.js";
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  CreateUserInput,
  CreateUserPayload,
  LoginInput,
  LoginPayload,
} from "./auth.inputs.js";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import { User } from "./user.entity.js";
import { AccountSetupStep } from "./two-factor.service.js";
import { pendingSetup } from "./auth.service.js";
import { ADMINS } from "../core/roles.js";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

const UserConnection = ConnectionType(User, "User");

const sessionMeta = (ctx: Context) => ({
  clientAddress: ctx.clientAddress,
  userAgent: ctx.http?.req.headers["user-agent"] ?? null,
});

@Resolver(() => User)
export class AuthResolver {
  @Public()
  @DuringAccountSetup()
  @Query(() => User, { nullable: true, description: "ログイン中の利用者 (未ログインなら null)" })
  me(@Ctx() ctx: Context): Promise<User | null> | null {
    return ctx.viewer ? ctx.services.auth.user(ctx.viewer.userId) : null;
  }

  @Public()
  @DuringAccountSetup()
  @Mutation(() => LoginPayload, {
    description:
      "ログイン。成功するとセッション Cookie (HttpOnly) が新しく発行され、それまでのセッションは終わる。" +
      "失敗は UNAUTHENTICATED で extensions.reason = INVALID_CREDENTIALS、失敗が続くと LOCKED (extensions.retryAfterSeconds 秒後まで)。" +
      "二段階認証を設定した利用者は、パスワードが正しければ SECOND_FACTOR_REQUIRED (code を付けてもう一度)、コードの誤りは INVALID_CODE",
  })
  @Audited({
    action: AuditAction.LOGIN,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    actor: ({ result }) => ({ userId: result.user.id, role: result.user.role }),
    signInEmail: ([input]) => input.email,
  })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const { user, token, expiresAt, persistent, pendingSetup } = await ctx.services.auth.login(
      input.email,
      input.password,
      sessionMeta(ctx),
      ctx.sessionToken ?? null,
      { code: input.code, staySignedIn: input.staySignedIn ?? false },
    );
    if (ctx.http) setSessionCookie(ctx.http.res, token, expiresAt, ctx.cookieSecure, persistent);
    return { user, pendingSetup: pendingSetup as AccountSetupStep | null };
  }

  @SignedIn()
  @DuringAccountSetup()
  @Mutation(() => Boolean, { description: "ログアウト (このセッションを削除)" })
  @Audited({ action: AuditAction.LOGOUT, entityType: "User", record: ({ viewer }) => ({ recordId: viewer?.userId }) })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.auth.logout(ctx.viewer!);
    if (ctx.http) clearSessionCookie(ctx.http.res, ctx.cookieSecure);
    return true;
  }

  @SignedIn()
  @DuringAccountSetup()
  @Mutation(() => Int, {
    description: "すべての端末からログアウト (この利用者のセッションをすべて削除)。削除した数を返す",
  })
  @Audited({
    action: AuditAction.LOGOUT,
    entityType: "User",
    record: ({ viewer }) => ({ recordId: viewer?.userId }),
    detail: ({ result }) => ({ everywhere: true, sessionsEnded: result }),
  })
  async logoutEverywhere(@Ctx() ctx: Context): Promise<number> {
    const ended = await ctx.services.auth.logoutEverywhere(ctx.viewer!);
    if (ctx.http) clearSessionCookie(ctx.http.res, ctx.cookieSecure);
    return ended;
  }

  @SignedIn()
  @DuringAccountSetup()
  @Mutation(() => ChangePasswordPayload, {
    description:
      "パスワードの変更 (現在のパスワードが必要)。ほかの端末のセッションはすべて終わり、この端末には新しいセッションが発行される",
  })
  // Names only: never the passwords themselves.
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "User",
    record: ({ viewer }) => ({ recordId: viewer?.userId }),
    detail: () => ({ fields: ["password"] }),
  })
  async changePassword(
    @Arg("input", () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<ChangePasswordPayload> {
    const { user, token, expiresAt, persistent } = await ctx.services.auth.changePassword(
      ctx.viewer!,
      input.currentPassword,
      input.newPassword,
      sessionMeta(ctx),
    );
    if (ctx.http) setSessionCookie(ctx.http.res, token, expiresAt, ctx.cookieSecure, persistent);
    return { user };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => CreateUserPayload, {
    description: "アカウントを作る (管理者のみ)。初期パスワードはパスワードの基準を満たすこと",
  })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "User",
    record: ({ result }) => ({ recordId: result.user.id }),
    detail: ({ result }) => ({ role: result.user.role, organizationId: result.user.organizationId }),
  })
  async createUser(
    @Arg("input", () => CreateUserInput) input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<CreateUserPayload> {
    return { user: await ctx.services.auth.createUser(input) };
  }

  @RequireRole(...ADMINS)
  @Query(() => UserConnection, { description: "利用者の一覧 (管理者のみ, メールアドレス順)" })
  users(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.auth.listUsers(args.first, args.after);
  }

  @FieldResolver(() => AccountSetupStep, {
    nullable: true,
    description: "ログイン中の本人がほかの操作の前にすべきこと (本人にだけ値がある)",
  })
  async pendingSetup(@Root() user: User, @Ctx() ctx: Context): Promise<AccountSetupStep | null> {
    if (ctx.viewer?.userId !== user.id) return null;
    // From the row as returned (a password just changed, TOTP just confirmed), not the session's state at its start.
    const settings = await ctx.services.settings.get();
    return pendingSetup(user, settings.twoFactorRequiredRoles.includes(user.role)) as AccountSetupStep | null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return user.organizationId ? ctx.loaders.of(organizationLoaders).organization.load(user.organizationId) : null;
  }
}
