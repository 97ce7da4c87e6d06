/** Placeholder: replaced by the page itself. */
export function HostReferralPage() {
  return <h1>準備中</h1>;
}
