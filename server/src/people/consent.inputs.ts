import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { IsCalendarDate, NotInFuture, ja, jaEach } from "../core/validators.js";
import { Consent } from "./consent.entity.js";
import { ConsentFact, ConsentMethod, ConsentPurpose } from "./consent.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/** What a consent says; used alone (with a personId) or inside createPerson. */
@InputType({ description: "本人同意の内容" })
export class RecordConsentFields {
  @Field(() => ConsentPurpose)
  @IsEnum(ConsentPurpose, ja("同意の目的が正しくありません"))
  purpose: ConsentPurpose;

  @Field(() => ID, { nullable: true, description: "紹介先の団体 (省略時はどの受け入れ先にも)" })
  @IsOptional()
  @IsUUID("all", ja("団体の指定が正しくありません"))
  organizationId?: string | null;

  @Field(() => [ConsentFact], { description: "受け入れ先に伝えてよい事柄" })
  @ArrayMaxSize(20)
  @IsEnum(ConsentFact, jaEach("伝えてよい事柄の指定が正しくありません"))
  facts: ConsentFact[];

  @Field(() => ConsentMethod)
  @IsEnum(ConsentMethod, ja("同意の取り方が正しくありません"))
  method: ConsentMethod;

  @Field(() => LocalDate, { description: "同意を得た日 (YYYY-MM-DD)" })
  @IsCalendarDate()
  @NotInFuture()
  givenOn: string;

  @Field(() => LocalDate, { nullable: true, description: "有効期限 (この日まで有効)" })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(1000, ja("メモは1000文字以内にしてください"))
  note: string = "";
}

@InputType()
export class RecordConsentInput extends RecordConsentFields {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;
}

/** The facts a coordinator is about to tick on a consent, for the preview of the host's view (consentPreview). */
@InputType({ description: "同意で伝えてよいとする事柄 (受け入れ先に表示される内容の確認用)" })
export class ConsentPreviewInput {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId: string;

  @Field(() => [ConsentFact], { description: "受け入れ先に伝えてよいとする事柄" })
  @ArrayMaxSize(20)
  @IsEnum(ConsentFact, jaEach("伝えてよい事柄の指定が正しくありません"))
  facts: ConsentFact[];
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID)
  @IsUUID("all", ja("同意の指定が正しくありません"))
  consentId: string;

  @Field(() => String, { description: "撤回の理由・経緯" })
  @IsString()
  @IsNotEmpty(ja("撤回の理由を入力してください"))
  @MaxLength(1000, ja("理由は1000文字以内にしてください"))
  reason: string;
}

@ObjectType()
export class ConsentPayload {
  @Field(() => Consent)
  consent: Consent;
}
