import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Area } from "../areas/index.js";
import { CASEWORKERS, HOSTS, REFERRAL_PARTIES } from "../core/roles.js";
import { ConsentPreviewInput } from "../people/consent.inputs.js";
import { RequireRole } from "../core/access.js";
import type { Context } from "../context.js";
import { Attendance } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";
import { RecordAttendanceInput, RespondToReferralInput } from "./match.inputs.js";
import { matchPolicy } from "./match.policy.js";
import { previewForHost, Referral, ReferralPerson } from "./referral.view.js";
import { areaLoaders } from "../areas/area.loaders.js";

@ObjectType({ description: "ログイン中の利用者がこの紹介に対してできること (段階による可否は canRespond ほか)" })
class ReferralPermissions {
  @Field(() => Boolean)
  respond: boolean;

  @Field(() => Boolean)
  recordAttendance: boolean;
}
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

@Resolver(() => Referral)
export class ReferralResolver {
  @RequireRole(...HOSTS)
  @Query(() => [Referral], { description: "自分の団体に届いた紹介 (同意された事柄だけ)" })
  myReferrals(
    @Arg("stages", () => [MatchStage], { nullable: true }) stages: MatchStage[] | null,
    @Ctx() ctx: Context,
  ): Promise<Referral[]> {
    return ctx.services.referrals.list(ctx.viewer, stages);
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => ReferralPerson, {
    description:
      "同意を記録する前の確認: この事柄に同意すると受け入れ先に表示される内容 (受け入れ先の画面と同じ計算。何も書き込まない。見る権限のない本人は NOT_FOUND)",
  })
  async consentPreview(
    @Arg("input", () => ConsentPreviewInput) input: ConsentPreviewInput,
    @Ctx() ctx: Context,
  ): Promise<ReferralPerson> {
    return previewForHost(await ctx.services.people.getVisible(ctx.viewer, input.personId), input.facts);
  }

  @RequireRole(...HOSTS)
  @Query(() => Referral, { description: "紹介 (自分の団体宛てでなければ NOT_FOUND)" })
  referral(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Referral> {
    return ctx.services.referrals.get(ctx.viewer, id);
  }

  @RequireRole(...HOSTS)
  @Mutation(() => Referral, { description: "受け入れる / お断りする (お断りには理由が必要)" })
  // The host's view has no person id in the API; ReferralService keeps it on the object for this (see referral.view.ts).
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Match",
    record: ({ result }) => ({ recordId: result.id, personId: result.person.personId }),
    detail: ({ args: [input] }) => ({ response: input.response }),
  })
  respondToReferral(
    @Arg("input", () => RespondToReferralInput) input: RespondToReferralInput,
    @Ctx() ctx: Context,
  ): Promise<Referral> {
    return ctx.services.referrals.respond(ctx.viewer, input);
  }

  @RequireRole(...REFERRAL_PARTIES)
  @Mutation(() => Attendance, { description: "出欠を記録 (受け入れ先または担当者)" })
  // An upsert (one row per session day): WRITE, not CREATE. Whether the person attended is not copied here.
  @Audited({
    action: AuditAction.WRITE,
    entityType: "Attendance",
    record: ({ result }) => ({ recordId: result.id }),
    detail: ({ args: [input] }) => ({ matchId: input.matchId }),
  })
  recordAttendance(
    @Arg("input", () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<Attendance> {
    return ctx.services.referrals.recordAttendance(ctx.viewer, input);
  }

  @FieldResolver(() => ReferralPermissions)
  viewerCan(@Root() referral: Referral, @Ctx() ctx: Context): ReferralPermissions {
    return {
      respond: matchPolicy.respond(ctx.viewer, referral),
      recordAttendance: matchPolicy.recordAttendance(ctx.viewer, referral),
    };
  }
}

@Resolver(() => ReferralPerson)
export class ReferralPersonResolver {
  @FieldResolver(() => Area, { nullable: true, description: "お住まいの地区 (同意があるときだけ)" })
  area(@Root() person: ReferralPerson, @Ctx() ctx: Context) {
    return person.areaId ? ctx.loaders.of(areaLoaders).area.load(person.areaId) : null;
  }
}
