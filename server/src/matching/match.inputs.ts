import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { PageArgs } from "../core/pagination.js";
import { IsCalendarDate, NotInFuture, ja, jaEach } from "../core/validators.js";
import {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  RelationshipStability,
} from "../followups/followup.enums.js";
import { ParticipationLevel } from "../people/person.enums.js";
import { Match } from "./match.entity.js";
import { HostResponse, MatchStage } from "./match.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

const REASON_MAX = 1000;
const NARRATIVE_MAX = 4000;

@InputType({ description: "マッチングを始める (候補)" })
export class CreateMatchInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;

  @Field(() => ID)
  @IsUUID("all", ja("資源の指定が正しくありません"))
  resourceId: string;

  @Field(() => ID, { nullable: true, description: "根拠となる支援プラン (省略時は合意済の最新)" })
  @IsOptional()
  @IsUUID("all", ja("支援プランの指定が正しくありません"))
  supportPlanId?: string | null;

  @Field(() => String, { defaultValue: "", description: "マッチングの理由" })
  @IsString()
  @MaxLength(REASON_MAX, ja(`理由は${REASON_MAX}文字以内にしてください`))
  rationale: string = "";

  @Field(() => Float, { nullable: true, description: "提案時の適合度 (suggestResources の score)" })
  @IsOptional()
  @Min(0, ja("適合度は0〜100です"))
  @Max(100, ja("適合度は0〜100です"))
  score?: number | null;
}

/** The final outcome observation a move to 定着 or 終結 needs (stored as an evaluation follow-up record). */
@InputType({ description: "定着・終結時の評価 (行動や気持ちの変化, 関係性の安定)" })
export class OutcomeObservationInput {
  @Field(() => ContactMethod, { defaultValue: ContactMethod.INTERVIEW })
  @IsEnum(ContactMethod, ja("方法が正しくありません"))
  method: ContactMethod = ContactMethod.INTERVIEW;

  @Field(() => [Counterpart], { defaultValue: [Counterpart.PERSON] })
  @ArrayNotEmpty(ja("相手を1つ以上選んでください"))
  @IsEnum(Counterpart, jaEach("相手が正しくありません"))
  counterparts: Counterpart[];

  @Field(() => Boolean)
  @IsBoolean()
  changeObserved: boolean;

  @Field(() => ChangeType, { nullable: true })
  @IsOptional()
  @IsEnum(ChangeType, ja("変化の種類が正しくありません"))
  changeType?: ChangeType | null;

  @Field(() => [ChangeCategory], { defaultValue: [] })
  @IsEnum(ChangeCategory, jaEach("変化の内容が正しくありません"))
  changeCategories: ChangeCategory[];

  @Field(() => String)
  @IsString()
  @IsNotEmpty(ja("評価の内容を入力してください"))
  @MaxLength(NARRATIVE_MAX, ja(`評価は${NARRATIVE_MAX}文字以内にしてください`))
  narrative: string;

  @Field(() => RelationshipStability)
  @IsEnum(RelationshipStability, ja("関係性の評価が正しくありません"))
  relationshipStability: RelationshipStability;

  @Field(() => ParticipationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationLevel, ja("参加の段階が正しくありません"))
  participationLevel?: ParticipationLevel | null;
}

@InputType({ description: "段階を進める / 戻す. expectedVersion は読み込んだときの version" })
export class TransitionMatchInput {
  @Field(() => ID)
  @IsUUID("all", ja("マッチングの指定が正しくありません"))
  matchId: string;

  @Field(() => MatchStage)
  @IsEnum(MatchStage, ja("段階が正しくありません"))
  to: MatchStage;

  @Field(() => Int)
  @IsInt(ja("version を指定してください"))
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "理由 (辞退・保留・不成立・中断・再開では必須)" })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX, ja(`理由は${REASON_MAX}文字以内にしてください`))
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "実際にその段階になった日 (省略時は今日)" })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  effectiveOn?: string | null;

  @Field(() => OutcomeObservationInput, { nullable: true, description: "定着・終結にするときは必須" })
  @IsOptional()
  @ValidateNested()
  outcome?: OutcomeObservationInput | null;
}

@InputType({ description: "受け入れ先の回答 (受け入れる / お断りする)" })
export class RespondToReferralInput {
  @Field(() => ID)
  @IsUUID("all", ja("紹介の指定が正しくありません"))
  matchId: string;

  @Field(() => HostResponse)
  @IsEnum(HostResponse, ja("回答が正しくありません"))
  response: HostResponse;

  @Field(() => String, { nullable: true, description: "お断りの理由 (お断りでは必須)" })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX, ja(`理由は${REASON_MAX}文字以内にしてください`))
  reason?: string | null;
}

@InputType({ description: "出欠の記録 (同じ日をもう一度記録すると上書き)" })
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID("all", ja("紹介の指定が正しくありません"))
  matchId: string;

  @Field(() => LocalDate, { description: "開催日 (YYYY-MM-DD)" })
  @IsCalendarDate()
  @NotInFuture()
  sessionOn: string;

  @Field(() => Boolean)
  @IsBoolean()
  attended: boolean;

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(500, ja("メモは500文字以内にしてください"))
  note: string = "";
}

@ArgsType()
export class MatchListArgs extends PageArgs {
  @Field(() => [MatchStage], { nullable: true, description: "段階で絞る (省略時はすべて)" })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(MatchStage, jaEach("段階が正しくありません"))
  stages?: MatchStage[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "自分が担当するものだけ" })
  @IsBoolean()
  mine: boolean = false;
}

@ObjectType()
export class MatchPayload {
  @Field(() => Match)
  match: Match;
}
