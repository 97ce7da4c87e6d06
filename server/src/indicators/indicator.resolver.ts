import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { RequireRole } from "../core/access.js";
import { ADMINS, STAFF } from "../core/roles.js";
import type { Context } from "../context.js";
import { userLoaders } from "../auth/user.loaders.js";
import {
  IndicatorTarget,
  IndicatorValueChange,
  IndicatorValueKind,
  ReportNarrative,
} from "./indicator-value.entity.js";
import {
  CarryTargetsForwardInput,
  IndicatorEnteredValuesPayload,
  IndicatorTargetsPayload,
  ReportNarrativePayload,
  SetIndicatorValuesInput,
  SetReportNarrativeInput,
} from "./indicator.inputs.js";
import { EvaluationReport } from "./indicator.types.js";

const YEAR_ARG = { description: "年度 (2026 = 2026年4月〜2027年3月)。2000〜2100" };

@Resolver()
export class IndicatorResolver {
  // Aggregates only, no person in them (like outcomeSummary): staff read them; hosts do not (the city's figures).
  @RequireRole(...STAFF)
  @Query(() => EvaluationReport, {
    description: "実施状況報告: 年度とその前の3年度の指標ごとの目標・実績・達成率、区分の表、参加支援の流れ",
  })
  evaluationReport(
    @Arg("fiscalYear", () => Int, YEAR_ARG) fiscalYear: number,
    @Ctx() ctx: Context,
  ): Promise<EvaluationReport> {
    return ctx.services.indicators.report(ctx.viewer, fiscalYear);
  }

  @RequireRole(...STAFF)
  @Query(() => [IndicatorTarget], { description: "年度の目標値 (誰がいつ設定したか)" })
  indicatorTargets(
    @Arg("fiscalYear", () => Int, YEAR_ARG) fiscalYear: number,
    @Ctx() ctx: Context,
  ): Promise<IndicatorTarget[]> {
    return ctx.services.indicators.targets(ctx.viewer, fiscalYear);
  }

  @RequireRole(...STAFF)
  @Query(() => [IndicatorValueChange], {
    description: "目標値・手入力の実績値の変更履歴 (新しい順): 前の値、誰が、いつ",
  })
  indicatorValueHistory(
    @Arg("indicatorId", () => String) indicatorId: string,
    @Arg("fiscalYear", () => Int, YEAR_ARG) fiscalYear: number,
    @Arg("kind", () => IndicatorValueKind, { defaultValue: IndicatorValueKind.TARGET }) kind: IndicatorValueKind,
    @Ctx() ctx: Context,
  ): Promise<IndicatorValueChange[]> {
    return ctx.services.indicators.history(ctx.viewer, indicatorId, fiscalYear, kind);
  }

  @RequireRole(...ADMINS)
  @Mutation(() => IndicatorTargetsPayload, { description: "年度の目標値を設定する (前の値は変更履歴に残る)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "IndicatorTarget",
    record: ({ args: [input] }) => ({ recordId: String(input.fiscalYear) }),
    detail: ({ args: [input] }) => ({ indicatorIds: input.values.map((v) => v.indicatorId) }),
  })
  async setIndicatorTargets(
    @Arg("input", () => SetIndicatorValuesInput) input: SetIndicatorValuesInput,
    @Ctx() ctx: Context,
  ): Promise<IndicatorTargetsPayload> {
    return { targets: await ctx.services.indicators.setTargets(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => IndicatorTargetsPayload, {
    description: "前の年度の目標値を、まだ目標値のない指標について次の年度に引き継ぐ",
  })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "IndicatorTarget",
    record: ({ args: [input] }) => ({ recordId: String(input.toYear) }),
    detail: ({ args: [input], result }) => ({ fromYear: input.fromYear, copied: result.targets.length }),
  })
  async carryTargetsForward(
    @Arg("input", () => CarryTargetsForwardInput) input: CarryTargetsForwardInput,
    @Ctx() ctx: Context,
  ): Promise<IndicatorTargetsPayload> {
    return { targets: await ctx.services.indicators.carryTargetsForward(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => IndicatorEnteredValuesPayload, {
    description: "記録から数えられない指標の実績を入力する (前の値は変更履歴に残る)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "IndicatorEnteredValue",
    record: ({ args: [input] }) => ({ recordId: String(input.fiscalYear) }),
    detail: ({ args: [input] }) => ({ indicatorIds: input.values.map((v) => v.indicatorId) }),
  })
  async setIndicatorEnteredValues(
    @Arg("input", () => SetIndicatorValuesInput) input: SetIndicatorValuesInput,
    @Ctx() ctx: Context,
  ): Promise<IndicatorEnteredValuesPayload> {
    return { values: await ctx.services.indicators.setEnteredValues(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => ReportNarrativePayload, {
    description: "事業ごとの評価の文章 (達成度評価・今後の課題と方向性) を書く",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "ReportNarrative",
    record: ({ result }) => ({ recordId: result.narrative.id }),
    detail: ({ args: [input] }) => ({ fiscalYear: input.fiscalYear, jigyo: input.jigyo }),
  })
  async setReportNarrative(
    @Arg("input", () => SetReportNarrativeInput) input: SetReportNarrativeInput,
    @Ctx() ctx: Context,
  ): Promise<ReportNarrativePayload> {
    return { narrative: await ctx.services.indicators.setNarrative(ctx.viewer, input) };
  }
}

/** Who set a value or wrote a narrative, by display name (staff see one another's names elsewhere too). */
const nameOf = async (ctx: Context, userId: string) =>
  (await ctx.loaders.of(userLoaders).user.load(userId))?.displayName ?? null;

@Resolver(() => IndicatorTarget)
export class IndicatorTargetResolver {
  @FieldResolver(() => String, { nullable: true, description: "設定した人の表示名" })
  setByName(@Root() target: IndicatorTarget, @Ctx() ctx: Context): Promise<string | null> {
    return nameOf(ctx, target.setById);
  }
}

@Resolver(() => IndicatorValueChange)
export class IndicatorValueChangeResolver {
  @FieldResolver(() => String, { nullable: true, description: "変更した人の表示名" })
  changedByName(@Root() change: IndicatorValueChange, @Ctx() ctx: Context): Promise<string | null> {
    return nameOf(ctx, change.changedById);
  }
}

@Resolver(() => ReportNarrative)
export class ReportNarrativeResolver {
  @FieldResolver(() => String, { nullable: true, description: "最後に書いた人の表示名" })
  updatedByName(@Root() narrative: ReportNarrative, @Ctx() ctx: Context): Promise<string | null> {
    return nameOf(ctx, narrative.updatedById);
  }
}
