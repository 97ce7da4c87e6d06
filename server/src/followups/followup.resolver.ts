import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { User } from "../auth/index.js";
import { userLoaders } from "../auth/user.loaders.js";
import { CASEWORKERS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import { badInput } from "../core/errors.js";
import type { Context } from "../context.js";
import { FollowUpRecord } from "./followup.entity.js";
import { DueFollowUp, FollowUpPayload, RecordFollowUpInput } from "./followup.inputs.js";

@Resolver(() => FollowUpRecord)
export class FollowUpResolver {
  @RequireRole(...CASEWORKERS)
  @Mutation(() => FollowUpPayload, { description: "フォローアップを記録 (予定を実施済にし, 次回予定を加える)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "FollowUpRecord",
    record: ({ result }) => ({ recordId: result.followUp.id, personId: result.followUp.personId }),
    detail: ({ args: [input] }) => ({ matchId: input.matchId, dueId: input.dueId ?? null }),
  })
  async recordFollowUp(
    @Arg("input", () => RecordFollowUpInput) input: RecordFollowUpInput,
    @Ctx() ctx: Context,
  ): Promise<FollowUpPayload> {
    return { followUp: await ctx.services.followUps.record(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => [DueFollowUp], { description: "自分のフォローアップ: 期限切れと, withinDays 日以内の予定" })
  myFollowUpsDue(@Arg("withinDays", () => Int, { defaultValue: 7 }) withinDays: number, @Ctx() ctx: Context) {
    if (withinDays < 0 || withinDays > 90) throw badInput("withinDays", "日数は0〜90にしてください");
    return ctx.services.followUps.dueFor(ctx.viewer!, withinDays);
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() record: FollowUpRecord, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(record.recordedById);
  }
}
