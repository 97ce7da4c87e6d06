import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { userLoaders } from "../auth/user.loaders.js";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { RequireRole } from "../core/access.js";
import { ConnectionType } from "../core/pagination.js";
import { CASEWORKERS } from "../core/roles.js";
import type { Context } from "../context.js";
import { ResourceChange } from "./resource-change.entity.js";
import { Resource } from "./resource.entity.js";
import { resourceLoaders } from "./resource.loaders.js";
import { resourcePolicy } from "./resource.policy.js";
import { VerificationRequest } from "./verification-request.entity.js";
import {
  RequestVerificationInput,
  RequestVerificationPayload,
  StaleResourceArgs,
} from "./verification-request.inputs.js";

const StaleResourceConnection = ConnectionType(Resource, "StaleResource");

/** The catalog's upkeep: the stale-listing queue, 「確認を依頼」, and each listing's open request and history. */
@Resolver(() => Resource)
export class ResourceUpkeepResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => StaleResourceConnection, {
    description: "確認が古い順の資源 (未確認が先頭)。種類・地区・団体で絞り込み",
  })
  staleResources(@Args(() => StaleResourceArgs) args: StaleResourceArgs, @Ctx() ctx: Context) {
    return ctx.services.verificationRequests.staleQueue(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => RequestVerificationPayload, { description: "「確認を依頼」: 受け入れ先に掲載内容の確認を頼む" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "VerificationRequest",
    // The first listing asked about (a bulk request names them all in its input; ids only, never the note).
    record: ({ args: [input] }) => ({ recordId: input.resourceIds[0] }),
  })
  requestResourceVerification(
    @Arg("input", () => RequestVerificationInput) input: RequestVerificationInput,
    @Ctx() ctx: Context,
  ): Promise<RequestVerificationPayload> {
    return ctx.services.verificationRequests.request(ctx.viewer, input);
  }

  @FieldResolver(() => VerificationRequest, {
    nullable: true,
    description: "未回答の「確認を依頼」 (受け入れ先と職員だけに見える)",
  })
  openVerificationRequest(@Root() resource: Resource, @Ctx() ctx: Context) {
    if (!resourcePolicy.seeVerificationRequest(ctx.viewer, resource)) return null;
    return ctx.loaders.of(resourceLoaders).openVerificationRequest.load(resource.id);
  }

  @FieldResolver(() => [ResourceChange], {
    nullable: true,
    description: "変更履歴 (新しい順)。コーディネーター・管理者のみ、ほかの人には空",
  })
  changeHistory(@Root() resource: Resource, @Ctx() ctx: Context) {
    if (!resourcePolicy.readHistory(ctx.viewer)) return null;
    return ctx.loaders.of(resourceLoaders).changes.load(resource.id);
  }
}

@Resolver(() => VerificationRequest)
export class VerificationRequestResolver {
  @FieldResolver(() => String, { nullable: true, description: "依頼した人の表示名" })
  async requestedByName(@Root() request: VerificationRequest, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.of(userLoaders).user.load(request.requestedById))?.displayName ?? null;
  }
}

@Resolver(() => ResourceChange)
export class ResourceChangeResolver {
  @FieldResolver(() => String, { nullable: true, description: "変更した人の表示名 (システムなら空)" })
  async actorName(@Root() change: ResourceChange, @Ctx() ctx: Context): Promise<string | null> {
    if (!change.actorUserId) return null;
    return (await ctx.loaders.of(userLoaders).user.load(change.actorUserId))?.displayName ?? null;
  }
}
