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

/**
 * How the hash chain of the audit log is broken (audit.chain.ts `ChainBreak`, which the service maps onto this enum
 * one by one): a row's content changed, a row missing, a row not linked to the one before, a purge record that does
 * not fit, the chain's last row missing or changed. The client words each kind (the server sends the code only).
 */
export enum AuditChainBreakKind {
  CONTENT_CHANGED = "CONTENT_CHANGED",
  ROW_MISSING = "ROW_MISSING",
  LINK_BROKEN = "LINK_BROKEN",
  GAP_RECORD_BROKEN = "GAP_RECORD_BROKEN",
  HEAD_MISMATCH = "HEAD_MISMATCH",
}

registerEnumType(AuditChainBreakKind, {
  name: "AuditChainBreakKind",
  description:
    "監査ログの連鎖の切れ方: 行の内容の書き換え / 行の欠落 / 直前の行とのつながりの不一致 / 保存期間切れの削除の記録の不一致 / 最後の行の欠落・不一致",
});
