import type { Viewer } from "../core/viewer.js";
import { CASEWORKERS, STAFF, hasRole } from "../core/roles.js";

/**
 * Pure rules for resource gaps (地域課題). Staff read them (they name no person); caseworkers, who meet the needs
 * nobody meets yet, raise them and move them along.
 */
export const resourceGapPolicy = {
  list: (viewer: Viewer | null): boolean => hasRole(viewer, STAFF),
  raise: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  setStatus: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
};
