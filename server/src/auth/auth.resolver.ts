import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Public, SignedIn } from "../core/access.js";
import type { Context } from "../context.js";
import { Organization } from "../organizations/organization.entity.js";
import { LoginInput, LoginPayload } from "./auth.inputs.js";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.js";
import { User } from "./user.entity.js";

@Resolver(() => User)
export class AuthResolver {
  @Public()
  @Query(() => User, { nullable: true, description: "ログイン中の利用者 (未ログインなら null)" })
  me(@Ctx() ctx: Context): Promise<User | null> | null {
    return ctx.viewer ? ctx.services.auth.user(ctx.viewer.userId) : null;
  }

  @Public()
  @Mutation(() => LoginPayload, { description: "ログイン。成功するとセッション Cookie (HttpOnly) が設定される" })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const { user, token, expiresAt } = await ctx.services.auth.login(input.email, input.password, {
      clientAddress: ctx.clientAddress, userAgent: ctx.http?.req.headers["user-agent"] ?? null,
    });
    if (ctx.http) setSessionCookie(ctx.http.res, token, expiresAt, ctx.cookieSecure);
    return { user };
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: "ログアウト (このセッションを削除)" })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.auth.logout(ctx.viewer!);
    if (ctx.http) clearSessionCookie(ctx.http.res, ctx.cookieSecure);
    return true;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return user.organizationId ? ctx.loaders.organization.load(user.organizationId) : null;
  }
}
