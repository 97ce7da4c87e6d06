import pg from "pg";
import { createDataSource } from "../db/data-source.js";
import { MIGRATIONS } from "../db/migrations/index.js";
import { reindexResources } from "../search/reindex.js";
import { ResourceSearchIndex, type MeiliConfig } from "../search/search-index.js";
import type { BackupHeader } from "./backup.format.js";
import { loadBackupRows, type LoadProgress } from "./backup.loader.js";
import { verifyBackup } from "./backup.reader.js";
import { assertEmptyTarget, assertKnownMigrations } from "./backup.target.js";

export interface RestoreOptions {
  /** The database to restore into (it must exist; it must be empty). */
  databaseUrl: string;
  file: string;
  /** When given, the search index is rebuilt from the restored rows and swapped in. */
  meili?: MeiliConfig;
  /** The header from an earlier verifyBackup of the same file, to skip reading it twice. */
  verified?: BackupHeader;
  onProgress?: (p: LoadProgress) => void;
  /** Called as each step begins; "upgrading" means the rows are committed. */
  onStep?: (step: "migrating" | "loading" | "upgrading" | "indexing") => void;
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Migrations of this build newer than the backup, applied after the rows were in (as `npm start` would). */
  upgradedWith: string[];
  /** Listings indexed for search, or null when no Meilisearch was given. */
  indexed: number | null;
  seconds: number;
}

/**
 * Restores a backup into an empty database:
 *   1. the file is read once in full and checked (structure, counts, checksum) before anything is written;
 *   2. the target is refused unless empty, and the backup refused if this build cannot create its schema;
 *   3. the migrations run up to exactly the backup's, then every row goes in within one transaction
 *      (loadBackupRows), counts checked before the commit;
 *   4. this build's newer migrations, if any, then upgrade the restored data as a start would;
 *   5. the search index is rebuilt from PostgreSQL into a new index and swapped in.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const started = Date.now();
  const header = options.verified ?? (await verifyBackup(options.file)).header;
  const dumped = header.migrations.map((m) => m.name);
  assertKnownMigrations(dumped);

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "tsunagu-restore" });
  // A lost connection fails the running query; without a listener it would also crash the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await assertEmptyTarget(client, dumped);
    options.onStep?.("migrating");
    await migrate(options.databaseUrl, dumped.length);
    options.onStep?.("loading");
    await loadBackupRows(client, options.file, header, options.onProgress);
  } finally {
    await client.end().catch(() => undefined);
  }

  const db = createDataSource(options.databaseUrl, { poolSize: 2, applicationName: "tsunagu-restore" });
  await db.initialize();
  try {
    options.onStep?.("upgrading");
    const upgradedWith = (await db.runMigrations({ transaction: "each" })).map((m) => m.name);
    let indexed: number | null = null;
    if (options.meili) {
      options.onStep?.("indexing");
      const index = new ResourceSearchIndex(options.meili, { timeoutMs: 60_000 });
      indexed = await reindexResources(db, index);
    }
    return {
      header,
      tables: header.tables.length,
      rows: header.tables.reduce((n, t) => n + t.rows, 0),
      upgradedWith,
      indexed,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await db.destroy();
  }
}

/**
 * The refusals of restoreBackup, without writing anything: lets the CLI say no before it starts Meilisearch and
 * before a long load. restoreBackup checks again.
 */
export async function assertRestorable(databaseUrl: string, header: BackupHeader): Promise<void> {
  const dumped = header.migrations.map((m) => m.name);
  assertKnownMigrations(dumped);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "tsunagu-restore" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await assertEmptyTarget(client, dumped);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies this build's first `count` migrations: the schema the backup's rows were read from. */
async function migrate(databaseUrl: string, count: number): Promise<void> {
  const db = createDataSource(databaseUrl, { poolSize: 1, applicationName: "tsunagu-restore" });
  db.setOptions({ migrations: MIGRATIONS.slice(0, count) });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: "each" });
  } finally {
    await db.destroy();
  }
}
