import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { User } from "../auth/index.js";
import { RequireRole } from "../core/access.js";
import { ADMINS, CASEWORKERS } from "../core/roles.js";
import type { Context } from "../context.js";
import { SupportMeetingGroup } from "./support-meeting.entity.js";
import {
  CreateSupportMeetingGroupInput,
  SupportMeetingGroupPayload,
  UpdateSupportMeetingGroupInput,
} from "./support-meeting.inputs.js";
import { supportMeetingLoaders } from "./support-meeting.loaders.js";
import { supportMeetingPolicy } from "./support-meeting.policy.js";

@ObjectType({ description: "ログイン中の利用者がこの支援会議に対してできること" })
class SupportMeetingGroupPermissions {
  @Field(() => Boolean, { description: "名前と構成員の変更" })
  update: boolean;

  @Field(() => Boolean, { description: "アーカイブ (アーカイブ済みなら false)" })
  archive: boolean;

  @Field(() => Boolean, { description: "アーカイブを元に戻す (アーカイブしていなければ false)" })
  restore: boolean;
}

/*
 * A group is reached only through supportMeetingGroups and the group mutations (administrators) or
 * mySupportMeetingGroups (the viewer's own meetings), so whoever reads its members sits on it or manages it.
 */
@Resolver(() => SupportMeetingGroup)
export class SupportMeetingResolver {
  @RequireRole(...ADMINS)
  @Query(() => [SupportMeetingGroup], { description: "支援会議の一覧 (管理者, 名前順)" })
  supportMeetingGroups(
    @Arg("includeArchived", () => Boolean, { defaultValue: false, description: "アーカイブ済みも含める" })
    includeArchived: boolean,
    @Ctx() ctx: Context,
  ): Promise<SupportMeetingGroup[]> {
    return ctx.services.supportMeetings.list(ctx.viewer, includeArchived);
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => [SupportMeetingGroup], {
    description: "自分が構成員の支援会議 (アーカイブ済みを除く: 新しい本人の登録先)",
  })
  mySupportMeetingGroups(@Ctx() ctx: Context): Promise<SupportMeetingGroup[]> {
    return ctx.services.supportMeetings.openGroupsOf(ctx.viewer!);
  }

  @RequireRole(...ADMINS)
  @Mutation(() => SupportMeetingGroup, { description: "支援会議を作る (構成員は守秘義務を負う職員)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "SupportMeetingGroup",
    record: ({ result }) => ({ recordId: result.id }),
    detail: ({ args: [input] }) => ({ memberIds: (input.memberIds ?? []).map(String) }),
  })
  createSupportMeetingGroup(
    @Arg("input", () => CreateSupportMeetingGroupInput) input: CreateSupportMeetingGroupInput,
    @Ctx() ctx: Context,
  ): Promise<SupportMeetingGroup> {
    return ctx.services.supportMeetings.create(ctx.viewer, input);
  }

  @RequireRole(...ADMINS)
  @Mutation(() => SupportMeetingGroupPayload, {
    description: "支援会議の名前・構成員を変える (外れた構成員はすぐにその本人が見えなくなる)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "SupportMeetingGroup",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: (w) => ({
      ...changedFields(w),
      ...(w.args[0].memberIds != null ? { memberIds: w.args[0].memberIds.map(String) } : {}),
    }),
  })
  async updateSupportMeetingGroup(
    @Arg("input", () => UpdateSupportMeetingGroupInput) input: UpdateSupportMeetingGroupInput,
    @Ctx() ctx: Context,
  ): Promise<SupportMeetingGroupPayload> {
    return { supportMeetingGroup: await ctx.services.supportMeetings.update(ctx.viewer, input) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => SupportMeetingGroupPayload, {
    description: "支援会議をアーカイブ (新しい本人は登録できない。構成員は今の本人を見続ける)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "SupportMeetingGroup",
    record: ({ args: [id] }) => ({ recordId: id }),
    detail: () => ({ archived: true }),
  })
  async archiveSupportMeetingGroup(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<SupportMeetingGroupPayload> {
    return { supportMeetingGroup: await ctx.services.supportMeetings.setArchived(ctx.viewer, id, true) };
  }

  @RequireRole(...ADMINS)
  @Mutation(() => SupportMeetingGroupPayload, { description: "支援会議のアーカイブを元に戻す" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "SupportMeetingGroup",
    record: ({ args: [id] }) => ({ recordId: id }),
    detail: () => ({ archived: false }),
  })
  async restoreSupportMeetingGroup(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<SupportMeetingGroupPayload> {
    return { supportMeetingGroup: await ctx.services.supportMeetings.setArchived(ctx.viewer, id, false) };
  }

  @FieldResolver(() => [User], { description: "構成員 (名前順)" })
  members(@Root() group: SupportMeetingGroup, @Ctx() ctx: Context): Promise<User[]> {
    return ctx.loaders.of(supportMeetingLoaders).members.load(group.id);
  }

  @FieldResolver(() => Int, { description: "この会議の扱いになっている本人の数 (同意のない本人; 人数だけ)" })
  personCount(@Root() group: SupportMeetingGroup, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.of(supportMeetingLoaders).personCount.load(group.id);
  }

  @FieldResolver(() => SupportMeetingGroupPermissions)
  viewerCan(@Root() group: SupportMeetingGroup, @Ctx() ctx: Context): SupportMeetingGroupPermissions {
    return {
      update: supportMeetingPolicy.update(ctx.viewer),
      archive: supportMeetingPolicy.archive(ctx.viewer, group),
      restore: supportMeetingPolicy.restore(ctx.viewer, group),
    };
  }
}
