import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Area } from "../areas/area.entity.js";
import { UserRole } from "../auth/user.entity.js";
import { RequireRole } from "../core/access.js";
import type { Context } from "../context.js";
import { Resource } from "../resources/resource.entity.js";
import { ResourceGap, ResourceGapStatus } from "./resource-gap.entity.js";
import { RaiseResourceGapInput, ResourceGapPayload, SetResourceGapStatusInput } from "./resource-gap.inputs.js";
import { GAP_TRANSITIONS } from "./resource-gap.service.js";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

@Resolver(() => ResourceGap)
export class ResourceGapResolver {
  @RequireRole(UserRole.ADMIN, UserRole.COORDINATOR, UserRole.VIEWER)
  @Query(() => [ResourceGap], { description: "資源の不足 (地域課題) の一覧. 本人は出ない" })
  resourceGaps(
    @Arg("statuses", () => [ResourceGapStatus], { nullable: true }) statuses: ResourceGapStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.gaps.list(statuses);
  }

  @RequireRole(UserRole.ADMIN, UserRole.COORDINATOR)
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

  @RequireRole(UserRole.ADMIN, UserRole.COORDINATOR)
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
    return { resourceGap: await ctx.services.gaps.setStatus(input) };
  }

  @FieldResolver(() => Area, { nullable: true })
  area(@Root() gap: ResourceGap, @Ctx() ctx: Context) {
    return gap.areaId ? ctx.loaders.area.load(gap.areaId) : null;
  }

  @FieldResolver(() => Resource, { nullable: true, description: "解決にした資源" })
  resolvedResource(@Root() gap: ResourceGap, @Ctx() ctx: Context) {
    return gap.resolvedResourceId ? ctx.loaders.resource.load(gap.resolvedResourceId) : null;
  }

  @FieldResolver(() => [ResourceGapStatus], { description: "次にできる状態" })
  nextStatuses(@Root() gap: ResourceGap): ResourceGapStatus[] {
    return GAP_TRANSITIONS[gap.status];
  }
}
