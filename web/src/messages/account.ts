/** 二段階認証, the setup steps a user must finish first, 「ログインしたままにする」, and an ADMIN's account actions. */
export const accountMessages = {
  login: {
    staySignedIn: "ログインしたままにする",
    staySignedInHint: (hours: number | undefined) =>
      hours
        ? `共用のパソコンでは選ばないでください (最長${hours}時間でログアウトします)`
        : "共用のパソコンでは選ばないでください",
    code: "確認コード",
    codeHint: "認証アプリに表示されている6桁の数字、または回復コードを入力してください",
    codeLead: "二段階認証を設定しているアカウントです。確認コードを入力してください。",
    invalidCode: "確認コードが正しくありません。",
    back: "メールアドレスの入力に戻る",
  },
  setup: {
    passwordNotice:
      "管理者が発行した仮パスワードでログインしています。新しいパスワードに変更するまで、ほかの操作はできません。",
    twoFactorNotice: "あなたの役割では二段階認証が必須です。設定が終わるまで、ほかの操作はできません。",
  },
  twoFactor: {
    menu: "二段階認証",
    pageTitle: "二段階認証",
    pageLead:
      "ログインのとき、パスワードに加えて認証アプリ (Google Authenticator、Microsoft Authenticator など) の6桁の確認コードを入力します。",
    enabled: "二段階認証は設定済みです。",
    notEnabled: "二段階認証はまだ設定されていません。",
    start: "設定を始める",
    starting: "準備しています…",
    step1: "1. 認証アプリで次の QR コードを読み取ってください。",
    qrAlt: "認証アプリに読み取らせる QR コード",
    secretLabel: "QR コードを読み取れない場合は、この鍵を手で入力してください",
    step2: "2. アプリに表示された6桁の確認コードを入力してください。",
    code: "確認コード",
    confirm: "確認して設定する",
    confirming: "確認しています…",
    recoveryTitle: "回復コード",
    recoveryLead:
      "スマートフォンをなくしたときは、確認コードの代わりに次の回復コードを使えます (それぞれ1回だけ)。いま印刷するか書き写して、安全な場所に保管してください。この画面を離れると二度と表示されません。",
    recoveryDone: "保管しました。続ける",
    done: "二段階認証を設定しました。",
    disableTitle: "二段階認証を無効にする",
    disableLead: "確認コードか回復コードを入力してください。",
    disable: "無効にする",
    disabling: "無効にしています…",
    disabled: "二段階認証を無効にしました。",
    missingCode: "確認コードを入力してください",
  },
  admin: {
    columns: { twoFactor: "二段階認証", actions: "操作" },
    twoFactorOn: "設定済み",
    twoFactorOff: "未設定",
    temporary: "仮パスワード",
    actionsFor: (name: string) => `${name} さんのアカウントの操作`,
    deactivate: "停止する",
    reactivate: "再開する",
    issueTemporary: "仮パスワードを発行",
    signOut: "全端末からログアウト",
    resetTwoFactor: "二段階認証をリセット",
    roleLabel: (name: string) => `${name} さんの役割`,
    organizationLabel: (name: string) => `${name} さんの所属する団体 (受け入れ先に変えるとき)`,
    organizationChoose: "団体を選ぶ",
    changeRole: "役割を変更",
    /** The confirmation asked before an action that cannot be taken back with one click (ConfirmedAction). */
    confirmTitle: (action: string) => `「${action}」の確認`,
    confirmDeactivate: (name: string) =>
      `${name} さんのアカウントを停止します。ログイン中の端末はすべてログアウトし、再開するまでログインできません。よろしいですか?`,
    confirmTemporary: (name: string) =>
      `${name} さんに仮パスワードを発行します。今のパスワードは使えなくなり、ログイン中の端末はすべてログアウトします。よろしいですか?`,
    confirmSignOut: (name: string) =>
      `${name} さんを、ログイン中のすべての端末からログアウトさせます。保存していない入力は失われます。よろしいですか?`,
    confirmReset: (name: string) =>
      `${name} さんの二段階認証をリセットします。認証アプリと回復コードは使えなくなり、ログイン中の端末はすべてログアウトします。よろしいですか?`,
    confirmRole: (name: string, from: string, to: string) =>
      `${name} さんの役割を「${from}」から「${to}」に変更します。次の操作から、見られる情報とできる操作が変わります。よろしいですか?`,
    deactivated: (name: string) => `${name} さんのアカウントを停止しました。`,
    reactivated: (name: string) => `${name} さんのアカウントを再開しました。`,
    temporaryIssued: (name: string) =>
      `${name} さんの仮パスワードを発行しました。安全な方法で本人に伝えてください (この画面を離れると二度と表示されません):`,
    signedOut: (name: string, n: number) => `${name} さんを ${n} 台の端末からログアウトさせました。`,
    resetDone: (name: string) => `${name} さんの二段階認証をリセットしました。`,
    roleChanged: (name: string) => `${name} さんの役割を変更しました。`,
  },
  settings: {
    section: "ログインの安全",
    legend: "二段階認証を必須にする役割",
    hint: "選んだ役割の利用者は、二段階認証を設定するまでほかの操作ができません。",
  },
} as const;
