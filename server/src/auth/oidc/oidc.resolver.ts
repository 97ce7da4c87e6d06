import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Public } from "../../core/access.js";
import type { Context } from "../../context.js";

@ObjectType({ description: "ログイン画面に出す、ログインの方法" })
export class SignInOptions {
  @Field(() => Boolean, {
    description: "自治体の ID 基盤 (OpenID Connect) でログインできる (GET /auth/oidc/start から始める)",
  })
  oidcEnabled: boolean;

  @Field(() => Int, { description: "「ログインしたままにする」を選んだときに、ログインが続く最長の時間 (時間)" })
  staySignedInHours: number;
}

@Resolver()
export class OidcResolver {
  @Public()
  @Query(() => SignInOptions, { description: "ログインの方法 (ログイン画面がボタンを出すかどうかに使う)" })
  signInOptions(@Ctx() ctx: Context): SignInOptions {
    return { oidcEnabled: ctx.services.oidc.enabled, staySignedInHours: ctx.services.auth.staySignedInHours };
  }
}
