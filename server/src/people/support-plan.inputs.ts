import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { IsCalendarDate, NotInFuture, Omittable, ja, jaEach } from "../core/validators.js";
import { SupportPlanStatus, SupportPlanVersion } from "./person.enums.js";
import { SupportPlan } from "./support-plan.entity.js";
import { LocalDate } from "../core/local-date.scalar.js";

@InputType()
export class CreateSupportPlanInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;

  @Field(() => SupportPlanVersion)
  @IsEnum(SupportPlanVersion, ja("新規 / 再プランの指定が正しくありません"))
  planVersion: SupportPlanVersion;

  @Field(() => [String])
  @ArrayMaxSize(10, ja("目標は10個までにしてください"))
  @IsString({ each: true })
  @IsNotEmpty(jaEach("空の目標があります"))
  @MaxLength(300, jaEach("目標はそれぞれ300文字以内にしてください"))
  goals: string[];

  @Field(() => LocalDate, { nullable: true, description: "本人と合意した日 (合意済にするときは必須)" })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  agreedOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;

  @Field(() => SupportPlanStatus, { defaultValue: SupportPlanStatus.DRAFT })
  @IsEnum(SupportPlanStatus, ja("状態が正しくありません"))
  status: SupportPlanStatus = SupportPlanStatus.DRAFT;
}

@InputType()
export class UpdateSupportPlanInput {
  @Field(() => ID)
  @IsUUID("all", ja("支援プランの指定が正しくありません"))
  id: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => [String], { nullable: true })
  @Omittable()
  @ArrayMaxSize(10, ja("目標は10個までにしてください"))
  @IsString({ each: true })
  @IsNotEmpty(jaEach("空の目標があります"))
  @MaxLength(300, jaEach("目標はそれぞれ300文字以内にしてください"))
  goals?: string[];

  @Field(() => LocalDate, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  agreedOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;

  @Field(() => SupportPlanStatus, { nullable: true })
  @Omittable()
  @IsEnum(SupportPlanStatus, ja("状態が正しくありません"))
  status?: SupportPlanStatus;
}

@ObjectType()
export class SupportPlanPayload {
  @Field(() => SupportPlan)
  supportPlan: SupportPlan;
}
