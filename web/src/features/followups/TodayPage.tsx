/** Placeholder: replaced by the page itself. */
export function TodayPage() {
  return <h1>準備中</h1>;
}
