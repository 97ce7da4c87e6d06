import DataLoader from "dataloader";
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from "typeorm";

/**
 * Per-request batching: every relation field loads through a DataLoader, never with a query per parent row. Each
 * feature declares its loaders (`<feature>.loaders.ts`) with `defineLoaders`; a request's registry creates a set the
 * first time a resolver asks for it and keeps it until the response, so a batch never outlives the request (nor the
 * viewer it was read for).
 */
export type LoaderSet<Scope, T> = (scope: Scope) => T;

export function defineLoaders<Scope, T>(create: (scope: Scope) => T): LoaderSet<Scope, T> {
  return create;
}

export class LoaderRegistry<Scope> {
  private readonly sets = new Map<LoaderSet<Scope, unknown>, unknown>();

  constructor(private readonly scope: Scope) {}

  /** The request's instance of `set`. */
  of<T>(set: LoaderSet<Scope, T>): T {
    let loaders = this.sets.get(set) as T | undefined;
    if (loaders === undefined) this.sets.set(set, (loaders = set(this.scope)));
    return loaders;
  }
}

/** Rows by primary key: one `WHERE id IN (…)` for the batch; a missing id loads as null. */
export function byId<T extends { id: string }>(db: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * The rows whose `column` holds the key (a one-to-many relation), in `order`: one query for the batch, the order
 * kept within each key.
 */
export function manyBy<T extends ObjectLiteral, K extends keyof T & string>(
  db: DataSource,
  entity: EntityTarget<T>,
  column: K,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await db.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order });
    return groupIn(keys, rows, (r) => r[column] as string);
  });
}

/**
 * Many-to-many through a join table: the links for the whole batch, then the targets through `fetch` (which returns
 * them in the order they are shown, for any set of ids): two queries for the batch.
 */
export function throughJoin<T extends { id: string }>(
  db: DataSource,
  join: { table: string; owner: string; target: string },
  fetch: (ids: string[]) => Promise<T[]>,
): DataLoader<string, T[]> {
  return new DataLoader(async (ownerIds) => {
    const links: { owner: string; target: string }[] = await db.query(
      `SELECT ${join.owner} AS owner, ${join.target} AS target FROM ${join.table} WHERE ${join.owner} = ANY($1::uuid[])`,
      [[...ownerIds]],
    );
    const targets = links.length ? await fetch([...new Set(links.map((l) => l.target))]) : [];
    const position = new Map(targets.map((t, i) => [t.id, i]));
    const grouped = new Map<string, T[]>();
    for (const { owner, target } of links) {
      const i = position.get(target);
      if (i !== undefined) grouped.set(owner, [...(grouped.get(owner) ?? []), targets[i]]);
    }
    return ownerIds.map((id) => (grouped.get(id) ?? []).sort((x, y) => position.get(x.id)! - position.get(y.id)!));
  });
}

/** `rows` grouped under each of `keys` (in the rows' own order); a key with no row gets an empty list. */
export function groupIn<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((k) => grouped.get(k) ?? []);
}
