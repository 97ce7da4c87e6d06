import type { Viewer } from "../core/viewer.js";
import { ADMINS, hasRole } from "../core/roles.js";

/** Pure rules for areas. Every listing and every search is drawn on them, so administrators alone change them. */
export const areaPolicy = {
  create: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  update: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  delete: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
};
