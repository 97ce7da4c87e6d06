import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { indicatorPolicy } from "./indicator.policy.js";

const as = (role: UserRole): Viewer => ({ userId: "u", role, organizationId: null, displayName: "x", sessionId: "s" });

describe("indicatorPolicy", () => {
  it("lets staff read the report, never a host or someone signed out", () => {
    expect([UserRole.ADMIN, UserRole.COORDINATOR, UserRole.VIEWER].map((r) => indicatorPolicy.read(as(r)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(indicatorPolicy.read(as(UserRole.HOST))).toBe(false);
    expect(indicatorPolicy.read(null)).toBe(false);
  });

  it("lets only administrators set targets, entered values and narratives", () => {
    expect(Object.values(UserRole).filter((r) => indicatorPolicy.write(as(r)))).toEqual([UserRole.ADMIN]);
    expect(indicatorPolicy.write(null)).toBe(false);
  });
});
