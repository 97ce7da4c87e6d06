import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { organizationPolicy } from "./organization.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});

describe("who may register and edit an organization", () => {
  it("staff (管理者・コーディネーター) register organizations and edit any of them", () => {
    for (const v of [viewer(UserRole.ADMIN), viewer(UserRole.COORDINATOR)]) {
      expect(organizationPolicy.create(v), v.role).toBe(true);
      expect(organizationPolicy.update(v, { id: "org-a" }), v.role).toBe(true);
    }
  });

  it("a host edits its own organization only, and registers none", () => {
    const host = viewer(UserRole.HOST, "org-a");
    expect(organizationPolicy.update(host, { id: "org-a" })).toBe(true);
    expect(organizationPolicy.update(host, { id: "org-b" })).toBe(false);
    expect(organizationPolicy.create(host)).toBe(false);
  });

  it("a viewer (閲覧者) or an anonymous caller neither registers nor edits, even naming their own organization", () => {
    for (const v of [viewer(UserRole.VIEWER, "org-a"), null]) {
      expect(organizationPolicy.create(v), `${v?.role}`).toBe(false);
      expect(organizationPolicy.update(v, { id: "org-a" }), `${v?.role}`).toBe(false);
    }
  });
});

describe("who sees an organization's 職員向けの連絡先 (named contact person, phone, e-mail)", () => {
  it("staff see every organization's; a host only its own; an anonymous caller none", () => {
    for (const v of [viewer(UserRole.ADMIN), viewer(UserRole.COORDINATOR), viewer(UserRole.VIEWER)]) {
      expect(organizationPolicy.seeStaffContact(v, { id: "org-a" }), v.role).toBe(true);
    }
    expect(organizationPolicy.seeStaffContact(viewer(UserRole.HOST, "org-a"), { id: "org-a" })).toBe(true);
    expect(organizationPolicy.seeStaffContact(viewer(UserRole.HOST, "org-b"), { id: "org-a" })).toBe(false);
    expect(organizationPolicy.seeStaffContact(viewer(UserRole.HOST, null), { id: "org-a" })).toBe(false);
    expect(organizationPolicy.seeStaffContact(null, { id: "org-a" })).toBe(false);
  });
});
