import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
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
import { MeetingRecord } from "./meeting-record.entity.js";
import {
  CreateMeetingRecordInput,
  MeetingRecordConnection,
  MeetingRecordPayload,
  UpdateMeetingRecordInput,
} from "./meeting.inputs.js";
import { meetingLoaders } from "./meeting.loaders.js";

@ObjectType({ description: "ログイン中の利用者がこの会議の記録に対してできること" })
class MeetingRecordPermissions {
  @Field(() => Boolean)
  update: boolean;
}

const present = <T>(rows: (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

/*
 * A record the viewer does not read in full (a 支援会議 that discussed persons, for a non-member: meetingPolicy) shows
 * only when it was held, its kind and how many persons it discussed: every other field answers null or [].
 * `readable` is set by MeetingService on every record it returns; a record without it is not readable.
 */
@Resolver(() => MeetingRecord)
export class MeetingRecordResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => MeetingRecordConnection, {
    description: "会議の記録の一覧 (開催日の新しい順。本人を話し合った支援会議は、構成員と管理者にだけ内容が見える)",
  })
  meetingRecords(
    @Args(() => FiscalYearPageArgs) args: FiscalYearPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<MeetingRecord>> {
    return ctx.services.meetings.list(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => MeetingRecordPayload, { description: "会議の記録を作る" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "MeetingRecord",
    record: ({ result }) => ({ recordId: result.meetingRecord.id }),
    detail: ({ args: [input] }) => ({ kind: input.kind, personCount: (input.personIds ?? []).length }),
  })
  async createMeetingRecord(
    @Arg("input", () => CreateMeetingRecordInput) input: CreateMeetingRecordInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingRecordPayload> {
    return { meetingRecord: await ctx.services.meetings.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => MeetingRecordPayload, { description: "会議の記録を直す (支援会議の記録は構成員と管理者だけ)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "MeetingRecord",
    record: ({ result }) => ({ recordId: result.meetingRecord.id }),
    detail: changedFields,
  })
  async updateMeetingRecord(
    @Arg("input", () => UpdateMeetingRecordInput) input: UpdateMeetingRecordInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingRecordPayload> {
    return { meetingRecord: await ctx.services.meetings.update(ctx.viewer, input) };
  }

  @FieldResolver(() => Boolean, {
    description: "内容が見えない (本人を話し合った支援会議で、構成員でも管理者でもない): 開催日・種類・人数だけ",
  })
  restricted(@Root() record: MeetingRecord): boolean {
    return record.readable !== true;
  }

  @FieldResolver(() => String, { nullable: true, description: "会議名・議題 (内容が見えなければ null)" })
  title(@Root() record: MeetingRecord): string | null {
    return record.readable ? record.title : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "決まったこと (内容が見えなければ null)" })
  decisions(@Root() record: MeetingRecord): string | null {
    return record.readable ? record.decisions : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "支援会議のとき: どの支援会議か" })
  supportMeetingGroupId(@Root() record: MeetingRecord): string | null {
    return record.supportMeetingGroupId;
  }

  @FieldResolver(() => Int, { description: "話し合った本人の人数 (見えない本人も数える)" })
  personCount(@Root() record: MeetingRecord): number {
    return record.personCount ?? 0;
  }

  @FieldResolver(() => [Person], { description: "話し合った本人のうち、自分に見える人" })
  async persons(@Root() record: MeetingRecord, @Ctx() ctx: Context): Promise<Person[]> {
    if (!record.readable) return [];
    const ids = await ctx.loaders.of(meetingLoaders).personIds.load(record.id);
    return present(await ctx.loaders.of(personLoaders).visible.loadMany(ids));
  }

  @FieldResolver(() => [Organization], { description: "出席した団体" })
  async organizations(@Root() record: MeetingRecord, @Ctx() ctx: Context): Promise<Organization[]> {
    if (!record.readable) return [];
    const ids = await ctx.loaders.of(meetingLoaders).organizationIds.load(record.id);
    return present(await ctx.loaders.of(organizationLoaders).organization.loadMany(ids));
  }

  @FieldResolver(() => [User], { description: "出席した職員" })
  async attendees(@Root() record: MeetingRecord, @Ctx() ctx: Context): Promise<User[]> {
    if (!record.readable) return [];
    const ids = await ctx.loaders.of(meetingLoaders).attendeeIds.load(record.id);
    return present(await ctx.loaders.of(userLoaders).user.loadMany(ids));
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() record: MeetingRecord, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(record.recordedById);
  }

  @FieldResolver(() => MeetingRecordPermissions)
  viewerCan(@Root() record: MeetingRecord): MeetingRecordPermissions {
    return { update: record.readable === true };
  }
}
