/** Interim: the first directory list, until the faceted search page replaces it. */
export { ResourceList as SearchPage } from "./ResourceList";
