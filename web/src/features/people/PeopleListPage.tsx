/** Placeholder: replaced by the page itself. */
export function PeopleListPage() {
  return <h1>準備中</h1>;
}
