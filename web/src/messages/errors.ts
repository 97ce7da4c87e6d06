/** Error notices shared by every page (the text of `web/src/ui/graphql-errors.ts`). */
export const errorMessages = {
  network: "サーバーにつながりませんでした。通信状況を確かめて、もう一度お試しください。",
  checkInput: "入力内容を確認してください。",
  conflict: "ほかの人が先に更新しました。画面を読み込み直してから、もう一度お試しください。",
  signedOut: "ログインの有効期限が切れました。もう一度ログインしてください。",
} as const;
