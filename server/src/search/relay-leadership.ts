import pg from "pg";
import type { Logger } from "../core/logger.js";
import { OUTBOX_CHANNEL } from "./search-outbox.js";

/** One relay per database at a time, whatever the number of app instances: the holder of this session lock. */
export const RELAY_LEADER_LOCK = 7_234_001;

/**
 * leader: holds the lock and relays; follower: connected, another instance holds the lock; reconnecting: the
 * leadership connection is gone (PostgreSQL restarted, the connection was killed) and is being made again, with
 * back-off; stopped: not started, or stopped.
 */
export type RelayRole = "leader" | "follower" | "reconnecting" | "stopped";

export interface RelayLeadershipState {
  role: RelayRole;
  /** When the relay took this role. */
  since: Date;
}

/** Thrown by a batch that finds the lock no longer held by this relay's connection: the batch rolls back. */
export class LeadershipLostError extends Error {}

/**
 * Whether the session advisory lock RELAY_LEADER_LOCK is held, in this database, by the backend `$1`. The one-argument
 * (bigint) form shows in pg_locks as classid = the high 32 bits (0 here), objid = the low 32 bits, objsubid = 1.
 */
export const LEADER_HELD_BY = `SELECT 1 FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND pid = $1 AND classid = 0 AND objid = ${RELAY_LEADER_LOCK} AND objsubid = 1
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

const FIRST_RETRY_MS = 250;
/** A leadership query that takes this long means the connection is dead (a half-open socket never errors). */
const QUERY_TIMEOUT_MS = 5_000;

export interface RelayLeadershipOptions {
  databaseUrl: string;
  /** Who this relay is, in log lines and in pg_stat_activity's application_name. */
  name: string;
  /** Cap of the reconnection back-off. */
  reconnectMaxMs: number;
  /**
   * After losing leadership, how long this relay leaves the lock to the other instances before trying again: a
   * follower, which tries every poll, takes over, rather than the relay whose connection was just cut.
   */
  handoverMs: number;
  /** Called on a NOTIFY of the outbox channel and when leadership is lost: both must wake the relay's loop. */
  wake(): void;
}

/**
 * The relay's dedicated connection to PostgreSQL: it holds the leader lock (a session lock, released by PostgreSQL when
 * the connection goes, whatever the reason) and LISTENs to the outbox channel. Losing the connection (an error, its
 * end, a query that times out) or finding the lock gone (a batch's check) makes the relay stop relaying at once; it then
 * reconnects with back-off, LISTENs again and takes the lock again if no other instance took it meanwhile.
 */
export class RelayLeadership {
  private client: pg.Client | undefined;
  private pid: number | undefined;
  private current: RelayLeadershipState = { role: "stopped", since: new Date() };
  private failedAttempts = 0;
  private lostAt: number | undefined;
  private notBefore = 0;
  private closed = true;

  constructor(
    private readonly options: RelayLeadershipOptions,
    private readonly logger: Logger,
  ) {}

  get state(): RelayLeadershipState {
    return this.current;
  }

  /** The backend pid of the connection that holds the lock, while this relay leads: what a batch checks. */
  get leaderPid(): number | undefined {
    return this.current.role === "leader" ? this.pid : undefined;
  }

  /**
   * How long to wait before the next attempt while reconnecting: 250 ms, doubling, up to `reconnectMaxMs`; right after
   * a loss, at least until the hand-over time is over.
   */
  retryDelayMs(): number {
    const backoff = Math.min(FIRST_RETRY_MS * 2 ** Math.max(this.failedAttempts - 1, 0), this.options.reconnectMaxMs);
    return Math.max(backoff, this.notBefore - Date.now());
  }

  /**
   * Connects (and LISTENs) if needed, then tries the lock. Returns true when this call made the relay the leader. A
   * failure leaves the role `reconnecting`; it is logged here, not thrown.
   */
  async seek(): Promise<boolean> {
    if (Date.now() < this.notBefore) return false;
    try {
      if (!this.client) await this.connect();
      const client = this.client;
      if (!client) return false; // stopped while connecting
      const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [RELAY_LEADER_LOCK]);
      if (client !== this.client) return false; // lost while asking
      this.failedAttempts = 0;
      if (!rows[0].ok) {
        if (this.current.role !== "follower") {
          this.logger.info({ role: "follower" }, "search relay is a follower: another instance holds the leader lock");
          this.become("follower");
        }
        return false;
      }
      if (this.lostAt === undefined) {
        this.logger.info(
          { role: "leader" },
          "search relay became the leader: it alone moves outbox rows to Meilisearch",
        );
      } else {
        this.logger.info(
          { role: "leader", leaderlessMs: Date.now() - this.lostAt },
          "search relay re-acquired leadership: catching up on the outbox",
        );
        this.lostAt = undefined;
      }
      this.become("leader");
      return true;
    } catch (err) {
      this.failedAttempts++;
      this.drop(this.client, `cannot reach PostgreSQL: ${messageOf(err)}`);
      if (this.closed) return false;
      this.become("reconnecting");
      this.logger.warn(
        { role: "reconnecting", attempt: this.failedAttempts, retryInMs: this.retryDelayMs(), err: messageOf(err) },
        "search relay reconnecting to PostgreSQL",
      );
      return false;
    }
  }

  /** Before the first `seek`, and again after `close` when the relay is started anew. */
  open(): void {
    this.closed = false;
  }

  /** A batch found the lock gone (the connection died unnoticed, or PostgreSQL restarted): start again from scratch. */
  lose(reason: string): void {
    this.drop(this.client, reason);
    if (this.current.role !== "reconnecting" && !this.closed) this.become("reconnecting");
  }

  /** Ends the connection, which releases the lock. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.pid = undefined;
    this.become("stopped");
    if (client) await endWithin(client, 2_000);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: `tsunagu-search-relay ${this.options.name}`.slice(0, 63),
      keepAlive: true,
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // Always listened to: an unhandled 'error' on a client would end the process.
    client.on("error", (err) => this.drop(client, `connection error: ${err.message}`));
    client.on("end", () => this.drop(client, "connection closed"));
    client.on("notification", () => this.options.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      const { rows } = await client.query("SELECT pg_backend_pid() AS pid");
      if (this.closed) {
        void endWithin(client, 1_000);
        return;
      }
      this.client = client;
      this.pid = rows[0].pid;
    } catch (err) {
      void endWithin(client, 1_000);
      throw err;
    }
  }

  /** Forgets `client` (if it is still ours) and, if the relay was leading, says so and stops it at once. */
  private drop(client: pg.Client | undefined, reason: string): void {
    if (!client || client !== this.client) return;
    this.client = undefined;
    this.pid = undefined;
    void endWithin(client, 1_000);
    if (this.closed) return;
    if (this.current.role === "leader") {
      this.lostAt = Date.now();
      this.notBefore = this.lostAt + this.options.handoverMs;
      this.logger.warn({ role: "reconnecting", reason }, "search relay lost leadership: relaying stopped");
    } else {
      this.logger.warn({ role: "reconnecting", reason }, "search relay lost its connection to PostgreSQL");
    }
    this.become("reconnecting");
    this.options.wake();
  }

  private become(role: RelayRole): void {
    if (role !== this.current.role) this.current = { role, since: new Date() };
  }
}

/** `end()` on a client whose socket already broke may never settle: bounded, and never throws. */
function endWithin(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    client.end().catch(() => undefined),
    new Promise<void>((r) => {
      timer = setTimeout(r, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
