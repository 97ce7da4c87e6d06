/** Placeholder: replaced by the page itself. */
export function PersonDetailPage() {
  return <h1>準備中</h1>;
}
