import { createHash } from "node:crypto";
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { IsOptional, IsString, Max, MaxLength, Min } from "class-validator";
import { badInput } from "./errors.js";
import { isUuid } from "./validators.js";

/** Page size cap: a directory page of 100 listings is already more than any screen shows. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `1–${MAX_PAGE_SIZE}` })
  @Min(1, { message: "件数は1以上にしてください" })
  @Max(MAX_PAGE_SIZE, { message: `件数は${MAX_PAGE_SIZE}件までです` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: "前のページの endCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

/** Paging of a ranked search: its cursor remembers the rows already shown (`encodeSearchCursor`). */
@ArgsType()
export class SearchPageArgs {
  @Field(() => Int, { defaultValue: 20, description: `1–${MAX_PAGE_SIZE}` })
  @Min(1, { message: "件数は1以上にしてください" })
  @Max(MAX_PAGE_SIZE, { message: `件数は${MAX_PAGE_SIZE}件までです` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: "前のページの endCursor" })
  @IsOptional()
  @IsString()
  // SHOWN_MEMORY rows already shown take 1,623 characters.
  @MaxLength(2_000)
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style connection types for one node type: `ResourceConnection`, `ResourceEdge`. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/** Cursors are opaque to clients: base64url of the keyset values of the last row. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/**
 * What each value of a cursor must look like. A client can forge a cursor, and its values go into SQL comparisons
 * with casts (`:id::uuid`, `:at::timestamptz`): a value PostgreSQL cannot cast (or text with NUL) is bad input here,
 * not a database error later.
 */
export type CursorPart = "text" | "uuid" | "timestamp" | "integer";
const CURSOR_PART: Record<CursorPart, (v: string) => boolean> = {
  text: (v) => !v.includes("\u0000") && !/\p{Cs}/u.test(v),
  uuid: isUuid,
  // Exactly what Date#toISOString wrote (a rolled-over 2026-02-30 does not survive the round trip).
  timestamp: (v) => /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && new Date(v).toISOString() === v,
  integer: (v) => /^\d{1,15}$/.test(v),
};

export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => typeof v === "string" && CURSOR_PART[shape[i]](v))
    ) {
      return values as string[];
    }
  } catch {
    // fall through
  }
  throw badInput("after", "ページ位置 (cursor) が正しくありません");
}

/** Builds a connection from `first + 1` rows fetched in keyset order. */
export function toConnection<T>(
  rows: T[],
  first: number,
  totalCount: number,
  keyOf: (row: T) => unknown[],
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** A short, stable fingerprint of a query (object keys and list values in a canonical order). */
export function fingerprintOf(query: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x != null)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, canonical(x)]),
      );
    return v;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(query)))
    .digest("base64url")
    .slice(0, 16);
}

/** How many of the rows already shown a search cursor remembers. */
export const SHOWN_MEMORY = 200;
const FINGERPRINT_BYTES = 12;
const KEY_BYTES = 6;
const HEADER_BYTES = 1 + FINGERPRINT_BYTES + 4;
const CURSOR_VERSION = 1;

/** Where a ranked listing resumes: how many rows were shown, and the last `SHOWN_MEMORY` of them. */
export interface SearchPosition {
  offset: number;
  /** Short keys (`shownKey`) of the rows already shown, oldest first. */
  shown: string[];
}

/** 48 bits of a row's uuid: enough to tell a city's listings apart, and six bytes in a cursor. */
export const shownKey = (id: string) => id.replace(/-/g, "").slice(0, KEY_BYTES * 2);

/**
 * A cursor over a ranked listing whose order may change between pages (a search re-ranked by an edit, a next session
 * that moved): bound to one query's fingerprint, it carries the count of rows shown and the keys of the last
 * `SHOWN_MEMORY` of them. Binary (version, fingerprint, offset, keys) in base64url.
 */
export function encodeSearchCursor(fingerprint: string, position: SearchPosition): string {
  const shown = position.shown.slice(-SHOWN_MEMORY);
  const buf = Buffer.alloc(HEADER_BYTES + shown.length * KEY_BYTES);
  buf.writeUInt8(CURSOR_VERSION, 0);
  Buffer.from(fingerprint, "base64url").copy(buf, 1, 0, FINGERPRINT_BYTES);
  buf.writeUInt32BE(position.offset, 1 + FINGERPRINT_BYTES);
  shown.forEach((key, i) => buf.write(key, HEADER_BYTES + i * KEY_BYTES, KEY_BYTES, "hex"));
  return buf.toString("base64url");
}

/** Reads a search cursor; a cursor of another query (or not a cursor at all) is bad input on `after`. */
export function decodeSearchCursor(cursor: string, fingerprint: string): SearchPosition {
  const buf = Buffer.from(cursor, "base64url");
  const wellFormed =
    /^[A-Za-z0-9_-]+$/.test(cursor) &&
    buf.length >= HEADER_BYTES &&
    (buf.length - HEADER_BYTES) % KEY_BYTES === 0 &&
    buf.readUInt8(0) === CURSOR_VERSION;
  if (!wellFormed) throw badInput("after", "ページ位置 (cursor) が正しくありません");
  const expected = Buffer.from(fingerprint, "base64url").subarray(0, FINGERPRINT_BYTES);
  if (!buf.subarray(1, 1 + FINGERPRINT_BYTES).equals(expected))
    throw badInput("after", "このページ位置 (cursor) は別の検索のものです。検索を最初からやり直してください");
  const offset = buf.readUInt32BE(1 + FINGERPRINT_BYTES);
  const shown: string[] = [];
  for (let at = HEADER_BYTES; at < buf.length; at += KEY_BYTES)
    shown.push(buf.subarray(at, at + KEY_BYTES).toString("hex"));
  if (shown.length > Math.min(offset, SHOWN_MEMORY)) throw badInput("after", "ページ位置 (cursor) が正しくありません");
  return { offset, shown };
}
