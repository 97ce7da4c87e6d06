import { CASEWORKERS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";

/** Importing a city's lists rewrites the catalog: administrators and coordinators only. */
export const catalogImportPolicy = {
  import: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
};
