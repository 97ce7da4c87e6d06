import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MATCH_STAGE_LABELS } from "@tsunagu/labels";
import { User } from "../auth/index.js";
import { userLoaders } from "../auth/user.loaders.js";
import { CASEWORKERS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import { today } from "@tsunagu/calendar";
import { notFound } from "../core/errors.js";
import { ConnectionType } from "../core/pagination.js";
import type { Context } from "../context.js";
import { FollowUpDue, FollowUpRecord } from "../followups/index.js";
import { Organization } from "../organizations/index.js";
import { Person } from "../people/index.js";
import { Resource } from "../resources/index.js";
import { followUpLoaders } from "../followups/followup.loaders.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import { personLoaders } from "../people/person.loaders.js";
import { resourceLoaders } from "../resources/resource.loaders.js";
import type { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { Attendance, Match, MatchTransition } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";
import { matchLoaders } from "./match.loaders.js";
import { CreateMatchInput, MatchListArgs, MatchPayload, TransitionMatchInput } from "./match.inputs.js";
import { followUpPolicy } from "../followups/followup.policy.js";
import { matchPolicy } from "./match.policy.js";
import { TRANSITIONS, settlingFrom, transitionRule } from "./match.stages.js";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

/** The municipal settings, read once per request however many matches ask. */
const settingsByRequest = new WeakMap<Context, Promise<MunicipalSettings>>();
const settingsOf = (ctx: Context): Promise<MunicipalSettings> => {
  let settings = settingsByRequest.get(ctx);
  if (!settings) settingsByRequest.set(ctx, (settings = ctx.services.settings.get()));
  return settings;
};

const MatchConnection = ConnectionType(Match, "Match");

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

@ObjectType({
  description: "ログイン中の利用者がこのマッチングに対してできること (段階ごとの移動は allowedTransitions)",
})
class MatchPermissions {
  @Field(() => Boolean)
  transition: boolean;

  @Field(() => Boolean)
  recordFollowUp: boolean;

  @Field(() => Boolean)
  recordAttendance: boolean;
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
  @Audited({
    action: AuditAction.CREATE,
    entityType: "Match",
    record: ({ result }) => ({ recordId: result.match.id, personId: result.match.personId }),
    detail: ({ result }) => ({ resourceId: result.match.resourceId }),
  })
  async createMatch(
    @Arg("input", () => CreateMatchInput) input: CreateMatchInput,
    @Ctx() ctx: Context,
  ): Promise<MatchPayload> {
    return { match: await ctx.services.matches.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => MatchPayload, { description: "段階を変える (不正な変更は BAD_USER_INPUT, 同時更新は CONFLICT)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Match",
    record: ({ result }) => ({ recordId: result.match.id, personId: result.match.personId }),
    detail: ({ args: [input] }) => ({ to: input.to }),
  })
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

  @FieldResolver(() => MatchPermissions)
  viewerCan(@Root() match: Match, @Ctx() ctx: Context): MatchPermissions {
    return {
      transition: matchPolicy.transition(ctx.viewer),
      recordFollowUp: followUpPolicy.record(ctx.viewer),
      recordAttendance: matchPolicy.recordAttendance(ctx.viewer, match),
    };
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
  async person(@Root() match: Match, @Ctx() ctx: Context): Promise<Person> {
    const person = await ctx.loaders.of(personLoaders).visible.load(match.personId);
    if (!person) throw notFound("本人");
    return person;
  }

  @FieldResolver(() => Resource)
  async resource(@Root() match: Match, @Ctx() ctx: Context): Promise<Resource> {
    return (await ctx.loaders.of(resourceLoaders).resource.load(match.resourceId))!;
  }

  @FieldResolver(() => Organization, { description: "受け入れ先" })
  async organization(@Root() match: Match, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.of(organizationLoaders).organization.load(match.organizationId))!;
  }

  @FieldResolver(() => User, { nullable: true, description: "担当コーディネーター" })
  coordinator(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(match.coordinatorId);
  }

  @FieldResolver(() => [MatchTransition], { description: "段階の履歴 (古い順)" })
  history(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.of(matchLoaders).history.load(match.id);
  }

  @FieldResolver(() => [FollowUpRecord], { description: "フォローアップ記録 (新しい順)" })
  followUps(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.of(followUpLoaders).recordsOfMatch.load(match.id);
  }

  @FieldResolver(() => [FollowUpDue], { description: "フォローアップの予定 (日付順)" })
  followUpDues(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.of(followUpLoaders).duesOfMatch.load(match.id);
  }

  @FieldResolver(() => [Attendance], { description: "出欠 (新しい順)" })
  attendance(@Root() match: Match, @Ctx() ctx: Context) {
    return ctx.loaders.of(matchLoaders).attendance.load(match.id);
  }
}

@Resolver(() => Person)
export class PersonMatchesResolver {
  @FieldResolver(() => [Match], { description: "この本人のマッチング" })
  matches(@Root() person: Person, @Ctx() ctx: Context): Promise<Match[]> {
    return ctx.loaders.of(matchLoaders).ofPerson.load(person.id);
  }
}

@Resolver(() => MatchTransition)
export class MatchTransitionResolver {
  @FieldResolver(() => User, { nullable: true, description: "変更した人" })
  actor(@Root() t: MatchTransition, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(t.actorId);
  }
}
