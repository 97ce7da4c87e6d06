import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  Validate,
  type ValidatorConstraintInterface,
} from "class-validator";
import { Omittable, PHONE_PATTERN, ja, jaEach } from "../core/validators.js";
import { IsReading } from "../readings/reading.js";
import { ScheduleInput } from "../schedules/schedule.types.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "./resource.enums.js";
import { Resource } from "./resource.entity.js";

@ValidatorConstraint({ name: "ageRange" })
class AgeRangeConstraint implements ValidatorConstraintInterface {
  validate(ageMax: unknown, args: ValidationArguments): boolean {
    const { ageMin } = args.object as EligibilityInput;
    return ageMax == null || ageMin == null || (ageMax as number) >= ageMin;
  }
  defaultMessage(): string {
    return "上限年齢は下限年齢以上にしてください";
  }
}

@InputType()
export class EligibilityInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ja("年齢は整数で入力してください"))
  @Min(0, ja("年齢は0以上にしてください"))
  @Max(120, ja("年齢は120以下にしてください"))
  ageMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ja("年齢は整数で入力してください"))
  @Min(0, ja("年齢は0以上にしてください"))
  @Max(120, ja("年齢は120以下にしてください"))
  @Validate(AgeRangeConstraint)
  ageMax?: number | null;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  certificateRequired: boolean = false;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  residenceRequired: boolean = false;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  requiresSupportPlan: boolean = false;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  referredCasesOnly: boolean = false;
}

/**
 * Fields shared by create and update. In an update, a field left out keeps its value; `null` clears a nullable
 * field and is rejected for the others (Omittable). Bounds keep one listing to what a person can read.
 */
// Base of the create/update inputs; type-graphql needs it decorated to inherit its fields.
@InputType()
abstract class ResourceFields {
  @Field(() => String, { nullable: true, description: "よみがな。省略すると名前から自動で提案" })
  @IsOptional()
  @IsReading()
  @MaxLength(200, ja("よみがなは200文字以内にしてください"))
  nameKana?: string | null;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString(ja("説明は文字で入力してください"))
  @MaxLength(4000, ja("説明は4000文字以内にしてください"))
  description?: string;

  @Field(() => [TargetGroup], { nullable: true })
  @Omittable()
  @IsEnum(TargetGroup, jaEach("対象者の値が正しくありません"))
  @ArrayMaxSize(20)
  targetGroups?: TargetGroup[];

  @Field(() => EligibilityInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  eligibility?: EligibilityInput;

  @Field(() => [ParticipationRole], { nullable: true })
  @Omittable()
  @IsEnum(ParticipationRole, jaEach("参加の形の値が正しくありません"))
  @ArrayMaxSize(10)
  rolesOffered?: ParticipationRole[];

  @Field(() => [String], { nullable: true })
  @Omittable()
  @IsString({ each: true })
  @MaxLength(40, jaEach("活動内容は1項目40文字以内にしてください"))
  @ArrayMaxSize(30, ja("活動内容は30項目までです"))
  activities?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, ja("会場名は200文字以内にしてください"))
  venueName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, ja("住所は200文字以内にしてください"))
  address?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude(ja("緯度は-90〜90の範囲で入力してください"))
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude(ja("経度は-180〜180の範囲で入力してください"))
  lng?: number | null;

  @Field(() => [ID], { nullable: true, description: "地域 (重なり合う種別を複数指定可)" })
  @Omittable()
  @IsUUID("all", jaEach("地域IDが正しくありません"))
  @ArrayMaxSize(20, ja("地域は20件までです"))
  areaIds?: string[];

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  citywide?: boolean;

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  homeBased?: boolean;

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  visiting?: boolean;

  @Field(() => ScheduleInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  schedule?: ScheduleInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ja("定員は整数で入力してください"))
  @Min(0, ja("定員は0以上にしてください"))
  @Max(100_000, ja("定員が大きすぎます"))
  capacity?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ja("空きは整数で入力してください"))
  @Min(0, ja("空きは0以上にしてください"))
  @Max(100_000, ja("空きが大きすぎます"))
  openings?: number | null;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt(ja("費用は整数 (円) で入力してください"))
  @Min(0, ja("費用は0円以上にしてください"))
  @Max(1_000_000, ja("費用が大きすぎます"))
  costPerSessionYen?: number;

  @Field(() => [Accessibility], { nullable: true })
  @Omittable()
  @IsEnum(Accessibility, jaEach("バリアフリーの値が正しくありません"))
  @ArrayMaxSize(20)
  accessibility?: Accessibility[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("最寄りのバス停・駅は100文字以内にしてください"))
  nearestStop?: string | null;

  @Field(() => [TransportOption], { nullable: true })
  @Omittable()
  @IsEnum(TransportOption, jaEach("交通の値が正しくありません"))
  @ArrayMaxSize(10)
  transportOptions?: TransportOption[];

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  visitAllowed?: boolean;

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  trialAllowed?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("担当者名は100文字以内にしてください"))
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, ja("電話番号の形式が正しくありません"))
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: "2つ目の電話番号" })
  @IsOptional()
  @Matches(PHONE_PATTERN, ja("2つ目の電話番号の形式が正しくありません"))
  contactPhone2?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, ja("メールアドレスの形式が正しくありません"))
  @MaxLength(254)
  contactEmail?: string | null;
}

const NAME_RULES = [
  IsString(ja("名称を入力してください")),
  IsNotEmpty(ja("名称を入力してください")),
  Matches(/\S/, ja("名称を入力してください")),
  MaxLength(120, ja("名称は120文字以内にしてください")),
];
const applyAll =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

@InputType()
export class CreateResourceInput extends ResourceFields {
  @Field(() => String)
  @applyAll(NAME_RULES)
  name: string;

  @Field(() => ResourceKind)
  @IsEnum(ResourceKind, ja("種類の値が正しくありません"))
  kind: ResourceKind;

  @Field(() => ID, { description: "運営する団体" })
  @IsUUID("all", ja("団体IDが正しくありません"))
  organizationId: string;

  @Field(() => ResourceStatus, { defaultValue: ResourceStatus.ACTIVE })
  @IsEnum(ResourceStatus, ja("状態の値が正しくありません"))
  status: ResourceStatus = ResourceStatus.ACTIVE;
}

@InputType()
export class UpdateResourceInput extends ResourceFields {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => Int, { nullable: true, description: "読み込んだときの version。別の人が先に更新していれば CONFLICT" })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  @Omittable()
  @applyAll(NAME_RULES)
  name?: string;

  @Field(() => ResourceKind, { nullable: true })
  @Omittable()
  @IsEnum(ResourceKind, ja("種類の値が正しくありません"))
  kind?: ResourceKind;
}

@InputType()
export class SetResourceStatusInput {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => ResourceStatus)
  @IsEnum(ResourceStatus, ja("状態の値が正しくありません"))
  status: ResourceStatus;
}

@InputType()
export class VerifyResourceInput {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;
}

@InputType()
export class DeleteResourceInput {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;
}

@ObjectType()
export class DeleteResourcePayload {
  @Field(() => ID)
  deletedId: string;
}

@ObjectType()
export class ResourcePayload {
  @Field(() => Resource)
  resource: Resource;
}
