import { ArgsType, Field, ID } from "type-graphql";
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { PageArgs } from "../core/pagination.js";
import { ja } from "../core/validators.js";
import { PersonTrack } from "./person.enums.js";

@ArgsType()
export class PersonListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "名前・よみがな" })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("検索語は100文字以内にしてください"))
  text?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "自分が担当する人だけ" })
  @IsBoolean()
  mine: boolean = false;

  @Field(() => PersonTrack, { nullable: true })
  @IsOptional()
  @IsEnum(PersonTrack)
  track?: PersonTrack | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("地域の指定が正しくありません"))
  areaId?: string | null;
}
