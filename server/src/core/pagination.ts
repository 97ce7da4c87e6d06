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
