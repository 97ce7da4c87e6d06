import { Field, ID, InputType, ObjectType } from "type-graphql";
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from "class-validator";
import { Omittable, PHONE_PATTERN, ja } from "../core/validators.js";
import { IsReading } from "../readings/reading.js";
import { CityRelationship, OrgType } from "./organization.enums.js";
import { Organization } from "./organization.entity.js";

// Base of the create/update inputs; type-graphql needs it decorated to inherit its fields.
@InputType()
abstract class OrganizationContactFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("担当者名は100文字以内にしてください"))
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, ja("電話番号の形式が正しくありません"))
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, ja("メールアドレスの形式が正しくありません"))
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: "公開用の電話番号" })
  @IsOptional()
  @Matches(PHONE_PATTERN, ja("電話番号の形式が正しくありません"))
  publicPhone?: string | null;

  @Field(() => String, { nullable: true, description: "公開用のメールアドレス" })
  @IsOptional()
  @IsEmail({}, ja("メールアドレスの形式が正しくありません"))
  @MaxLength(254)
  publicEmail?: string | null;

  @Field(() => String, { nullable: true, description: "公開用の連絡先の補足 (受付時間・窓口名など)" })
  @IsOptional()
  @IsString()
  @MaxLength(200, ja("補足は200文字以内にしてください"))
  publicContactNote?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, ja("住所は200文字以内にしてください"))
  address?: string | null;

  @Field(() => String, { nullable: true, description: "省略すると名前から自動で提案" })
  @IsOptional()
  @IsReading()
  @MaxLength(200, ja("よみがなは200文字以内にしてください"))
  nameKana?: string | null;
}

@InputType()
export class CreateOrganizationInput extends OrganizationContactFields {
  @Field(() => String)
  @IsString()
  @IsNotEmpty(ja("名称を入力してください"))
  @Matches(/\S/, ja("名称を入力してください"))
  @MaxLength(200, ja("名称は200文字以内にしてください"))
  name: string;

  @Field(() => OrgType)
  @IsEnum(OrgType, ja("種別が正しくありません"))
  orgType: OrgType;

  @Field(() => CityRelationship, { defaultValue: CityRelationship.INDEPENDENT })
  @IsEnum(CityRelationship, ja("市との関係が正しくありません"))
  cityRelationship: CityRelationship = CityRelationship.INDEPENDENT;
}

@InputType()
export class UpdateOrganizationInput extends OrganizationContactFields {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString(ja("名称を入力してください"))
  @Matches(/\S/, ja("名称を入力してください"))
  @MaxLength(200, ja("名称は200文字以内にしてください"))
  name?: string;

  @Field(() => OrgType, { nullable: true })
  @Omittable()
  @IsEnum(OrgType, ja("種別が正しくありません"))
  orgType?: OrgType;

  @Field(() => CityRelationship, { nullable: true })
  @Omittable()
  @IsEnum(CityRelationship, ja("市との関係が正しくありません"))
  cityRelationship?: CityRelationship;
}

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization)
  organization: Organization;
}
