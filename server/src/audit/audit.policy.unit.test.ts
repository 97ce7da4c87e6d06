import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { auditPolicy } from "./audit.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const ALL = Object.values(UserRole);

describe("who may read the audit log", () => {
  it("administrators only: not coordinators, hosts, viewers or anonymous callers", () => {
    for (const role of ALL) expect(auditPolicy.search(viewer(role)), role).toBe(role === UserRole.ADMIN);
    expect(auditPolicy.search(null)).toBe(false);
  });
});

describe("who may check the audit log's hash chain", () => {
  it("administrators only, as for reading the log", () => {
    for (const role of ALL) expect(auditPolicy.verifyChain(viewer(role)), role).toBe(role === UserRole.ADMIN);
    expect(auditPolicy.verifyChain(null)).toBe(false);
  });
});
