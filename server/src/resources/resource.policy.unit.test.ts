import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { resourcePolicy } from "./resource.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const OWN = "org-a";
const listing = { organizationId: OWN };
const onResource = [resourcePolicy.update, resourcePolicy.setStatus, resourcePolicy.delete, resourcePolicy.verify];

describe("who manages a listing (掲載)", () => {
  it("staff (管理者・コーディネーター) create, edit, open or close, delete and confirm any organization's listing", () => {
    for (const v of [viewer(UserRole.ADMIN), viewer(UserRole.COORDINATOR)]) {
      expect(resourcePolicy.create(v, OWN), v.role).toBe(true);
      for (const can of onResource) expect(can(v, listing), `${v.role} ${can.name}`).toBe(true);
    }
  });

  it("a host manages its own organization's listings, and no other's", () => {
    const host = viewer(UserRole.HOST, OWN);
    expect(resourcePolicy.create(host, OWN)).toBe(true);
    expect(resourcePolicy.create(host, "org-b")).toBe(false);
    for (const can of onResource) {
      expect(can(host, listing), can.name).toBe(true);
      expect(can(host, { organizationId: "org-b" }), can.name).toBe(false);
    }
  });

  it("a host user of no organization manages nothing", () => {
    const host = viewer(UserRole.HOST, null);
    expect(resourcePolicy.create(host, OWN)).toBe(false);
    for (const can of onResource) expect(can(host, listing), can.name).toBe(false);
  });

  it("a viewer (閲覧者) or an anonymous caller only reads: even naming their own organization", () => {
    for (const v of [viewer(UserRole.VIEWER, OWN), null]) {
      expect(resourcePolicy.create(v, OWN), `${v?.role}`).toBe(false);
      for (const can of onResource) expect(can(v, listing), `${v?.role} ${can.name}`).toBe(false);
    }
  });
});

describe("who sees a listing's 担当者名 (a named person; its phones and e-mail are public)", () => {
  it("staff, viewers included, and the listing's own hosts", () => {
    for (const v of [
      viewer(UserRole.ADMIN),
      viewer(UserRole.COORDINATOR),
      viewer(UserRole.VIEWER),
      viewer(UserRole.HOST, OWN),
    ]) {
      expect(resourcePolicy.seeContactName(v, listing), v.role).toBe(true);
    }
  });

  it("not an anonymous caller, another organization's host, or a host of none", () => {
    for (const v of [null, viewer(UserRole.HOST, "org-b"), viewer(UserRole.HOST, null)]) {
      expect(resourcePolicy.seeContactName(v, listing), `${v?.role} ${v?.organizationId}`).toBe(false);
    }
  });
});
