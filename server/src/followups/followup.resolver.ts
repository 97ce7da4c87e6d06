import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { User } from "../auth/index.js";
import { CASEWORKERS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import { badInput } from "../core/errors.js";
import type { Context } from "../context.js";
import { Match } from "../matching/index.js";
import { FollowUpDue, FollowUpRecord } from "./followup.entity.js";
import { DueState } from "./followup.enums.js";
import { FollowUpPayload, RecordFollowUpInput } from "./followup.inputs.js";
import { userLoaders } from "../auth/user.loaders.js";

@ObjectType({ description: "期限が来ている (または近い) フォローアップ" })
class DueFollowUp {
  @Field(() => FollowUpDue)
  due: FollowUpDue;

  @Field(() => Match)
  match: Match;

  @Field(() => DueState)
  state: DueState;

  @Field(() => Int, { description: "予定日を過ぎた日数" })
  daysOverdue: number;
}

@Resolver(() => FollowUpRecord)
export class FollowUpResolver {
  @RequireRole(...CASEWORKERS)
  @Mutation(() => FollowUpPayload, { description: "フォローアップを記録 (予定を実施済にし, 次回予定を加える)" })
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
