import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { PersonTrack } from "./person.enums.js";
import { personPolicy, trackOf } from "./person.policy.js";
import { supportMeetingPolicy } from "./support-meeting.policy.js";

const viewer = (role: UserRole, organizationId: string | null = null): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId,
  displayName: role,
  sessionId: "s",
});
const CASEWORKERS = [viewer(UserRole.ADMIN), viewer(UserRole.COORDINATOR)];
const OTHERS = [viewer(UserRole.HOST, "org-a"), viewer(UserRole.VIEWER), null];
const CONSENTED = { hasActiveConsent: true };
const NO_CONSENT = { hasActiveConsent: false };

describe("who may see and work a 本人's record", () => {
  it("a caseworker (管理者・コーディネーター) sees a person who has a consent in force", () => {
    for (const v of CASEWORKERS) {
      expect(personPolicy.read(v, CONSENTED, false), v.role).toBe(true);
      expect(personPolicy.update(v, CONSENTED, false), v.role).toBe(true);
    }
  });

  it("without a consent in force (never given, withdrawn or expired) only the members of the person's 支援会議 see them", () => {
    for (const v of CASEWORKERS) {
      expect(personPolicy.read(v, NO_CONSENT, false), v.role).toBe(false);
      expect(personPolicy.update(v, NO_CONSENT, false), v.role).toBe(false);
      expect(personPolicy.read(v, NO_CONSENT, true), v.role).toBe(true);
      expect(personPolicy.update(v, NO_CONSENT, true), v.role).toBe(true);
    }
  });

  it("hosts, viewers and anonymous callers never read or update a person, consent and 支援会議 membership or not", () => {
    for (const v of OTHERS) {
      for (const facts of [CONSENTED, NO_CONSENT]) {
        for (const member of [true, false]) {
          expect(personPolicy.read(v, facts, member), `${v?.role}`).toBe(false);
          expect(personPolicy.update(v, facts, member), `${v?.role}`).toBe(false);
        }
      }
    }
  });

  it("only caseworkers register a person", () => {
    for (const v of CASEWORKERS) expect(personPolicy.create(v), v.role).toBe(true);
    for (const v of OTHERS) expect(personPolicy.create(v), `${v?.role}`).toBe(false);
  });

  it("a person is on the consented track while a consent is in force, otherwise on the 支援会議 track", () => {
    expect(trackOf(CONSENTED)).toBe(PersonTrack.CONSENTED);
    expect(trackOf(NO_CONSENT)).toBe(PersonTrack.SUPPORT_MEETING);
  });

  it("on a person they read, caseworkers withdraw a consent still in force (not one already withdrawn) and update plans", () => {
    for (const v of CASEWORKERS) {
      expect(personPolicy.withdrawConsent(v, { withdrawnAt: null }), v.role).toBe(true);
      expect(personPolicy.withdrawConsent(v, { withdrawnAt: new Date() }), v.role).toBe(false);
      expect(personPolicy.updatePlan(v), v.role).toBe(true);
    }
    for (const v of OTHERS) {
      expect(personPolicy.withdrawConsent(v, { withdrawnAt: null }), `${v?.role}`).toBe(false);
      expect(personPolicy.updatePlan(v), `${v?.role}`).toBe(false);
    }
  });

  it("only administrators create a 支援会議; only caseworkers may be a 担当者 or a member of one", () => {
    expect(supportMeetingPolicy.create(viewer(UserRole.ADMIN))).toBe(true);
    for (const v of [viewer(UserRole.COORDINATOR), ...OTHERS])
      expect(supportMeetingPolicy.create(v), `${v?.role}`).toBe(false);
    for (const role of Object.values(UserRole))
      expect(personPolicy.mayWorkCases({ role }), role).toBe(role === UserRole.ADMIN || role === UserRole.COORDINATOR);
  });

  it("a coordinator who registers a person becomes their 担当者; an administrator (or anyone else) does not", () => {
    expect(personPolicy.coordinatesOnRegistering(viewer(UserRole.COORDINATOR))).toBe(true);
    for (const v of [viewer(UserRole.ADMIN), ...OTHERS])
      expect(personPolicy.coordinatesOnRegistering(v), `${v?.role}`).toBe(false);
  });
});
