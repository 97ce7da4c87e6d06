import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { matchPolicy } from "./match.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);
const toOrgA = { organizationId: "org-a" };

describe("who may work matches and referrals", () => {
  it("caseworkers start, move and ask suggestions for matches; hosts, viewers and anonymous callers do not", () => {
    for (const role of ALL) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      expect(matchPolicy.create(viewer(role, "org-a")), role).toBe(caseworker);
      expect(matchPolicy.transition(viewer(role, "org-a")), role).toBe(caseworker);
      expect(matchPolicy.suggest(viewer(role, "org-a")), role).toBe(caseworker);
    }
    expect(matchPolicy.create(null) || matchPolicy.transition(null) || matchPolicy.suggest(null)).toBe(false);
  });

  it("a host acts as a host, with its own organization; anyone else handles no host's referrals", () => {
    expect(matchPolicy.actsAsHost(viewer(UserRole.HOST, "org-a"))).toBe(true);
    expect(matchPolicy.hostOrganizationOf(viewer(UserRole.HOST, "org-a"))).toBe("org-a");
    expect(matchPolicy.hostOrganizationOf(viewer(UserRole.HOST, null))).toBe(null);
    for (const v of [
      viewer(UserRole.ADMIN, "org-a"),
      viewer(UserRole.COORDINATOR, "org-a"),
      viewer(UserRole.VIEWER, "org-a"),
      null,
    ]) {
      expect(matchPolicy.actsAsHost(v), `${v?.role}`).toBe(false);
      expect(matchPolicy.hostOrganizationOf(v), `${v?.role}`).toBe(null);
    }
  });

  it("only the host the referral was sent to answers it; not another host, not staff", () => {
    expect(matchPolicy.respond(viewer(UserRole.HOST, "org-a"), toOrgA)).toBe(true);
    expect(matchPolicy.respond(viewer(UserRole.HOST, "org-b"), toOrgA)).toBe(false);
    expect(matchPolicy.respond(viewer(UserRole.HOST, null), toOrgA)).toBe(false);
    for (const role of [UserRole.ADMIN, UserRole.COORDINATOR, UserRole.VIEWER])
      expect(matchPolicy.respond(viewer(role, "org-a"), toOrgA), role).toBe(false);
    expect(matchPolicy.respond(null, toOrgA)).toBe(false);
  });

  it("attendance is recorded by the host it was sent to or by a caseworker; not another host, a viewer or anyone anonymous", () => {
    expect(matchPolicy.recordAttendance(viewer(UserRole.HOST, "org-a"), toOrgA)).toBe(true);
    expect(matchPolicy.recordAttendance(viewer(UserRole.ADMIN), toOrgA)).toBe(true);
    expect(matchPolicy.recordAttendance(viewer(UserRole.COORDINATOR), toOrgA)).toBe(true);
    expect(matchPolicy.recordAttendance(viewer(UserRole.HOST, "org-b"), toOrgA)).toBe(false);
    expect(matchPolicy.recordAttendance(viewer(UserRole.VIEWER, "org-a"), toOrgA)).toBe(false);
    expect(matchPolicy.recordAttendance(null, toOrgA)).toBe(false);
  });
});
