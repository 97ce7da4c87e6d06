import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { municipalSettingsPolicy } from "./municipal-settings.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);

describe("who may change the municipal settings", () => {
  it("administrators only", () => {
    for (const role of ALL) expect(municipalSettingsPolicy.update(viewer(role)), role).toBe(role === UserRole.ADMIN);
    expect(municipalSettingsPolicy.update(null)).toBe(false);
  });
});
