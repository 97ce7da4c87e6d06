/** Placeholder: replaced by the page itself. */
export function HostPortalPage() {
  return <h1>準備中</h1>;
}
