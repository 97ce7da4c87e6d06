import { Field, InputType, ObjectType } from "type-graphql";
import { IsEmail, IsString, MaxLength, MinLength } from "class-validator";
import { User } from "./user.entity.js";

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail({}, { message: "メールアドレスの形式が正しくありません" })
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @MinLength(1, { message: "パスワードを入力してください" })
  @MaxLength(200, { message: "パスワードが長すぎます" })
  password: string;
}

@ObjectType()
export class LoginPayload {
  @Field(() => User)
  user: User;
}
