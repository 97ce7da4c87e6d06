import type { DataSource, EntityManager } from "typeorm";

/**
 * Tables whose rows change on their own or as a side effect that is not "the write" of an operation: sign-in
 * sessions, audit and login logs, the search outbox (drained by the relay), the log of searches that found little
 * (written by a search, a read), TypeORM's migration list. A failed operation may still touch them (an audit row for
 * a refused call is the point of an audit trail).
 */
export const UNCOUNTED_TABLES: readonly RegExp[] = [
  /^audit_/,
  /^user_session$/,
  /^login_attempt/,
  /^sign_in_throttle$/,
  /^search_outbox$/,
  /^search_miss$/,
  /^migrations$/,
];

export type RowCounts = Record<string, number>;

/** Every counted table of the public schema, read once per database (the list only changes with a migration). */
async function countedTables(db: DataSource | EntityManager): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((name) => !UNCOUNTED_TABLES.some((re) => re.test(name)));
}

/**
 * Row counts of every table in one round trip (one UNION ALL), to tell whether a refused or failed operation wrote
 * anything: a partial write shows up as a changed count.
 */
export class RowCounter {
  private sql?: string;
  readonly tables: Promise<string[]>;

  constructor(private readonly db: DataSource) {
    this.tables = countedTables(db);
  }

  async counts(): Promise<RowCounts> {
    if (!this.sql) {
      const tables = await this.tables;
      this.sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
    }
    const rows: { t: string; n: number }[] = await this.db.query(this.sql);
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }
}

/** Tables whose count differs, as `table: before→after`; empty when nothing changed. */
export function diffCounts(before: RowCounts, after: RowCounts): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((t) => before[t] !== after[t])
    .sort()
    .map((t) => `${t}: ${before[t]}→${after[t]}`);
}
