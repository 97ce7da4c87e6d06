/** ログイン: sign-in through the city's identity provider (OpenID Connect). */
export const oidcMessages = {
  button: "自治体のアカウントでログイン",
  or: "または",
  /** The reasons the server sends back as `/login?oidcError=…` (server/src/auth/oidc/oidc.policy.ts). */
  refusals: {
    UNKNOWN_USER:
      "自治体のアカウントでは確認できましたが、つなぐにこの方のアカウントがありません。つなぐのシステム管理者にアカウントの作成を依頼してください。",
    EMAIL_NOT_VERIFIED:
      "自治体のアカウントのメールアドレスが確認済みではないため、つなぐのアカウントと結びつけられません。システム管理者にお問い合わせください。",
    INACTIVE: "このアカウントは利用停止中です。つなぐのシステム管理者にお問い合わせください。",
    LINKED_TO_OTHER:
      "このメールアドレスのつなぐのアカウントは、自治体の別のアカウントと結びついています。システム管理者にお問い合わせください。",
    STATE_MISMATCH: "ログインの手続きが途中で切れたか、有効期限が過ぎました。もう一度ログインしてください。",
    PROVIDER_ERROR: "自治体のアカウントでログインできませんでした。時間をおいてもう一度お試しください。",
  },
} as const;

export type OidcRefusal = keyof typeof oidcMessages.refusals;

/** The Japanese sentence for `?oidcError=`, or null for none or an unknown value. */
export function oidcRefusalMessage(code: string | null): string | null {
  return code && Object.hasOwn(oidcMessages.refusals, code) ? oidcMessages.refusals[code as OidcRefusal] : null;
}
