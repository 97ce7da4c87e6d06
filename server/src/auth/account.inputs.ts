import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from "class-validator";
import { ja } from "../core/validators.js";
import { UserRole } from "../core/roles.js";
import { User } from "./user.entity.js";

@InputType({ description: "確認コード (認証アプリの6桁、または回復コード)" })
export class TwoFactorCodeInput {
  @Field(() => String)
  @IsString()
  @Matches(/\S/, ja("確認コードを入力してください"))
  @MaxLength(40, ja("確認コードが長すぎます"))
  code: string;
}

@ObjectType({ description: "二段階認証の設定を始めた結果 (この一度だけ表示する)" })
export class TwoFactorEnrolmentPayload {
  @Field(() => String, { description: "認証アプリに手で入力する鍵 (Base32)" })
  secret: string;

  @Field(() => String, { description: "otpauth:// URI (QR コードの中身)" })
  otpauthUri: string;

  @Field(() => String, { description: "QR コード (SVG)。tsunagu のサーバーで作る" })
  qrCodeSvg: string;
}

@ObjectType()
export class ConfirmTwoFactorPayload {
  @Field(() => User)
  user: User;

  @Field(() => [String], { description: "回復コード10個 (この一度だけ表示する。それぞれ1回だけ使える)" })
  recoveryCodes: string[];
}

@ObjectType()
export class UserPayload {
  @Field(() => User)
  user: User;
}

@InputType({ description: "管理者がアカウントに対して行う操作の対象" })
export class UserIdInput {
  @Field(() => ID)
  @IsUUID("all", ja("利用者の指定が正しくありません"))
  userId: string;
}

@InputType({ description: "役割の変更 (管理者のみ)" })
export class ChangeUserRoleInput {
  @Field(() => ID)
  @IsUUID("all", ja("利用者の指定が正しくありません"))
  userId: string;

  @Field(() => UserRole)
  @IsEnum(UserRole, ja("役割が正しくありません"))
  role: UserRole;

  @Field(() => ID, { nullable: true, description: "所属する団体。受け入れ先 (HOST) では必須。省略すると今のまま" })
  @IsOptional()
  @IsUUID("all", ja("団体の指定が正しくありません"))
  organizationId?: string | null;
}

@ObjectType()
export class IssueTemporaryPasswordPayload {
  @Field(() => User)
  user: User;

  @Field(() => String, { description: "仮パスワード (この一度だけ表示する。本人は次のログインで変更する)" })
  temporaryPassword: string;
}

@ObjectType()
export class SignOutUserPayload {
  @Field(() => User)
  user: User;

  @Field(() => Int, { description: "終わらせたセッションの数" })
  sessionsEnded: number;
}
