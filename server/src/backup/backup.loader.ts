import type pg from "pg";
import {
  backwardForeignKeys,
  listForeignKeys,
  listTables,
  listUserTriggers,
  q,
  type TableInfo,
  type TriggerInfo,
} from "./backup.catalog.js";
import { BackupError, type BackupHeader, type BackupTable } from "./backup.format.js";
import { readBackup } from "./backup.reader.js";
import { tablesWithData, TargetNotEmptyError, WRITTEN_BY_MIGRATION } from "./backup.target.js";
import { TEXT_FORMAT_SETTINGS } from "./backup.writer.js";

export interface LoadProgress {
  table: string;
  doneRows: number;
  totalRows: number;
}

const ENABLE: Record<TriggerInfo["enabled"], string> = {
  O: "ENABLE",
  A: "ENABLE ALWAYS",
  R: "ENABLE REPLICA",
  D: "DISABLE",
};

/**
 * Loads a backup's rows into a database whose schema is already at the backup's migrations, in ONE transaction:
 * either every row is in and every count checked, or nothing is.
 *
 * Inserts only. Foreign keys stay checked: tables go in the backup's order (parents first), and the few keys that
 * order cannot satisfy (a table referencing itself, a cycle) are deferred to the end of the load and checked there.
 * `session_replication_role = replica` would skip that bookkeeping, but it needs a superuser, which a managed
 * PostgreSQL does not give, and it would skip the checks too.
 *
 * Triggers that someone wrote are switched off for the load and back on before the commit (the table owner, who ran
 * the migrations, may do this; the ACCESS EXCLUSIVE lock hides the gap from everyone else). The rows already carry
 * whatever those triggers produced at the time (an audit row, a stamped column); firing them again would add or
 * change rows, and an append-only table's guard would refuse the removal of a migration's own rows.
 */
export async function loadBackupRows(
  client: pg.ClientBase,
  file: string,
  header: BackupHeader,
  onProgress?: (p: LoadProgress) => void,
): Promise<void> {
  for (const sql of TEXT_FORMAT_SETTINGS) await client.query(sql);
  await client.query("BEGIN");
  try {
    const [{ db }] = (await client.query("SELECT current_database() AS db")).rows;
    const target = new Map((await listTables(client)).map((t) => [t.name, t]));
    const names = header.tables.map((t) => t.name);
    for (const table of header.tables) assertSameColumns(table, target.get(table.name));
    const present = [...target.keys()];
    await client.query(`LOCK TABLE ${present.map(q).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    // Checked again under the lock: nobody may have written in between.
    const used = await tablesWithData(client, names);
    if (used.length) throw new TargetNotEmptyError(db, used);

    const triggers = (await listUserTriggers(client, names)).filter((t) => t.enabled !== "D");
    for (const t of triggers) await client.query(`ALTER TABLE ${q(t.table)} DISABLE TRIGGER ${q(t.name)}`);
    const deferred = backwardForeignKeys(names, await listForeignKeys(client));
    for (const fk of deferred.filter((k) => !k.deferrable)) {
      await client.query(`ALTER TABLE ${q(fk.table)} ALTER CONSTRAINT ${q(fk.name)} DEFERRABLE INITIALLY DEFERRED`);
    }
    if (deferred.length) await client.query(`SET CONSTRAINTS ${deferred.map((k) => q(k.name)).join(", ")} DEFERRED`);

    // A migration's own rows (the default settings row) make way for the backup's version of them.
    for (const name of [...names].reverse()) await client.query(`DELETE FROM ${q(name)} WHERE ${WRITTEN_BY_MIGRATION}`);

    const totalRows = header.tables.reduce((n, t) => n + t.rows, 0);
    let doneRows = 0;
    const inserted = new Map<string, number>();
    for await (const event of readBackup(file)) {
      if (event.type !== "rows") continue;
      const table = target.get(event.table.name)!;
      const { rowCount } = await client.query(insertSql(event.table, table), [`[${event.lines.join(",")}]`]);
      inserted.set(table.name, (inserted.get(table.name) ?? 0) + (rowCount ?? 0));
      doneRows += event.lines.length;
      onProgress?.({ table: table.name, doneRows, totalRows });
    }

    if (deferred.length) await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    for (const fk of deferred.filter((k) => !k.deferrable)) {
      await client.query(
        `ALTER TABLE ${q(fk.table)} ALTER CONSTRAINT ${q(fk.name)} NOT DEFERRABLE INITIALLY IMMEDIATE`,
      );
    }
    for (const t of triggers) await client.query(`ALTER TABLE ${q(t.table)} ${ENABLE[t.enabled]} TRIGGER ${q(t.name)}`);
    await setSequences(client, header, target);
    for (const t of header.tables) {
      const [{ n }] = (await client.query(`SELECT count(*) AS n FROM ${q(t.name)}`)).rows;
      if (Number(n) !== t.rows || (inserted.get(t.name) ?? 0) !== t.rows) {
        throw new BackupError(
          `table ${t.name}: the backup has ${t.rows} rows but ${n} were restored; nothing was kept`,
        );
      }
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** The backup's columns must be the target's stored columns, by name and type (same migrations, same schema). */
function assertSameColumns(dumped: BackupTable, target: TableInfo | undefined): void {
  if (!target)
    throw new BackupError(`table ${dumped.name} is in the backup but not in the database after its migrations`);
  const have = new Map(target.columns.map((c) => [c.name, c.type]));
  const want = new Map(dumped.columns.map((c) => [c.name, c.type]));
  const differences = [
    ...dumped.columns
      .filter((c) => have.get(c.name) !== c.type)
      .map((c) => `${c.name} ${c.type} (database: ${have.get(c.name) ?? "missing"})`),
    ...target.columns.filter((c) => !want.has(c.name)).map((c) => `${c.name} (not in the backup)`),
  ];
  if (differences.length) {
    throw new BackupError(
      `table ${dumped.name} differs from the backup's after the same migrations: ${differences.join("; ")}`,
    );
  }
}

/** Casts each text value back to its column's type: the same input functions COPY uses. */
function insertSql(dumped: BackupTable, target: TableInfo): string {
  const type = new Map(target.columns.map((c) => [c.name, c.type]));
  const identity = target.columns.some((c) => c.identity);
  const columns = dumped.columns.map((c) => q(c.name)).join(", ");
  const values = dumped.columns.map((c, i) => `(e.r->>${i})::${type.get(c.name)}`).join(", ");
  return `INSERT INTO ${q(dumped.name)} (${columns})${identity ? " OVERRIDING SYSTEM VALUE" : ""} SELECT ${values} FROM json_array_elements($1::json) AS e(r)`;
}

/**
 * Sequences continue where the original's were (a number once handed out is not handed out again), and never
 * below the restored rows' highest value.
 */
async function setSequences(
  client: pg.ClientBase,
  header: BackupHeader,
  target: Map<string, TableInfo>,
): Promise<void> {
  const existing = new Set(
    (
      await client.query<{ name: string }>(
        "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public'",
      )
    ).rows.map((r) => r.name),
  );
  for (const s of header.sequences) {
    if (!existing.has(s.name)) continue;
    const owner = s.ownedBy && target.has(s.ownedBy.table) ? s.ownedBy : null;
    const highest = owner ? `(SELECT max(${q(owner.column)})::bigint FROM ${q(owner.table)})` : "NULL::bigint";
    await client.query(
      `SELECT setval($1::regclass, v, CASE WHEN v = $2::bigint THEN $3::boolean ELSE true END)
         FROM (SELECT greatest($2::bigint, ${highest}) AS v) x`,
      [q(s.name), s.lastValue, s.isCalled],
    );
  }
}
