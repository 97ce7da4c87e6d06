import { registerEnumType } from "type-graphql";

/**
 * What happened. READ is personal data shown to a client (or the audit log itself); CREATE / UPDATE / DELETE are
 * successful mutations whose effect is known; WRITE is a mutation that creates or updates (an upsert) or that no
 * spec classifies yet; DENIED is an operation refused as UNAUTHENTICATED, FORBIDDEN or NOT_FOUND; PURGE is the
 * retention purge (the only delete the database lets through).
 */
export enum AuditAction {
  READ = "READ",
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
  WRITE = "WRITE",
  LOGIN = "LOGIN",
  LOGIN_FAILED = "LOGIN_FAILED",
  LOGOUT = "LOGOUT",
  DENIED = "DENIED",
  PURGE = "PURGE",
  /** 開示: everything held about one person was produced for a 開示請求 (person-rights/). */
  DISCLOSURE = "DISCLOSURE",
  /** 消去: a person's personal data (or old notes) erased after the retention period; counts only. */
  ERASE = "ERASE",
}

registerEnumType(AuditAction, {
  name: "AuditAction",
  description:
    "監査ログの種類: 閲覧 / 作成 / 更新 / 削除 / 書き込み / ログイン / ログイン失敗 / ログアウト / 拒否 / 保存期間切れの削除 / 開示 / 個人情報の消去",
});
