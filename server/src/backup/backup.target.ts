import type pg from "pg";
import { MIGRATIONS } from "../db/migrations/index.js";
import { listTables, q } from "./backup.catalog.js";
import { BackupError } from "./backup.format.js";

/** The target holds rows that no migration wrote: restoring would mix two systems' records. */
export class TargetNotEmptyError extends BackupError {
  constructor(
    readonly database: string,
    readonly tables: { name: string; rows: number }[],
    message?: string,
  ) {
    const shown = tables
      .slice(0, 5)
      .map((t) => `${t.name} (${t.rows})`)
      .join(", ");
    super(
      message ??
        `database "${database}" is not empty: ${shown}${tables.length > 5 ? ", …" : ""} already hold rows. Restore only into an empty database.`,
    );
  }
}

/** Names of this build's migrations, in the order they run. */
export const buildMigrationNames = (): string[] => MIGRATIONS.map((M) => new M().name ?? M.name);

/**
 * The backup's migrations must be the first ones of this build, in the same order: then this build can create the
 * exact schema the rows came from. A backup from a newer tsunagu has migrations this build has never heard of.
 */
export function assertKnownMigrations(dumped: string[], build = buildMigrationNames()): void {
  const unknown = dumped.filter((name) => !build.includes(name));
  if (unknown.length) {
    throw new BackupError(
      `the backup was made by a newer tsunagu: its schema has migration(s) this build does not know (${unknown.join(", ")}). ` +
        `Restore it with the tsunagu version that wrote it, or a newer one.`,
    );
  }
  const differs = dumped.findIndex((name, i) => build[i] !== name);
  if (differs >= 0) {
    throw new BackupError(
      `the backup's migrations are not this build's in order (at ${dumped[differs]}): it comes from a diverging branch of tsunagu`,
    );
  }
}

/**
 * Which rows of a table were written by a migration: with `transaction: "each"` (how tsunagu runs them) a
 * migration's own rows (the municipal_settings row, say) share the transaction id of its row in `migrations`.
 * A row changed since then has a newer xmin and counts as data, so an edited setting makes the database "in use".
 */
export const WRITTEN_BY_MIGRATION = "xmin::text IN (SELECT xmin::text FROM migrations)";

/**
 * Refuses a target that holds data. Empty means: no tables at all, or a tsunagu schema whose `migrations` are a
 * prefix of the backup's and whose tables hold only rows the migrations themselves wrote.
 */
export async function assertEmptyTarget(
  client: pg.ClientBase,
  dumpedMigrations: string[],
): Promise<"blank" | "migrated"> {
  const [{ db }] = (await client.query("SELECT current_database() AS db")).rows;
  const tables = await listTables(client);
  if (!tables.length) return "blank";
  if (!tables.some((t) => t.name === "migrations")) {
    throw new TargetNotEmptyError(
      db,
      [],
      `database "${db}" has tables (${tables
        .slice(0, 5)
        .map((t) => t.name)
        .join(", ")}) ` + `but no tsunagu migrations: it is some other database. Restore only into an empty database.`,
    );
  }
  const applied = (await client.query<{ name: string }>("SELECT name FROM migrations ORDER BY id")).rows.map(
    (r) => r.name,
  );
  const extra = applied.filter((name, i) => dumpedMigrations[i] !== name);
  if (extra.length) {
    throw new BackupError(
      `database "${db}" is at migration(s) the backup is not (${extra.join(", ")}): ` +
        `restore into an empty database, or one migrated no further than the backup.`,
    );
  }
  const used = await tablesWithData(
    client,
    tables.map((t) => t.name).filter((t) => t !== "migrations"),
  );
  if (used.length) throw new TargetNotEmptyError(db, used);
  return "migrated";
}

/** Tables holding rows that no migration wrote, with how many. */
export async function tablesWithData(
  client: pg.ClientBase,
  tables: string[],
): Promise<{ name: string; rows: number }[]> {
  const used: { name: string; rows: number }[] = [];
  for (const table of tables) {
    const [{ n }] = (await client.query(`SELECT count(*) AS n FROM ${q(table)} WHERE NOT (${WRITTEN_BY_MIGRATION})`))
      .rows;
    if (Number(n) > 0) used.push({ name: table, rows: Number(n) });
  }
  return used;
}
