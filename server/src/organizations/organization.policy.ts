import { UserRole } from "../auth/user.entity.js";
import type { Viewer } from "../auth/viewer.js";

/** Pure rules: who may do what to an organization. The UI reads them through `viewerCan`. */
export const organizationPolicy = {
  create: (viewer: Viewer | null): boolean => viewer?.role === UserRole.ADMIN || viewer?.role === UserRole.COORDINATOR,

  update: (viewer: Viewer | null, org: { id: string }): boolean =>
    viewer?.role === UserRole.ADMIN ||
    viewer?.role === UserRole.COORDINATOR ||
    (viewer?.role === UserRole.HOST && viewer.organizationId === org.id),
};
