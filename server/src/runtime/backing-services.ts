import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../core/logger.js";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres.js";
import { startEmbeddedMeilisearch, type EmbeddedMeiliHandle } from "./embedded-meilisearch.js";

export interface BackingServices {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  /** Which servers tsunagu started itself (the rest came from DATABASE_URL / MEILI_URL). */
  embedded: { postgres: boolean; meilisearch: boolean };
  onUnexpectedExit(listener: (service: "postgres" | "meilisearch", code: number | null) => void): void;
  stop(): Promise<void>;
}

export const APP_DATABASE = "tsunagu";

/**
 * Uses DATABASE_URL / MEILI_URL when set; otherwise starts embedded PostgreSQL and Meilisearch on loopback with
 * their data under the data folder. Stops what it started, in reverse order.
 */
export async function startBackingServices(config: Config, logger: Logger): Promise<BackingServices> {
  let pg: EmbeddedPostgresHandle | undefined;
  let meili: EmbeddedMeiliHandle | undefined;
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      pg = await startEmbeddedPostgres(path.join(config.dataDir, "postgres"), config.embeddedPgPort, logger);
      await ensureDatabase(pg.serverUrl, APP_DATABASE);
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
      // In production only with TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH (config.ts), and then in Meilisearch's production mode.
      meili = await startEmbeddedMeilisearch(
        path.join(config.dataDir, "meilisearch"),
        config.embeddedMeiliPort,
        logger,
        { production: config.production },
      );
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
    const started = { pg, meili };
    return {
      databaseUrl,
      meiliUrl,
      meiliKey,
      embedded: { postgres: !!pg, meilisearch: !!meili },
      onUnexpectedExit(listener) {
        started.pg?.onUnexpectedExit((code) => listener("postgres", code));
        started.meili?.onUnexpectedExit((code) => listener("meilisearch", code));
      },
      async stop() {
        await Promise.allSettled([started.meili?.stop(), started.pg?.stop()]);
      },
    };
  } catch (err) {
    await Promise.allSettled([meili?.stop(), pg?.stop()]);
    throw err;
  }
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
