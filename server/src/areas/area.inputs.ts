import { Field, Float, ID, InputType, ObjectType } from "type-graphql";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from "class-validator";
import { Omittable, ja, jaEach } from "../core/validators.js";
import { IsReading } from "../readings/reading.js";
import { Area } from "./area.entity.js";
import { AreaType } from "./area.enums.js";

// Base of the create/update inputs; type-graphql needs it decorated to inherit its fields.
@InputType()
abstract class AreaFields {
  @Field(() => String, { nullable: true, description: "省略すると名前から自動で提案" })
  @IsOptional()
  @IsReading()
  @MaxLength(100, ja("よみがなは100文字以内にしてください"))
  nameKana?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40, ja("コードは40文字以内にしてください"))
  code?: string | null;

  @Field(() => Float, { nullable: true, description: "中心点の緯度 (距離の起点)" })
  @IsOptional()
  @IsLatitude(ja("緯度は-90〜90の範囲で入力してください"))
  centerLat?: number | null;

  @Field(() => Float, { nullable: true, description: "中心点の経度" })
  @IsOptional()
  @IsLongitude(ja("経度は-180〜180の範囲で入力してください"))
  centerLng?: number | null;

  @Field(() => [ID], { nullable: true, description: "上位の地域 (複数可)" })
  @Omittable()
  @IsUUID("all", jaEach("地域IDが正しくありません"))
  @ArrayMaxSize(20)
  parentIds?: string[];
}

@InputType()
export class CreateAreaInput extends AreaFields {
  @Field(() => AreaType)
  @IsEnum(AreaType, ja("地域の種別が正しくありません"))
  type: AreaType;

  @Field(() => String)
  @IsString()
  @IsNotEmpty(ja("名称を入力してください"))
  @Matches(/\S/, ja("名称を入力してください"))
  @MaxLength(100, ja("名称は100文字以内にしてください"))
  name: string;
}

@InputType()
export class UpdateAreaInput extends AreaFields {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString()
  @Matches(/\S/, ja("名称を入力してください"))
  @MaxLength(100, ja("名称は100文字以内にしてください"))
  name?: string;
}

@ObjectType()
export class AreaPayload {
  @Field(() => Area)
  area: Area;
}

@InputType()
export class SetAreaArchivedInput {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => Boolean)
  @IsBoolean()
  archived: boolean;
}
