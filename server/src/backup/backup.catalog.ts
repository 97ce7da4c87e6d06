import pg from "pg";

/** What backup and restore need to know about the public schema, read from the PostgreSQL catalog. */

export interface TableInfo {
  name: string;
  /** Stored columns in attnum order; generated columns are left out. */
  columns: { name: string; type: string; identity: boolean }[];
  primaryKey: string[];
}

export interface ForeignKeyInfo {
  name: string;
  table: string;
  references: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
}

export interface TriggerInfo {
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O (on), D (disabled), R (replica only), A (always). */
  enabled: "O" | "D" | "R" | "A";
}

export const q = pg.escapeIdentifier;

/** Ordinary and partitioned tables of the public schema (partitions are read through their parent). */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table: string; columns: TableInfo["columns"] | null; pk: string[] | null }>(`
    SELECT c.relname AS table,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                'identity', a.attidentity <> '') ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord)
         FROM pg_constraint pk
         CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.table, columns: r.columns ?? [], primaryKey: r.pk ?? [] }));
}

export async function listForeignKeys(client: pg.ClientBase): Promise<ForeignKeyInfo[]> {
  const { rows } = await client.query<ForeignKeyInfo>(`
    SELECT con.conname AS name, c.relname AS table, p.relname AS references,
      con.condeferrable AS deferrable, con.condeferred AS "initiallyDeferred"
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class p ON p.oid = con.confrelid
    WHERE con.contype = 'f' AND n.nspname = 'public' AND con.conparentid = 0
    ORDER BY c.relname, con.conname`);
  return rows;
}

export async function listSequences(
  client: pg.ClientBase,
): Promise<{ name: string; ownedBy: { table: string; column: string } | null }[]> {
  // An owned sequence: serial columns (deptype 'a') and identity columns (deptype 'i').
  const { rows } = await client.query<{ name: string; table: string | null; column: string | null }>(`
    SELECT s.relname AS name, t.relname AS table, a.attname AS column
    FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
    LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_class t ON t.oid = d.refobjid
    LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND n.nspname = 'public'
    ORDER BY s.relname`);
  return rows.map((r) => ({
    name: r.name,
    ownedBy: r.table && r.column ? { table: r.table, column: r.column } : null,
  }));
}

/** Triggers someone wrote (not the internal ones that enforce foreign keys). */
export async function listUserTriggers(client: pg.ClientBase, tables: string[]): Promise<TriggerInfo[]> {
  const { rows } = await client.query<TriggerInfo>(
    `
    SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = 'public' AND c.relname = ANY($1::text[])
    ORDER BY c.relname, t.tgname`,
    [tables],
  );
  return rows;
}

/**
 * Tables ordered so that every table comes after the tables it references; ties by name, so the order is stable.
 * Tables in a reference cycle (a self-reference included) cannot be ordered: they come last, by name, and the
 * restore defers those constraints instead.
 */
export function parentsFirst(tables: string[], fks: Pick<ForeignKeyInfo, "table" | "references">[]): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    if (known.has(fk.table) && known.has(fk.references) && fk.table !== fk.references)
      parents.get(fk.table)!.add(fk.references);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p))).sort();
    if (!ready.length) break;
    // One at a time keeps the order independent of how many became ready together.
    ordered.push(ready[0]);
    placed.add(ready[0]);
  }
  return [...ordered, ...tables.filter((t) => !placed.has(t)).sort()];
}

/** Foreign keys whose parent table is not loaded strictly before the child in `order` (cycles, self-references). */
export function backwardForeignKeys<T extends Pick<ForeignKeyInfo, "table" | "references">>(
  order: string[],
  fks: T[],
): T[] {
  const position = new Map(order.map((t, i) => [t, i]));
  return fks.filter((fk) => {
    const child = position.get(fk.table);
    const parent = position.get(fk.references);
    return child !== undefined && parent !== undefined && parent >= child;
  });
}
