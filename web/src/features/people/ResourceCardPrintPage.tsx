/** Placeholder: replaced by the page itself. */
export function ResourceCardPrintPage() {
  return <h1>準備中</h1>;
}
