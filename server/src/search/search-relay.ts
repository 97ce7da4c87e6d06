import os from "node:os";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "../core/logger.js";
import { ResourceService } from "../resources/resource.service.js";
import {
  LEADER_HELD_BY,
  LeadershipLostError,
  RELAY_LEADER_LOCK,
  RelayLeadership,
  type RelayLeadershipState,
} from "./relay-leadership.js";
import { documentHandover } from "./document-handover.js";
import { loadResourceDocuments } from "./resource-document.js";
import type { SearchHealth } from "./search-health.js";
import type { ResourceSearchIndex } from "./search-index.js";

export { RELAY_LEADER_LOCK, type RelayLeadershipState, type RelayRole } from "./relay-leadership.js";

export interface RelayOptions {
  databaseUrl: string;
  /**
   * Most outbox rows sent to Meilisearch in one task (default 10,000). An edit finds the relay idle and goes alone; an
   * import's rows go thousands at a time, which Meilisearch indexes far faster than many small tasks.
   */
  batchSize?: number;
  pollMs?: number;
  refreshEveryMs?: number;
  /** Cap of the exponential back-off after failures (default 300 s). */
  maxBackoffSeconds?: number;
  /**
   * While rows keep arriving (an import commits batch after batch), how long the relay may wait for a full batch
   * before sending a partial one (default 3 s). Meilisearch indexes one large task much faster than many small
   * ones; a lone edit, which finds the relay idle, is sent at once.
   */
  gatherMs?: number;
  /** Who this relay is, in its log lines and in pg_stat_activity (default: host name and process id). */
  name?: string;
  /** Cap of the back-off between attempts to reach PostgreSQL again after the relay lost its connection (10 s). */
  reconnectMaxMs?: number;
}

/** How far the index lags behind the database: read by the relay's owner and by the searchStatus query alike. */
export async function outboxStatus(db: DataSource, health: SearchHealth): Promise<RelayStatus> {
  const [row] = await db.query(
    `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at)) AS oldest FROM search_outbox WHERE processed_at IS NULL`,
  );
  return {
    pending: row.pending,
    oldestPendingSeconds: row.oldest == null ? null : Math.round(Number(row.oldest)),
    lastError: health.lastError,
    degraded: health.degraded,
  };
}

export interface RelayStatus {
  pending: number;
  oldestPendingSeconds: number | null;
  lastError: string | null;
  degraded: boolean;
}

const MAX_BACKOFF_SECONDS = 300;
const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Moves outbox rows into Meilisearch: claims a batch (FOR UPDATE SKIP LOCKED), re-reads the listings, upserts the
 * ones that exist and deletes the ones that do not (both idempotent by id), then marks the rows processed in the same
 * transaction. A failure leaves the rows with a later `next_attempt_at` (exponential back-off); a crash leaves them
 * unprocessed. Either way nothing is lost.
 *
 * Only the leader relays (RelayLeadership: a session lock on a dedicated connection). Each batch checks that the lock
 * is still held by that connection, and batches are serialised by a transaction lock whoever runs them (a leader, a
 * `drain()` from a script, a relay that has not yet noticed its loss): two batches never read and send the same listing
 * in a crossed order, so the index never ends on an older version.
 */
export class SearchRelay {
  private readonly logger: Logger;
  private readonly leadership: RelayLeadership;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastRefresh = 0;

  constructor(
    private readonly db: DataSource,
    private readonly index: ResourceSearchIndex,
    private readonly health: SearchHealth,
    logger: Logger,
    private readonly options: RelayOptions,
  ) {
    const name = options.name ?? `${os.hostname()}/${process.pid}`;
    this.logger = logger.child({ service: "search-relay", relay: name });
    this.leadership = new RelayLeadership(
      {
        databaseUrl: options.databaseUrl,
        name,
        reconnectMaxMs: options.reconnectMaxMs ?? 10_000,
        handoverMs: 2 * (options.pollMs ?? 1_000),
        wake: () => this.wake?.(),
      },
      this.logger,
    );
  }

  /** leader / follower / reconnecting / stopped, and since when: for /healthz and for operators. */
  get state(): RelayLeadershipState {
    return this.leadership.state;
  }

  /** Starts the loop; the first iteration connects and tries to lead. */
  async start(): Promise<void> {
    this.running = true;
    this.leadership.open();
    this.loop = this.run();
  }

  /**
   * Waits up to `graceMs` for the current iteration. Cutting one short is safe: its transaction rolls back when the
   * pool closes, and the outbox rows stay for the next run.
   */
  async stop(graceMs = 2_000): Promise<void> {
    this.running = false;
    this.wake?.();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.loop,
      new Promise((r) => {
        timer = setTimeout(r, graceMs);
      }),
    ]);
    clearTimeout(timer);
    await this.leadership.close();
  }

  /** Processes until nothing is due. For scripts and tests: returns once what was committed before is indexed. */
  async drain(): Promise<void> {
    while ((await this.processBatch(undefined)) > 0);
  }

  status(): Promise<RelayStatus> {
    return outboxStatus(this.db, this.health);
  }

  private async run(): Promise<void> {
    let busy = false;
    while (this.running) {
      let processed = 0;
      try {
        if (this.leadership.state.role !== "leader" && (await this.leadership.seek()) && this.running) {
          await this.ensureIndexPopulated();
          busy = false;
        }
        const pid = this.leadership.leaderPid;
        if (pid !== undefined && this.running) {
          if (Date.now() - this.lastRefresh > (this.options.refreshEveryMs ?? 3_600_000))
            await this.refreshDerivedColumns();
          if (busy) await this.gather();
          processed = await this.processBatch(pid);
          busy = processed > 0;
        }
      } catch (err) {
        if (err instanceof LeadershipLostError) this.leadership.lose(err.message);
        else this.logger.error({ err }, "search relay iteration failed");
      }
      if (processed === 0 && this.running)
        await this.sleep(
          this.leadership.state.role === "reconnecting"
            ? this.leadership.retryDelayMs()
            : (this.options.pollMs ?? 1_000),
        );
    }
  }

  /**
   * Right after a batch: waits while due rows keep arriving, until a full batch is due, the rows stop coming for a
   * moment, or `gatherMs` has passed.
   */
  private async gather(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const until = Date.now() + (this.options.gatherMs ?? 3_000);
    let last = -1;
    while (this.running && Date.now() < until) {
      const [{ due }] = await this.db.query(
        `SELECT count(*)::int AS due FROM (SELECT 1 FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now() LIMIT $1) AS d`,
        [batchSize],
      );
      if (due >= batchSize || due === last) return;
      last = due;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * At boot: settings from code, and a full enqueue when the index is empty but the catalog is not (first start) or
   * holds documents of an older shape (an upgrade changed what a document carries). Upserts replace whole documents,
   * so the old fields go as each listing is indexed again; searches keep answering meanwhile.
   */
  private async ensureIndexPopulated(): Promise<void> {
    try {
      await this.index.ensure();
      this.health.markUp();
      const count = await this.index.documentCount();
      const why = count === 0 ? "empty" : (await this.index.holdsCurrentShape()) ? null : "documents of an older shape";
      if (why) {
        const [{ n }] = await this.db.query("SELECT count(*)::int AS n FROM resource");
        if (n > 0) {
          await this.db.query("INSERT INTO search_outbox (entity, entity_id) SELECT 'resource', id FROM resource");
          this.logger.info({ resources: n }, `search index ${why}: queued every listing for indexing`);
        }
      }
    } catch (err) {
      this.health.markDown(err);
    }
  }

  /**
   * Returns how many outbox rows it claimed (0 when idle or backing off). With `leaderPid` (the loop), the batch commits
   * only if that backend still holds the leader lock when it starts and when it marks its rows; `drain()` passes none.
   */
  private async processBatch(leaderPid: number | undefined): Promise<number> {
    return this.db.transaction(async (tx) => {
      // The two-key form lives apart from every one-key lock, RELAY_LEADER_LOCK included: no collision possible.
      await tx.query("SELECT pg_advisory_xact_lock($1::int, 1)", [RELAY_LEADER_LOCK]);
      await this.stillHolding(tx, leaderPid);
      const rows: { id: string; entity_id: string }[] = await tx.query(
        `SELECT id, entity_id FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? DEFAULT_BATCH_SIZE],
      );
      if (!rows.length) return 0;
      const rowIds = rows.map((r) => r.id);
      // Documents the catalog import made in this process, for the rows it queued them with (document-handover.ts);
      // the other listings are read as they are now.
      const handedOver = documentHandover.takeFor(rows);
      const ids = [...new Set(rows.map((r) => r.entity_id))].filter((id) => !handedOver.has(id));
      let failure: unknown;
      try {
        const { docs, missing } = await loadResourceDocuments(tx, ids);
        // Building documents can take seconds (the reading dictionary loads on first use). A batch whose connection
        // died meanwhile holds no lock any more, and another relay may already have read newer rows: it must not send.
        await this.stillHolding(tx, leaderPid);
        if (handedOver.size)
          await this.index.upsertJson([...handedOver.values(), ...docs.map((d) => Buffer.from(JSON.stringify(d)))]);
        else await this.index.upsert(docs);
        await this.index.remove(missing);
      } catch (err) {
        if (err instanceof LeadershipLostError) throw err;
        failure = err ?? new Error("unknown failure");
      }
      if (failure === undefined) {
        await this.markRows(tx, leaderPid, rowIds, "processed_at = now()");
        this.health.markUp();
      } else {
        this.health.markDown(failure);
        await this.markRows(
          tx,
          leaderPid,
          rowIds,
          `attempts = attempts + 1, last_error = left($2, 1000),
             next_attempt_at = now() + least(power(2, attempts) * interval '1 second', $3 * interval '1 second')`,
          [String((failure as Error).message ?? failure), this.options.maxBackoffSeconds ?? MAX_BACKOFF_SECONDS],
        );
      }
      return rows.length;
    });
  }

  /**
   * Updates the batch's outbox rows (`set`, whose parameters start at $2), then proves the locks with stillHolding in
   * the same transaction. The leader lock is held by another connection and can go while the rows are being marked (the
   * two-relay test saw rows marked while nobody led when the proof came first, and when it sat inside the update, which
   * checks as it starts). Proved after the update, it was held throughout: a lost lock never comes back to the same
   * backend. If it went, the marks roll back with the batch. Throws as stillHolding does.
   */
  private async markRows(
    tx: EntityManager,
    leaderPid: number | undefined,
    rowIds: string[],
    set: string,
    params: unknown[] = [],
  ): Promise<void> {
    await tx.query(`UPDATE search_outbox SET ${set} WHERE id = ANY($1::bigint[])`, [rowIds, ...params]);
    await this.stillHolding(tx, leaderPid);
  }

  /**
   * Proves the batch still holds its locks: its transaction is alive (so is the batch lock) and, with `leaderPid`, that
   * backend still holds the leader lock. Throws otherwise; the batch then rolls back, its rows stay for the leader.
   */
  private async stillHolding(tx: EntityManager, leaderPid: number | undefined): Promise<void> {
    if (leaderPid === undefined) {
      await tx.query("SELECT 1");
      return;
    }
    const held: unknown[] = await tx.query(LEADER_HELD_BY, [leaderPid]);
    if (!held.length) throw new LeadershipLostError("the leader lock is no longer held by this relay's connection");
  }

  /**
   * Hourly: recompute the schedule-derived columns (the next session moves as days pass) and re-index the listings
   * whose values changed. Also deletes outbox rows processed more than a day ago.
   */
  async refreshDerivedColumns(now = new Date()): Promise<number> {
    this.lastRefresh = Date.now();
    const changed = await ResourceService.refreshScheduleColumns(this.db, now);
    await this.db.query("DELETE FROM search_outbox WHERE processed_at < now() - interval '1 day'");
    if (changed) this.logger.info({ changed }, "refreshed next sessions");
    return changed;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
