import { CASEWORKERS, HOSTS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";

/** Pure rules: who may do what to an organization. The UI reads them through `viewerCan`. */
export const organizationPolicy = {
  create: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),

  /** 廃止 and its undo: staff only (a host cannot retire itself). */
  archive: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),

  update: (viewer: Viewer | null, org: { id: string }): boolean =>
    hasRole(viewer, CASEWORKERS) || (hasRole(viewer, HOSTS) && viewer?.organizationId === org.id),
};
