import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { User } from "../auth/index.js";
import { userLoaders } from "../auth/user.loaders.js";
import type { Context } from "../context.js";
import { RequireRole } from "../core/access.js";
import { FiscalYearPageArgs } from "../core/dated-page.js";
import type { Connection } from "../core/pagination.js";
import { CASEWORKERS } from "../core/roles.js";
import { Organization } from "../organizations/index.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import { Person } from "../people/index.js";
import { personLoaders } from "../people/person.loaders.js";
import { CooperationRequest } from "./cooperation-request.entity.js";
import { HostSupport } from "./host-support.entity.js";
import {
  CooperationRequestConnection,
  CooperationRequestPayload,
  CreateCooperationRequestInput,
  CreateHostSupportInput,
  HostSupportConnection,
  HostSupportPayload,
  UpdateCooperationRequestInput,
  UpdateHostSupportInput,
} from "./host-relations.inputs.js";

@Resolver(() => CooperationRequest)
export class CooperationRequestResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => CooperationRequestConnection, {
    description: "協力依頼の一覧 (依頼した日の新しい順。見えない本人についての依頼は出ない)",
  })
  cooperationRequests(
    @Args(() => FiscalYearPageArgs) args: FiscalYearPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<CooperationRequest>> {
    return ctx.services.hostRelations.listCooperation(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => CooperationRequestPayload, { description: "協力依頼を記録 (回答にかかわらず)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "CooperationRequest",
    record: ({ result }) => ({
      recordId: result.cooperationRequest.id,
      personId: result.cooperationRequest.personId,
    }),
  })
  async createCooperationRequest(
    @Arg("input", () => CreateCooperationRequestInput) input: CreateCooperationRequestInput,
    @Ctx() ctx: Context,
  ): Promise<CooperationRequestPayload> {
    return { cooperationRequest: await ctx.services.hostRelations.createCooperation(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => CooperationRequestPayload, { description: "協力依頼を直す・回答を記録する" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "CooperationRequest",
    record: ({ result }) => ({
      recordId: result.cooperationRequest.id,
      personId: result.cooperationRequest.personId,
    }),
    detail: ({ args: [input] }) => ({ ...changedFields({ args: [input] }), answer: input.answer }),
  })
  async updateCooperationRequest(
    @Arg("input", () => UpdateCooperationRequestInput) input: UpdateCooperationRequestInput,
    @Ctx() ctx: Context,
  ): Promise<CooperationRequestPayload> {
    return { cooperationRequest: await ctx.services.hostRelations.updateCooperation(ctx.viewer, input) };
  }

  @FieldResolver(() => Organization, { nullable: true, description: "依頼した団体" })
  organization(@Root() request: CooperationRequest, @Ctx() ctx: Context) {
    return ctx.loaders.of(organizationLoaders).organization.load(request.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "受け入れを依頼した本人 (見える人にだけ)" })
  person(@Root() request: CooperationRequest, @Ctx() ctx: Context) {
    return request.personId ? ctx.loaders.of(personLoaders).visible.load(request.personId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() request: CooperationRequest, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(request.recordedById);
  }
}

@Resolver(() => HostSupport)
export class HostSupportResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => HostSupportConnection, { description: "受け入れ先支援の一覧 (支援した日の新しい順)" })
  hostSupports(
    @Args(() => FiscalYearPageArgs) args: FiscalYearPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<HostSupport>> {
    return ctx.services.hostRelations.listHostSupport(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => HostSupportPayload, { description: "受け入れ先支援を記録" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "HostSupport",
    record: ({ result }) => ({ recordId: result.hostSupport.id }),
  })
  async createHostSupport(
    @Arg("input", () => CreateHostSupportInput) input: CreateHostSupportInput,
    @Ctx() ctx: Context,
  ): Promise<HostSupportPayload> {
    return { hostSupport: await ctx.services.hostRelations.createHostSupport(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => HostSupportPayload, { description: "受け入れ先支援を直す" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "HostSupport",
    record: ({ result }) => ({ recordId: result.hostSupport.id }),
    detail: changedFields,
  })
  async updateHostSupport(
    @Arg("input", () => UpdateHostSupportInput) input: UpdateHostSupportInput,
    @Ctx() ctx: Context,
  ): Promise<HostSupportPayload> {
    return { hostSupport: await ctx.services.hostRelations.updateHostSupport(ctx.viewer, input) };
  }

  @FieldResolver(() => Organization, { nullable: true, description: "支援した受け入れ先の団体" })
  organization(@Root() support: HostSupport, @Ctx() ctx: Context) {
    return ctx.loaders.of(organizationLoaders).organization.load(support.organizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() support: HostSupport, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(support.recordedById);
  }
}
