import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MATCH_STAGE_LABELS } from "@tsunagu/labels";
import { User, UserRole } from "../auth/user.entity.js";
import { RequireRole } from "../core/access.js";
import { today } from "@tsunagu/calendar";
import { ConnectionType } from "../core/pagination.js";
import type { Context } from "../context.js";
import { FollowUpDue, FollowUpRecord } from "../followups/followup.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { Person } from "../people/person.entity.js";
import { Resource } from "../resources/resource.entity.js";
import type { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { Attendance, Match, MatchTransition } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";
import { CreateMatchInput, MatchListArgs, MatchPayload, TransitionMatchInput } from "./match.inputs.js";
import { TRANSITIONS, settlingFrom, transitionRule } from "./match.stages.js";

/** The municipal settings, read once per request however many matches ask. */
const settingsByRequest = new WeakMap<Context, Promise<MunicipalSettings>>();
const settingsOf = (ctx: Context): Promise<MunicipalSettings> => {
  let settings = settingsByRequest.get(ctx);
  if (!settings) settingsByRequest.set(ctx, (settings = ctx.services.settings.get()));
  return settings;
};

const MatchConnection = ConnectionType(Match, "Match");
const CASEWORKERS = [UserRole.ADMIN, UserRole.COORDINATOR] as const;

@ObjectType({ description: "この段階から進める先 (画面のボタン)" })
class AllowedTransition {
  @Field(() => MatchStage)
  to: MatchStage;

  @Field(() => String)
  label: string;

  @Field(() => Boolean, {
    description: "理由の入力が必要 (辞退・保留・不成立・中断・再開、フォローアップ期間中の定着)",
  })
  reasonRequired: boolean;

  @Field(() => Boolean, { description: "最終的な評価の入力が必要" })
  outcomeRequired: boolean;

  @Field(() => Boolean, { description: "受け入れ先への紹介の同意が必要" })
  hostConsentRequired: boolean;
}

@Resolver(() => Match)
export class MatchResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => Match, { description: "マッチング (本人を見る権限がなければ NOT_FOUND)" })
  match(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Match> {
    return ctx.services.matches.get(ctx.viewer, id);
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => MatchConnection, { description: "マッチング一覧 (ボード用; 更新の新しい順)" })
  matches(@Args(() => MatchListArgs) args: MatchListArgs, @Ctx() ctx: Context) {
    return ctx.services.matches.list(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => MatchPayload, { description: "候補としてマッチングを始める" })
  async createMatch(
    @Arg("input", () => CreateMatchInput) input: CreateMatchInput,
    @Ctx() ctx: Context,
  ): Promise<MatchPayload> {
    return { match: await ctx.services.matches.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => MatchPayload, { description: "段階を変える (不正な変更は BAD_USER_INPUT, 同時更新は CONFLICT)" })
  async transitionMatch(
    @Arg("input", () => TransitionMatchInput) input: TransitionMatchInput,
    @Ctx() ctx: Context,
  ): Promise<MatchPayload> {
    return { match: await ctx.services.matches.transition(ctx.viewer, input) };
  }

  @FieldResolver(() => String, { description: "段階の表示名" })
  stageLabel(@Root() match: Match): string {
    return MATCH_STAGE_LABELS[match.stage];
  }

  @FieldResolver(() => [AllowedTransition])
  async allowedTransitions(@Root() match: Match, @Ctx() ctx: Context): Promise<AllowedTransition[]> {
    // 定着 during the follow-up period needs a reason too (MatchService.checkSettlingPeriod); read the period once per request.
    const early =
      match.stage === MatchStage.ACTIVE_FOLLOW_UP &&
      match.startedOn !== null &&
      today() < settlingFrom(match.startedOn, (await settingsOf(ctx)).followUpMonths);
    return TRANSITIONS[match.stage]
      .map((to) => {
        const rule = transitionRule(match.stage, to, match.heldFrom);
        return {
          to,
          label: MATCH_STAGE_LABELS[to],
          ...rule,
          reasonRequired: rule.reasonRequired || (to === MatchStage.STABLE && early),
        };
      })
      .filter((t) => t.allowed);
  }

  @FieldResolver(() => Person, { description: "本人 (マッチングを見られる人は本人も見られる)" })
  person(@Root() match: Match, @Ctx() ctx: Context): Promise<Person> {
    return ctx.services.people.getVisible(ctx.viewer, match.personId);
  }

  @FieldResolver(() => Resource)
  async resource(@Root() match: Match, @Ctx() ctx: Context): Promise<Resource> {
    return (await ctx.loaders.resource.load(match.resourceId))!;
  }

  @FieldResolver(() => Organization, { description: "受け入れ先" })
  async organization(@Root() match: Match, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(match.organizationId))!;
  }

  @FieldResolver(() => User, { nullable: true, description: "担当コーディネーター" })
  coordinator(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(match.coordinatorId);
  }

  @FieldResolver(() => [MatchTransition], { description: "段階の履歴 (古い順)" })
  history(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.services.matches.historyOf(match.id);
  }

  @FieldResolver(() => [FollowUpRecord], { description: "フォローアップ記録 (新しい順)" })
  followUps(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.services.followUps.recordsOf(match.id);
  }

  @FieldResolver(() => [FollowUpDue], { description: "フォローアップの予定 (日付順)" })
  followUpDues(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.services.followUps.duesOf(match.id);
  }

  @FieldResolver(() => [Attendance], { description: "出欠 (新しい順)" })
  attendance(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.services.referrals.attendanceOf(match.id);
  }
}

@Resolver(() => Person)
export class PersonMatchesResolver {
  @FieldResolver(() => [Match], { description: "この本人のマッチング" })
  async matches(@Root() person: Person, @Ctx() ctx: Context): Promise<Match[]> {
    const page = await ctx.services.matches.list(
      ctx.viewer,
      Object.assign(new MatchListArgs(), { personId: person.id, first: 100 }),
    );
    return page.edges.map((e) => e.node);
  }
}

@Resolver(() => MatchTransition)
export class MatchTransitionResolver {
  @FieldResolver(() => User, { nullable: true, description: "変更した人" })
  actor(@Root() t: MatchTransition, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(t.actorId);
  }
}
