import { describe, expect, it } from "vitest";
import {
  EMPTY_AUDIT_FILTER,
  auditFilterFromParams,
  auditFilterProblems,
  auditLogVariables,
  paramsFromAuditFilter,
  personAuditPath,
  type AuditFilter,
} from "./audit-filter";

const PERSON = "0b6f3c1e-9a4d-4b7e-8c2a-1f2e3d4c5b6a";
const ACTOR = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

const full: AuditFilter = {
  from: "2026-11-01",
  to: "2026-11-22",
  actions: ["READ", "UPDATE"],
  actorRole: "COORDINATOR",
  actorUserId: ACTOR,
  entityType: "Person",
  recordId: "r-1",
  personId: PERSON,
  operation: "person",
  requestId: "req-42",
};

describe("監査ログ filter ↔ URL", () => {
  it("reads every condition from the URL", () => {
    const params = new URLSearchParams(
      `from=2026-11-01&to=2026-11-22&actions=UPDATE,READ&role=COORDINATOR&actor=${ACTOR}&entity=Person&record=r-1` +
        `&person=${PERSON}&op=person&request=req-42`,
    );
    expect(auditFilterFromParams(params)).toEqual(full);
  });

  it("drops what only a hand-edited link could hold: unknown actions and roles, impossible dates", () => {
    const params = new URLSearchParams("from=2026-02-30&to=22-11-2026&actions=READ,EXPORT&role=ROOT&record=%20%20x%20");
    expect(auditFilterFromParams(params)).toEqual({ ...EMPTY_AUDIT_FILTER, actions: ["READ"], recordId: "x" });
  });

  it("keeps a malformed id as typed, so it can be pointed out beside its field", () => {
    const filter = auditFilterFromParams(new URLSearchParams("person=12345"));
    expect(filter.personId).toBe("12345");
    expect(auditFilterProblems(filter)).toEqual({
      "filter.personId": ["本人のIDの形式が正しくありません (英数字とハイフンの36文字)"],
    });
  });

  it("cuts text to the server's bounds", () => {
    const filter = auditFilterFromParams(new URLSearchParams(`request=${"x".repeat(80)}&entity=${"E".repeat(70)}`));
    expect(filter.requestId).toHaveLength(64);
    expect(filter.entityType).toHaveLength(64);
  });

  it("writes only what is set, in a fixed order, so the plain log is plain /admin/audit", () => {
    expect(paramsFromAuditFilter(EMPTY_AUDIT_FILTER).toString()).toBe("");
    expect(
      paramsFromAuditFilter({ ...EMPTY_AUDIT_FILTER, actions: ["UPDATE", "READ"], recordId: " r-1 " }).toString(),
    ).toBe("actions=READ%2CUPDATE&record=r-1");
  });

  it("round-trips a full filter through the URL", () => {
    expect(auditFilterFromParams(paramsFromAuditFilter(full))).toEqual(full);
  });

  it("links a row's person to every record about them, and nothing else", () => {
    expect(personAuditPath(PERSON)).toBe(`/admin/audit?person=${PERSON}`);
  });
});

describe("監査ログ filter → auditLog variables", () => {
  it("sends no filter at all when nothing is chosen", () => {
    expect(auditLogVariables(EMPTY_AUDIT_FILTER)).toEqual({ first: 50 });
  });

  it("turns the days into JST instants, 終了日 included (the API's `to` is exclusive)", () => {
    expect(auditLogVariables({ ...EMPTY_AUDIT_FILTER, from: "2026-11-01", to: "2026-11-30" })).toEqual({
      first: 50,
      filter: { from: "2026-11-01T00:00:00+09:00", to: "2026-12-01T00:00:00+09:00" },
    });
    // The end of a year and of February roll over like any other day.
    expect(auditLogVariables({ ...EMPTY_AUDIT_FILTER, to: "2026-12-31" }).filter).toEqual({
      to: "2027-01-01T00:00:00+09:00",
    });
    expect(auditLogVariables({ ...EMPTY_AUDIT_FILTER, to: "2028-02-28" }).filter).toEqual({
      to: "2028-02-29T00:00:00+09:00",
    });
  });

  it("passes every other condition as is", () => {
    expect(auditLogVariables(full)).toEqual({
      first: 50,
      filter: {
        from: "2026-11-01T00:00:00+09:00",
        to: "2026-11-23T00:00:00+09:00",
        actions: ["READ", "UPDATE"],
        actorRole: "COORDINATOR",
        actorUserId: ACTOR,
        entityType: "Person",
        recordId: "r-1",
        personId: PERSON,
        operation: "person",
        requestId: "req-42",
      },
    });
  });
});

describe("auditFilterProblems", () => {
  it("accepts a full, well-formed filter", () => {
    expect(auditFilterProblems(full)).toEqual({});
  });

  it("refuses an end before the start, and a malformed user id", () => {
    expect(
      auditFilterProblems({ ...EMPTY_AUDIT_FILTER, from: "2026-11-22", to: "2026-11-21", actorUserId: "admin" }),
    ).toEqual({
      "filter.to": ["終了日は開始日と同じか、それより後にしてください"],
      "filter.actorUserId": ["利用者の指定が正しくありません"],
    });
    expect(auditFilterProblems({ ...EMPTY_AUDIT_FILTER, from: "2026-11-22", to: "2026-11-22" })).toEqual({});
  });

  it("refuses a day that does not exist (typed where the browser has no date picker)", () => {
    expect(auditFilterProblems({ ...EMPTY_AUDIT_FILTER, from: "2026-02-30" })).toEqual({
      "filter.from": ["日付を正しく入力してください"],
    });
  });
});
