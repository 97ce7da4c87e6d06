import type { Logger } from "../core/logger.js";

/**
 * Whether Meilisearch answered lately. Shared by the relay and the search service so that an outage is logged once
 * (one warning line when it starts, one info line when it ends), not once per request.
 */
export class SearchHealth {
  private down = false;
  private restarting_ = false;
  private error: string | null = null;
  private since: Date | null = null;

  constructor(private readonly logger: Logger) {}

  get degraded(): boolean {
    return this.down;
  }

  get lastError(): string | null {
    return this.error;
  }

  /** What /healthz says of search: `restarting` while the supervisor brings the embedded Meilisearch back. */
  get state(): "ok" | "degraded" | "restarting" {
    if (!this.down) return "ok";
    return this.restarting_ ? "restarting" : "degraded";
  }

  /**
   * The embedded Meilisearch died (its supervisor saw it): degraded at once, before any search or relay batch has
   * to fail to find out.
   */
  markRestarting(reason: string): void {
    this.markDown(new Error(reason));
    this.restarting_ = true;
  }

  markDown(err: unknown): void {
    this.error = err instanceof Error ? err.message : String(err);
    if (!this.down) {
      this.down = true;
      this.since = new Date();
      this.logger.warn(
        { service: "meilisearch", err: this.error },
        "Meilisearch unreachable: search answers from PostgreSQL (degraded) until it is back",
      );
    }
  }

  markUp(): void {
    if (this.down) {
      this.logger.info(
        { service: "meilisearch", downForMs: Date.now() - (this.since?.getTime() ?? Date.now()) },
        "Meilisearch reachable again",
      );
    }
    this.down = false;
    this.restarting_ = false;
    this.since = null;
  }
}
