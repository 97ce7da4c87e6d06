import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ADMINS } from "../core/roles.js";
import { Public, RequireRole } from "../core/access.js";
import { notFound } from "../core/errors.js";
import type { Context } from "../context.js";
import { Area } from "./area.entity.js";
import { AreaType } from "./area.enums.js";
import { AreaPayload, CreateAreaInput, SetAreaArchivedInput, UpdateAreaInput } from "./area.inputs.js";
import { areaLoaders } from "./area.loaders.js";
import { areaPolicy } from "./area.policy.js";

@ObjectType({ description: "ログイン中の利用者がこの地域に対してできること" })
class AreaPermissions {
  @Field(() => Boolean)
  update: boolean;

  @Field(() => Boolean)
  delete: boolean;
}
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

@Resolver(() => Area)
export class AreaResolver {
  @Public()
  @Query(() => [Area], { description: "地域の一覧 (種別で絞り込み可)" })
  areas(
    @Arg("types", () => [AreaType], { nullable: true }) types: AreaType[] | null,
    @Arg("includeArchived", () => Boolean, { defaultValue: false, description: "廃止した地域も含める" })
    includeArchived: boolean,
    @Ctx() ctx: Context,
  ): Promise<Area[]> {
    return ctx.services.areas.list(types, includeArchived);
  }

  @Public()
  @Query(() => Area)
  async area(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Area> {
    return (await ctx.services.areas.get(id)) ?? Promise.reject(notFound("地域"));
  }

  @RequireRole(...ADMINS)
  @Mutation(() => AreaPayload)
  @Audited({ action: AuditAction.CREATE, entityType: "Area", record: ({ result }) => ({ recordId: result.area.id }) })
  async createArea(
    @Arg("input", () => CreateAreaInput) input: CreateAreaInput,
    @Ctx() ctx: Context,
  ): Promise<AreaPayload> {
    return { area: await ctx.services.areas.create(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => AreaPayload)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Area",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: changedFields,
  })
  async updateArea(
    @Arg("input", () => UpdateAreaInput) input: UpdateAreaInput,
    @Ctx() ctx: Context,
  ): Promise<AreaPayload> {
    return { area: await ctx.services.areas.update(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => Boolean, { description: "使われていない地域を削除" })
  @Audited({ action: AuditAction.DELETE, entityType: "Area", record: ({ args: [id] }) => ({ recordId: id }) })
  deleteArea(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.areas.delete(ctx.viewer, id);
  }

  @RequireRole(...ADMINS)
  @Mutation(() => AreaPayload, { description: "地域を廃止する (または廃止を取り消す)。使用中の地域は削除せず廃止する" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Area",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: ({ args: [input] }) => ({ archived: input.archived }),
  })
  async setAreaArchived(
    @Arg("input", () => SetAreaArchivedInput) input: SetAreaArchivedInput,
    @Ctx() ctx: Context,
  ): Promise<AreaPayload> {
    return { area: await ctx.services.areas.setArchived(ctx.viewer, input.id, input.archived) };
  }

  @FieldResolver(() => AreaPermissions)
  viewerCan(@Ctx() ctx: Context): AreaPermissions {
    return { update: areaPolicy.update(ctx.viewer), delete: areaPolicy.delete(ctx.viewer) };
  }

  @FieldResolver(() => [Area], { description: "上位の地域" })
  parents(@Root() area: Area, @Ctx() ctx: Context): Promise<Area[]> {
    return ctx.loaders.of(areaLoaders).parents.load(area.id);
  }
}
