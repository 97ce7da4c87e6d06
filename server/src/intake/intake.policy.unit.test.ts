import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { IntakeOutcome } from "./intake.enums.js";
import { intakePolicy } from "./intake.policy.js";

const viewer = (role: UserRole): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId: null,
  displayName: role,
  sessionId: "s",
});
const CASEWORK = new Set<UserRole>([UserRole.ADMIN, UserRole.COORDINATOR]);

describe("who may work 相談受付", () => {
  it("caseworkers list, record and correct them; hosts, viewers and anonymous callers do nothing", () => {
    for (const role of Object.values(UserRole)) {
      for (const rule of [intakePolicy.list, intakePolicy.create, intakePolicy.update])
        expect(rule(viewer(role)), role).toBe(CASEWORK.has(role));
    }
    expect([intakePolicy.list(null), intakePolicy.create(null), intakePolicy.update(null)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("links to a person only a consultation that ended in consent, and only for caseworkers", () => {
    for (const outcome of Object.values(IntakeOutcome)) {
      expect(intakePolicy.link(viewer(UserRole.COORDINATOR), { outcome }), outcome).toBe(
        outcome === IntakeOutcome.CONSENTED,
      );
    }
    expect(intakePolicy.link(viewer(UserRole.VIEWER), { outcome: IntakeOutcome.CONSENTED })).toBe(false);
    expect(intakePolicy.link(null, { outcome: IntakeOutcome.CONSENTED })).toBe(false);
  });

  it("keeps a linked consultation's outcome at 同意→本人登録 until it is unlinked", () => {
    for (const to of Object.values(IntakeOutcome)) {
      expect(intakePolicy.mayChangeOutcome({ personId: "p" }, to), to).toBe(to === IntakeOutcome.CONSENTED);
      expect(intakePolicy.mayChangeOutcome({ personId: null }, to), to).toBe(true);
    }
  });
});
