import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, IsString, IsUUID, Matches, MaxLength } from "class-validator";
import { Omittable, ja, jaEach } from "../core/validators.js";
import { SupportMeetingGroup } from "./support-meeting.entity.js";

/** A meeting is a handful of staff; the bound keeps one request from naming every account. */
const MAX_MEMBERS = 50;

@InputType()
export class CreateSupportMeetingGroupInput {
  @Field(() => String)
  @IsString()
  @Matches(/\S/, ja("会議の名前を入力してください"))
  @MaxLength(100, ja("100文字以内にしてください"))
  name: string;

  @Field(() => [ID], { description: "構成員 (守秘義務を負う職員, 1人以上)" })
  @ArrayMinSize(1, ja("構成員を1人以上選んでください"))
  @ArrayMaxSize(MAX_MEMBERS, ja(`構成員は${MAX_MEMBERS}人までにしてください`))
  @IsUUID("all", jaEach("構成員の指定が正しくありません"))
  memberIds: string[];
}

@InputType()
export class UpdateSupportMeetingGroupInput {
  @Field(() => ID)
  @IsUUID("all", ja("IDが正しくありません"))
  id: string;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString()
  @Matches(/\S/, ja("会議の名前を入力してください"))
  @MaxLength(100, ja("100文字以内にしてください"))
  name?: string;

  @Field(() => [ID], {
    nullable: true,
    description: "構成員をこの顔ぶれに置き換える (1人以上)。外れた人はすぐに本人が見えなくなる",
  })
  @Omittable()
  @ArrayMinSize(1, ja("構成員を1人以上選んでください"))
  @ArrayMaxSize(MAX_MEMBERS, ja(`構成員は${MAX_MEMBERS}人までにしてください`))
  @IsUUID("all", jaEach("構成員の指定が正しくありません"))
  memberIds?: string[];
}

@ObjectType()
export class SupportMeetingGroupPayload {
  @Field(() => SupportMeetingGroup)
  supportMeetingGroup: SupportMeetingGroup;
}
