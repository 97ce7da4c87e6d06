import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../core/logger.js";
import type { SearchHealth } from "../search/search-health.js";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres.js";
import { startEmbeddedMeilisearch, type EmbeddedMeiliHandle } from "./embedded-meilisearch.js";
import {
  DEFAULT_RESTART_POLICY,
  Supervisor,
  type RestartPolicy,
  type ServiceEvent,
  type ServiceName,
  type ServiceState,
} from "./supervisor.js";

export type { ServiceEvent, ServiceName, ServiceState } from "./supervisor.js";

export interface BackingServices {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  /** Which servers tsunagu started itself (the rest came from DATABASE_URL / MEILI_URL). */
  embedded: { postgres: boolean; meilisearch: boolean };
  /** Crashes, restarts and give-ups of the embedded servers, which are supervised (supervisor.ts). */
  onEvent(listener: (event: ServiceEvent) => void): void;
  state(): Record<ServiceName, ServiceState>;
  stop(): Promise<void>;
}

export const APP_DATABASE = "tsunagu";

/**
 * Uses DATABASE_URL / MEILI_URL when set; otherwise starts embedded PostgreSQL and Meilisearch on loopback with
 * their data under the data folder. Stops what it started, in reverse order.
 */
export async function startBackingServices(
  config: Config,
  logger: Logger,
  restartPolicy: RestartPolicy = DEFAULT_RESTART_POLICY,
): Promise<BackingServices> {
  let pg: EmbeddedPostgresHandle | undefined;
  let meili: EmbeddedMeiliHandle | undefined;
  const { startPostgres, startMeilisearch } = embeddedStarters(config, logger);
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      pg = await startPostgres();
      databaseUrl = pg.databaseUrl(APP_DATABASE);
      logger.info(
        { service: "postgres", address: `127.0.0.1:${config.embeddedPgPort}`, embedded: true, pid: pg.pid },
        `PostgreSQL (embedded) on postgres://127.0.0.1:${config.embeddedPgPort}/${APP_DATABASE}`,
      );
    } else {
      logger.info(
        { service: "postgres", address: redactUrl(databaseUrl), embedded: false },
        `PostgreSQL (external) at ${redactUrl(databaseUrl)}`,
      );
    }
    let meiliUrl = config.meiliUrl;
    let meiliKey = config.meiliMasterKey;
    if (!meiliUrl) {
      meili = await startMeilisearch();
      meiliUrl = meili.url;
      meiliKey = meili.masterKey;
      logger.info(
        { service: "meilisearch", address: meili.url, embedded: true, pid: meili.pid },
        `Meilisearch (embedded) on ${meili.url}`,
      );
    } else {
      logger.info(
        { service: "meilisearch", address: meiliUrl, embedded: false },
        `Meilisearch (external) at ${meiliUrl}`,
      );
    }
    const listeners: ((event: ServiceEvent) => void)[] = [];
    const emit = (event: ServiceEvent) => listeners.forEach((listener) => listener(event));
    const supervised = {
      postgres: pg && new Supervisor("postgres", pg, startPostgres, logger, emit, restartPolicy),
      meilisearch: meili && new Supervisor("meilisearch", meili, startMeilisearch, logger, emit, restartPolicy),
    };
    return {
      databaseUrl,
      meiliUrl,
      meiliKey,
      embedded: { postgres: !!pg, meilisearch: !!meili },
      onEvent(listener) {
        listeners.push(listener);
      },
      state: () => ({
        postgres: supervised.postgres?.state ?? "external",
        meilisearch: supervised.meilisearch?.state ?? "external",
      }),
      async stop() {
        await Promise.allSettled([supervised.meilisearch?.stop(), supervised.postgres?.stop()]);
      },
    };
  } catch (err) {
    await Promise.allSettled([meili?.stop(), pg?.stop()]);
    throw err;
  }
}

/**
 * Search health learns of the embedded Meilisearch's crash from its supervisor, at once (degraded, `restarting`), and
 * of its return; searches answer from PostgreSQL meanwhile without each having to fail first.
 */
export function reportSearchOutages(
  backing: Pick<BackingServices, "onEvent">,
  health: Pick<SearchHealth, "markRestarting" | "markUp">,
): void {
  backing.onEvent((event) => {
    if (event.service !== "meilisearch") return;
    if (event.kind === "exited") health.markRestarting(`the embedded Meilisearch exited (code ${event.code})`);
    else if (event.kind === "restarted") health.markUp();
  });
}

/** What a supervisor restarts: the same start as the first one (which clears whatever a crash left behind). */
function embeddedStarters(config: Config, logger: Logger) {
  return {
    startPostgres: async (): Promise<EmbeddedPostgresHandle> => {
      const pg = await startEmbeddedPostgres(path.join(config.dataDir, "postgres"), config.embeddedPgPort, logger);
      try {
        await ensureDatabase(pg.serverUrl, APP_DATABASE);
      } catch (err) {
        await pg.stop();
        throw err;
      }
      return pg;
    },
    // In production only with TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH (config.ts), and then in Meilisearch's production mode.
    startMeilisearch: (): Promise<EmbeddedMeiliHandle> =>
      startEmbeddedMeilisearch(path.join(config.dataDir, "meilisearch"), config.embeddedMeiliPort, logger, {
        production: config.production,
      }),
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
