import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { ConnectionType } from "../core/pagination.js";
import { IsCalendarDate, NotInFuture, ja } from "../core/validators.js";
import { LocalDate } from "../core/local-date.scalar.js";
import { AgeBand } from "../people/person.enums.js";
import { ConsultationIntake } from "./consultation-intake.entity.js";
import { IntakeField, IntakeOutcome, IntakeRoute } from "./intake.enums.js";

const NOTE_MAX = 2000;

/** The fields a consultation is recorded with (the same for a new one and a correction). */
/** Not a GraphQL type itself: the fields its two inputs share. */
@InputType("ConsultationIntakeFields")
abstract class IntakeFields {
  @Field(() => LocalDate, { description: "受付日 (YYYY-MM-DD, 今日まで)" })
  @IsCalendarDate()
  @NotInFuture()
  receivedOn: string;

  @Field(() => IntakeRoute)
  @IsEnum(IntakeRoute, ja("相談の経路が正しくありません"))
  route: IntakeRoute;

  @Field(() => IntakeField, { description: "分野" })
  @IsEnum(IntakeField, ja("分野が正しくありません"))
  field: IntakeField;

  @Field(() => ID, { nullable: true, description: "地区" })
  @IsOptional()
  @IsUUID("all", ja("地区の指定が正しくありません"))
  areaId?: string | null;

  @Field(() => AgeBand, { nullable: true })
  @IsOptional()
  @IsEnum(AgeBand, ja("年齢層が正しくありません"))
  ageBand?: AgeBand | null;

  @Field(() => IntakeOutcome)
  @IsEnum(IntakeOutcome, ja("相談の結果が正しくありません"))
  outcome: IntakeOutcome;

  @Field(() => String, { defaultValue: "", description: "メモ (名前は書かない)" })
  @IsString()
  @MaxLength(NOTE_MAX, ja(`メモは${NOTE_MAX}文字以内にしてください`))
  note: string = "";
}

@InputType({ description: "相談受付を記録 (本人の記録も同意もいらない)" })
export class CreateConsultationIntakeInput extends IntakeFields {}

@InputType({ description: "相談受付を直す (すべての項目を送る)" })
export class UpdateConsultationIntakeInput extends IntakeFields {
  @Field(() => ID)
  @IsUUID("all", ja("相談受付の指定が正しくありません"))
  id: string;

  @Field(() => Int, { description: "読み込んだときの version (他の人の更新を上書きしないため)" })
  @IsInt()
  expectedVersion: number;
}

@InputType({ description: "相談受付を、同意して登録された本人に結びつける (personId が null なら外す)" })
export class LinkIntakeToPersonInput {
  @Field(() => ID)
  @IsUUID("all", ja("相談受付の指定が正しくありません"))
  id: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}

@ObjectType()
export class ConsultationIntakePayload {
  @Field(() => ConsultationIntake)
  consultationIntake: ConsultationIntake;
}

export const ConsultationIntakeConnection = ConnectionType(ConsultationIntake, "ConsultationIntake");
