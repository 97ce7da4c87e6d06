/** Placeholder: replaced by the page itself. */
export function HostListingPage() {
  return <h1>準備中</h1>;
}
