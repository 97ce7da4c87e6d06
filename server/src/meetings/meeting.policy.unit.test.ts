import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { MeetingKind } from "./meeting.enums.js";
import { meetingPolicy, type MeetingAccessFacts } from "./meeting.policy.js";

const viewer = (role: UserRole): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId: null,
  displayName: role,
  sessionId: "s",
});
const admin = viewer(UserRole.ADMIN);
const coordinator = viewer(UserRole.COORDINATOR);
const shienKaigi: MeetingAccessFacts = { kind: MeetingKind.SHIEN_KAIGI, supportMeetingGroupId: "g", personCount: 2 };

describe("who may work 会議の記録", () => {
  it("caseworkers list and record them; hosts, viewers and anonymous callers do not", () => {
    for (const role of Object.values(UserRole)) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      expect(meetingPolicy.list(viewer(role)), role).toBe(caseworker);
      expect(meetingPolicy.create(viewer(role)), role).toBe(caseworker);
    }
    expect(meetingPolicy.list(null)).toBe(false);
  });

  it("puts a 支援会議 that discussed persons under its 守秘義務, and nothing else", () => {
    expect(meetingPolicy.confidential(shienKaigi)).toBe(true);
    expect(meetingPolicy.confidential({ ...shienKaigi, personCount: 0 })).toBe(false);
    expect(meetingPolicy.confidential({ ...shienKaigi, supportMeetingGroupId: null })).toBe(false);
    for (const kind of Object.values(MeetingKind).filter((k) => k !== MeetingKind.SHIEN_KAIGI))
      expect(meetingPolicy.confidential({ ...shienKaigi, kind }), kind).toBe(false);
  });

  it("lets only the group's members and administrators read or change such a record in full", () => {
    expect(meetingPolicy.readFully(coordinator, shienKaigi, true)).toBe(true);
    expect(meetingPolicy.readFully(coordinator, shienKaigi, false)).toBe(false);
    expect(meetingPolicy.readFully(admin, shienKaigi, false)).toBe(true);
    expect(meetingPolicy.update(coordinator, shienKaigi, false)).toBe(false);
    expect(meetingPolicy.readFully(viewer(UserRole.VIEWER), shienKaigi, true)).toBe(false);
    const network = { kind: MeetingKind.NETWORK, supportMeetingGroupId: null, personCount: 3 };
    expect(meetingPolicy.readFully(coordinator, network, false)).toBe(true);
    expect(meetingPolicy.readFully(viewer(UserRole.HOST), network, false)).toBe(false);
  });

  it("records a 支援会議 under a group only for its members and administrators", () => {
    expect(meetingPolicy.mayRecordUnder(coordinator, true)).toBe(true);
    expect(meetingPolicy.mayRecordUnder(coordinator, false)).toBe(false);
    expect(meetingPolicy.mayRecordUnder(admin, false)).toBe(true);
    expect(meetingPolicy.mayRecordUnder(viewer(UserRole.VIEWER), true)).toBe(false);
  });
});
