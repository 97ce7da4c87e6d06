import os from "node:os";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
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

/** A batch Meilisearch has accepted (SearchRelay.sendBatch), whose rows its transaction holds until `confirmed`. */
interface SentBatch {
  rowIds: string[];
  /** Meilisearch's tasks for it, upsert and removal (undefined: nothing of that kind to send). */
  tasks: (number | undefined)[];
  /** Why it could not be sent, if it could not: its rows are then set to be tried again later. */
  failure?: unknown;
  /** Resolves, to the number of rows, once they are marked and committed; rejects as markRows throws. */
  confirmed: Promise<number>;
}

/** The batch the loop has sent and not yet confirmed, and whether it has settled (gather looks). */
interface InFlight {
  batch: SentBatch;
  settled: boolean;
  /** Resolves when `confirmed` settles, either way. */
  done: Promise<void>;
}

function track(batch: SentBatch): InFlight {
  const flight: InFlight = { batch, settled: false, done: Promise.resolve() };
  flight.done = batch.confirmed.then(
    () => void (flight.settled = true),
    () => void (flight.settled = true),
  );
  return flight;
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
 * is still held by that connection, and batches are sent one after another under a transaction lock whoever runs them
 * (a leader, a `drain()` from a script, a relay that has not yet noticed its loss): two batches never read and send
 * the same listing in a crossed order, so the index never ends on an older version. The loop keeps one batch in
 * flight: it sends the next while Meilisearch indexes the one before, and confirms that one before it sends another.
 */
export class SearchRelay {
  private readonly logger: Logger;
  private readonly leadership: RelayLeadership;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastRefresh = 0;
  private inFlight: InFlight | undefined;

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
    for (;;) {
      const sent = await this.sendBatch(undefined);
      if (sent) {
        await sent.confirmed;
        continue;
      }
      // Nothing left to claim. Rows still due belong to a batch in flight (the loop's, another relay's): they were
      // committed before this call too, so wait for that batch to mark them, or to set them aside after a failure.
      const [{ due }] = await this.db.query(
        "SELECT count(*)::int AS due FROM search_outbox WHERE processed_at IS NULL AND next_attempt_at <= now()",
      );
      if (!due) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  status(): Promise<RelayStatus> {
    return outboxStatus(this.db, this.health);
  }

  private async run(): Promise<void> {
    let busy = false;
    while (this.running) {
      let processed = 0;
      try {
        if (this.leadership.state.role !== "leader") {
          await this.settle();
          if ((await this.leadership.seek()) && this.running) {
            await this.ensureIndexPopulated();
            busy = false;
          }
        }
        const pid = this.leadership.leaderPid;
        if (pid !== undefined && this.running) {
          if (Date.now() - this.lastRefresh > (this.options.refreshEveryMs ?? 3_600_000))
            await this.refreshDerivedColumns();
          if (busy) await this.gather();
          // The next batch goes while Meilisearch indexes the one before; that one is confirmed before another goes.
          const previous = this.inFlight;
          this.inFlight = undefined;
          try {
            const sent = await this.sendBatch(pid);
            if (sent) this.inFlight = track(sent);
            processed = sent?.rowIds.length ?? 0;
          } finally {
            await previous?.batch.confirmed;
          }
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
    await this.settle().catch((err) => this.logger.warn({ err }, "search relay's last batch not confirmed"));
  }

  /** Waits for the batch in flight, if any, to be confirmed; throws as its confirmation does. */
  private async settle(): Promise<void> {
    const flight = this.inFlight;
    this.inFlight = undefined;
    await flight?.batch.confirmed;
  }

  /**
   * Right after a batch: waits while due rows keep arriving, until a full batch is due, or, once the batch in flight
   * (if any) is confirmed, the rows stop coming for a moment or `gatherMs` has passed. While Meilisearch is still busy
   * with the batch in flight, a partial batch gains nothing by going early.
   */
  private async gather(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const until = Date.now() + (this.options.gatherMs ?? 3_000);
    // The rows of the batch in flight are still due until it marks them; they are not counted (a batch is claimed
    // in id order, so they are the lowest ids but for rows set aside after a failure).
    const after = this.inFlight?.batch.rowIds.at(-1) ?? "0";
    let last = -1;
    while (this.running) {
      const [{ due }] = await this.db.query(
        `SELECT count(*)::int AS due FROM (SELECT 1 FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now() AND id > $2::bigint LIMIT $1) AS d`,
        [batchSize, after],
      );
      if (due >= batchSize) return;
      const waiting = this.inFlight !== undefined && !this.inFlight.settled;
      if (!waiting && (due === last || Date.now() >= until)) return;
      last = due;
      await Promise.race([new Promise((r) => setTimeout(r, 250)), ...(waiting ? [this.inFlight!.done] : [])]);
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
   * Claims a batch and sends it: Meilisearch has accepted it when this returns (undefined when nothing is due). The
   * batch's transaction (`runner`) holds its rows until `confirmed` settles: once Meilisearch has applied the batch it
   * marks them processed, or after a failure sets them to be tried again later, and commits. With `leaderPid` (the
   * loop), that only if that backend still holds the leader lock when the batch starts, before it sends and when it
   * marks its rows; `drain()` passes none.
   *
   * Claiming, reading and sending happen under the batch lock, a transaction lock taken in a second, short transaction
   * (`serial`), which ends as soon as Meilisearch has accepted the batch: the next batch, this relay's or any other's,
   * reads the listings after this one was sent, and Meilisearch applies it after this one. So the loop sends a batch
   * while Meilisearch is still indexing the one before, and Meilisearch never waits for the relay between the two.
   */
  private async sendBatch(leaderPid: number | undefined): Promise<SentBatch | undefined> {
    const runner = this.db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const sent = await this.db.transaction(async (serial) => {
        // The two-key form lives apart from every one-key lock, RELAY_LEADER_LOCK included: no collision possible.
        await serial.query("SELECT pg_advisory_xact_lock($1::int, 1)", [RELAY_LEADER_LOCK]);
        await this.stillHolding(serial, leaderPid);
        const rows: { id: string; entity_id: string }[] = await runner.query(
          `SELECT id, entity_id FROM search_outbox
            WHERE processed_at IS NULL AND next_attempt_at <= now()
            ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.options.batchSize ?? DEFAULT_BATCH_SIZE],
        );
        if (!rows.length) return undefined;
        // Documents the catalog import made in this process, for the rows it queued them with (document-handover.ts);
        // the other listings are read as they are now.
        const handedOver = documentHandover.takeFor(rows);
        const ids = [...new Set(rows.map((r) => r.entity_id))].filter((id) => !handedOver.has(id));
        const batch: Omit<SentBatch, "confirmed"> = { rowIds: rows.map((r) => r.id), tasks: [] };
        try {
          const { docs, missing } = await loadResourceDocuments(runner.manager, ids);
          // Building documents can take seconds (the reading dictionary loads on first use). A batch whose connection
          // died meanwhile holds no lock any more, and another relay may already have read newer rows: it must not send.
          await this.stillHolding(serial, leaderPid);
          batch.tasks.push(
            handedOver.size
              ? await this.index.sendJson([...handedOver.values(), ...docs.map((d) => Buffer.from(JSON.stringify(d)))])
              : await this.index.sendDocuments(docs),
            await this.index.sendRemoval(missing),
          );
        } catch (err) {
          if (err instanceof LeadershipLostError) throw err;
          batch.failure = err ?? new Error("unknown failure");
        }
        return batch;
      });
      if (!sent) {
        await runner.commitTransaction();
        await runner.release();
        return undefined;
      }
      return { ...sent, confirmed: this.confirm(runner, leaderPid, sent) };
    } catch (err) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw err;
    }
  }

  /** The rest of a sent batch (sendBatch): waits for Meilisearch, marks the rows, commits; releases the runner. */
  private async confirm(
    runner: QueryRunner,
    leaderPid: number | undefined,
    batch: Omit<SentBatch, "confirmed">,
  ): Promise<number> {
    try {
      let failure = batch.failure;
      if (failure === undefined) {
        try {
          for (const task of batch.tasks) await this.index.waitTask(task);
        } catch (err) {
          failure = err ?? new Error("unknown failure");
        }
      }
      if (failure === undefined) {
        await this.markRows(runner.manager, leaderPid, batch.rowIds, "processed_at = now()");
        this.health.markUp();
      } else {
        this.health.markDown(failure);
        await this.markRows(
          runner.manager,
          leaderPid,
          batch.rowIds,
          `attempts = attempts + 1, last_error = left($2, 1000),
             next_attempt_at = now() + least(power(2, attempts) * interval '1 second', $3 * interval '1 second')`,
          [String((failure as Error).message ?? failure), this.options.maxBackoffSeconds ?? MAX_BACKOFF_SECONDS],
        );
      }
      await runner.commitTransaction();
      return batch.rowIds.length;
    } catch (err) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
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
