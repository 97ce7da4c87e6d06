import type { Viewer } from "../core/viewer.js";
import { ADMINS, STAFF, hasRole } from "../core/roles.js";

/**
 * Pure rules for the evaluation report. It holds aggregates only (no person), so staff read it as they read the
 * outcome figures; the figures a city files (targets, hand-entered actuals, the narratives) are set by its
 * administrators. Hosts see neither: these are the city's numbers.
 */
export const indicatorPolicy = {
  read: (viewer: Viewer | null): boolean => hasRole(viewer, STAFF),
  write: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
};
