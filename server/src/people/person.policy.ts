import { CASEWORKERS, UserRole, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { PersonTrack } from "./person.enums.js";

/** What decides who may see a person: their basis today, not the track they were registered on. */
export interface PersonAccessFacts {
  /** An active consent (given, not withdrawn, not expired): see consent.policy.ts hasAnyActiveConsent. */
  hasActiveConsent: boolean;
}

const isCaseworker = (viewer: Viewer | null) => hasRole(viewer, CASEWORKERS);

/** The track a person is on today: consented while a consent is active, otherwise the 支援会議 track. */
export const trackOf = (facts: PersonAccessFacts): PersonTrack =>
  facts.hasActiveConsent ? PersonTrack.CONSENTED : PersonTrack.SUPPORT_MEETING;

/**
 * Pure rules for 本人 records. Caseworkers (ADMIN, COORDINATOR) see a person while the person has an active consent;
 * without one (never given, withdrawn or expired) only the members of the person's 支援会議 see them (守秘義務,
 * 社会福祉法 第106条の6). HOST and VIEWER users never read a person: hosts get referrals with consented facts, viewers
 * get aggregates. A person the viewer may not see does not exist for them (NOT_FOUND), so the policy is also the
 * existence check.
 */
export const personPolicy = {
  create: (viewer: Viewer | null) => isCaseworker(viewer),
  read: (viewer: Viewer | null, person: PersonAccessFacts, memberOfMeeting: boolean) =>
    isCaseworker(viewer) && (person.hasActiveConsent || memberOfMeeting),
  /** Same people as read: whoever works the case may update it, record consent, plans and matches. */
  update: (viewer: Viewer | null, person: PersonAccessFacts, memberOfMeeting: boolean) =>
    personPolicy.read(viewer, person, memberOfMeeting),
  /**
   * For records reached through a person the viewer reads (read passed on the way there): whoever reads the person
   * works the case, and a withdrawn consent stays withdrawn.
   */
  withdrawConsent: (viewer: Viewer | null, consent: { withdrawnAt: Date | null }) =>
    isCaseworker(viewer) && consent.withdrawnAt === null,
  updatePlan: (viewer: Viewer | null) => isCaseworker(viewer),
  /** Who may be a person's 担当者 or sit on a 支援会議: caseworkers, never a host or a viewer. */
  mayWorkCases: (user: { role: UserRole }) => hasRole(user, CASEWORKERS),
  /** A coordinator who registers a person becomes their 担当者; an administrator registering one does not. */
  coordinatesOnRegistering: (viewer: Viewer | null) => viewer?.role === UserRole.COORDINATOR,
};
