import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { ADMINS } from "../core/roles.js";
import { RequireRole, SignedIn } from "../core/access.js";
import type { Context } from "../context.js";
import { MunicipalSettings } from "./municipal-settings.entity.js";
import { UpdateMunicipalSettingsInput } from "./municipal-settings.inputs.js";
import { municipalSettingsPolicy } from "./municipal-settings.policy.js";

@ObjectType({ description: "ログイン中の利用者が運用設定に対してできること" })
class MunicipalSettingsPermissions {
  @Field(() => Boolean)
  update: boolean;
}
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

@Resolver(() => MunicipalSettings)
export class MunicipalSettingsResolver {
  @SignedIn()
  @Query(() => MunicipalSettings, { description: "市町村の運用設定" })
  municipalSettings(@Ctx() ctx: Context): Promise<MunicipalSettings> {
    return ctx.services.settings.get();
  }

  @RequireRole(...ADMINS)
  @Mutation(() => MunicipalSettings)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "MunicipalSettings",
    record: ({ result }) => ({ recordId: result.id }),
    detail: changedFields,
  })
  updateMunicipalSettings(
    @Arg("input", () => UpdateMunicipalSettingsInput) input: UpdateMunicipalSettingsInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.settings.update(ctx.viewer, input);
  }

  @FieldResolver(() => MunicipalSettingsPermissions)
  viewerCan(@Ctx() ctx: Context): MunicipalSettingsPermissions {
    return { update: municipalSettingsPolicy.update(ctx.viewer) };
  }
}
