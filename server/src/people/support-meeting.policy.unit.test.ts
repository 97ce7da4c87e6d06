import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { supportMeetingPolicy } from "./support-meeting.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ADMIN = viewer(UserRole.ADMIN);
const NOT_ADMINS = [viewer(UserRole.COORDINATOR), viewer(UserRole.HOST, "org-a"), viewer(UserRole.VIEWER), null];
const OPEN = { archivedAt: null };
const ARCHIVED = { archivedAt: new Date("2026-10-01T00:00:00Z") };

describe("who manages 支援会議 groups", () => {
  it("administrators alone list, create and change them; a coordinator sees only the meetings they sit on", () => {
    for (const rule of [supportMeetingPolicy.list, supportMeetingPolicy.create, supportMeetingPolicy.update]) {
      expect(rule(ADMIN)).toBe(true);
      for (const v of NOT_ADMINS) expect(rule(v), `${v?.role}`).toBe(false);
    }
  });

  it("an open meeting can be archived and an archived one restored, by an administrator only", () => {
    expect(supportMeetingPolicy.archive(ADMIN, OPEN)).toBe(true);
    expect(supportMeetingPolicy.archive(ADMIN, ARCHIVED)).toBe(false);
    expect(supportMeetingPolicy.restore(ADMIN, ARCHIVED)).toBe(true);
    expect(supportMeetingPolicy.restore(ADMIN, OPEN)).toBe(false);
    for (const v of NOT_ADMINS) {
      expect(supportMeetingPolicy.archive(v, OPEN), `${v?.role}`).toBe(false);
      expect(supportMeetingPolicy.restore(v, ARCHIVED), `${v?.role}`).toBe(false);
    }
  });

  it("only an active caseworker account may sit on a meeting", () => {
    for (const role of Object.values(UserRole)) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      expect(supportMeetingPolicy.maySit({ role, active: true }), role).toBe(caseworker);
      expect(supportMeetingPolicy.maySit({ role, active: false }), `${role} stopped`).toBe(false);
    }
  });

  it("an archived meeting takes no new person", () => {
    expect(supportMeetingPolicy.acceptsPersons(OPEN)).toBe(true);
    expect(supportMeetingPolicy.acceptsPersons(ARCHIVED)).toBe(false);
  });
});
