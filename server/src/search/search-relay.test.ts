import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../runtime/embedded-postgres.js";
import { Factories } from "../test/factories.js";
import { freePort } from "../test/free-port.js";
import type { ResourceDocument } from "./resource-document.js";
import { SearchHealth } from "./search-health.js";
import { ResourceSearchIndex } from "./search-index.js";
import { enqueueResources } from "./search-outbox.js";
import { RELAY_LEADER_LOCK, SearchRelay, type RelayRole } from "./search-relay.js";
import { normalizeSearchText } from "./text/normalize.js";

/**
 * Two relays against one PostgreSQL of this file's own, which the test restarts and whose leader connection it kills,
 * while a writer keeps changing listings. The database itself records every batch that marks outbox rows (a trigger
 * made here, in this test's database only): who marked, and who held the leader lock at that moment.
 */
const DATABASE = "relay_leadership";
let dir: string;
let port: number;
let pgServer: EmbeddedPostgresHandle;
let databaseUrl: string;
let writer: DataSource;
const quiet = createLogger("silent");
const prefix = `relay_${randomBytes(4).toString("hex")}_`;
const meili = () => ({ url: inject("meiliUrl"), key: inject("meiliKey"), prefix });

/** Every log line of both relays, as objects. */
const logLines: { relay: string; msg: string; role?: string }[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

interface Upsert {
  relay: string;
  start: number;
  end: number;
}
const upserts: Upsert[] = [];

/**
 * The real index, timing each send of documents (until Meilisearch has accepted them) so the test can tell whether two
 * relays ever sent at the same time.
 */
class TimedIndex extends ResourceSearchIndex {
  constructor(private readonly relay: string) {
    super(meili());
  }
  override async sendDocuments(docs: ResourceDocument[], uid?: string): Promise<number | undefined> {
    const start = performance.now();
    const task = await super.sendDocuments(docs, uid);
    if (docs.length) upserts.push({ relay: this.relay, start, end: performance.now() });
    return task;
  }
}

interface Relay {
  name: string;
  relay: SearchRelay;
  db: DataSource;
}

async function startRelay(name: string): Promise<Relay> {
  const db = createDataSource(databaseUrl, { poolSize: 3, applicationName: `pool ${name}` });
  await db.initialize();
  const relay = new SearchRelay(db, new TimedIndex(name), new SearchHealth(quiet), logger, {
    databaseUrl,
    name,
    pollMs: 100,
    gatherMs: 300,
    maxBackoffSeconds: 1,
    reconnectMaxMs: 500,
  });
  await relay.start();
  return { name, relay, db };
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-relay-"));
  chmodSync(dir, 0o755);
  port = await freePort();
  pgServer = await startEmbeddedPostgres(path.join(dir, "pg"), port, quiet);
  await ensureDatabase(pgServer.serverUrl, DATABASE);
  databaseUrl = pgServer.databaseUrl(DATABASE);
  writer = createDataSource(databaseUrl, { poolSize: 2, applicationName: "writer" });
  await writer.initialize();
  await writer.runMigrations({ transaction: "each" });
  await writer.query(`
    CREATE TABLE relay_mark (outbox_id bigint NOT NULL, marked_by text NOT NULL, lock_holder text);
    CREATE FUNCTION record_relay_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO relay_mark SELECT NEW.id, current_setting('application_name'),
        (SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ${RELAY_LEADER_LOCK}
            AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()));
      RETURN NEW;
    END $$;
    CREATE TRIGGER relay_mark AFTER UPDATE OF processed_at ON search_outbox FOR EACH ROW
      WHEN (OLD.processed_at IS NULL AND NEW.processed_at IS NOT NULL) EXECUTE FUNCTION record_relay_mark();
  `);
  await new ResourceSearchIndex(meili()).ensure();
}, 120_000);

afterAll(async () => {
  await writer?.destroy().catch(() => undefined);
  await new ResourceSearchIndex(meili()).client.deleteIndexIfExists(`${prefix}resources`).catch(() => undefined);
  await pgServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two search relays on one PostgreSQL", () => {
  it("keep exactly one leader through a PostgreSQL restart and a killed connection, and leave the index consistent", async () => {
    const factories = new Factories(writer);
    const org = await factories.organization();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await factories.resource({ organizationId: org.id, description: "初版" })).id);

    const a = await startRelay("a");
    await waitFor("a to lead", () => a.relay.state.role === "leader");
    const b = await startRelay("b");
    await waitFor("b to follow", () => b.relay.state.role === "follower");
    const relays = [a, b];

    // Who each relay believes it is, sampled all along.
    const samples: RelayRole[][] = [];
    const sampler = setInterval(() => samples.push(relays.map((r) => r.relay.state.role)), 10);

    // One writer changes listings one by one; a write that fails (the database is restarting) is not acknowledged.
    const acknowledged = { beforeRestart: 0, afterRestart: 0, afterTakeover: 0 };
    let phase: keyof typeof acknowledged = "beforeRestart";
    let writing = true;
    let restarted = Infinity;
    let newLeader: string | undefined;
    let lastBeforeTakeover: string | undefined;
    const writes = (async () => {
      for (let n = 0; writing; n++) {
        const id = ids[n % ids.length];
        try {
          await writer.transaction(async (tx) => {
            await tx.query("UPDATE resource SET description = $2 WHERE id = $1", [id, `第${n}版`]);
            await enqueueResources(tx, [id]);
          });
          acknowledged[phase]++;
        } catch {
          // refused while PostgreSQL is down
        }
        await sleep(15);
      }
    })();

    try {
      await waitFor("writes before the restart", () => acknowledged.beforeRestart >= 10);
      const restartedAt = Date.now();
      await pgServer.stop();
      await waitFor("both relays to notice", () => relays.every((r) => r.relay.state.role === "reconnecting"));
      pgServer = await startEmbeddedPostgres(path.join(dir, "pg"), port, quiet);
      phase = "afterRestart";
      restarted = performance.now();
      await waitFor(
        "one leader again",
        () =>
          relays.some((r) => r.relay.state.role === "leader") && relays.some((r) => r.relay.state.role === "follower"),
      );
      expect(Math.min(...relays.map((r) => r.relay.state.since.getTime()))).toBeGreaterThan(restartedAt);
      await waitFor("writes after the restart", () => acknowledged.afterRestart >= 10);

      // Kill the leader's connection: the follower takes over, the old leader comes back as a follower.
      const leader = relays.find((r) => r.relay.state.role === "leader")!;
      const follower = relays.find((r) => r !== leader)!;
      const killed = await writer.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 AND objsubid = 1
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [RELAY_LEADER_LOCK],
      );
      expect(killed).toEqual([{ ok: true }]);
      await waitFor("the follower to take over", () => follower.relay.state.role === "leader");
      await waitFor("the old leader to follow", () => leader.relay.state.role === "follower");
      newLeader = follower.name;
      [{ lastBeforeTakeover }] = await writer.query('SELECT max(id) AS "lastBeforeTakeover" FROM search_outbox');
      phase = "afterTakeover";
      await waitFor("writes after the takeover", () => acknowledged.afterTakeover >= 10);
    } finally {
      writing = false;
      await writes;
    }
    await waitFor(
      "the outbox to empty",
      async () =>
        (await writer.query("SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL"))[0].n === 0,
      30_000,
    );
    clearInterval(sampler);
    for (const r of relays) await r.relay.stop();
    for (const r of relays) await r.db.destroy();

    // Never two leaders at once, and both roles seen on each relay.
    expect(samples.filter((s) => s.every((role) => role === "leader"))).toEqual([]);
    for (const [i, r] of relays.entries()) {
      expect(new Set(samples.map((s) => s[i])), r.name).toEqual(new Set(["leader", "follower", "reconnecting"]));
    }

    // Every outbox row marked processed exactly once, each by a relay that held the leader lock at that moment; the
    // rows written once the follower had taken over, by the follower.
    const marks: { relay: string; holder: string | null; late: boolean }[] = await writer.query(
      `SELECT DISTINCT marked_by AS relay, lock_holder AS holder, outbox_id > $1 AS late FROM relay_mark`,
      [lastBeforeTakeover],
    );
    expect(marks.filter((m) => m.holder !== m.relay.replace("pool ", "tsunagu-search-relay "))).toEqual([]);
    expect(new Set(marks.filter((m) => m.late).map((m) => m.relay))).toEqual(new Set([`pool ${newLeader}`]));
    const [{ rows, unmarked, twice }] = await writer.query(
      `SELECT count(*)::int AS rows,
              count(*) FILTER (WHERE m.n IS NULL)::int AS unmarked,
              count(*) FILTER (WHERE m.n > 1)::int AS twice
         FROM search_outbox o LEFT JOIN (SELECT outbox_id, count(*) AS n FROM relay_mark GROUP BY 1) m
           ON m.outbox_id = o.id`,
    );
    expect({ unmarked, twice }).toEqual({ unmarked: 0, twice: 0 });
    // The listings' first rows, a full enqueue at the first leader's start (the index was empty), and each write.
    expect(rows).toBeGreaterThanOrEqual(
      12 + 12 + acknowledged.beforeRestart + acknowledged.afterRestart + acknowledged.afterTakeover,
    );

    // Once PostgreSQL was back, no two relays ever sent to Meilisearch at the same time. (A send begun before the
    // restart may still be waiting for its task then: it was enqueued first, so it cannot overwrite newer data.)
    const sent = upserts.filter((u) => u.start > restarted);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((u) => sent.some((v) => v.relay !== u.relay && u.start < v.end && v.start < u.end))).toEqual([]);

    // Meilisearch holds the latest version of every listing.
    const inDatabase: { id: string; description: string }[] = await writer.query(
      "SELECT id, description FROM resource ORDER BY id",
    );
    const index = new ResourceSearchIndex(meili());
    const { results } = await index.index().getDocuments({ fields: ["id", "description"], limit: 100 });
    expect(
      results.map((d) => ({ id: d.id, description: d.description })).sort((x, y) => (x.id < y.id ? -1 : 1)),
    ).toEqual(inDatabase.map((r) => ({ id: r.id, description: normalizeSearchText(r.description) })));

    // What an operator reads in the log.
    const said = (relay: string, msg: RegExp) => logLines.some((l) => l.relay === relay && msg.test(l.msg));
    expect(said("a", /became the leader/)).toBe(true);
    expect(said("b", /is a follower/)).toBe(true);
    // (A relay busy with a batch all through the outage may find PostgreSQL back at its first attempt.)
    expect(relays.some((r) => said(r.name, /reconnecting to PostgreSQL/))).toBe(true);
    // Once when PostgreSQL restarted, once when the leader's connection was killed.
    expect(logLines.filter((l) => /lost leadership/.test(l.msg)).length).toBe(2);
    expect(relays.some((r) => said(r.name, /re-acquired leadership/))).toBe(true);
  }, 90_000);
});
