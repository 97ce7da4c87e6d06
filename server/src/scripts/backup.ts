/**
 * `npm run backup` writes a consistent dump of the database to <data folder>/backups/tsunagu-YYYYMMDD-HHMMSS.jsonl.gz
 * (and a .sha256 beside it). It uses the running app's PostgreSQL, or starts the data folder's embedded one for the
 * while, or DATABASE_URL's server.
 *   npm run backup -- --out /mnt/backup/tsunagu.jsonl.gz
 */
import "reflect-metadata";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { formatBytes, openPostgres, runCli } from "../backup/backup.cli.js";
import { partialPath } from "../backup/backup.file.js";
import { BackupError, defaultBackupPath } from "../backup/backup.format.js";
import { writeBackup } from "../backup/backup.writer.js";
import { argValue } from "./bootstrap.js";

void runCli("backup", async (ctx) => {
  const out = path.resolve(argValue("out") ?? defaultBackupPath(ctx.config.dataDir));
  if (existsSync(out)) throw new BackupError(`${out} exists already; name another file with --out`);
  const server = await openPostgres(ctx, { mayInitialise: false });
  ctx.onCleanup(() => rmSync(partialPath(out), { force: true }));
  ctx.setInterruptNote("no backup was written");
  const bar = new cliProgress.SingleBar(
    { format: "backup |{bar}| {percentage}% {value}/{total} rows {table}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const summary = await writeBackup({
    databaseUrl: server.databaseUrl(),
    out,
    onProgress: ({ table, doneRows, totalRows }) => {
      if (!started) bar.start(Math.max(totalRows, 1), 0, { table });
      started = true;
      bar.update(doneRows, { table });
    },
  });
  bar.stop();
  const skipped = summary.header.excludedTables
    .filter((t) => t.name !== "migrations")
    .map((t) => `${t.name} (${t.rows})`);
  console.log(
    `backup: ${summary.tables} tables, ${summary.rows} rows, ${formatBytes(summary.bytes)} in ${summary.seconds.toFixed(1)} s`,
  );
  console.log(`  file     ${summary.file}`);
  console.log(`  sha256   ${summary.sha256} (also in ${path.basename(summary.file)}.sha256)`);
  console.log(
    `  schema   ${summary.header.migrations.length} migrations, latest ${summary.header.migrations.at(-1)?.name ?? "none"}`,
  );
  if (skipped.length)
    console.log(`  left out ${skipped.join(", ")}: see EXCLUDED_TABLES in server/src/backup/backup.format.ts`);
});
