import type { Viewer } from "../core/viewer.js";
import { CASEWORKERS, hasRole } from "../core/roles.js";

/**
 * Pure rules for follow-ups. Caseworkers record contacts about the matches they see (the person's visibility is the
 * matching service's check); hosts and viewers never read a follow-up.
 */
export const followUpPolicy = {
  record: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  listDue: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
};
