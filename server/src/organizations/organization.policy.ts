import { CASEWORKERS, HOSTS, STAFF, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";

/** Pure rules: who may do what to an organization. The UI reads them through `viewerCan`. */
export const organizationPolicy = {
  create: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),

  /** 廃止 and its undo: staff only (a host cannot retire itself). */
  archive: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),

  update: (viewer: Viewer | null, org: { id: string }): boolean =>
    hasRole(viewer, CASEWORKERS) || (hasRole(viewer, HOSTS) && viewer?.organizationId === org.id),

  /**
   * 職員向けの連絡先 (the named contact person, their phone and e-mail): staff, and the organization's own hosts.
   * Never an anonymous caller or another host: the public directory shows the 公開用の連絡先 instead.
   */
  seeStaffContact: (viewer: Viewer | null, org: { id: string }): boolean =>
    hasRole(viewer, STAFF) || (hasRole(viewer, HOSTS) && viewer?.organizationId === org.id),
};
