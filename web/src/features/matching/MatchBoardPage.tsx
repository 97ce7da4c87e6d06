/** Placeholder: replaced by the page itself. */
export function MatchBoardPage() {
  return <h1>準備中</h1>;
}
