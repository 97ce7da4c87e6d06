import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { ConnectionType } from "../core/pagination.js";
import { IsCalendarDate, NotInFuture, ja } from "../core/validators.js";
import { LocalDate } from "../core/local-date.scalar.js";
import { ContactMethod } from "../followups/followup.enums.js";
import { CooperationRequest } from "./cooperation-request.entity.js";
import { HostSupport } from "./host-support.entity.js";
import { CooperationAnswer, CooperationKind, HostSupportKind } from "./host-relations.enums.js";

const NOTE_MAX = 2000;

@InputType("CooperationRequestFields")
abstract class CooperationFields {
  @Field(() => ID, { description: "依頼した団体" })
  @IsUUID("all", ja("団体を選んでください"))
  organizationId: string;

  @Field(() => LocalDate, { description: "依頼した日 (今日まで)" })
  @IsCalendarDate()
  @NotInFuture()
  requestedOn: string;

  @Field(() => CooperationKind)
  @IsEnum(CooperationKind, ja("依頼の内容が正しくありません"))
  kind: CooperationKind;

  @Field(() => CooperationAnswer, { defaultValue: CooperationAnswer.PENDING })
  @IsEnum(CooperationAnswer, ja("回答が正しくありません"))
  answer: CooperationAnswer = CooperationAnswer.PENDING;

  @Field(() => LocalDate, { nullable: true, description: "回答があった日 (依頼した日から今日まで)" })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  answeredOn?: string | null;

  @Field(() => ID, { nullable: true, description: "受け入れを依頼した本人 (見える人だけ指定できる)" })
  @IsOptional()
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "場の創出を依頼した資源の不足" })
  @IsOptional()
  @IsUUID("all", ja("資源の不足の指定が正しくありません"))
  resourceGapId?: string | null;

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(NOTE_MAX, ja(`メモは${NOTE_MAX}文字以内にしてください`))
  note: string = "";
}

@InputType({ description: "協力依頼を記録" })
export class CreateCooperationRequestInput extends CooperationFields {}

@InputType({ description: "協力依頼を直す・回答を記録する (すべての項目を送る)" })
export class UpdateCooperationRequestInput extends CooperationFields {
  @Field(() => ID)
  @IsUUID("all", ja("協力依頼の指定が正しくありません"))
  id: string;

  @Field(() => Int, { description: "読み込んだときの version (他の人の更新を上書きしないため)" })
  @IsInt()
  expectedVersion: number;
}

@InputType("HostSupportFields")
abstract class HostSupportFields {
  @Field(() => ID, { description: "支援した受け入れ先の団体" })
  @IsUUID("all", ja("団体を選んでください"))
  organizationId: string;

  @Field(() => LocalDate, { description: "支援した日 (今日まで)" })
  @IsCalendarDate()
  @NotInFuture()
  givenOn: string;

  @Field(() => HostSupportKind)
  @IsEnum(HostSupportKind, ja("支援の内容が正しくありません"))
  kind: HostSupportKind;

  @Field(() => ContactMethod)
  @IsEnum(ContactMethod, ja("方法が正しくありません"))
  method: ContactMethod;

  @Field(() => String, { defaultValue: "" })
  @IsString()
  @MaxLength(NOTE_MAX, ja(`メモは${NOTE_MAX}文字以内にしてください`))
  note: string = "";
}

@InputType({ description: "受け入れ先支援を記録" })
export class CreateHostSupportInput extends HostSupportFields {}

@InputType({ description: "受け入れ先支援を直す (すべての項目を送る)" })
export class UpdateHostSupportInput extends HostSupportFields {
  @Field(() => ID)
  @IsUUID("all", ja("受け入れ先支援の指定が正しくありません"))
  id: string;

  @Field(() => Int, { description: "読み込んだときの version (他の人の更新を上書きしないため)" })
  @IsInt()
  expectedVersion: number;
}

@ObjectType()
export class CooperationRequestPayload {
  @Field(() => CooperationRequest)
  cooperationRequest: CooperationRequest;
}

@ObjectType()
export class HostSupportPayload {
  @Field(() => HostSupport)
  hostSupport: HostSupport;
}

export const CooperationRequestConnection = ConnectionType(CooperationRequest, "CooperationRequest");
export const HostSupportConnection = ConnectionType(HostSupport, "HostSupport");
