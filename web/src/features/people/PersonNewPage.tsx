/** Placeholder: replaced by the page itself. */
export function PersonNewPage() {
  return <h1>準備中</h1>;
}
