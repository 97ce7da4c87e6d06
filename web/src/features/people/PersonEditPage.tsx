/** Placeholder: replaced by the page itself. */
export function PersonEditPage() {
  return <h1>準備中</h1>;
}
