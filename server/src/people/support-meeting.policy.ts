import { ADMINS, hasRole, type UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { personPolicy } from "./person.policy.js";

/**
 * Pure rules for 支援会議 groups. Who sits on a meeting decides who sees the persons on its track, so the groups,
 * their members and even the list of them are an administrator's matter: coordinators see only the meetings they sit
 * on (PersonService.meetingGroupsOf), never the others nor who sits on them.
 */
export const supportMeetingPolicy = {
  list: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  create: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  /** Renaming and changing members stays possible once archived: a member who leaves must stop seeing its persons. */
  update: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
  archive: (viewer: Viewer | null, group: { archivedAt: Date | null }): boolean =>
    hasRole(viewer, ADMINS) && group.archivedAt === null,
  restore: (viewer: Viewer | null, group: { archivedAt: Date | null }): boolean =>
    hasRole(viewer, ADMINS) && group.archivedAt !== null,
  /** A member carries the meeting's 守秘義務: an active caseworker account, never a host, a viewer or a stopped one. */
  maySit: (user: { role: UserRole; active: boolean }): boolean => personPolicy.mayWorkCases(user) && user.active,
  /** An archived meeting keeps its persons but takes no new one. */
  acceptsPersons: (group: { archivedAt: Date | null }): boolean => group.archivedAt === null,
};
