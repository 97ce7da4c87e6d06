import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Area } from "../areas/index.js";
import { areaLoaders } from "../areas/area.loaders.js";
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { User } from "../auth/index.js";
import { userLoaders } from "../auth/user.loaders.js";
import type { Context } from "../context.js";
import { RequireRole } from "../core/access.js";
import { FiscalYearPageArgs } from "../core/dated-page.js";
import type { Connection } from "../core/pagination.js";
import { CASEWORKERS } from "../core/roles.js";
import { Person } from "../people/index.js";
import { personLoaders } from "../people/person.loaders.js";
import { ConsultationIntake } from "./consultation-intake.entity.js";
import {
  ConsultationIntakeConnection,
  ConsultationIntakePayload,
  CreateConsultationIntakeInput,
  LinkIntakeToPersonInput,
  UpdateConsultationIntakeInput,
} from "./intake.inputs.js";
import { intakePolicy } from "./intake.policy.js";

@ObjectType({ description: "ログイン中の利用者がこの相談受付に対してできること" })
class ConsultationIntakePermissions {
  @Field(() => Boolean)
  update: boolean;

  @Field(() => Boolean, { description: "本人に結びつける (結果が「同意→本人登録」のときだけ)" })
  link: boolean;
}

@Resolver(() => ConsultationIntake)
export class ConsultationIntakeResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => ConsultationIntakeConnection, { description: "相談受付の一覧 (受付日の新しい順)" })
  consultationIntakes(
    @Args(() => FiscalYearPageArgs) args: FiscalYearPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<ConsultationIntake>> {
    return ctx.services.intakes.list(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ConsultationIntakePayload, { description: "相談受付を記録 (本人の記録も同意もいらない)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "ConsultationIntake",
    record: ({ result }) => ({ recordId: result.consultationIntake.id }),
  })
  async createConsultationIntake(
    @Arg("input", () => CreateConsultationIntakeInput) input: CreateConsultationIntakeInput,
    @Ctx() ctx: Context,
  ): Promise<ConsultationIntakePayload> {
    return { consultationIntake: await ctx.services.intakes.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ConsultationIntakePayload, { description: "相談受付を直す" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "ConsultationIntake",
    record: ({ result }) => ({
      recordId: result.consultationIntake.id,
      personId: result.consultationIntake.personId,
    }),
    detail: changedFields,
  })
  async updateConsultationIntake(
    @Arg("input", () => UpdateConsultationIntakeInput) input: UpdateConsultationIntakeInput,
    @Ctx() ctx: Context,
  ): Promise<ConsultationIntakePayload> {
    return { consultationIntake: await ctx.services.intakes.update(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ConsultationIntakePayload, {
    description: "相談受付を、同意して登録された本人に結びつける (personId が null なら外す)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "ConsultationIntake",
    record: ({ result }) => ({
      recordId: result.consultationIntake.id,
      personId: result.consultationIntake.personId ?? null,
    }),
    detail: ({ args: [input] }) => ({ linked: input.personId != null }),
  })
  async linkIntakeToPerson(
    @Arg("input", () => LinkIntakeToPersonInput) input: LinkIntakeToPersonInput,
    @Ctx() ctx: Context,
  ): Promise<ConsultationIntakePayload> {
    return { consultationIntake: await ctx.services.intakes.link(ctx.viewer, input) };
  }

  @FieldResolver(() => Area, { nullable: true, description: "地区" })
  area(@Root() intake: ConsultationIntake, @Ctx() ctx: Context) {
    return intake.areaId ? ctx.loaders.of(areaLoaders).area.load(intake.areaId) : null;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: "この相談から登録された本人 (見える人にだけ。見えない人には null)",
  })
  person(@Root() intake: ConsultationIntake, @Ctx() ctx: Context) {
    return intake.personId ? ctx.loaders.of(personLoaders).visible.load(intake.personId) : null;
  }

  @FieldResolver(() => Boolean, { description: "本人に結びついている (見えない本人でも true)" })
  linked(@Root() intake: ConsultationIntake): boolean {
    return intake.personId !== null;
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() intake: ConsultationIntake, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(intake.recordedById);
  }

  @FieldResolver(() => ConsultationIntakePermissions)
  viewerCan(@Root() intake: ConsultationIntake, @Ctx() ctx: Context): ConsultationIntakePermissions {
    return { update: intakePolicy.update(ctx.viewer), link: intakePolicy.link(ctx.viewer, intake) };
  }
}
