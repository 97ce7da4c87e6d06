import { readBackupLines } from "./backup.file.js";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupSectionStart,
  type BackupTable,
  type BackupTrailer,
} from "./backup.format.js";

export type BackupEvent =
  | { type: "header"; header: BackupHeader }
  | { type: "table"; table: BackupTable }
  | { type: "rows"; table: BackupTable; lines: string[] }
  | { type: "end"; trailer: BackupTrailer };

/** Rows handed to the database at once: bounded by count and by size, so a table of long texts stays in memory budget. */
const BATCH_ROWS = 1_000;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Streams a backup file, checking its structure as it goes: the header, each table's section with exactly the rows
 * the header counted, and the trailer's checksum of everything before it. Anything else is a BackupError, raised at
 * the point it is found (a restore reading this inside its transaction then rolls back).
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const lines = readBackupLines(file)[Symbol.asyncIterator]();
  const next = async (what: string) => {
    const r = await lines.next();
    if (r.done) throw new BackupError(`${file} ends early (expected ${what}): the file is truncated`);
    return r.value;
  };
  const parse = <T>(line: string, what: string): T => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new BackupError(`${file}: ${what} is not valid JSON: the file is damaged`);
    }
  };

  const header = parse<BackupHeader>((await next("the header")).line, "the header");
  if (header?.format !== BACKUP_FORMAT)
    throw new BackupError(`${file} is not a tsunagu backup (no "${BACKUP_FORMAT}" header)`);
  if (header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} has format version ${header.formatVersion}; this tsunagu reads up to ${BACKUP_FORMAT_VERSION}. Restore with the newer tsunagu that wrote it.`,
    );
  }
  yield { type: "header", header };

  for (const table of header.tables) {
    const start = parse<BackupSectionStart>(
      (await next(`table ${table.name}`)).line,
      `the start of table ${table.name}`,
    );
    if (start.table !== table.name || start.rows !== table.rows) {
      throw new BackupError(
        `${file}: expected table ${table.name} with ${table.rows} rows, found ${JSON.stringify(start)}: the file is damaged`,
      );
    }
    yield { type: "table", table };
    let batch: string[] = [];
    let bytes = 0;
    for (let i = 0; i < table.rows; i++) {
      const { line } = await next(`row ${i + 1} of ${table.rows} of ${table.name}`);
      if (!line.startsWith("["))
        throw new BackupError(`${file}: row ${i + 1} of ${table.name} is not a row: the file is damaged`);
      batch.push(line);
      bytes += line.length;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
        yield { type: "rows", table, lines: batch };
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) yield { type: "rows", table, lines: batch };
  }

  const last = await next("the trailer");
  const trailer = parse<BackupTrailer>(last.line, "the trailer");
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  if (trailer.end !== BACKUP_FORMAT || trailer.tables !== header.tables.length || trailer.rows !== rows) {
    throw new BackupError(`${file}: the trailer does not match the header: the file is damaged`);
  }
  if (trailer.sha256 !== last.hashBefore()) {
    throw new BackupError(`${file} failed its checksum: its contents were changed or damaged after it was written`);
  }
  if (!(await lines.next()).done) throw new BackupError(`${file} has data after its trailer: the file is damaged`);
  yield { type: "end", trailer };
}

/** Reads the whole file once: checks everything readBackup checks and returns the header. Nothing is written. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; rows: number }> {
  let header: BackupHeader | undefined;
  let rows = 0;
  for await (const event of readBackup(file)) {
    if (event.type === "header") header = event.header;
    if (event.type === "rows") rows += event.lines.length;
  }
  return { header: header!, rows };
}
