/**
 * `npm run bench:import`: a generated 100,000-row CSV in CP932, in the 自治体標準オープンデータセット 正式版 子育て施設一覧
 * layout, imported through the engine the web app and `npm run import` use (read → preview → commit in batches),
 * then the search relay drained until every listing is in Meilisearch. One line on stdout:
 *   bench:import rows=100000 seconds=… rows_per_s=… peak_rss_mb=…
 * Target: ≤ 60 s and ≤ 1 GB peak RSS on a 2-core machine. peak_rss_mb is this process's peak resident set (VmHWM),
 * which includes making the CSV; PostgreSQL and Meilisearch run as child processes and are not counted (Meilisearch
 * is started with --max-indexing-memory 1Gb). Phase lines on stderr give wall time, CPU seconds of this process and
 * of its children, and RSS, per phase.
 *
 * `npm run bench:import` runs it with the heap budget `npm run import` has (--max-old-space-size=768, in
 * package.json): without one, V8 on a machine with plenty of RAM lets garbage pile up between full collections (the
 * live heap stays under ~400 MB — the plan's listings, let go batch by batch, and the repairs — but the resident set
 * reached 1.6 GB). Phase lines show the heap (used of total) and the memory outside it.
 *
 * A world of its own (data folder, ports, index prefix), emptied at every run: neither `.data` nor `.bench-data` is
 * touched. BENCH_IMPORT_ROWS sets another size.
 */
import "reflect-metadata";

process.env.TSUNAGU_DATA_DIR ??= ".bench-import-data";
process.env.TSUNAGU_PG_PORT ??= "54349";
process.env.TSUNAGU_MEILI_PORT ??= "7729";
process.env.MEILI_INDEX_PREFIX ??= "bench_import_";

import { readdirSync, readFileSync } from "node:fs";
import iconv from "iconv-lite";
import pino from "pino";
import type { DataSource } from "typeorm";
import { createApp, type App } from "../app.js";
import { commitImport, prepareCommit, previewImport } from "../catalog-import/import-engine.js";
import { describePlan } from "../catalog-import/import-summary.js";
import { readCatalogFile } from "../catalog-import/read/read-catalog-file.js";
import { loadConfig } from "../config.js";
import { createDataSource } from "../db/data-source.js";
import { wipeCatalog } from "../db/seed/seed-demo.js";
import { startBackingServices, type BackingServices } from "../runtime/backing-services.js";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/** The 51 columns of 正式版 子育て施設一覧, as published. */
const HEADERS =
  "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,種別,所在地_全国地方公共団体コード,町字ID,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,高度の種別,高度の値,アクセス方法,駐車場情報,電話番号,内線番号,FAX番号,連絡先メールアドレス,連絡先FormURL,郵便番号,法人番号,団体名,認可等年月日,収容定員,受入年齢,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,一時預かりの有無,子供預かり料金種別,子供預かり料金,子供預かり料金備考,子供預かり開所時間,子供預かり閉所時間,病児保育の有無,授乳室,おむつ替えコーナー,飲食可否,ベビーカー貸出,ベビーカー利用,URL,画像,画像_ライセンス,備考".split(
    ",",
  );

const KINDS = ["子育て支援センター", "子育てひろば", "児童館", "放課後児童クラブ", "保育所", "その他"];
const TOWNS = ["本町", "中原", "学園", "緑が丘", "大南", "三ツ藤", "岸", "神明", "榎", "伊奈平"];
const KANA = [
  "ほんちょう",
  "なかはら",
  "がくえん",
  "みどりがおか",
  "おおみなみ",
  "みつふじ",
  "きし",
  "しんめい",
  "えのき",
  "いなだいら",
];
const WEEKDAYS = ["月火水木金", "月水金", "火木", "土", "月火水木金土"];

/** One row of the file: what a city's export looks like, with the usual wrinkles (full-width times, 24:00…). */
function rowOf(i: number): string[] {
  const t = i % TOWNS.length;
  const kind = KINDS[i % KINDS.length];
  const values: Record<string, string> = {
    全国地方公共団体コード: "132233",
    ID: `132233-${String(i + 1).padStart(6, "0")}`,
    地方公共団体名: "東京都武蔵村山市",
    名称: `${TOWNS[t]}${kind} ${i + 1}`,
    名称_カナ: `${KANA[t]}${i + 1}`,
    種別: kind,
    所在地_連結表記: `東京都武蔵村山市${TOWNS[t]}${(i % 9) + 1}丁目${(i % 40) + 1}番地`,
    所在地_都道府県: "東京都",
    所在地_市区町村: "武蔵村山市",
    所在地_町字: TOWNS[t],
    所在地_番地以下: `${(i % 9) + 1}丁目${(i % 40) + 1}番地`,
    緯度: (35.74 + (i % 1000) / 50_000).toFixed(6),
    経度: (139.37 + (i % 997) / 50_000).toFixed(6),
    電話番号: `042-${String(500 + (i % 400)).padStart(3, "0")}-${String(i % 10_000).padStart(4, "0")}`,
    郵便番号: "208-0004",
    団体名: `社会福祉法人 むらやま福祉会 第${(i % 500) + 1}事業所`,
    収容定員: String(10 + (i % 50)),
    受入年齢: "0歳から就学前まで",
    利用可能曜日: WEEKDAYS[i % WEEKDAYS.length],
    開始時間: i % 7 === 0 ? "９：３０" : "9:30",
    終了時間: i % 11 === 0 ? "16：00" : "16:00",
    利用可能日時特記事項: i % 3 === 0 ? "祝日、12/29～1/3は休み" : "",
    授乳室: i % 2 ? "有" : "無",
    おむつ替えコーナー: i % 3 ? "有" : "無",
    備考: "",
  };
  return HEADERS.map((h) => values[h] ?? "");
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function generateCsv(rows: number): Buffer {
  const lines = [HEADERS.join(",")];
  for (let i = 0; i < rows; i++) lines.push(rowOf(i).map(csvCell).join(","));
  return iconv.encode(lines.join("\r\n") + "\r\n", "cp932");
}

/** Peak resident set of this process, MB: VmHWM where /proc has it, else what Node reports. */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (kb) return Math.round(Number(kb[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The JavaScript heap now (used of total) and memory outside it (Buffers and the like), MB. */
function heapMb(): string {
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return `heap=${mb(m.heapUsed)}/${mb(m.heapTotal)}MB external=${mb(m.external)}MB`;
}

const progress = (message: string) => process.stderr.write(`[bench:import] ${message}\n`);

/**
 * CPU seconds (user + system) of this process's descendants, from /proc, in all and for PostgreSQL's and
 * Meilisearch's processes; zeros elsewhere. A process that ends during a phase (an autovacuum worker, a closed
 * connection's backend) takes its seconds with it, so a phase's difference can even come out below zero.
 */
function childCpuSeconds(): { all: number; postgres: number; meilisearch: number } {
  const total = { all: 0, postgres: 0, meilisearch: 0 };
  try {
    const tick = 100; // USER_HZ on Linux
    const parent = new Map<number, number>();
    const cpu = new Map<number, { seconds: number; name: string }>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(entry), Number(f[1]));
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        cpu.set(Number(entry), { seconds: (Number(f[11]) + Number(f[12])) / tick, name });
      } catch {
        /* gone meanwhile */
      }
    }
    for (const [pid, { seconds, name }] of cpu) {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
        if (p === process.pid) {
          total.all += seconds;
          if (name.startsWith("postgres")) total.postgres += seconds;
          if (name.startsWith("meilisearch")) total.meilisearch += seconds;
          break;
        }
      }
    }
  } catch {
    /* not Linux */
  }
  return total;
}

/**
 * Phase lines on stderr: wall time, this process's CPU (user + system) and its children's, resident set now and at
 * its peak. CPU seconds are what to compare between runs on a shared machine; wall time follows the load.
 */
function phaseMeter() {
  let wall = performance.now();
  let own = process.cpuUsage();
  let children = childCpuSeconds();
  return (name: string) => {
    const ownNow = process.cpuUsage(own);
    const childrenNow = childCpuSeconds();
    progress(
      `phase ${name}: wall=${((performance.now() - wall) / 1000).toFixed(1)}s cpu=${((ownNow.user + ownNow.system) / 1e6).toFixed(1)}s ` +
        `children_cpu=${(childrenNow.all - children.all).toFixed(1)}s (postgres ${(childrenNow.postgres - children.postgres).toFixed(1)}s, meilisearch ${(childrenNow.meilisearch - children.meilisearch).toFixed(1)}s) rss=${Math.round(process.memoryUsage.rss() / 1048576)}MB peak=${peakRssMb()}MB ${heapMb()}`,
    );
    wall = performance.now();
    own = process.cpuUsage();
    children = childrenNow;
  };
}

void (async () => {
  console.log = console.error; // stdout carries the result line only
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? "warn" }, pino.destination(2));
  let services: BackingServices | undefined;
  let db: DataSource | undefined;
  let app: App | undefined;
  let code = 0;
  try {
    progress(`starting services (data in ${config.dataDir})`);
    services = await startBackingServices(config, logger);
    db = createDataSource(services.databaseUrl, { applicationName: "tsunagu-bench-import" });
    await db.initialize();
    await db.runMigrations({ transaction: "each" });
    await wipeCatalog(db);
    await db.query("TRUNCATE resource_source, search_outbox");
    const meili = { url: services.meiliUrl, key: services.meiliKey, prefix: config.meiliIndexPrefix };
    app = await createApp({
      db,
      databaseUrl: services.databaseUrl,
      meili,
      config,
      logger,
    });
    await app.searchIndex.client.deleteIndexIfExists(app.searchIndex.uid).catch(() => undefined);
    await app.searchIndex.ensure();

    let bytes: Buffer | null = generateCsv(ROWS);
    progress(`generated ${ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB of CP932`);

    // The relay runs while the import commits, as it does in the server: the index follows batch by batch.
    await app.jobs.searchRelay.start();
    const phase = phaseMeter();
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    // The parsed file is not kept past the preview (as in the web app): the plan holds the listings, and lets go of
    // them batch by batch as the commit writes them.
    const plan = await (async () => {
      prepareCommit(); // as `npm run import` does
      const parsed = await readCatalogFile(bytes, {
        fileName: "kosodate-shisetsu.csv",
        source: { publisher: "武蔵村山市", dataset: "子育て施設一覧", licence: "CC BY 4.0" },
      });
      bytes = null; // read: the file is let go of, as `npm run import` does once it has read it
      progress(`read (${parsed.encoding}, ${parsed.layout}) in ${elapsed()}`);
      phase("read");
      return previewImport(db, parsed);
    })();
    progress(describePlan(plan));
    phase("preview");
    let shown = 0;
    await commitImport(db, plan, {
      onProgress: (done, total) => {
        if (done - shown >= 20_000 || done === total) {
          shown = done;
          progress(
            `  committed ${done}/${total} (${elapsed()}, rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB, peak ${peakRssMb()} MB, ${heapMb()})`,
          );
        }
      },
    });
    phase("commit");
    await app.jobs.searchRelay.drain();
    while ((await app.jobs.searchRelay.status()).pending > 0) await new Promise((r) => setTimeout(r, 100));
    const indexed = await app.searchIndex.documentCount();
    if (indexed !== plan.counts.create)
      throw new Error(`the index holds ${indexed} documents, expected ${plan.counts.create}`);
    phase("index catch-up");
    const seconds = (performance.now() - started) / 1000;
    progress(`indexed ${indexed} documents in ${elapsed()}`);
    process.stdout.write(
      `bench:import rows=${ROWS} seconds=${seconds.toFixed(1)} rows_per_s=${Math.round(ROWS / seconds)} peak_rss_mb=${peakRssMb()}\n`,
    );
  } catch (err) {
    progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    code = 1;
  } finally {
    await app?.close().catch(() => undefined);
    await db?.destroy().catch(() => undefined);
    await services?.stop();
  }
  process.exit(code);
})();
