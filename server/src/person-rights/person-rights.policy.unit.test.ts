import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { personRightsPolicy as P, retentionEndsOn } from "./person-rights.policy.js";

const viewer = (role: UserRole): Viewer => ({
  userId: "u",
  role,
  organizationId: role === UserRole.HOST ? "o" : null,
  displayName: "x",
  sessionId: "s",
});
const active = { stoppedOn: null, erasedAt: null };
const stopped = { stoppedOn: "2020-02-01", erasedAt: null };
const erased = { stoppedOn: "2020-02-01", erasedAt: new Date("2026-01-01T00:00:00Z") };
const closed = { ...stopped, lastActivityOn: "2020-02-01", hasOpenMatch: false };

describe("personRightsPolicy", () => {
  it("lets caseworkers act, never hosts, viewers or anonymous callers", () => {
    expect(P.act(viewer(UserRole.ADMIN))).toBe(true);
    expect(P.act(viewer(UserRole.COORDINATOR))).toBe(true);
    expect(P.act(viewer(UserRole.HOST))).toBe(false);
    expect(P.act(viewer(UserRole.VIEWER))).toBe(false);
    expect(P.act(null)).toBe(false);
  });

  it("stops an active person once, resumes only a stopped one, never an erased one", () => {
    expect(P.whyNotStop(active)).toBeNull();
    expect(P.whyNotStop(stopped)).toContain("すでに利用停止中");
    expect(P.whyNotStop(erased)).toContain("消去済み");
    expect(P.whyNotResume(stopped)).toBeNull();
    expect(P.whyNotResume(active)).toContain("利用停止中ではありません");
    expect(P.whyNotResume(erased)).toContain("消去済み");
    expect(P.whyNotCorrect(active)).toBeNull();
    expect(P.whyNotCorrect(stopped)).toBeNull();
    expect(P.whyNotCorrect(erased)).not.toBeNull();
  });

  it("hides stopped and erased persons from hosts and refuses to refer them", () => {
    expect(P.hiddenFromHosts(active)).toBe(false);
    expect(P.hiddenFromHosts(stopped)).toBe(true);
    expect(P.hiddenFromHosts({ stoppedOn: null, erasedAt: new Date() })).toBe(true);
    expect(P.whyNotRefer(active)).toBeNull();
    expect(P.whyNotRefer(stopped)).toContain("利用停止中");
    expect(P.whyNotRefer(erased)).toContain("消去済み");
    expect(P.isStopped(stopped)).toBe(true);
    expect(P.isStopped(active)).toBe(false);
  });

  it("ends retention `years` after the last activity, to the day", () => {
    expect(retentionEndsOn("2020-02-01", 5)).toBe("2025-02-01");
    expect(retentionEndsOn("2020-02-29", 1)).toBe("2021-02-28");
  });

  it("the job erases a closed case on the day its retention ends, not before, and not an open or erased one", () => {
    expect(P.dueForErasure(closed, 5, "2025-01-31")).toBe(false);
    expect(P.dueForErasure(closed, 5, "2025-02-01")).toBe(true);
    expect(P.dueForErasure({ ...closed, stoppedOn: null }, 5, "2025-02-01")).toBe(true);
    expect(P.dueForErasure({ ...closed, hasOpenMatch: true }, 5, "2030-01-01")).toBe(false);
    expect(P.dueForErasure({ ...closed, erasedAt: new Date() }, 5, "2030-01-01")).toBe(false);
  });

  it("an explicit erasure needs a stopped, closed case past retention", () => {
    expect(P.whyNotErase(closed, 5, "2025-02-01")).toBeNull();
    expect(P.whyNotErase(closed, 5, "2025-01-31")).toContain("2025-02-01");
    expect(P.whyNotErase({ ...closed, stoppedOn: null }, 5, "2030-01-01")).toContain("利用停止中の本人だけ");
    expect(P.whyNotErase({ ...closed, hasOpenMatch: true }, 5, "2030-01-01")).toContain("終結していない");
    expect(P.whyNotErase({ ...closed, erasedAt: new Date() }, 5, "2030-01-01")).toContain("すでに消去");
  });
});
