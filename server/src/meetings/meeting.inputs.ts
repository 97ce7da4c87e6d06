import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { ConnectionType } from "../core/pagination.js";
import { IsCalendarDate, NotInFuture, ja, jaEach } from "../core/validators.js";
import { LocalDate } from "../core/local-date.scalar.js";
import { MeetingRecord } from "./meeting-record.entity.js";
import { MeetingKind } from "./meeting.enums.js";

// A 協議体 may seat a few dozen organizations; a case meeting discusses a handful of persons.
const MAX_ORGANIZATIONS = 50;
const MAX_ATTENDEES = 50;
const MAX_PERSONS = 30;

@InputType("MeetingRecordFields")
abstract class MeetingFields {
  @Field(() => LocalDate, { description: "開催日 (今日まで)" })
  @IsCalendarDate()
  @NotInFuture()
  heldOn: string;

  @Field(() => MeetingKind)
  @IsEnum(MeetingKind, ja("会議の種類が正しくありません"))
  kind: MeetingKind;

  @Field(() => String, { description: "会議名・議題" })
  @IsString()
  @IsNotEmpty(ja("会議名を入力してください"))
  @MaxLength(200, ja("会議名は200文字以内にしてください"))
  title: string;

  @Field(() => String, { defaultValue: "", description: "決まったこと" })
  @IsString()
  @MaxLength(4000, ja("決まったことは4000文字以内にしてください"))
  decisions: string = "";

  @Field(() => ID, { nullable: true, description: "支援会議のとき: どの支援会議か (構成員か管理者だけ選べる)" })
  @IsOptional()
  @IsUUID("all", ja("支援会議の指定が正しくありません"))
  supportMeetingGroupId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: "出席した団体" })
  @ArrayMaxSize(MAX_ORGANIZATIONS, ja(`団体は${MAX_ORGANIZATIONS}までです`))
  @IsUUID("all", jaEach("団体の指定が正しくありません"))
  organizationIds: string[];

  @Field(() => [ID], { defaultValue: [], description: "出席した職員" })
  @ArrayMaxSize(MAX_ATTENDEES, ja(`職員は${MAX_ATTENDEES}人までです`))
  @IsUUID("all", jaEach("職員の指定が正しくありません"))
  attendeeIds: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: "話し合った本人 (見える人だけ指定できる。更新では、自分に見えない本人はそのまま残る)",
  })
  @ArrayMaxSize(MAX_PERSONS, ja(`本人は${MAX_PERSONS}人までです`))
  @IsUUID("all", jaEach("本人の指定が正しくありません"))
  personIds: string[];
}

@InputType({ description: "会議の記録を作る" })
export class CreateMeetingRecordInput extends MeetingFields {}

@InputType({ description: "会議の記録を直す (すべての項目を送る)" })
export class UpdateMeetingRecordInput extends MeetingFields {
  @Field(() => ID)
  @IsUUID("all", ja("会議の記録の指定が正しくありません"))
  id: string;

  @Field(() => Int, { description: "読み込んだときの version (他の人の更新を上書きしないため)" })
  @IsInt()
  expectedVersion: number;
}

@ObjectType()
export class MeetingRecordPayload {
  @Field(() => MeetingRecord)
  meetingRecord: MeetingRecord;
}

export const MeetingRecordConnection = ConnectionType(MeetingRecord, "MeetingRecord");
