import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { listenForHttp, type HttpGql } from "../test/http.js";
import { AuditAction } from "./audit.enums.js";
import { AuditService, type AuditRow } from "./audit.service.js";

/**
 * Repeated identical refusals are summarised: one audit row per (client or user, operation, reason) and window, with
 * a count, so that a flood of denied reads cannot fill the audit log (kept for years) one row per attempt.
 */
let t: TestApp;
let http: HttpGql;

beforeAll(async () => {
  // Behind a trusted proxy on loopback, X-Forwarded-For names the client: several clients from one test.
  t = await createTestApp({ config: { trustProxy: ["loopback"] } });
  http = await listenForHttp(t);
});
afterAll(() => t.close());

interface Summary {
  rows: number;
  attempts: number;
}
/** Audit rows and the attempts they stand for (the sum of their counts), in total. */
async function tally(): Promise<Summary> {
  const [r] = await t.db.query(
    "SELECT count(*)::int AS rows, coalesce(sum(repeat_count), 0)::int AS attempts FROM audit_event",
  );
  return r;
}
const grew = (before: Summary, after: Summary) => ({
  rows: after.rows - before.rows,
  attempts: after.attempts - before.attempts,
});

/** One query asking for `n` persons under aliases: every one refused to an anonymous client. */
const selections = (n: number, field = "person") =>
  Array.from({ length: n }, (_, i) => `${field}${i}: ${field}(id: "${randomUUID()}") { id }`).join(" ");
const aliased = (n: number) => `{ ${selections(n)} }`;

describe("an anonymous flood of denied reads", () => {
  it("one request with 20 aliased denied root fields writes one row, counting 20", async () => {
    const before = await tally();
    const { res, body } = await http.post(aliased(20), {}, { "x-forwarded-for": "198.51.100.1" });
    expect(res.status).toBe(200);
    // person is non-null: the first refusal nulls the answer, and graphql-js reports only that one; all 20 ran.
    expect(body.data).toBeNull();
    expect(new Set(body.errors.map((e: any) => e.extensions.code))).toEqual(new Set(["UNAUTHENTICATED"]));
    expect(grew(before, await tally())).toEqual({ rows: 1, attempts: 20 });
    const [row] = await t.db.query("SELECT * FROM audit_event ORDER BY id DESC LIMIT 1");
    expect(row).toMatchObject({
      action: "DENIED",
      operation: "person",
      entity_type: "Person",
      actor_user_id: null,
      client_address: "198.51.100.1",
      repeat_count: 20,
      detail: { code: "UNAUTHENTICATED", argument: "id" },
    });
  });

  it("repeats from the same client add to that row; another field or another client gets its own", async () => {
    const client = { "x-forwarded-for": "198.51.100.2" };
    const before = await tally();
    for (let i = 0; i < 5; i++) await http.post(aliased(20), {}, client);
    expect(grew(before, await tally())).toEqual({ rows: 1, attempts: 100 });
    const [row] = await t.db.query("SELECT * FROM audit_event WHERE client_address = '198.51.100.2'");
    expect(row.repeat_count).toBe(100);
    expect(row.last_occurred_at.getTime()).toBeGreaterThanOrEqual(row.occurred_at.getTime());

    const mixed = `{ ${selections(10)} ${selections(10, "match")} }`;
    const next = await tally();
    await http.post(mixed, {}, client);
    // person's row grows; match gets one new row.
    expect(grew(next, await tally())).toEqual({ rows: 1, attempts: 20 });

    const other = await tally();
    await http.post(aliased(20), {}, { "x-forwarded-for": "198.51.100.3" });
    expect(grew(other, await tally())).toEqual({ rows: 1, attempts: 20 });
  });

  it("8 clients flooding for a while leave one row each, whatever the number of requests", async () => {
    const before = await tally();
    await Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        for (let i = 0; i < 6; i++) await http.post(aliased(20), {}, { "x-forwarded-for": `203.0.113.${c + 1}` });
      }),
    );
    expect(grew(before, await tally())).toEqual({ rows: 8, attempts: 8 * 6 * 20 });
  });
});

describe("a signed-in user's repeated refusals", () => {
  it("are one row per user, operation and reason", async () => {
    const host = await t.factories.user({
      role: UserRole.HOST,
      organizationId: (await t.factories.organization()).id,
    });
    const asHost = await t.asViewer(host);
    const before = await tally();
    for (let i = 0; i < 4; i++) await asHost(`{ auditLog { totalCount } }`);
    expect(grew(before, await tally())).toEqual({ rows: 1, attempts: 4 });
    const [row] = await t.db.query("SELECT * FROM audit_event WHERE actor_user_id = $1", [host.id]);
    expect(row).toMatchObject({
      action: "DENIED",
      operation: "auditLog",
      repeat_count: 4,
      detail: { code: "FORBIDDEN" },
    });
  });

  it("in-process refusals with no client and no user (scripts, tests) keep a row each", async () => {
    const before = await tally();
    await t.anonymous(`{ auditLog { totalCount } }`);
    await t.anonymous(`{ auditLog { totalCount } }`);
    expect(grew(before, await tally())).toEqual({ rows: 2, attempts: 2 });
  });
});

describe("windows", () => {
  it("a new window starts a new row", async () => {
    // A window of 30 ms, so that the test can step into the next one.
    const audit = new AuditService(t.db, 0.0005);
    const row: AuditRow = {
      actorUserId: null,
      actorRole: null,
      action: AuditAction.DENIED,
      entityType: "Person",
      recordId: null,
      personId: null,
      operation: "windowTest",
      requestId: "window-test",
      clientAddress: "192.0.2.9",
      detail: { code: "UNAUTHENTICATED" },
    };
    await audit.append([row, row]);
    await new Promise((r) => setTimeout(r, 100));
    await audit.append([row]);
    const rows = await t.db.query("SELECT repeat_count FROM audit_event WHERE operation = 'windowTest' ORDER BY id");
    expect(rows).toEqual([{ repeat_count: 2 }, { repeat_count: 1 }]);
  });
});

describe("the database's guard", () => {
  it("lets a summarised row's count grow, and nothing else change, even with the summary setting on", async () => {
    await http.post(aliased(2), {}, { "x-forwarded-for": "198.51.100.77" });
    const [summary] = await t.db.query("SELECT id FROM audit_event WHERE client_address = '198.51.100.77'");
    const [plain] = await t.db.query("SELECT id FROM audit_event WHERE summary_key IS NULL LIMIT 1");
    const inSummaryMode = (sql: string, params: unknown[]) =>
      t.db.transaction(async (tx) => {
        await tx.query("SELECT set_config('tsunagu.audit_summary', 'on', true)");
        await tx.query(sql, params);
      });

    await expect(t.db.query("UPDATE audit_event SET repeat_count = 5 WHERE id = $1", [summary.id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(
      inSummaryMode("UPDATE audit_event SET detail = '{}', repeat_count = 9, last_occurred_at = now() WHERE id = $1", [
        summary.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      inSummaryMode("UPDATE audit_event SET repeat_count = 1, last_occurred_at = now() WHERE id = $1", [summary.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      inSummaryMode("UPDATE audit_event SET repeat_count = 3, last_occurred_at = now() WHERE id = $1", [plain.id]),
    ).rejects.toThrow(/append-only/);
    await inSummaryMode("UPDATE audit_event SET repeat_count = 3, last_occurred_at = now() WHERE id = $1", [
      summary.id,
    ]);
    const [after] = await t.db.query("SELECT repeat_count FROM audit_event WHERE id = $1", [summary.id]);
    expect(after.repeat_count).toBe(3);
  });
});
