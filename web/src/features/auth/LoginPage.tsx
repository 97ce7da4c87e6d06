/** Placeholder: replaced by the page itself. */
export function LoginPage() {
  return <h1>準備中</h1>;
}
