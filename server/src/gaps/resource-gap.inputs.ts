import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { ja, jaEach } from "../core/validators.js";
import { TargetGroup } from "../resources/resource.enums.js";
import { ResourceGap, ResourceGapStatus } from "./resource-gap.entity.js";

@InputType({ description: "資源の不足を記録 (本人の満たされないニーズ, または見つからなかった検索から)" })
export class RaiseResourceGapInput {
  @Field(() => String, { description: "不足しているもの (例: 平日夜に若者が集まれる場)" })
  @IsString()
  @IsNotEmpty(ja("不足しているものを入力してください"))
  @MaxLength(500, ja("500文字以内にしてください"))
  need: string;

  @Field(() => [TargetGroup], { defaultValue: [] })
  @ArrayMaxSize(15)
  @IsEnum(TargetGroup, jaEach("対象区分が正しくありません"))
  targetGroups: TargetGroup[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("地域の指定が正しくありません"))
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: "きっかけになった本人 (一覧には出ない)" })
  @IsOptional()
  @IsUUID("all", ja("本人の指定が正しくありません"))
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "見つからなかった検索のことば" })
  @IsOptional()
  @IsString()
  @MaxLength(200, ja("200文字以内にしてください"))
  searchText?: string | null;
}

@InputType()
export class SetResourceGapStatusInput {
  @Field(() => ID)
  @IsUUID("all", ja("資源の不足の指定が正しくありません"))
  id: string;

  @Field(() => ResourceGapStatus)
  @IsEnum(ResourceGapStatus, ja("状態が正しくありません"))
  status: ResourceGapStatus;

  @Field(() => String, { nullable: true, description: "経過メモ (協議体での結論など)" })
  @IsOptional()
  @IsString()
  @MaxLength(2000, ja("2000文字以内にしてください"))
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "解決にした新しい資源 (解決では必須)" })
  @IsOptional()
  @IsUUID("all", ja("資源の指定が正しくありません"))
  resolvedResourceId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}

@ObjectType()
export class ResourceGapPayload {
  @Field(() => ResourceGap)
  resourceGap: ResourceGap;
}
