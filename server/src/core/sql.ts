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

const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");
const JSONB_VERSION = Buffer.from([1]);

/** A JSON array of elements already in JSON (UTF-8), in one Buffer, after `prefix` if any: one copy of the bytes. */
export function jsonArray(elements: readonly Buffer[], prefix?: Buffer): Buffer {
  const parts: Buffer[] = prefix ? [prefix, OPEN] : [OPEN];
  for (const [i, element] of elements.entries()) {
    if (i) parts.push(COMMA);
    parts.push(element);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/**
 * Rows as one JSON array, for a `$n::json` parameter (or `$n::jsonb` with "jsonb"), already in UTF-8. pg sends a
 * Buffer as a binary parameter: json's binary form is its text, jsonb's the same after a version byte (1).
 *
 * Made row by row: JSON.stringify of a whole batch returns a string made of 16 KB pieces, which pg first copies into
 * one to measure it (Buffer.byteLength). That copy cost about 3 s of CPU in a 100,000-row catalog import; each row's
 * JSON is small and whole, and goes straight into a Buffer.
 */
export function jsonRows(rows: readonly unknown[], type: "json" | "jsonb" = "json"): Buffer {
  return jsonArray(
    rows.map((row) => Buffer.from(JSON.stringify(row) ?? "null")),
    type === "jsonb" ? JSONB_VERSION : undefined,
  );
}
