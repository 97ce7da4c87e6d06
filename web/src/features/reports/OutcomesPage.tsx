/** Placeholder: replaced by the page itself. */
export function OutcomesPage() {
  return <h1>準備中</h1>;
}
