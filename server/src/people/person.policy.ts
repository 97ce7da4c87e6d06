import { UserRole } from "../auth/user.entity.js";
import type { Viewer } from "../auth/viewer.js";
import { PersonTrack } from "./person.enums.js";

export interface PersonAccessFacts {
  track: PersonTrack;
  coordinatorId: string | null;
}

const isCaseworker = (viewer: Viewer | null) => viewer?.role === UserRole.ADMIN || viewer?.role === UserRole.COORDINATOR;

/**
 * Pure rules for 本人 records. Caseworkers (ADMIN, COORDINATOR) see persons who have consented; a person on the
 * 支援会議 track is seen only by caseworkers who are members of that meeting (守秘義務). HOST and VIEWER users never
 * read a person: hosts get referrals with consented facts, viewers get aggregates. A person the viewer may not see
 * does not exist for them (NOT_FOUND), so the policy is also the existence check.
 */
export const personPolicy = {
  create: (viewer: Viewer | null) => isCaseworker(viewer),
  read: (viewer: Viewer | null, person: PersonAccessFacts, memberOfMeeting: boolean) =>
    isCaseworker(viewer) && (person.track === PersonTrack.CONSENTED || memberOfMeeting),
  /** Same people as read: whoever works the case may update it, record consent, plans and matches. */
  update: (viewer: Viewer | null, person: PersonAccessFacts, memberOfMeeting: boolean) =>
    personPolicy.read(viewer, person, memberOfMeeting),
};
