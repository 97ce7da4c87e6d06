import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { formatVerification, GENESIS_HASH, verifyAuditChain } from "./audit.chain.js";

/** The audit log's hash chain: written by the database on every insert, checked by `npm run audit:verify`. */
let t: TestApp;
let coordinatorUser: User;
let coordinator: Gql;
let viewer: Gql;

const verify = () => verifyAuditChain(t.db);

/** Runs `sql` with the audit table's guards off, as someone with direct access to PostgreSQL could. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await t.db.transaction(async (tx) => {
    await tx.query("ALTER TABLE audit_event DISABLE TRIGGER USER");
    await tx.query(sql, params);
    await tx.query("ALTER TABLE audit_event ENABLE TRIGGER USER");
  });
}

/** A few requests that leave READ and DENIED rows. */
async function someTraffic(): Promise<void> {
  const people = await Promise.all([1, 2, 3].map(() => t.factories.person({ coordinatorId: coordinatorUser.id })));
  for (const p of people) {
    await coordinator(`query($id: ID!) { person(id: $id) { displayName } }`, { id: p.id });
    await viewer(`query($id: ID!) { person(id: $id) { displayName } }`, { id: p.id });
  }
}

async function chainRows(): Promise<{ id: string; chain_seq: string; prev_hash: string; row_hash: string }[]> {
  return t.db.query("SELECT id::text, chain_seq::text, prev_hash, row_hash FROM audit_event e ORDER BY e.chain_seq");
}

beforeAll(async () => {
  t = await createTestApp();
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
});
afterAll(() => t.close());

describe("the chain the database writes", () => {
  it("numbers the rows 1, 2, 3 … and links each to the one before; an untouched chain verifies", async () => {
    await someTraffic();
    const rows = await chainRows();
    // Three reads, and the viewer's three refusals summarised as one row.
    expect(rows.length).toBe(4);
    rows.forEach((r, i) => {
      expect(r.chain_seq).toBe(String(i + 1));
      expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1].row_hash);
      expect(r.row_hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const result = await verify();
    expect(result).toEqual({ ok: true, rows: rows.length, gaps: 0, firstBreak: null });
    expect(formatVerification(result)).toBe(`audit:verify rows=${rows.length} gaps=0 ok`);
  });

  it("ignores chain values an insert gives and computes its own", async () => {
    await t.db.query(
      `INSERT INTO audit_event (action, request_id, chain_seq, prev_hash, row_hash) VALUES ('READ', 'forged', 1, 'x', 'y')`,
    );
    const [row] = await t.db.query("SELECT chain_seq::text, row_hash FROM audit_event WHERE request_id = 'forged'");
    expect(row.chain_seq).not.toBe("1");
    expect(row.row_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verify()).ok).toBe(true);
  });

  it("stays one valid chain under concurrent requests (each request's rows are one insert)", async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, () => t.factories.person({ coordinatorId: coordinatorUser.id })),
    );
    const before = (await chainRows()).length;
    await Promise.all([
      ...people.map((p) => coordinator(`query($id: ID!) { person(id: $id) { displayName } }`, { id: p.id })),
      ...people.map((p) => viewer(`query($id: ID!) { person(id: $id) { id } }`, { id: p.id })),
      ...Array.from({ length: 6 }, () => t.app.services.audit.append([])),
    ]);
    const rows = await chainRows();
    expect(rows.length).toBeGreaterThanOrEqual(before + 8);
    const result = await verify();
    expect(result.firstBreak).toBeNull();
    expect(result).toMatchObject({ ok: true, rows: rows.length });
  });
});

describe("tampering directly in PostgreSQL", () => {
  it("finds a changed field at the row that was changed, and verifies again once it is put back", async () => {
    const rows = await chainRows();
    const target = rows[Math.floor(rows.length / 2)];
    const [{ operation }] = await t.db.query("SELECT operation FROM audit_event WHERE id = $1", [target.id]);
    await tamper("UPDATE audit_event SET operation = 'nothingHappened' WHERE id = $1", [target.id]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ seq: target.chain_seq, id: target.id, reason: "CONTENT_CHANGED" });
    expect(formatVerification(result)).toMatch(
      new RegExp(
        `^audit:verify rows=\\d+ gaps=0 broken seq=${target.chain_seq} id=${target.id} reason=CONTENT_CHANGED`,
      ),
    );

    await tamper("UPDATE audit_event SET operation = $2 WHERE id = $1", [target.id, operation]);
    expect((await verify()).ok).toBe(true);
  });

  it("finds a row whose content and hash were both rewritten, at the next row's link", async () => {
    const rows = await chainRows();
    const [target, next] = [rows[2], rows[3]];
    const [saved] = await t.db.query("SELECT client_address, row_hash FROM audit_event WHERE id = $1", [target.id]);
    await tamper("UPDATE audit_event SET client_address = '203.0.113.9' WHERE id = $1", [target.id]);
    await tamper("UPDATE audit_event SET row_hash = audit_event_hash(prev_hash, audit_event) WHERE id = $1", [
      target.id,
    ]);
    // The rewritten row is consistent in itself…
    const [{ same }] = await t.db.query(
      "SELECT audit_event_hash(prev_hash, e) = row_hash AS same FROM audit_event e WHERE id = $1",
      [target.id],
    );
    expect(same).toBe(true);
    // …but no longer what the following row was chained to.
    expect((await verify()).firstBreak).toMatchObject({ seq: next.chain_seq, id: next.id, reason: "LINK_BROKEN" });
    await tamper("UPDATE audit_event SET client_address = $2, row_hash = $3 WHERE id = $1", [
      target.id,
      saved.client_address,
      saved.row_hash,
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it("finds a deleted middle row, and a deleted newest row", async () => {
    const rows = await chainRows();
    const middle = rows[Math.floor(rows.length / 3)];
    const [saved] = await t.db.query("SELECT to_jsonb(e) AS row FROM audit_event e WHERE id = $1", [middle.id]);
    await tamper("DELETE FROM audit_event WHERE id = $1", [middle.id]);
    const result = await verify();
    expect(result.firstBreak).toMatchObject({ seq: middle.chain_seq, id: null, reason: "ROW_MISSING" });
    expect(result.firstBreak!.detail).toContain(`連番 ${middle.chain_seq}〜${middle.chain_seq} の行がありません`);
    await tamper("INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, $1::jsonb)", [
      saved.row,
    ]);
    expect((await verify()).ok).toBe(true);

    const newest = rows[rows.length - 1];
    const [last] = await t.db.query("SELECT to_jsonb(e) AS row FROM audit_event e WHERE id = $1", [newest.id]);
    await tamper("DELETE FROM audit_event WHERE id = $1", [newest.id]);
    expect((await verify()).firstBreak).toMatchObject({ reason: "HEAD_MISMATCH", seq: newest.chain_seq });
    await tamper("INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, $1::jsonb)", [
      last.row,
    ]);
    expect((await verify()).ok).toBe(true);
  });
});

describe("the retention purge", () => {
  /** A row as if written `daysAgo` days ago (the app never sets occurred_at; only tests back-date rows). */
  const rowFrom = async (daysAgo: number) =>
    (
      await t.db.query(
        `INSERT INTO audit_event (occurred_at, action, request_id, detail) VALUES (now() - make_interval(days => $1), 'READ', 'chain-retention', '{}') RETURNING chain_seq::text`,
        [daysAgo],
      )
    )[0].chain_seq as string;

  it("keeps the chain verifiable from the oldest kept row and across every run it removed", async () => {
    // An old prefix (the first rows of this file's chain, back-dated as a whole), and two runs in the middle.
    await tamper("UPDATE audit_event SET occurred_at = now() - interval '2000 days' WHERE chain_seq <= 3");
    // Back-dating changed those rows' content: re-chain them as the database would have written them.
    await tamper(`
      DO $$ DECLARE r audit_event; h text := '${GENESIS_HASH}'; BEGIN
        FOR r IN SELECT * FROM audit_event ORDER BY chain_seq LOOP
          r.prev_hash := h; h := audit_event_hash(h, r);
          UPDATE audit_event SET prev_hash = r.prev_hash, row_hash = h WHERE id = r.id;
        END LOOP;
        UPDATE audit_chain SET last_hash = h;
      END $$`);
    expect((await verify()).ok).toBe(true);
    const a = await rowFrom(1900);
    const b = await rowFrom(1850);
    await someTraffic();
    const c = await rowFrom(3000);
    await someTraffic();

    const deleted = await t.app.services.audit.purgeExpired();
    expect(deleted).toBe(3 + 3);
    const gaps = await t.db.query("SELECT from_seq::text, to_seq::text FROM audit_chain_gap ORDER BY from_seq");
    expect(gaps).toEqual([
      { from_seq: "1", to_seq: "3" },
      { from_seq: a, to_seq: b },
      { from_seq: c, to_seq: c },
    ]);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, gaps: 3, firstBreak: null });

    // The record of what the purge removed cannot be edited away either.
    await expect(t.db.query("DELETE FROM audit_chain_gap")).rejects.toThrow(/append-only/);
    // And a row removed outside the purge is still found.
    const [{ id, chain_seq }] = await t.db.query(
      "SELECT id::text, chain_seq::text FROM audit_event e ORDER BY e.chain_seq OFFSET 2 LIMIT 1",
    );
    await tamper("DELETE FROM audit_event WHERE id = $1", [id]);
    expect((await verify()).firstBreak).toMatchObject({ seq: chain_seq, reason: "ROW_MISSING" });
  });
});
