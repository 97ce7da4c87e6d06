import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { areaPolicy } from "./area.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);

describe("who may change areas", () => {
  it("administrators create, edit and delete areas; no other role does, nor an anonymous caller", () => {
    for (const role of ALL) {
      const admin = role === UserRole.ADMIN;
      expect(areaPolicy.create(viewer(role)), role).toBe(admin);
      expect(areaPolicy.update(viewer(role)), role).toBe(admin);
      expect(areaPolicy.delete(viewer(role)), role).toBe(admin);
    }
    expect(areaPolicy.create(null) || areaPolicy.update(null) || areaPolicy.delete(null)).toBe(false);
  });
});
