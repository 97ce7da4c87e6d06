/** ログイン. */
export const authMessages = {
  heading: "ログイン",
  lead: "つなぐを使うには、職員または受け入れ先のアカウントでログインしてください。",
  publicDirectory: "ログインせずに地域資源をさがす",
  email: "メールアドレス",
  password: "パスワード",
  submit: "ログイン",
  submitting: "ログインしています…",
  invalidCredentials: "メールアドレスまたはパスワードが正しくありません。",
  locked: (minutes: number | null) =>
    minutes
      ? `ログインに続けて失敗したため、一時的にログインできません。約${minutes}分後にもう一度お試しください。`
      : "ログインに続けて失敗したため、一時的にログインできません。しばらくしてからもう一度お試しください。",
  lockedHint: "パスワードがわからない場合は、システム管理者にお問い合わせください。",
} as const;
