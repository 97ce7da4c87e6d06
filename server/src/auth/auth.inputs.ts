import { Field, ID, InputType, ObjectType } from "type-graphql";
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from "class-validator";
import { ja } from "../core/validators.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password.policy.js";
import { User } from "./user.entity.js";
import { AccountSetupStep } from "./two-factor.service.js";
import { UserRole } from "../core/roles.js";

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

  @Field(() => String, {
    nullable: true,
    description:
      "二段階認証の確認コード (6桁) または回復コード。必要なときは extensions.reason = SECOND_FACTOR_REQUIRED",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40, ja("確認コードが長すぎます"))
  code?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "ログインしたままにする (Cookie がブラウザを閉じても残る。上限 SESSION_STAY_SIGNED_IN_HOURS)",
  })
  @IsOptional()
  @IsBoolean()
  staySignedIn?: boolean | null;
}

@ObjectType()
export class LoginPayload {
  @Field(() => User)
  user: User;

  @Field(() => AccountSetupStep, {
    nullable: true,
    description: "ほかの操作の前にすべきこと (仮パスワードの変更、必須の二段階認証の設定)。なければ null",
  })
  pendingSetup: AccountSetupStep | null;
}

// The policy's own messages (password.policy.ts) explain a new password's problems; the validator only keeps an
// absurd value (megabytes) away from argon2.
const NEW_PASSWORD_DESCRIPTION = `${PASSWORD_MIN_LENGTH}〜${PASSWORD_MAX_LENGTH}文字。メールアドレスの@より前の部分やよく使われるパスワードは使えない`;

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, ja("現在のパスワードを入力してください"))
  @MaxLength(200, ja("パスワードが長すぎます"))
  currentPassword: string;

  @Field(() => String, { description: NEW_PASSWORD_DESCRIPTION })
  @IsString()
  @MaxLength(1000, ja(`パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください`))
  newPassword: string;
}

@ObjectType()
export class ChangePasswordPayload {
  @Field(() => User)
  user: User;
}

@InputType({ description: "職員・受け入れ先のアカウントを作る (管理者のみ)" })
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, ja("メールアドレスの形式が正しくありません"))
  @MaxLength(254, ja("メールアドレスが長すぎます"))
  email: string;

  @Field(() => String)
  @IsString()
  @Matches(/\S/, ja("表示名を入力してください"))
  @MaxLength(100, ja("表示名は100文字以内にしてください"))
  displayName: string;

  @Field(() => UserRole)
  @IsEnum(UserRole, ja("役割が正しくありません"))
  role: UserRole;

  @Field(() => ID, { nullable: true, description: "所属する団体。受け入れ先 (HOST) では必須" })
  @IsOptional()
  @IsUUID("all", ja("団体の指定が正しくありません"))
  organizationId?: string | null;

  @Field(() => String, { description: `初期パスワード。${NEW_PASSWORD_DESCRIPTION}` })
  @IsString()
  @MaxLength(1000, ja(`パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください`))
  password: string;
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => User)
  user: User;
}
