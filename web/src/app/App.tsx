import { ResourceList } from "../features/resources/ResourceList";

/** One page for now; a router arrives with the resource detail and sign-in pages. */
export function App() {
  return <ResourceList />;
}
