import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createLogger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { ensureDatabase, startEmbeddedPostgres } from "../runtime/embedded-postgres.js";
import { startEmbeddedMeilisearch } from "../runtime/embedded-meilisearch.js";
import { freePort } from "./free-port.js";

export const TEMPLATE_DATABASE = "tsunagu_test_template";

export interface TestBackingServices {
  pgServerUrl: string;
  meiliUrl: string;
  meiliKey: string;
  stop(): Promise<void>;
}

/**
 * One PostgreSQL and one Meilisearch for a whole test run: the embedded ones in a temporary folder, or the servers
 * named by TEST_DATABASE_URL / TEST_MEILI_URL (+ TEST_MEILI_MASTER_KEY) when a CI wants external services.
 * A migrated template database makes each test file's own database a cheap copy.
 */
export async function startTestBackingServices(): Promise<TestBackingServices> {
  const logger = createLogger("warn");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-test-"));
  // embedded PostgreSQL runs as the postgres user when we are root: it must be able to enter this folder.
  chmodSync(dir, 0o755);
  const stops: (() => Promise<void>)[] = [];
  try {
    let pgServerUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      const u = new URL(process.env.TEST_DATABASE_URL);
      u.pathname = "";
      pgServerUrl = u.toString().replace(/\/$/, "");
    } else {
      const pgHandle = await startEmbeddedPostgres(path.join(dir, "pg"), await freePort(), logger);
      stops.push(() => pgHandle.stop());
      pgServerUrl = pgHandle.serverUrl;
    }
    let meiliUrl = process.env.TEST_MEILI_URL;
    let meiliKey = process.env.TEST_MEILI_MASTER_KEY ?? "";
    if (!meiliUrl) {
      const meili = await startEmbeddedMeilisearch(path.join(dir, "meili"), await freePort(), logger);
      stops.push(() => meili.stop());
      meiliUrl = meili.url;
      meiliKey = meili.masterKey;
    }
    await dropDatabase(pgServerUrl, TEMPLATE_DATABASE);
    await ensureDatabase(pgServerUrl, TEMPLATE_DATABASE);
    const ds = createDataSource(`${pgServerUrl}/${TEMPLATE_DATABASE}`, { poolSize: 1 });
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    await ds.destroy();
    return {
      pgServerUrl,
      meiliUrl,
      meiliKey,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
