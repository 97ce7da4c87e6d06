import type { Logger } from "./logger.js";

const DAY_MS = 24 * 3600_000;

/** What a daily purge removes: rows past their retention period, by a service that owns the rule. */
export interface PurgeTarget {
  /** How the log names it: 「audit log」, 「search misses」. */
  what: string;
  /** Deletes what is past retention; returns how many rows went. */
  purgeExpired(): Promise<number>;
  /** The first run, this long after start (staggered so two purges do not start together). */
  firstAfterMs: number;
}

/**
 * Runs a retention purge shortly after start and then daily: one of the background jobs (background-jobs.ts), like
 * the search relay. The timer is unref'd: it never keeps the process alive by itself. A failed run is logged and
 * retried at the next one.
 */
export class DailyPurgeJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly target: PurgeTarget,
    private readonly logger: Logger,
  ) {}

  start(options: { firstAfterMs?: number; everyMs?: number } = {}): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(options.firstAfterMs ?? this.target.firstAfterMs, options.everyMs ?? DAY_MS);
  }

  /** Cancels the next run and waits for one in progress (it is a single short transaction). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number, everyMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule(everyMs, everyMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    const { what } = this.target;
    try {
      const deleted = await this.target.purgeExpired();
      if (deleted) this.logger.info({ deleted }, `${what}: purged rows past the retention period`);
    } catch (err) {
      this.logger.error({ err }, `${what} purge failed (retried at the next run)`);
    }
  }
}
