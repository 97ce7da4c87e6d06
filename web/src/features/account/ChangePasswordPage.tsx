/** Placeholder: replaced by the page itself. */
export function ChangePasswordPage() {
  return <h1>準備中</h1>;
}
