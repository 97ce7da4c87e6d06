import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { followUpPolicy } from "./followup.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);

describe("who may record and list follow-ups", () => {
  it("caseworkers (管理者・コーディネーター) only; hosts, viewers and anonymous callers never", () => {
    for (const role of ALL) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      expect(followUpPolicy.record(viewer(role, "org-a")), role).toBe(caseworker);
      expect(followUpPolicy.listDue(viewer(role, "org-a")), role).toBe(caseworker);
    }
    expect(followUpPolicy.record(null) || followUpPolicy.listDue(null)).toBe(false);
  });
});
