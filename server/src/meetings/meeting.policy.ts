import { ADMINS, CASEWORKERS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { MeetingKind } from "./meeting.enums.js";

/** What decides who reads a meeting record in full. */
export interface MeetingAccessFacts {
  kind: MeetingKind;
  supportMeetingGroupId: string | null;
  /** How many persons it discussed (by reference). */
  personCount: number;
}

/**
 * Pure rules for 会議の記録. Caseworkers record and list meetings. A 支援会議 that discussed persons falls under that
 * meeting's 守秘義務 (社会福祉法 第106条の6), as its persons do (people/person.policy.ts): only its members and
 * administrators read its title, decisions and attendance, and only they may change it; every other caseworker sees
 * that it was held, its kind and how many persons it discussed. Whoever reads a record in full still sees each
 * person only if they may see that person (personPolicy.read): the others are a count.
 */
export const meetingPolicy = {
  list: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  create: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  /** Under the 守秘義務 rule: a 支援会議 that discussed persons. */
  confidential: (record: MeetingAccessFacts): boolean =>
    record.kind === MeetingKind.SHIEN_KAIGI && record.supportMeetingGroupId !== null && record.personCount > 0,
  readFully: (viewer: Viewer | null, record: MeetingAccessFacts, memberOfGroup: boolean): boolean =>
    hasRole(viewer, CASEWORKERS) && (!meetingPolicy.confidential(record) || memberOfGroup || hasRole(viewer, ADMINS)),
  update: (viewer: Viewer | null, record: MeetingAccessFacts, memberOfGroup: boolean): boolean =>
    meetingPolicy.readFully(viewer, record, memberOfGroup),
  /** A 支援会議 is recorded (or moved) under a group only by one of its members or an administrator. */
  mayRecordUnder: (viewer: Viewer | null, memberOfGroup: boolean): boolean =>
    hasRole(viewer, CASEWORKERS) && (memberOfGroup || hasRole(viewer, ADMINS)),
};
