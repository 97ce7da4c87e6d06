import type { Viewer } from "../core/viewer.js";
import { CASEWORKERS, HOSTS, hasRole } from "../core/roles.js";

/**
 * Pure rules for matches and referrals. Caseworkers start and move the matches of the persons they see (whether
 * they see the person is personPolicy.read, checked by the services). A referral is a match as its host sees it:
 * only the host organization it was sent to answers it.
 */
export const matchPolicy = {
  create: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  transition: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  suggest: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  /** Hosts see matches only as referrals to their organization. */
  actsAsHost: (viewer: Viewer | null): boolean => hasRole(viewer, HOSTS),
  /** The organization whose referrals this viewer handles: a host's own, null for anyone else. */
  hostOrganizationOf: (viewer: Viewer | null): string | null =>
    matchPolicy.actsAsHost(viewer) ? (viewer?.organizationId ?? null) : null,
  /** 受け入れ可 / 辞退: the host the referral was sent to. */
  respond: (viewer: Viewer | null, match: { organizationId: string }): boolean =>
    matchPolicy.hostOrganizationOf(viewer) === match.organizationId,
  /** 出欠: the host the referral was sent to, or a caseworker. */
  recordAttendance: (viewer: Viewer | null, match: { organizationId: string }): boolean =>
    matchPolicy.respond(viewer, match) || hasRole(viewer, CASEWORKERS),
};
