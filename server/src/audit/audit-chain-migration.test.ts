import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource } from "../db/data-source.js";
import { MIGRATIONS } from "../db/migrations/index.js";
import { AuditChainAndPublicContact1796700400000 } from "../db/migrations/1796700400000-AuditChainAndPublicContact.js";
import { ensureDatabase } from "../runtime/embedded-postgres.js";
import { dropDatabase } from "../test/test-backing-services.js";
import { GENESIS_HASH, verifyAuditChain } from "./audit.chain.js";

/**
 * The chain migration on a database that already has audit rows (an installation upgraded to it, not a new one):
 * a scratch database migrated to just before AuditChainAndPublicContact1796700400000, audit rows written in the
 * shape they had then, the rest of the migrations, and the chain checked over those rows.
 */
const serverUrl = () => inject("pgServerUrl");
const name = `t_chain_mig_${randomBytes(4).toString("hex")}`;
let db: DataSource;

const CHAIN_MIGRATION = MIGRATIONS.indexOf(AuditChainAndPublicContact1796700400000);

const PERSON = "0b6f3c1e-9a4d-4b7e-8c2a-1f2e3d4c5b6a";
const USER = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

/** Old rows: a read, an update, a refusal summarised over repeats, a failed sign-in; written out of time order. */
const OLD_ROWS: Record<string, string | number | null | object>[] = [
  {
    occurred_at: "2026-04-01T09:00:00.000Z",
    actor_user_id: USER,
    actor_role: "COORDINATOR",
    action: "READ",
    entity_type: "Person",
    record_id: PERSON,
    person_id: PERSON,
    operation: "person",
    request_id: "req-1",
    detail: { fields: ["displayName"] },
  },
  {
    occurred_at: "2026-03-31T23:59:59.999Z",
    actor_user_id: USER,
    actor_role: "COORDINATOR",
    action: "UPDATE",
    entity_type: "Person",
    record_id: PERSON,
    person_id: PERSON,
    operation: "updatePerson",
    request_id: "req-0",
    client_address: "10.0.0.7",
    detail: { fields: ["contactNote"] },
  },
  {
    occurred_at: "2026-04-01T09:00:00.000Z",
    actor_role: "VIEWER",
    action: "DENIED",
    entity_type: "Person",
    record_id: PERSON,
    operation: "person",
    request_id: "req-2",
    client_address: "10.0.0.8",
    detail: { code: "FORBIDDEN" },
    repeat_count: 4,
    last_occurred_at: "2026-04-01T09:04:00.000Z",
    summary_key: "k:1",
  },
  {
    occurred_at: "2026-04-02T00:00:00.000Z",
    action: "LOGIN_FAILED",
    operation: "login",
    request_id: "req-3",
    client_address: "10.0.0.9",
    detail: { code: "UNAUTHENTICATED", knownAccount: false },
  },
];

/** One row as the app wrote it before the chain: plain SQL, the columns given, the table's defaults for the rest. */
async function insertOld(row: Record<string, string | number | null | object>): Promise<void> {
  const columns = Object.keys(row);
  await db.query(
    `INSERT INTO audit_event (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    Object.values(row).map((v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : v)),
  );
}

interface ChainRow {
  id: string;
  chain_seq: string;
  prev_hash: string;
  row_hash: string;
  request_id: string;
}
const chainRows = (): Promise<ChainRow[]> =>
  db.query("SELECT id::text, chain_seq::text, prev_hash, row_hash, request_id FROM audit_event ORDER BY chain_seq");

beforeAll(async () => {
  expect(CHAIN_MIGRATION).toBeGreaterThan(0);
  await ensureDatabase(serverUrl(), name);
  db = createDataSource(`${serverUrl()}/${name}`, { poolSize: 2 });
  db.setOptions({ migrations: MIGRATIONS.slice(0, CHAIN_MIGRATION) });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
});
afterAll(async () => {
  await db?.destroy();
  await dropDatabase(serverUrl(), name);
});

describe("AuditChainAndPublicContact1796700400000 on a database with audit rows", () => {
  it("chains the rows already there in the order they were written, and the chain then verifies", async () => {
    const [{ chained }] = await db.query(
      "SELECT count(*)::int AS chained FROM information_schema.columns WHERE table_name = 'audit_event' AND column_name = 'chain_seq'",
    );
    expect(chained).toBe(0);
    for (const row of OLD_ROWS) await insertOld(row);

    await db.destroy();
    db.setOptions({ migrations: MIGRATIONS });
    await db.initialize();
    const ran = await db.runMigrations({ transaction: "each" });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.slice(CHAIN_MIGRATION).map((m) => new m().name));

    const rows = await chainRows();
    // (occurred_at, id): the update written a millisecond before midnight first, the two rows of 09:00 by id.
    expect(rows.map((r) => r.request_id)).toEqual(["req-0", "req-1", "req-2", "req-3"]);
    rows.forEach((r, i) => {
      expect(r.chain_seq).toBe(String(i + 1));
      expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1].row_hash);
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: OLD_ROWS.length, gaps: 0, firstBreak: null });
    // The append-only guards the migration turned off to chain the rows are on again.
    await expect(db.query("UPDATE audit_event SET operation = 'x'")).rejects.toThrow(/append-only/);
  });

  it("goes on from the old rows: a row written after the migration follows the last of them", async () => {
    const before = await chainRows();
    await db.query(`INSERT INTO audit_event (action, request_id, operation) VALUES ('READ', 'req-new', 'auditLog')`);
    const after = await chainRows();
    expect(after.at(-1)).toMatchObject({
      request_id: "req-new",
      chain_seq: String(before.length + 1),
      prev_hash: before.at(-1)!.row_hash,
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before.length + 1 });
  });

  it("finds an old row changed afterwards, at that row", async () => {
    const target = (await chainRows()).find((r) => r.request_id === "req-2")!;
    await db.transaction(async (tx) => {
      await tx.query("ALTER TABLE audit_event DISABLE TRIGGER USER");
      await tx.query("UPDATE audit_event SET detail = '{}' WHERE id = $1", [target.id]);
      await tx.query("ALTER TABLE audit_event ENABLE TRIGGER USER");
    });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      rows: Number(target.chain_seq) - 1,
      firstBreak: { seq: target.chain_seq, id: target.id, reason: "CONTENT_CHANGED" },
    });
  });
});
