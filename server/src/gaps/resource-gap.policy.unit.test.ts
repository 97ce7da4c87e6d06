import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { resourceGapPolicy } from "./resource-gap.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);

describe("who may read and work resource gaps", () => {
  it("staff (管理者・コーディネーター・閲覧者) read them; hosts and anonymous callers do not", () => {
    for (const role of ALL) expect(resourceGapPolicy.list(viewer(role)), role).toBe(role !== UserRole.HOST);
    expect(resourceGapPolicy.list(null)).toBe(false);
  });

  it("caseworkers raise gaps and move them along; viewers, hosts and anonymous callers do not", () => {
    for (const role of ALL) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      expect(resourceGapPolicy.raise(viewer(role)), role).toBe(caseworker);
      expect(resourceGapPolicy.setStatus(viewer(role)), role).toBe(caseworker);
    }
    expect(resourceGapPolicy.raise(null) || resourceGapPolicy.setStatus(null)).toBe(false);
  });
});
