/** Placeholder: replaced by the page itself. */
export function FollowUpFormPage() {
  return <h1>準備中</h1>;
}
