import type { Logger } from "../core/logger.js";
import type { AuditService } from "./audit.service.js";

const DAY_MS = 24 * 3600_000;

/**
 * Runs AuditService.purgeExpired once shortly after start and then daily. One of the background jobs
 * (background-jobs.ts), like the search relay. The timer is unref'd: it never keeps the process alive by itself.
 */
export class AuditPurgeJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly audit: AuditService,
    private readonly logger: Logger,
  ) {}

  start(options: { firstAfterMs?: number; everyMs?: number } = {}): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(options.firstAfterMs ?? 60_000, options.everyMs ?? DAY_MS);
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
    try {
      const deleted = await this.audit.purgeExpired();
      if (deleted) this.logger.info({ deleted }, "audit log: purged rows past the retention period");
    } catch (err) {
      this.logger.error({ err }, "audit log purge failed (retried at the next run)");
    }
  }
}
