import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { CooperationAnswer, CooperationKind } from "./host-relations.enums.js";
import { cooperationProblems, hostRelationsPolicy, type CooperationFacts } from "./host-relations.policy.js";

const viewer = (role: UserRole): Viewer => ({
  userId: `u-${role}`,
  role,
  organizationId: null,
  displayName: role,
  sessionId: "s",
});

describe("who may work 協力依頼 and 受け入れ先支援", () => {
  it("caseworkers only", () => {
    for (const role of Object.values(UserRole)) {
      const caseworker = role === UserRole.ADMIN || role === UserRole.COORDINATOR;
      for (const rule of [hostRelationsPolicy.list, hostRelationsPolicy.record, hostRelationsPolicy.update])
        expect(rule(viewer(role)), role).toBe(caseworker);
    }
    expect(hostRelationsPolicy.record(null)).toBe(false);
  });
});

describe("what a 協力依頼 must hold together", () => {
  const ok: CooperationFacts = {
    requestedOn: "2026-05-10",
    kind: CooperationKind.ACCEPT_PERSON,
    answer: CooperationAnswer.PENDING,
    answeredOn: null,
    resourceGapId: null,
  };
  const fields = (r: Partial<CooperationFacts>) => cooperationProblems({ ...ok, ...r }).map((p) => p.field);

  it("accepts a pending request, and an answer dated on or after the request", () => {
    expect(fields({})).toEqual([]);
    for (const answer of [CooperationAnswer.ACCEPTED, CooperationAnswer.DECLINED, CooperationAnswer.CONDITIONAL]) {
      expect(fields({ answer, answeredOn: "2026-05-10" }), answer).toEqual([]);
      expect(fields({ answer, answeredOn: "2026-06-01" }), answer).toEqual([]);
    }
  });

  it("refuses an answer without its day, a pending one with a day, and an answer before the request", () => {
    expect(fields({ answer: CooperationAnswer.DECLINED })).toEqual(["answeredOn"]);
    expect(fields({ answeredOn: "2026-05-11" })).toEqual(["answeredOn"]);
    expect(fields({ answer: CooperationAnswer.ACCEPTED, answeredOn: "2026-05-09" })).toEqual(["answeredOn"]);
  });

  it("names a resource gap only on a request to create a place", () => {
    expect(fields({ kind: CooperationKind.CREATE_PLACE, resourceGapId: "g" })).toEqual([]);
    expect(fields({ kind: CooperationKind.ACCEPT_PERSON, resourceGapId: "g" })).toEqual(["resourceGapId"]);
    expect(fields({ kind: CooperationKind.OTHER, resourceGapId: "g" })).toEqual(["resourceGapId"]);
  });

  it("writes its messages in Japanese", () => {
    const all = cooperationProblems({ ...ok, answeredOn: "2026-05-01", resourceGapId: "g" });
    expect(all).toHaveLength(3);
    for (const p of all) expect(p.message).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
  });
});
