/** Placeholder: replaced by the page itself. */
export function ResourceDetailPage() {
  return <h1>準備中</h1>;
}
