/**
 * `npm run import -- FILE`: imports a city's list (CSV in UTF-8 or CP932, .xlsx) with the engine the web app uses.
 *   --sheet NAME            the .xlsx sheet (default: the first)
 *   --publisher 武蔵村山市   --dataset 子ども食堂一覧   --licence "CC BY 4.0"   --attribution …   --file-date 2026-11-01
 *                           the source, when the file does not say it
 *   --mapping NAME          a column mapping saved in the web app
 *   --overwrite-edited      write over listings edited in tsunagu since the last import
 *   --archive-disappeared   set listings that left the file to 終了 (never deleted)
 *   --report PATH           write the preview report (CSV, UTF-8 with BOM)
 *   --dry-run               preview only: nothing is written
 * The search index is brought up to date before it exits.
 */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { SavedColumnMapping } from "../catalog-import/catalog-import.entity.js";
import type { ListingSource } from "../catalog-import/imported-listing.js";
import { commitImport, prepareCommit, previewImport } from "../catalog-import/import-engine.js";
import { describePlan, describeResult } from "../catalog-import/import-summary.js";
import { readCatalogFile, type ColumnMapping } from "../catalog-import/read/read-catalog-file.js";
import { reportCsv } from "../catalog-import/report-csv.js";
import { SearchHealth } from "../search/search-health.js";
import { ResourceSearchIndex } from "../search/search-index.js";
import { SearchRelay } from "../search/search-relay.js";
import { argValue, hasFlag, runScript } from "./bootstrap.js";

const file = process.argv.slice(2).find((a, i, all) => !a.startsWith("--") && (i === 0 || !isValueOf(all[i - 1])));
function isValueOf(flag: string): boolean {
  return [
    "--sheet",
    "--publisher",
    "--dataset",
    "--licence",
    "--attribution",
    "--file-date",
    "--mapping",
    "--report",
  ].includes(flag);
}

void runScript("import", async ({ config, services, db, logger }) => {
  if (!file) throw new Error("usage: npm run import -- FILE [--sheet NAME] [--publisher …] [--dataset …] [--dry-run]");
  const bytes = readFileSync(file);
  const source: Partial<ListingSource> = {};
  for (const [flag, key] of [
    ["publisher", "publisher"],
    ["dataset", "dataset"],
    ["licence", "licence"],
    ["attribution", "attribution"],
    ["file-date", "fileDate"],
  ] as const) {
    const value = argValue(flag);
    if (value !== undefined) source[key] = value;
  }
  let mapping: ColumnMapping | null = null;
  const mappingName = argValue("mapping");
  if (mappingName) {
    const saved = await db.getRepository(SavedColumnMapping).findOneBy({ name: mappingName });
    if (!saved) throw new Error(`no saved column mapping named ${mappingName}`);
    mapping = saved.mapping;
  }
  const started = performance.now();
  if (!hasFlag("dry-run")) prepareCommit();
  const parsed = await readCatalogFile(bytes, {
    fileName: path.basename(file),
    sheet: argValue("sheet"),
    mapping,
    source,
  });
  const plan = await previewImport(db, parsed);
  console.log(describePlan(plan));
  const reportPath = argValue("report");
  if (reportPath) {
    writeFileSync(reportPath, reportCsv(plan, parsed.repairs));
    console.log(`レポート: ${reportPath}`);
  }
  if (hasFlag("dry-run")) {
    console.log("--dry-run: 何も書き込んでいません");
    return;
  }
  const bar = new cliProgress.SingleBar(
    { format: "import |{bar}| {percentage}% {value}/{total} rows", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  const result = await commitImport(db, plan, {
    overwriteEdited: hasFlag("overwrite-edited"),
    archiveDisappeared: hasFlag("archive-disappeared"),
    fileName: path.basename(file),
    onProgress: (done, total) => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
  });
  bar.stop();
  console.log(describeResult(result, (performance.now() - started) / 1000));
  // A running server's relay would index these too; doing it here means the rows are searchable when this returns.
  const index = new ResourceSearchIndex(
    { url: services.meiliUrl, key: services.meiliKey, prefix: config.meiliIndexPrefix },
    { timeoutMs: 120_000 },
  );
  await index.ensure();
  await new SearchRelay(db, index, new SearchHealth(logger), logger, {
    databaseUrl: services.databaseUrl,
  }).drain();
  console.log("検索の索引を更新しました");
});
