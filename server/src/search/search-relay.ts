import pg from "pg";
import type { DataSource } from "typeorm";
import type { Logger } from "../core/logger.js";
import { ResourceService } from "../resources/resource.service.js";
import { loadResourceDocuments } from "./resource-document.js";
import type { SearchHealth } from "./search-health.js";
import type { ResourceSearchIndex } from "./search-index.js";
import { OUTBOX_CHANNEL } from "./search-outbox.js";

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

/** One relay per database at a time, whatever the number of app instances: the holder of this lock. */
const LEADER_LOCK = 7_234_001;
const MAX_BACKOFF_SECONDS = 300;
const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Moves outbox rows into Meilisearch: claims a batch (FOR UPDATE SKIP LOCKED), re-reads the listings, upserts the
 * ones that exist and deletes the ones that do not (both idempotent by id), then marks the rows processed in the same
 * transaction. A failure leaves the rows with a later `next_attempt_at` (exponential back-off); a crash leaves them
 * unprocessed. Either way nothing is lost.
 */
export class SearchRelay {
  private listener: pg.Client | undefined;
  private running = false;
  private leader = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastRefresh = 0;

  constructor(
    private readonly db: DataSource,
    private readonly index: ResourceSearchIndex,
    private readonly health: SearchHealth,
    private readonly logger: Logger,
    private readonly options: RelayOptions,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.listener = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: "tsunagu-search-relay",
    });
    this.listener.on("error", (err) => this.logger.warn({ err }, "search relay listener connection failed"));
    await this.listener.connect();
    this.listener.on("notification", () => this.wake?.());
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
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
    await this.listener?.end().catch(() => undefined);
  }

  /** Processes until nothing is due. For scripts and tests: returns once what was committed before is indexed. */
  async drain(): Promise<void> {
    while ((await this.processBatch()) > 0);
  }

  status(): Promise<RelayStatus> {
    return outboxStatus(this.db, this.health);
  }

  private async run(): Promise<void> {
    let busy = false;
    while (this.running) {
      let processed = 0;
      try {
        if (!this.leader) this.leader = await this.tryLead();
        if (this.leader) {
          if (Date.now() - this.lastRefresh > (this.options.refreshEveryMs ?? 3_600_000))
            await this.refreshDerivedColumns();
          if (busy) await this.gather();
          processed = await this.processBatch();
          busy = processed > 0;
        }
      } catch (err) {
        this.logger.error({ err }, "search relay iteration failed");
      }
      if (processed === 0 && this.running) await this.sleep(this.options.pollMs ?? 1_000);
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

  private async tryLead(): Promise<boolean> {
    const [{ ok }] = (await this.listener!.query("SELECT pg_try_advisory_lock($1) AS ok", [LEADER_LOCK])).rows;
    if (ok) await this.ensureIndexPopulated();
    return ok;
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

  /** Returns how many outbox rows it claimed (0 when idle or backing off). */
  async processBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string; entity_id: string }[] = await tx.query(
        `SELECT id, entity_id FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? DEFAULT_BATCH_SIZE],
      );
      if (!rows.length) return 0;
      const rowIds = rows.map((r) => r.id);
      const ids = [...new Set(rows.map((r) => r.entity_id))];
      try {
        const { docs, missing } = await loadResourceDocuments(tx, ids);
        await this.index.upsert(docs);
        await this.index.remove(missing);
        await tx.query("UPDATE search_outbox SET processed_at = now() WHERE id = ANY($1::bigint[])", [rowIds]);
        this.health.markUp();
      } catch (err) {
        this.health.markDown(err);
        await tx.query(
          `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($2, 1000),
             next_attempt_at = now() + least(power(2, attempts) * interval '1 second', $3 * interval '1 second')
           WHERE id = ANY($1::bigint[])`,
          [rowIds, String((err as Error).message ?? err), this.options.maxBackoffSeconds ?? MAX_BACKOFF_SECONDS],
        );
      }
      return rows.length;
    });
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
