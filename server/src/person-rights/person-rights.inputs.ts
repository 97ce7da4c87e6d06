import { Field, ID, InputType, ObjectType } from "type-graphql";
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from "class-validator";
import { IsCalendarDate, NotInFuture, ja } from "../core/validators.js";
import { LocalDate } from "../core/local-date.scalar.js";
import { UpdatePersonInput } from "../people/person.inputs.js";
import { Person } from "../people/person.entity.js";
import { PersonErasure } from "./person-rights.entity.js";

const REASON_MAX = 1000;
/** Spaces alone (half- or full-width) are not a reason. */
const VISIBLE_TEXT = /\S/;

/** 訂正: the same fields as updatePerson, and the reason, which is required and kept in the history. */
@InputType({ description: "本人情報の訂正 (理由は必須; 変えた項目ごとに訂正前・訂正後を履歴に残す)" })
export class CorrectPersonInput extends UpdatePersonInput {
  @Field(() => String, { description: "訂正の理由 (本人からの訂正請求など)" })
  @IsString()
  @Matches(VISIBLE_TEXT, ja("訂正の理由を入力してください"))
  @MaxLength(REASON_MAX, ja(`理由は${REASON_MAX}文字以内にしてください`))
  reason: string;
}

@InputType({ description: "利用停止 (受け入れ先に見せず、提案・紹介もしない。記録は残す)" })
export class StopPersonUseInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;

  @Field(() => String, { description: "利用停止の理由 (本人からの利用停止請求など)" })
  @IsString()
  @Matches(VISIBLE_TEXT, ja("利用停止の理由を入力してください"))
  @MaxLength(REASON_MAX, ja(`理由は${REASON_MAX}文字以内にしてください`))
  reason: string;

  @Field(() => LocalDate, { nullable: true, description: "利用停止日 (省略時は今日)" })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  stoppedOn?: string | null;
}

@InputType({ description: "利用停止の解除 (再開)" })
export class ResumePersonUseInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;
}

@InputType({ description: "利用停止中で保存期間を過ぎた本人の個人情報の消去" })
export class ErasePersonInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;
}

@ObjectType()
export class ErasePersonPayload {
  @Field(() => Person)
  person: Person;

  @Field(() => PersonErasure)
  erasure: PersonErasure;
}
