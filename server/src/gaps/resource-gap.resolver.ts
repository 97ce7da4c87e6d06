import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Area } from "../areas/index.js";
import { CASEWORKERS, STAFF } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import type { Context } from "../context.js";
import { Resource } from "../resources/index.js";
import { ResourceGap, ResourceGapStatus } from "./resource-gap.entity.js";
import { RaiseResourceGapInput, ResourceGapPayload, SetResourceGapStatusInput } from "./resource-gap.inputs.js";
import { resourceGapPolicy } from "./resource-gap.policy.js";
import { GAP_TRANSITIONS } from "./resource-gap.service.js";
import { areaLoaders } from "../areas/area.loaders.js";
import { resourceLoaders } from "../resources/resource.loaders.js";

@ObjectType({ description: "ログイン中の利用者がこの資源の不足に対してできること" })
class ResourceGapPermissions {
  @Field(() => Boolean)
  setStatus: boolean;
}
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

@Resolver(() => ResourceGap)
export class ResourceGapResolver {
  @RequireRole(...STAFF)
  @Query(() => [ResourceGap], { description: "資源の不足 (地域課題) の一覧. 本人は出ない" })
  resourceGaps(
    @Arg("statuses", () => [ResourceGapStatus], { nullable: true }) statuses: ResourceGapStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.gaps.list(ctx.viewer, statuses);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ResourceGapPayload)
  @Audited({
    action: AuditAction.CREATE,
    entityType: "ResourceGap",
    record: ({ result }) => ({ recordId: result.resourceGap.id, personId: result.resourceGap.personId }),
  })
  async raiseResourceGap(
    @Arg("input", () => RaiseResourceGapInput) input: RaiseResourceGapInput,
    @Ctx() ctx: Context,
  ): Promise<ResourceGapPayload> {
    return { resourceGap: await ctx.services.gaps.raise(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ResourceGapPayload, { description: "状態を変える (把握 → 協議中 → 開発中 → 解決 / 見送り)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "ResourceGap",
    record: ({ result }) => ({ recordId: result.resourceGap.id, personId: result.resourceGap.personId }),
    detail: ({ args: [input] }) => ({ status: input.status }),
  })
  async setResourceGapStatus(
    @Arg("input", () => SetResourceGapStatusInput) input: SetResourceGapStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ResourceGapPayload> {
    return { resourceGap: await ctx.services.gaps.setStatus(ctx.viewer, input) };
  }

  @FieldResolver(() => Area, { nullable: true })
  area(@Root() gap: ResourceGap, @Ctx() ctx: Context) {
    return gap.areaId ? ctx.loaders.of(areaLoaders).area.load(gap.areaId) : null;
  }

  @FieldResolver(() => Resource, { nullable: true, description: "解決にした資源" })
  resolvedResource(@Root() gap: ResourceGap, @Ctx() ctx: Context) {
    return gap.resolvedResourceId ? ctx.loaders.of(resourceLoaders).resource.load(gap.resolvedResourceId) : null;
  }

  @FieldResolver(() => ResourceGapPermissions)
  viewerCan(@Ctx() ctx: Context): ResourceGapPermissions {
    return { setStatus: resourceGapPolicy.setStatus(ctx.viewer) };
  }

  @FieldResolver(() => [ResourceGapStatus], { description: "次にできる状態" })
  nextStatuses(@Root() gap: ResourceGap): ResourceGapStatus[] {
    return GAP_TRANSITIONS[gap.status];
  }
}
