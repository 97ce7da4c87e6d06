import { CASEWORKERS, HOSTS, STAFF, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";

/**
 * Pure rules for listings. Staff (ADMIN, COORDINATOR) manage every listing; a HOST manages only its own
 * organization's; VIEWER and anonymous callers only read. Reads are public: the directory is for residents too.
 */
const manages = (viewer: Viewer | null, organizationId: string): boolean =>
  hasRole(viewer, CASEWORKERS) || (hasRole(viewer, HOSTS) && viewer?.organizationId === organizationId);

export const resourcePolicy = {
  create: (viewer: Viewer | null, organizationId: string) => manages(viewer, organizationId),
  update: (viewer: Viewer | null, resource: { organizationId: string }) => manages(viewer, resource.organizationId),
  setStatus: (viewer: Viewer | null, resource: { organizationId: string }) => manages(viewer, resource.organizationId),
  delete: (viewer: Viewer | null, resource: { organizationId: string }) => manages(viewer, resource.organizationId),
  /** 「掲載内容を確認しました」: the host confirms its own listing; staff confirm any. */
  verify: (viewer: Viewer | null, resource: { organizationId: string }) => manages(viewer, resource.organizationId),
  /** 「確認を依頼」 and the stale-listing queue it is sent from: staff only. */
  requestVerification: (viewer: Viewer | null) => hasRole(viewer, CASEWORKERS),
  /** An open request is seen by whoever can answer it (the host, staff), never by the public. */
  seeVerificationRequest: (viewer: Viewer | null, resource: { organizationId: string }) =>
    manages(viewer, resource.organizationId),
  /**
   * 担当者名, a named person: staff, and the listing's own hosts (who enter it, and would blank it on saving if their
   * form were sent none). Never an anonymous caller or another host; the public exports and HSDS never carry it.
   */
  seeContactName: (viewer: Viewer | null, resource: { organizationId: string }) =>
    hasRole(viewer, STAFF) || (hasRole(viewer, HOSTS) && viewer?.organizationId === resource.organizationId),
  /** 変更履歴 (who changed what): staff only. */
  readHistory: (viewer: Viewer | null) => hasRole(viewer, CASEWORKERS),
};
