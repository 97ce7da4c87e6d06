import { ArgsType, Field, ID } from "type-graphql";
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ArrayMaxSize } from "class-validator";
import { PageArgs } from "../core/pagination.js";
import { jaEach, ja } from "../core/validators.js";
import { ResourceKind, ResourceStatus, TargetGroup } from "./resource.enums.js";

/** Directory listing filters (the faceted, ranked search is `searchResources`). */
@ArgsType()
export class ResourceListArgs extends PageArgs {
  @Field(() => [ResourceKind], { nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind, jaEach("種類の値が正しくありません"))
  @ArrayMaxSize(50)
  kinds?: ResourceKind[] | null;

  @Field(() => [TargetGroup], { nullable: true })
  @IsOptional()
  @IsEnum(TargetGroup, jaEach("対象者の値が正しくありません"))
  @ArrayMaxSize(30)
  targetGroups?: TargetGroup[] | null;

  @Field(() => [ID], { nullable: true, description: "いずれかの地域にある資源" })
  @IsOptional()
  @IsUUID("all", jaEach("地域IDが正しくありません"))
  @ArrayMaxSize(50)
  areaIds?: string[] | null;

  @Field(() => [ResourceStatus], { nullable: true, description: "省略時は活動中と休止中" })
  @IsOptional()
  @IsEnum(ResourceStatus, jaEach("状態の値が正しくありません"))
  statuses?: ResourceStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", ja("団体IDが正しくありません"))
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  citywide?: boolean | null;

  @Field(() => String, { nullable: true, description: "名称・よみがな・説明の部分一致" })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("検索語は100文字以内にしてください"))
  text?: string | null;
}
