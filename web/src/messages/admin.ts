/** 監査ログ, アカウント and パスワードの変更. */
import type { AuditAction, AuditChainBreakKind } from "../gql/graphql";

export type { AuditAction, AuditChainBreakKind };

/** The server's AuditAction, in the words of the schema's description. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  READ: "閲覧",
  CREATE: "作成",
  UPDATE: "更新",
  DELETE: "削除",
  WRITE: "書き込み",
  LOGIN: "ログイン",
  LOGIN_FAILED: "ログイン失敗",
  LOGOUT: "ログアウト",
  DENIED: "拒否",
  PURGE: "保存期間切れの削除",
  DISCLOSURE: "開示",
  ERASE: "個人情報の消去",
};

/** The server's AuditChainBreakKind: why the hash chain of the audit log does not hold at the first broken row. */
export const AUDIT_CHAIN_BREAK_LABELS: Record<AuditChainBreakKind, string> = {
  CONTENT_CHANGED: "記録の内容が、記録した時から書き換えられています",
  ROW_MISSING: "記録が削除されています (連番が抜けています)",
  LINK_BROKEN: "直前の記録とのつながりが合いません (直前の記録が書き換えられたか、差し替えられています)",
  GAP_RECORD_BROKEN: "保存期間切れで削除した範囲の記録が、直前の記録と合いません",
  HEAD_MISMATCH: "最後の記録が削除されたか、書き換えられています",
};

/**
 * `AuditEvent.entityType` is a plain string (a refused call records the GraphQL type it asked for), so these are the
 * types the server writes on purpose; any other is shown as sent.
 */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Person: "本人",
  Consent: "同意",
  FollowUpRecord: "フォローアップ記録",
  ReferralPerson: "受け入れ先が見た本人の情報",
  Match: "マッチング",
  Attendance: "出席",
  SupportPlan: "支援プラン",
  SupportMeetingGroup: "支援会議",
  Resource: "資源",
  ResourceGap: "資源の不足",
  Organization: "団体",
  Area: "地域",
  User: "利用者",
  MunicipalSettings: "市の設定",
  AuditLog: "監査ログ",
};

/** Shown beside every new password (the server's policy, `auth/password.policy.ts`, decides). */
const passwordPolicy =
  "12文字以上128文字以内。メールアドレスの「@」より前の部分、よく使われるパスワード、同じ文字の繰り返しは使えません。" +
  "記号や大文字を混ぜる必要はありません。覚えやすい長めの言葉の組み合わせがおすすめです。";

export const adminMessages = {
  audit: {
    pageTitle: "監査ログ",
    pageLead:
      "本人の情報の閲覧と、すべての変更・ログインの記録です(新しい順)。この画面で監査ログを見たことも、条件とともに監査ログに記録されます。",
    filtersLabel: "監査ログの絞り込み",
    period: "期間",
    from: "開始日",
    to: "終了日 (この日を含む)",
    actions: "操作の種類",
    actorRole: "利用者の種類",
    actor: "利用者",
    entityType: "対象の種類",
    recordId: "対象のID",
    personId: "本人のID",
    requestId: "リクエストID",
    operation: "GraphQL の操作名",
    operationHint: "例: person, transitionMatch",
    idHint: "一覧の「記録ID」「本人ID」からコピーできます",
    all: "すべて",
    userOption: (name: string, role: string, active: boolean) => `${name} (${role})${active ? "" : " — 停止中"}`,
    unknownUser: (id: string) => `利用者ID ${id}`,
    usersLoadError: "利用者の一覧を読み込めませんでした。ほかの条件は使えます。",
    apply: "この条件で表示",
    clear: "条件をすべて外す",
    invalidDate: "日付を正しく入力してください",
    toBeforeFrom: "終了日は開始日と同じか、それより後にしてください",
    invalidPersonId: "本人のIDの形式が正しくありません (英数字とハイフンの36文字)",
    invalidActor: "利用者の指定が正しくありません",
    listLabel: "監査ログの一覧",
    caption: "監査ログ (新しい順)",
    count: (total: number, shown: number) =>
      total === 0 ? "該当する記録はありません" : `全 ${total} 件 (${shown} 件を表示)`,
    loading: "読み込み中…",
    loadError: "監査ログを読み込めませんでした。",
    retry: "もう一度読み込む",
    loadMore: "もっと見る",
    loadMoreError: "続きを読み込めませんでした。もう一度お試しください。",
    empty: "条件に合う記録はありません。",
    columns: {
      occurredAt: "日時",
      actor: "利用者",
      action: "操作",
      entity: "対象",
      recordId: "記録ID",
      personId: "本人ID",
      requestId: "リクエストID",
      clientAddress: "接続元",
      detail: "詳細",
    },
    noActor: "(ログインなし・システム)",
    deletedActor: "(削除された利用者)",
    serverSide: "サーバー内",
    none: "—",
    allForPerson: "この本人の記録をすべて見る",
    allForPersonSuffix: (personId: string) => `(本人ID ${personId})`,
    detailMore: (n: number) => `ほか ${n} 項目`,
    chain: {
      title: "記録の改ざんの確認",
      lead: "監査ログの記録は、一つひとつが直前の記録とハッシュでつながっています。すべての記録をたどり、書き換えや削除の跡がないかを確かめます。確認したことも監査ログに記録されます。",
      check: "改ざんの確認",
      checking: "すべての記録を確かめています…",
      intact: (checked: number) => `記録は改ざんされていません（${checked.toLocaleString("ja-JP")}件を確認）`,
      broken: "改ざんの可能性があります",
      brokenLead: "次の記録から先は、記録した時のままであることを確かめられません。",
      occurredAt: "日時",
      eventId: "監査ログの記録ID",
      seq: "連番 (書き込まれた順)",
      reason: "理由",
      unknown: "(記録がないため不明)",
      afterBroken: (checked: number) =>
        `それより前の ${checked.toLocaleString("ja-JP")} 件はつながっていました。この画面を保存し、システムの担当者に連絡してください。`,
      checkedAt: (at: string) => `確認した日時: ${at}`,
      failed: "確認できませんでした。",
    },
  },

  users: {
    pageTitle: "アカウント",
    pageLead:
      "職員と受け入れ先のアカウントの一覧と作成です。作成した人には、初期パスワードを安全な方法で伝え、最初のログイン後に変更してもらってください。",
    listTitle: "アカウントの一覧",
    caption: "アカウント (メールアドレス順)",
    count: (total: number, shown: number) => `全 ${total} 件 (${shown} 件を表示)`,
    loading: "読み込み中…",
    loadError: "アカウントの一覧を読み込めませんでした。",
    retry: "もう一度読み込む",
    loadMore: "もっと見る",
    loadMoreError: "続きを読み込めませんでした。もう一度お試しください。",
    empty: "アカウントはまだありません。",
    columns: { email: "メールアドレス", displayName: "表示名", role: "役割", organization: "所属", active: "状態" },
    active: "有効",
    inactive: "停止中",
    none: "—",
    createTitle: "アカウントを作る",
    email: "メールアドレス",
    displayName: "表示名",
    displayNameHint: "画面の右上や記録の「記録した人」に表示されます",
    role: "役割",
    roleHints: {
      ADMIN: "すべての操作、アカウントと監査ログの管理",
      COORDINATOR: "本人の支援・マッチング・フォローアップ",
      HOST: "受け入れ先ポータル (自分の団体の掲載とご紹介のみ)",
      VIEWER: "成果と資源の不足の閲覧のみ",
    },
    organization: "所属する団体",
    organizationHint: "受け入れ先のアカウントは、この団体の掲載とご紹介だけを扱えます",
    organizationChoose: "選んでください",
    organizationsLoading: "団体の一覧を読み込み中…",
    organizationsLoadError: "団体の一覧を読み込めませんでした。",
    password: "初期パスワード",
    showPassword: "パスワードを表示する",
    missingEmail: "メールアドレスを入力してください",
    missingDisplayName: "表示名を入力してください",
    missingRole: "役割を選んでください",
    missingOrganization: "受け入れ先のアカウントには団体を選んでください",
    missingPassword: "初期パスワードを入力してください",
    submit: "アカウントを作成",
    submitting: "作成しています…",
    created: (name: string, email: string) =>
      `${name} さんのアカウント (${email}) を作成しました。一覧に加わっています。`,
  },

  password: {
    pageTitle: "パスワードの変更",
    pageLead: "変更すると、ほかの端末やブラウザーでのログインはすべて終了します。この端末はそのまま使えます。",
    current: "現在のパスワード",
    next: "新しいパスワード",
    confirm: "新しいパスワード (確認用)",
    confirmHint: "同じものをもう一度入力してください",
    showPasswords: "入力中のパスワードを表示する",
    missingCurrent: "現在のパスワードを入力してください",
    missingNext: "新しいパスワードを入力してください",
    mismatch: "確認用のパスワードが新しいパスワードと一致しません",
    submit: "パスワードを変更",
    submitting: "変更しています…",
    changed:
      "パスワードを変更しました。ほかの端末やブラウザーでのログインはすべて終了しました。この端末ではそのまま続けて使えます。",
  },

  passwordPolicy,
} as const;
