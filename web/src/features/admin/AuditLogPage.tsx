/** Placeholder: replaced by the page itself. */
export function AuditLogPage() {
  return <h1>準備中</h1>;
}
