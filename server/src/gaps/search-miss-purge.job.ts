import type { Logger } from "../core/logger.js";
import type { SearchMissService } from "./search-miss.service.js";

const DAY_MS = 24 * 3600_000;

/**
 * Runs SearchMissService.purgeExpired shortly after start and then daily, as AuditPurgeJob does for the audit log
 * (background-jobs.ts). The timer is unref'd: it never keeps the process alive by itself.
 */
export class SearchMissPurgeJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly misses: SearchMissService,
    private readonly logger: Logger,
  ) {}

  start(options: { firstAfterMs?: number; everyMs?: number } = {}): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(options.firstAfterMs ?? 90_000, options.everyMs ?? DAY_MS);
  }

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
    try {
      const deleted = await this.misses.purgeExpired();
      if (deleted) this.logger.info({ deleted }, "search misses: purged rows past the retention period");
    } catch (err) {
      this.logger.error({ err }, "search miss purge failed (retried at the next run)");
    }
  }
}
