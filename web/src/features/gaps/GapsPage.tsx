/** Placeholder: replaced by the page itself. */
export function GapsPage() {
  return <h1>準備中</h1>;
}
