/**
 * `npm run restore -- <file>` loads a backup into an EMPTY database and rebuilds the search index from it.
 *   npm run restore -- backup.jsonl.gz                         the app's database (refused unless empty)
 *   npm run restore -- backup.jsonl.gz --database tsunagu_old  a new database on the same server (created if missing)
 *   TSUNAGU_DATA_DIR=/srv/tsunagu-new npm run restore -- backup.jsonl.gz   a whole new data folder
 *   --no-reindex    leave the search index alone (Meilisearch down); run `npm run reindex` later
 * With --database, the index gets its own prefix (`<database>_`, or --index-prefix) so the app's stays as it is.
 */
import "reflect-metadata";
import path from "node:path";
import cliProgress from "cli-progress";
import {
  openMeilisearch,
  openPostgres,
  positionalArg,
  runCli,
  type CliContext,
  type PostgresTarget,
} from "../backup/backup.cli.js";
import { BackupError } from "../backup/backup.format.js";
import { verifyBackup } from "../backup/backup.reader.js";
import { assertRestorable, restoreBackup } from "../backup/backup.restore.js";
import { assertKnownMigrations, TargetNotEmptyError } from "../backup/backup.target.js";
import { ensureDatabase } from "../runtime/embedded-postgres.js";
import { MeiliUnavailableError } from "../runtime/embedded-meilisearch.js";
import { argValue, hasFlag } from "./bootstrap.js";

const USAGE =
  "usage: npm run restore -- <backup.jsonl.gz> [--database <name>] [--index-prefix <prefix>] [--no-reindex]";

void runCli("restore", async (ctx) => {
  const arg = positionalArg(["database", "index-prefix"]);
  if (!arg) throw new BackupError(USAGE);
  const file = path.resolve(arg);
  const database = argValue("database");
  if (database !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new BackupError("--database: lower-case letters, digits and _ only (a new database's name)");
  }
  const reindex = !hasFlag("no-reindex");
  const { header, rows } = await verifyBackup(file);
  console.log(
    `checked ${path.basename(file)}: ${header.tables.length} tables, ${rows} rows, written ${header.createdAt} ` +
      `by tsunagu ${header.tsunaguVersion} from PostgreSQL ${header.server.version}`,
  );
  assertKnownMigrations(header.migrations.map((m) => m.name));

  const server = await openPostgres(ctx, { mayInitialise: true });
  const name = database ?? server.appDatabase;
  if (database !== undefined || server.embedded) await ensureDatabase(server.serverUrl, name);
  try {
    await assertRestorable(server.databaseUrl(name), header);
  } catch (err) {
    throw explainNotEmpty(err, server, database === undefined, arg);
  }
  const ownIndex = name !== server.appDatabase;
  const prefix = argValue("index-prefix") ?? (ownIndex ? `${name}_` : ctx.config.meiliIndexPrefix);
  const meili = reindex ? await searchEngine(ctx) : undefined;

  const bar = new cliProgress.SingleBar(
    { format: "restore |{bar}| {percentage}% {value}/{total} rows {table}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(rows, 1), 0, { table: "" });
  let committed = false;
  try {
    const summary = await restoreBackup({
      databaseUrl: server.databaseUrl(name),
      file,
      verified: header,
      meili: meili && { ...meili, prefix },
      onProgress: ({ table, doneRows }) => bar.update(doneRows, { table }),
      onStep: (step) => {
        committed = step === "upgrading" || step === "indexing";
        ctx.setInterruptNote(
          committed
            ? `database "${name}" IS restored, but the search index was not rebuilt: run npm run reindex`
            : `the load was rolled back; database "${name}" holds no rows from the backup (its schema may be migrated)`,
        );
      },
    });
    bar.stop();
    console.log(
      `restore: ${summary.tables} tables, ${summary.rows} rows into database "${name}" in ${summary.seconds.toFixed(1)} s`,
    );
    if (summary.upgradedWith.length)
      console.log(`  then upgraded with this build's newer migrations: ${summary.upgradedWith.join(", ")}`);
    console.log(
      summary.indexed === null
        ? "  search   not rebuilt (--no-reindex): run npm run reindex once Meilisearch is up"
        : `  search   ${summary.indexed} listings indexed into ${prefix}resources`,
    );
    if (ownIndex) {
      console.log(
        `  The app reads database "${server.appDatabase}"; to run it on this one, set DATABASE_URL to ` +
          `${server.databaseUrl(name).replace(/:[^:@/]*@/, ":***@")} and MEILI_INDEX_PREFIX=${prefix}.`,
      );
    }
  } catch (err) {
    bar.stop();
    if (committed) {
      throw new BackupError(
        `database "${name}" is restored, but rebuilding the search index failed ` +
          `(${(err as Error).message}). Run npm run reindex once Meilisearch is up.`,
        { cause: err },
      );
    }
    throw explainNotEmpty(err, server, database === undefined, arg);
  }
});

/** The search engine, checked before any row is written: a restore that cannot reindex should say so first. */
async function searchEngine(ctx: CliContext): Promise<{ url: string; key: string | undefined }> {
  const hint = "Start it, or pass --no-reindex and run npm run reindex later.";
  let meili: { url: string; key: string | undefined };
  try {
    meili = await openMeilisearch(ctx);
  } catch (err) {
    if (err instanceof MeiliUnavailableError) throw new BackupError(`${err.message}\n${hint}`, { cause: err });
    throw err;
  }
  const healthy = await fetch(`${meili.url}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!healthy) throw new BackupError(`Meilisearch at ${meili.url} does not answer. ${hint}`);
  return meili;
}

function explainNotEmpty(err: unknown, server: PostgresTarget, appDatabase: boolean, arg: string): unknown {
  if (!(err instanceof TargetNotEmptyError) || !appDatabase) return err;
  const elsewhere = server.embedded
    ? `  into a new data folder:  TSUNAGU_DATA_DIR=/path/to/new-folder npm run restore -- ${arg}\n` +
      `  into a new database:     npm run restore -- ${arg} --database tsunagu_restored`
    : `  into a new database:     npm run restore -- ${arg} --database tsunagu_restored   (needs CREATEDB; or create it\n` +
      `                           yourself and point DATABASE_URL at it)`;
  return new BackupError(`${err.message}\nThat is the app's database. Restore elsewhere instead:\n${elsewhere}`, {
    cause: err,
  });
}
