import type { Viewer } from "../core/viewer.js";
import { ADMINS, hasRole } from "../core/roles.js";

/** Pure rules for the audit log: it says who read which person, so administrators alone read it. */
export const auditPolicy = {
  search: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  /** Checking the hash chain reads every row's hash: the same readers as the log itself. */
  verifyChain: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
};
