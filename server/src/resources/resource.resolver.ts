import {
  Arg,
  Args,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Area } from "../areas/index.js";
import { Public, SignedIn } from "../core/access.js";
import { notFound } from "../core/errors.js";
import { MAX_COUNT_EXTENSION } from "../core/graphql-limits.js";
import { ConnectionType } from "../core/pagination.js";
import type { Context } from "../context.js";
import { Organization } from "../organizations/index.js";
import { describeSchedule, nextSessions, MAX_SESSIONS } from "../schedules/schedule.js";
import { Session } from "../schedules/schedule.types.js";
import { Resource } from "./resource.entity.js";
import { ResourceListArgs } from "./resource.filter.js";
import {
  CreateResourceInput,
  DeleteResourceInput,
  DeleteResourcePayload,
  ResourcePayload,
  SetResourceStatusInput,
  UpdateResourceInput,
  VerifyResourceInput,
} from "./resource.inputs.js";
import { resourcePolicy } from "./resource.policy.js";
import { DomainError } from "../core/errors.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import { resourceLoaders } from "./resource.loaders.js";
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

const ResourceConnection = ConnectionType(Resource, "Resource");

@ObjectType({ description: "ログイン中の利用者がこの資源に対してできること" })
class ResourcePermissions {
  @Field(() => Boolean)
  update: boolean;

  @Field(() => Boolean)
  setStatus: boolean;

  @Field(() => Boolean)
  verify: boolean;

  @Field(() => Boolean)
  delete: boolean;
}

@Resolver(() => Resource)
export class ResourceResolver {
  @Public()
  @Query(() => Resource, { description: "資源 (見つからなければ NOT_FOUND)" })
  async resource(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Resource> {
    return (await ctx.services.resources.get(id)) ?? Promise.reject(notFound("資源"));
  }

  @Public()
  @Query(() => ResourceConnection, { description: "資源の一覧 (よみがな順、カーソルでページ送り)" })
  async resources(@Args(() => ResourceListArgs) args: ResourceListArgs, @Ctx() ctx: Context) {
    const result = await ctx.services.resources.list(args);
    // 探されたが見つからなかったもの (資源の不足): words that found little, without the searcher.
    if (!args.after)
      await ctx.services.searchMisses
        .noteList(ctx.viewer, args, result.totalCount)
        .catch((err: unknown) => ctx.logger.error({ err }, "search miss not recorded"));
    return result;
  }

  @SignedIn()
  @Mutation(() => ResourcePayload)
  @Audited({
    action: AuditAction.CREATE,
    entityType: "Resource",
    record: ({ result }) => ({ recordId: result.resource.id }),
    detail: ({ result }) => ({ organizationId: result.resource.organizationId }),
  })
  async createResource(
    @Arg("input", () => CreateResourceInput) input: CreateResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourcePayload> {
    return { resource: await ctx.services.resources.create(ctx.viewer, input) };
  }

  @SignedIn()
  @Mutation(() => ResourcePayload)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Resource",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: changedFields,
  })
  async updateResource(
    @Arg("input", () => UpdateResourceInput) input: UpdateResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourcePayload> {
    return { resource: await ctx.services.resources.update(ctx.viewer, input) };
  }

  @SignedIn()
  @Mutation(() => ResourcePayload, { description: "活動中 / 休止中 / 終了 の切り替え" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Resource",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: ({ args: [input] }) => ({ status: input.status }),
  })
  async setResourceStatus(
    @Arg("input", () => SetResourceStatusInput) input: SetResourceStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ResourcePayload> {
    return { resource: await ctx.services.resources.setStatus(ctx.viewer, input) };
  }

  @SignedIn()
  @Mutation(() => ResourcePayload, { description: "「掲載内容を確認しました」: verifiedAt を今にする" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Resource",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: () => ({ verified: true }),
  })
  async verifyResource(
    @Arg("input", () => VerifyResourceInput) input: VerifyResourceInput,
    @Ctx() ctx: Context,
  ): Promise<ResourcePayload> {
    return { resource: await ctx.services.resources.verify(ctx.viewer, input.id) };
  }

  @SignedIn()
  @Mutation(() => DeleteResourcePayload, { description: "資源を削除 (活動をやめた資源は削除せず「終了」にする)" })
  @Audited({
    action: AuditAction.DELETE,
    entityType: "Resource",
    record: ({ result }) => ({ recordId: result.deletedId }),
  })
  async deleteResource(
    @Arg("input", () => DeleteResourceInput) input: DeleteResourceInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteResourcePayload> {
    return { deletedId: await ctx.services.resources.delete(ctx.viewer, input.id) };
  }

  @FieldResolver(() => Organization, { description: "運営する団体" })
  async organization(@Root() resource: Resource, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.of(organizationLoaders).organization.load(resource.organizationId))!;
  }

  @FieldResolver(() => [Area])
  areas(@Root() resource: Resource, @Ctx() ctx: Context): Promise<Area[]> {
    return ctx.loaders.of(resourceLoaders).areas.load(resource.id);
  }

  @FieldResolver(() => [Session], { description: "今後の開催日 (祝日・年末年始・臨時休止を除く)" })
  @Extensions({ [MAX_COUNT_EXTENSION]: MAX_SESSIONS })
  nextSessions(@Root() resource: Resource, @Arg("count", () => Int, { defaultValue: 3 }) count: number) {
    if (count < 1 || count > MAX_SESSIONS) {
      throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
        { field: "count", messages: [`件数は1〜${MAX_SESSIONS}にしてください`] },
      ]);
    }
    return nextSessions(resource.schedule, new Date(), count);
  }

  @FieldResolver(() => String, { description: "日程の説明 (例: 第2・第4火曜 10:00〜11:30)" })
  scheduleText(@Root() resource: Resource): string {
    return describeSchedule(resource.schedule);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "担当者名 (職員とこの資源の受け入れ先だけに見える。ほかの人には空)",
  })
  contactName(@Root() resource: Resource, @Ctx() ctx: Context): string | null {
    return resourcePolicy.seeContactName(ctx.viewer, resource) ? resource.contactName : null;
  }

  @FieldResolver(() => ResourcePermissions)
  viewerCan(@Root() resource: Resource, @Ctx() ctx: Context): ResourcePermissions {
    return {
      update: resourcePolicy.update(ctx.viewer, resource),
      setStatus: resourcePolicy.setStatus(ctx.viewer, resource),
      verify: resourcePolicy.verify(ctx.viewer, resource),
      delete: resourcePolicy.delete(ctx.viewer, resource),
    };
  }
}
