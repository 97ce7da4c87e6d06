/** Placeholder: replaced by the page itself. */
export function UsersPage() {
  return <h1>準備中</h1>;
}
