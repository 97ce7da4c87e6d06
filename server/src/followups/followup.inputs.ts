import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from "class-validator";
import { IsCalendarDate, NotInFuture, ja, jaEach } from "../core/validators.js";
import { ParticipationLevel } from "../people/person.enums.js";
import { Match } from "../matching/index.js";
import { FollowUpDue, FollowUpRecord } from "./followup.entity.js";
import {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  DueState,
  RelationshipStability,
} from "./followup.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

const TEXT_MAX = 4000;

@InputType({ description: "フォローアップ記録" })
export class RecordFollowUpInput {
  @Field(() => ID)
  @IsUUID("all", ja("マッチングの指定が正しくありません"))
  matchId: string;

  @Field(() => ID, { nullable: true, description: "どの予定の実施か (省略時は最も古い未実施の予定)" })
  @IsOptional()
  @IsUUID("all", ja("予定の指定が正しくありません"))
  dueId?: string | null;

  @Field(() => LocalDate, { description: "実施日 (YYYY-MM-DD; マッチングを始めた日から今日まで)" })
  @IsCalendarDate()
  @NotInFuture()
  contactedOn: string;

  @Field(() => ContactMethod)
  @IsEnum(ContactMethod, ja("方法が正しくありません"))
  method: ContactMethod;

  @Field(() => [Counterpart])
  @ArrayNotEmpty(ja("相手を1つ以上選んでください"))
  @ArrayMaxSize(4)
  @IsEnum(Counterpart, jaEach("相手が正しくありません"))
  counterparts: Counterpart[];

  @Field(() => Int, { nullable: true, description: "前回から参加した回数" })
  @IsOptional()
  @IsInt(ja("回数は整数で入力してください"))
  @Min(0, ja("回数は0以上にしてください"))
  @Max(100, ja("回数は100以下にしてください"))
  sessionsAttended?: number | null;

  @Field(() => Int, { nullable: true, description: "前回からの開催回数" })
  @IsOptional()
  @IsInt(ja("回数は整数で入力してください"))
  @Min(0, ja("回数は0以上にしてください"))
  @Max(100, ja("回数は100以下にしてください"))
  sessionsPlanned?: number | null;

  @Field(() => ParticipationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationLevel, ja("参加の段階が正しくありません"))
  participationLevel?: ParticipationLevel | null;

  @Field(() => Boolean, { description: "行動や気持ちの変化が見られた" })
  @IsBoolean()
  changeObserved: boolean;

  @Field(() => ChangeType, { nullable: true })
  @IsOptional()
  @IsEnum(ChangeType, ja("変化の種類が正しくありません"))
  changeType?: ChangeType | null;

  @Field(() => [ChangeCategory], { defaultValue: [] })
  @IsEnum(ChangeCategory, jaEach("変化の内容が正しくありません"))
  changeCategories: ChangeCategory[];

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(TEXT_MAX, ja(`記録は${TEXT_MAX}文字以内にしてください`))
  narrative: string = "";

  @Field(() => RelationshipStability, { nullable: true })
  @IsOptional()
  @IsEnum(RelationshipStability, ja("関係性の評価が正しくありません"))
  relationshipStability?: RelationshipStability | null;

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(TEXT_MAX, ja(`受け入れ先の声は${TEXT_MAX}文字以内にしてください`))
  hostFeedback: string = "";

  @Field(() => String, { defaultValue: "", description: "受け入れ先への助言 (受け入れ先支援)" })
  @IsString()
  @MaxLength(TEXT_MAX, ja(`助言は${TEXT_MAX}文字以内にしてください`))
  hostGuidance: string = "";

  @Field(() => LocalDate, { nullable: true, description: "次回予定日 (予定に加わる)" })
  @IsOptional()
  @IsCalendarDate()
  nextDueOn?: string | null;
}

@ObjectType()
export class FollowUpPayload {
  @Field(() => FollowUpRecord)
  followUp: FollowUpRecord;
}

@ObjectType({ description: "期限が来ている (または近い) フォローアップ" })
export class DueFollowUp {
  @Field(() => FollowUpDue)
  due: FollowUpDue;

  @Field(() => Match)
  match: Match;

  @Field(() => DueState)
  state: DueState;

  @Field(() => Int, { description: "予定日を過ぎた日数" })
  daysOverdue: number;
}
