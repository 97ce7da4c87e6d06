import pg from "pg";
import { listForeignKeys, listSequences, listTables, parentsFirst, q, type TableInfo } from "./backup.catalog.js";
import { BackupFileWriter } from "./backup.file.js";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  EXCLUDED_TABLES,
  tsunaguVersion,
  type BackupHeader,
  type BackupTrailer,
} from "./backup.format.js";

export interface BackupProgress {
  table: string;
  tableRows: number;
  doneRows: number;
  totalRows: number;
}

export interface BackupOptions {
  databaseUrl: string;
  out: string;
  /** Awaited: called once after the header is written (doneRows 0), then after every batch of rows. */
  onProgress?: (p: BackupProgress) => void | Promise<void>;
}

export interface BackupSummary {
  file: string;
  header: BackupHeader;
  tables: number;
  rows: number;
  bytes: number;
  seconds: number;
  sha256: string;
}

const FETCH_ROWS = 2_000;

/**
 * Session settings that fix the text form of values, as pg_dump does: UTC timestamps, ISO dates, floats that read
 * back to the same bits, hex bytea. Restore sets the same ones before casting the text back.
 */
export const TEXT_FORMAT_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 3",
  "SET bytea_output = 'hex'",
  "SET standard_conforming_strings = on",
];

/**
 * A consistent logical dump of the public schema. One REPEATABLE READ READ ONLY transaction sees one snapshot, so
 * the counts in the header and the rows after it agree however busy the database is; ACCESS SHARE locks keep a
 * migration from changing a table half-way (ordinary reads and writes go on). Rows are fetched through a cursor in
 * primary-key order, so memory stays flat and the same database gives the same file.
 */
export async function writeBackup(options: BackupOptions): Promise<BackupSummary> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "tsunagu-backup" });
  // A lost connection fails the running query; without a listener it would also crash the process.
  client.on("error", () => undefined);
  const file = BackupFileWriter.open(options.out);
  try {
    await client.connect();
    for (const sql of TEXT_FORMAT_SETTINGS) await client.query(sql);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const all = await listTables(client);
    if (!all.some((t) => t.name === "migrations")) {
      throw new BackupError(
        "this database has no migrations table: it is not a tsunagu database (or was never migrated)",
      );
    }
    await client.query(`LOCK TABLE ${all.map((t) => q(t.name)).join(", ")} IN ACCESS SHARE MODE`);
    const order = parentsFirst(
      all.map((t) => t.name),
      await listForeignKeys(client),
    );
    const byName = new Map(all.map((t) => [t.name, t]));
    const dumped = order.map((name) => byName.get(name)!).filter((t) => !(t.name in EXCLUDED_TABLES));
    const header = await readHeader(
      client,
      dumped,
      all.filter((t) => t.name in EXCLUDED_TABLES),
    );
    await file.write([JSON.stringify(header)]);

    const totalRows = header.tables.reduce((n, t) => n + t.rows, 0);
    let doneRows = 0;
    await options.onProgress?.({ table: header.tables[0]?.name ?? "", tableRows: 0, doneRows, totalRows });
    for (const table of header.tables) {
      await file.write([JSON.stringify({ table: table.name, rows: table.rows })]);
      const written = await dumpTable(client, byName.get(table.name)!, file, async (n) => {
        doneRows += n;
        await options.onProgress?.({ table: table.name, tableRows: table.rows, doneRows, totalRows });
      });
      // Cannot happen inside one snapshot; if it ever did, the file would be refused at restore, so refuse it now.
      if (written !== table.rows)
        throw new BackupError(`table ${table.name}: counted ${table.rows} rows but read ${written}`);
    }
    await client.query("COMMIT");
    const trailer: BackupTrailer = {
      end: BACKUP_FORMAT,
      tables: header.tables.length,
      rows: totalRows,
      sha256: file.contentSha256(),
    };
    const { bytes, sha256 } = await file.finish(JSON.stringify(trailer));
    return {
      file: options.out,
      header,
      tables: header.tables.length,
      rows: totalRows,
      bytes,
      sha256,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (err) {
    await file.abort();
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readHeader(client: pg.Client, tables: TableInfo[], excluded: TableInfo[]): Promise<BackupHeader> {
  const countOf = async (t: TableInfo) =>
    Number((await client.query(`SELECT count(*) AS n FROM ${q(t.name)}`)).rows[0].n);
  const [{ version, num, db }] = (
    await client.query(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num, current_database() AS db",
    )
  ).rows;
  const migrations = (
    await client.query<{ timestamp: string; name: string }>(
      "SELECT timestamp::text AS timestamp, name FROM migrations ORDER BY id",
    )
  ).rows;
  const sequences = [];
  for (const s of await listSequences(client)) {
    // Sequences are outside the snapshot (they never go back): the value read here is at least the snapshot's.
    const [row] = (
      await client.query<{ last: string; called: boolean }>(
        `SELECT last_value::text AS last, is_called AS called FROM ${q(s.name)}`,
      )
    ).rows;
    sequences.push({ name: s.name, lastValue: row.last, isCalled: row.called, ownedBy: s.ownedBy });
  }
  // One client, one query at a time.
  const dumped = [];
  for (const t of tables) {
    dumped.push({
      name: t.name,
      rows: await countOf(t),
      columns: t.columns.map(({ name, type }) => ({ name, type })),
      primaryKey: t.primaryKey,
    });
  }
  const excludedTables = [];
  for (const t of excluded) excludedTables.push({ name: t.name, rows: await countOf(t), why: EXCLUDED_TABLES[t.name] });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    tsunaguVersion: tsunaguVersion(),
    createdAt: new Date().toISOString(),
    server: { version, versionNum: num },
    database: db,
    migrations,
    tables: dumped,
    excludedTables,
    sequences,
  };
}

/** Each row as a JSON array of the columns' text values: `to_json(ARRAY[...])` has no 100-argument limit. */
async function dumpTable(
  client: pg.Client,
  table: TableInfo,
  file: BackupFileWriter,
  onBatch: (n: number) => Promise<void>,
): Promise<number> {
  const values = table.columns.map((c) => `${q(c.name)}::text`).join(", ");
  const orderBy = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(q).join(", ")}` : "";
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${values}]::text[])::text AS r FROM ${q(table.name)}${orderBy}`,
  );
  let written = 0;
  for (;;) {
    const { rows } = await client.query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
    if (!rows.length) break;
    await file.write(rows.map((row) => row.r));
    written += rows.length;
    await onBatch(rows.length);
  }
  await client.query("CLOSE backup_rows");
  return written;
}
