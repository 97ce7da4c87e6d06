/** Escapes LIKE/ILIKE wildcards so user text matches literally ("100%" is not "100 and anything"). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Named parameters for a TypeORM query builder, for SQL written against positional sinks (`add` returns `:name`). */
export class NamedParams {
  readonly values: Record<string, unknown> = {};
  add(value: unknown): string {
    const name = `p${Object.keys(this.values).length}`;
    this.values[name] = value;
    return `:${name}`;
  }
}
