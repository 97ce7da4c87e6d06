import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";

/** 改ざんの確認 (auditChainStatus): the hash chain checked through the API, by administrators only. */
let t: TestApp;
let adminUser: User;
let admin: Gql;
let coordinatorUser: User;
let coordinator: Gql;

const STATUS = `{ auditChainStatus { intact checkedCount purgedRuns checkedAt firstBreak { kind seq eventId occurredAt } } }`;

/** Runs `sql` with the audit table's guards off, as someone with direct access to PostgreSQL could. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await t.db.transaction(async (tx) => {
    await tx.query("ALTER TABLE audit_event DISABLE TRIGGER USER");
    await tx.query(sql, params);
    await tx.query("ALTER TABLE audit_event ENABLE TRIGGER USER");
  });
}

const auditCount = async (): Promise<number> => (await t.db.query("SELECT count(*)::int AS n FROM audit_event"))[0].n;

/** The rows the checks themselves left, oldest first. */
const checkRows = (): Promise<{ action: string; actor_user_id: string | null; actor_role: string; detail: any }[]> =>
  t.db.query(
    "SELECT action, actor_user_id, actor_role, entity_type, detail FROM audit_event WHERE operation = 'auditChainStatus' ORDER BY chain_seq",
  );

beforeAll(async () => {
  t = await createTestApp();
  adminUser = await t.factories.user({ role: UserRole.ADMIN });
  admin = await t.asViewer(adminUser);
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  // Some rows to check: a coordinator's reads of three persons.
  for (let i = 0; i < 3; i++) {
    const p = await t.factories.person({ coordinatorId: coordinatorUser.id });
    await coordinator(`query($id: ID!) { person(id: $id) { displayName } }`, { id: p.id });
  }
});
afterAll(() => t.close());

describe("auditChainStatus", () => {
  it("says an untouched chain is intact, with every row counted, and records the check", async () => {
    const rows = await auditCount();
    expect(rows).toBeGreaterThanOrEqual(3);
    const before = Date.now();
    const result = await admin(STATUS);
    expect(result.errors).toBeUndefined();
    const status = result.data!.auditChainStatus;
    expect(status).toMatchObject({ intact: true, checkedCount: rows, purgedRuns: 0, firstBreak: null });
    expect(Date.parse(status.checkedAt)).toBeGreaterThanOrEqual(before - 1000);

    expect(await checkRows()).toEqual([
      expect.objectContaining({
        action: "READ",
        entity_type: "AuditLog",
        actor_user_id: adminUser.id,
        actor_role: "ADMIN",
        detail: { intact: true, checked: rows, breakKind: null, breakSeq: null },
      }),
    ]);
    // The check's own row extends the chain as any other row: the next check counts it and is still intact.
    const again = (await admin(STATUS)).data!.auditChainStatus;
    expect(again).toMatchObject({ intact: true, checkedCount: rows + 1 });
  });

  it("names the row whose content was changed in PostgreSQL, its time and the kind of break", async () => {
    const rows: { id: string; chain_seq: string; operation: string; occurred_at: Date }[] = await t.db.query(
      "SELECT id::text, chain_seq::text, operation, occurred_at FROM audit_event WHERE operation = 'person' ORDER BY chain_seq",
    );
    const target = rows[1];
    await tamper("UPDATE audit_event SET operation = 'nothingHappened' WHERE id = $1", [target.id]);

    const result = await admin(STATUS);
    expect(result.errors).toBeUndefined();
    expect(result.data!.auditChainStatus).toMatchObject({
      intact: false,
      // The rows before it verified.
      checkedCount: Number(target.chain_seq) - 1,
      firstBreak: {
        kind: "CONTENT_CHANGED",
        seq: target.chain_seq,
        eventId: target.id,
        occurredAt: target.occurred_at.toISOString(),
      },
    });
    expect((await checkRows()).at(-1)!.detail).toEqual({
      intact: false,
      checked: Number(target.chain_seq) - 1,
      breakKind: "CONTENT_CHANGED",
      breakSeq: target.chain_seq,
    });

    await tamper("UPDATE audit_event SET operation = $2 WHERE id = $1", [target.id, target.operation]);
    expect((await admin(STATUS)).data!.auditChainStatus).toMatchObject({ intact: true, firstBreak: null });
  });

  it("gives the position but no id or time when the row itself is gone", async () => {
    const [middle] = await t.db.query(
      "SELECT id::text, chain_seq::text, to_jsonb(e) AS row FROM audit_event e WHERE operation = 'person' ORDER BY chain_seq LIMIT 1",
    );
    await tamper("DELETE FROM audit_event WHERE id = $1", [middle.id]);
    expect((await admin(STATUS)).data!.auditChainStatus).toMatchObject({
      intact: false,
      firstBreak: { kind: "ROW_MISSING", seq: middle.chain_seq, eventId: null, occurredAt: null },
    });
    await tamper("INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, $1::jsonb)", [
      middle.row,
    ]);
    expect((await admin(STATUS)).data!.auditChainStatus.intact).toBe(true);
  });

  it("is for administrators only: others are refused, and the refusal is all that is written", async () => {
    const checks = (await checkRows()).length;
    const host = await t.asViewer(
      await t.factories.user({ role: UserRole.HOST, organizationId: (await t.factories.organization()).id }),
    );
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    for (const [as, code] of [
      [coordinator, "FORBIDDEN"],
      [host, "FORBIDDEN"],
      [viewer, "FORBIDDEN"],
      [t.anonymous, "UNAUTHENTICATED"],
    ] as const) {
      const result = await as(STATUS);
      expect(result.data ?? null).toBeNull();
      expect(codesOf(result)).toEqual([code]);
    }
    const rows = await checkRows();
    expect(rows.slice(checks).map((r) => [r.action, r.actor_role, r.detail.code])).toEqual([
      ["DENIED", "COORDINATOR", "FORBIDDEN"],
      ["DENIED", "HOST", "FORBIDDEN"],
      ["DENIED", "VIEWER", "FORBIDDEN"],
      ["DENIED", null, "UNAUTHENTICATED"],
    ]);
  });
});
