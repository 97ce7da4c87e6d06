import type { DataSource } from "typeorm";
import { DailyPurgeJob } from "./core/daily-purge.job.js";
import type { AuditService } from "./audit/audit.service.js";
import type { Logger } from "./core/logger.js";
import { SearchMissService } from "./gaps/search-miss.service.js";
import { RetentionService } from "./person-rights/person-rights.service.js";
import type { SearchHealth } from "./search/search-health.js";
import type { ResourceSearchIndex } from "./search/search-index.js";
import { SearchRelay, type RelayOptions } from "./search/search-relay.js";

/**
 * Work that runs beside requests, never inside one: the search outbox relay and the daily audit purge. Created with
 * the app but not started: main.ts starts them once the server listens; tests and benchmarks drive them by hand.
 * Requests never see this object (it is not in the context).
 */
export interface BackgroundJobs {
  /** Copies outbox rows to Meilisearch; tests call `drain()` instead of starting it. */
  searchRelay: SearchRelay;
  /** Daily retention purge of the audit log. */
  auditPurge: DailyPurgeJob;
  /** Daily retention purge of the searches that found little (資源の不足). */
  searchMissPurge: DailyPurgeJob;
  /** Daily erasure of the personal data past its retention period (person-rights/). */
  retentionErasure: DailyPurgeJob;
  start(): Promise<void>;
  /** Stops whatever runs and waits for work in progress; safe to call when nothing was started. */
  stop(): Promise<void>;
}

export interface BackgroundJobOptions {
  databaseUrl: string;
  searchIndex: ResourceSearchIndex;
  health: SearchHealth;
  audit: AuditService;
  logger: Logger;
  relay?: Partial<RelayOptions>;
}

export function createBackgroundJobs(db: DataSource, options: BackgroundJobOptions): BackgroundJobs {
  const searchRelay = new SearchRelay(db, options.searchIndex, options.health, options.logger, {
    ...options.relay,
    databaseUrl: options.databaseUrl,
  });
  const { audit, logger } = options;
  const misses = new SearchMissService(db);
  const auditPurge = new DailyPurgeJob(
    { what: "audit log", purgeExpired: () => audit.purgeExpired(), firstAfterMs: 60_000 },
    logger,
  );
  const searchMissPurge = new DailyPurgeJob(
    { what: "search misses", purgeExpired: () => misses.purgeExpired(), firstAfterMs: 90_000 },
    logger,
  );
  const retention = new RetentionService(db, audit);
  const retentionErasure = new DailyPurgeJob(
    { what: "personal data past retention", purgeExpired: () => retention.eraseDue(), firstAfterMs: 120_000 },
    logger,
  );
  return {
    searchRelay,
    retentionErasure,
    auditPurge,
    searchMissPurge,
    async start() {
      await searchRelay.start();
      auditPurge.start();
      searchMissPurge.start();
      retentionErasure.start();
    },
    async stop() {
      await searchRelay.stop();
      await auditPurge.stop();
      await searchMissPurge.stop();
      await retentionErasure.stop();
    },
  };
}
