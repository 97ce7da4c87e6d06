import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The tsunagu backup file: gzip-compressed JSON Lines.
 *
 *   line 1               the header (BackupHeader): what was dumped, from where, when, at which migration
 *   per table, in the header's order (parents before children):
 *     {"table":"area","rows":11}
 *     then `rows` lines, each one row as a JSON array of PostgreSQL text values (or null), in `columns` order
 *   last line            the trailer (BackupTrailer) with the SHA-256 of every line above it (each with its "\n")
 *
 * Values are PostgreSQL's own text form (what COPY and pg_dump write), so every type reads back exactly with a cast:
 * timestamps to the microsecond, floats (extra_float_digits = 3), arrays, jsonb, bytea. row_to_json was the other
 * candidate, but it writes a jsonb column holding JSON null and one holding SQL NULL both as `null`.
 */
export const BACKUP_FORMAT = "tsunagu-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupColumn {
  name: string;
  /** format_type() of the column, e.g. "timestamp with time zone", "text[]". */
  type: string;
}

export interface BackupTable {
  name: string;
  rows: number;
  /** The stored columns (generated columns are left out: the restoring server computes them). */
  columns: BackupColumn[];
  primaryKey: string[];
}

export interface BackupSequence {
  name: string;
  /** bigint as text: a sequence may pass 2^53. */
  lastValue: string;
  isCalled: boolean;
  ownedBy: { table: string; column: string } | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  tsunaguVersion: string;
  createdAt: string;
  server: { version: string; versionNum: number };
  database: string;
  /** The database's `migrations` table, oldest first: restore builds the same schema from these. */
  migrations: { timestamp: string; name: string }[];
  tables: BackupTable[];
  excludedTables: { name: string; rows: number; why: string }[];
  sequences: BackupSequence[];
}

export interface BackupSectionStart {
  table: string;
  rows: number;
}

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
  sha256: string;
}

/**
 * Tables a backup leaves out, with the reason. Every other table of the public schema is dumped, so a table added
 * by a later migration (an audit trail, sign-in throttling) is in backups without anyone remembering to list it.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  migrations: "recorded in the header; restore re-creates it by running the same migrations",
  user_session:
    "sign-ins, not records: restored sessions would let old cookies into the restored system, so everyone signs in again",
  search_outbox: "pending search-index jobs; restore rebuilds the whole index from the restored rows instead",
};

/** A refusal or a broken file, said in words an operator can act on (the CLI prints only the message). */
export class BackupError extends Error {}

export function tsunaguVersion(): string {
  // server/package.json, from src/backup or dist/backup alike.
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

/** `<dataDir>/backups/tsunagu-YYYYMMDD-HHMMSS.jsonl.gz`, in local time (the operator's clock). */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return path.join(dataDir, "backups", `tsunagu-${stamp}.jsonl.gz`);
}
