import { getNamedType, isLeafType } from "graphql";
import { describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Context } from "../context.js";
import { getSchema } from "../schema.js";
import { AuditCollector, clipId } from "./audit.collector.js";
import { declaredWrite, inputFields, methodArgs } from "./audit.decorator.js";
import { AuditAction } from "./audit.enums.js";
import { attemptedId } from "./audit.trail.js";

describe("AuditCollector", () => {
  it("keeps one READ per record with the union of the fields asked, asks the operation once, and drains once", () => {
    const c = new AuditCollector();
    let asked = 0;
    const op = () => {
      asked++;
      return "persons";
    };
    c.read("Person", "p1", "p1", "displayName", op);
    c.read("Person", "p1", "p1", "id", op);
    c.read("Person", "p2", "p2", "id", op);
    c.read("Consent", "p1", "p1", "state", op); // same id, other type: another record
    c.add({
      action: AuditAction.UPDATE,
      entityType: "Person",
      recordId: "p1",
      operation: "updatePerson",
      detail: { fields: ["contactNote"] },
    });
    expect(c.hasReads).toBe(true);
    expect(asked).toBe(3);
    expect(c.drain()).toEqual([
      {
        action: "UPDATE",
        entityType: "Person",
        recordId: "p1",
        personId: null,
        operation: "updatePerson",
        detail: { fields: ["contactNote"] },
      },
      {
        action: "READ",
        entityType: "Person",
        recordId: "p1",
        personId: "p1",
        operation: "persons",
        detail: { fields: ["displayName", "id"] },
      },
      {
        action: "READ",
        entityType: "Person",
        recordId: "p2",
        personId: "p2",
        operation: "persons",
        detail: { fields: ["id"] },
      },
      {
        action: "READ",
        entityType: "Consent",
        recordId: "p1",
        personId: "p1",
        operation: "persons",
        detail: { fields: ["state"] },
      },
    ]);
    expect(c.drain()).toEqual([]);
    expect(c.hasReads).toBe(false);
  });

  it("bounds ids that come from clients and drops non-scalar ones", () => {
    expect(clipId("x".repeat(500))).toHaveLength(100);
    expect(clipId(1)).toBe("1");
    expect(clipId({ id: "a" })).toBeNull();
    expect(clipId(undefined)).toBeNull();
  });
});

describe("write declarations (@Audited)", () => {
  it("name the input fields sent, never their values, and skip the identifying ones", () => {
    expect(
      inputFields({ id: "a", expectedVersion: 3, contactNote: "夜は不在", displayName: "山田", areaId: undefined }),
    ).toEqual(["contactNote", "displayName"]);
    expect(inputFields({ id: "a" })).toEqual([]);
  });

  it("find the id a refused call named", () => {
    expect(attemptedId({ id: "a" })).toEqual({ recordId: "a", argument: "id" });
    expect(attemptedId({ input: { matchId: "m", personId: "p" } })).toEqual({
      recordId: "m",
      argument: "input.matchId",
    });
    expect(attemptedId({ input: { displayName: "山田" } })).toEqual({ recordId: null, argument: null });
  });

  it("copy no free text into any row, whatever the mutation (the personal-data rule, for every declaration)", async () => {
    const SECRET = "山田太郎・夜は不在・090-0000-0000";
    const text = Object.fromEntries(
      [
        "displayName",
        "nameKana",
        "contactNote",
        "householdNote",
        "note",
        "reason",
        "narrative",
        "hostFeedback",
        "hostGuidance",
        "name",
        "description",
        "email",
        "password",
        "need",
        "searchText",
        "wishes",
        "strengths",
      ].map((k) => [k, SECRET]),
    );
    const record = {
      id: "00000000-0000-4000-8000-000000000001",
      personId: "00000000-0000-4000-8000-000000000002",
      ...text,
    };
    const args = {
      id: record.id,
      input: {
        ...text,
        id: record.id,
        matchId: record.id,
        personId: record.personId,
        consentId: record.id,
        importId: record.id,
        status: "ACTIVE",
        to: "PROPOSED",
        response: "ACCEPTED",
        memberIds: [record.id],
        resourceIds: [record.id],
        consent: { note: SECRET },
        fiscalYear: 2025,
        fromYear: 2024,
        toYear: 2025,
        jigyo: 2,
        values: [{ indicatorId: "matchings", value: 3 }],
      },
    };
    const result = {
      ...record,
      deletedId: record.id,
      user: { ...record, role: UserRole.COORDINATOR },
      person: { ...record },
      consent: { ...record, purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME"] },
      match: { ...record, resourceId: record.id },
      followUp: { ...record },
      resource: { ...record, organizationId: record.id },
      area: { ...record },
      organization: { ...record },
      supportPlan: { ...record },
      resourceGap: { ...record },
      consultationIntake: { ...record },
      meetingRecord: { ...record },
      cooperationRequest: { ...record },
      hostSupport: { ...record },
      narrative: { ...record },
      targets: [{ ...record }],
      erasure: { ...record, cause: "MANUAL", counts: { person: 1, followUpRecords: 2 } },
    };
    const viewer = {
      userId: record.id,
      role: UserRole.COORDINATOR,
      organizationId: null,
      displayName: SECRET,
      sessionId: "s",
    };
    const mutations = Object.values((await getSchema()).getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(0);
    for (const field of mutations) {
      const name = field.name;
      const declared = declaredWrite(field);
      expect(declared, name).toBeDefined();
      const { spec } = declared!;
      // A mutation answering a scalar (logout: true, logoutEverywhere: a count) gets a number, as it would for real.
      const answer = isLeafType(getNamedType(field.type)) ? 3 : result;
      const facts = { args: methodArgs(declared!)(args, {} as Context, undefined), result: answer, viewer };
      const row = { ...spec.record(facts), detail: spec.detail?.(facts) };
      expect(JSON.stringify(row), name).not.toContain("山田");
      expect(row.recordId, name).toBeTruthy();
    }
  });
});
