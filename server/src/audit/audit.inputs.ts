import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { UserRole } from "../core/roles.js";
import { PageArgs } from "../core/pagination.js";
import { ja, jaEach } from "../core/validators.js";
import { AuditAction } from "./audit.enums.js";

/** Every condition is optional and they combine with AND. */
@InputType({ description: "監査ログの絞り込み (指定した条件をすべて満たすもの)" })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("利用者の指定が正しくありません"))
  actorUserId?: string | null;

  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsEnum(UserRole, ja("役割が正しくありません"))
  actorRole?: UserRole | null;

  @Field(() => [AuditAction], { nullable: true, description: "いずれかの種類" })
  @IsOptional()
  @ArrayMaxSize(Object.keys(AuditAction).length, ja("種類が多すぎます"))
  @IsEnum(AuditAction, jaEach("種類が正しくありません"))
  actions?: AuditAction[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Person, Consent, FollowUpRecord, ReferralPerson, Match, AuditLog …",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, ja("64文字以内にしてください"))
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("100文字以内にしてください"))
  recordId?: string | null;

  @Field(() => ID, { nullable: true, description: "この本人に関わるもの" })
  @IsOptional()
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "GraphQL のルートフィールド名 (例: person, transitionMatch)" })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("100文字以内にしてください"))
  operation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64, ja("64文字以内にしてください"))
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: "この日時以降 (含む)" })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "この日時より前 (含まない)" })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter | null;
}
