import { Field, ID, Int, ObjectType } from "type-graphql";
import { AuditChainBreakKind } from "./audit.enums.js";

@ObjectType({ description: "監査ログの連鎖が最初に切れている箇所" })
export class AuditChainBreak {
  @Field(() => AuditChainBreakKind)
  kind: AuditChainBreakKind;

  @Field(() => String, { description: "連鎖の中の位置 (書き込まれた順の連番)" })
  seq: string;

  @Field(() => ID, { nullable: true, description: "その監査ログの記録 ID (行そのものが欠けているときは空)" })
  eventId: string | null;

  @Field(() => Date, { nullable: true, description: "その記録の日時 (記録にある値。行が欠けているときは空)" })
  occurredAt: Date | null;
}

@ObjectType({ description: "監査ログの改ざんの確認の結果 (記録のハッシュの連鎖をすべて検証したもの)" })
export class AuditChainStatus {
  @Field(() => Boolean, { description: "連鎖が最後までつながっている (改ざんの跡がない)" })
  intact: boolean;

  @Field(() => Int, { description: "確かめた記録の件数" })
  checkedCount: number;

  @Field(() => Int, { description: "保存期間切れの削除の記録をまたいだ回数" })
  purgedRuns: number;

  @Field(() => Date, { description: "確認した日時" })
  checkedAt: Date;

  @Field(() => AuditChainBreak, { nullable: true, description: "最初に切れている箇所 (つながっていれば空)" })
  firstBreak: AuditChainBreak | null;
}
