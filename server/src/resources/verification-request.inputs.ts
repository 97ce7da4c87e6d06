import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { PageArgs } from "../core/pagination.js";
import { ja, jaEach } from "../core/validators.js";
import { ResourceKind } from "./resource.enums.js";
import { Resource } from "./resource.entity.js";

@InputType()
export class RequestVerificationInput {
  // One page of the queue at most: a request is a message to each host, not a bulk job.
  @Field(() => [ID])
  @IsUUID("all", jaEach("資源IDが正しくありません"))
  @ArrayMinSize(1, ja("確認を依頼する資源を選んでください"))
  @ArrayMaxSize(100, ja("一度に依頼できるのは100件までです"))
  resourceIds: string[];

  @Field(() => String, { nullable: true, description: "受け入れ先へのひとこと" })
  @IsOptional()
  @IsString()
  @MaxLength(500, ja("ひとことは500文字以内にしてください"))
  message?: string | null;
}

@ObjectType()
export class RequestVerificationPayload {
  @Field(() => Int, { description: "新しく依頼した件数" })
  requestedCount: number;

  @Field(() => Int, { description: "すでに依頼中だった件数 (そのまま)" })
  alreadyOpenCount: number;

  @Field(() => [Resource])
  resources: Resource[];
}

/** 確認待ちの一覧: listings by oldest verification first (never verified first), narrowed like the directory. */
@ArgsType()
export class StaleResourceArgs extends PageArgs {
  @Field(() => [ResourceKind], { nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind, jaEach("種類の値が正しくありません"))
  @ArrayMaxSize(30)
  kinds?: ResourceKind[] | null;

  @Field(() => [ID], { nullable: true, description: "地区 (いずれかに属する資源)" })
  @IsOptional()
  @IsUUID("all", jaEach("地域IDが正しくありません"))
  @ArrayMaxSize(20)
  areaIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: "運営する団体" })
  @IsOptional()
  @IsUUID("all", ja("団体IDが正しくありません"))
  organizationId?: string | null;
}
