import fc from "fast-check";
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  astFromValue,
  getNamedType,
  parse,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { MAX_COMPLEXITY, operationComplexity } from "../../core/graphql-limits.js";
import { MAX_PAGE_SIZE } from "../../core/pagination.js";
import { MAX_SESSIONS } from "../../schedules/schedule.js";
import { rootType, selectAll, type RootKind } from "../schema-walk.js";
import { MODES, fieldsFor, type Mode } from "./input-arbitraries.js";

/** One operation the fuzzer calls: every Mutation root field, and every Query root field that takes arguments. */
export interface FuzzTarget {
  kind: RootKind;
  field: string;
  document: string;
  /** Variables for the document, per tier (see input-arbitraries.ts): only `dirty` ones break the GraphQL contract. */
  variables: Record<Mode, fc.Arbitrary<Record<string, unknown>>>;
}

/** The search input is the largest input of all; it gets this many shares of the cases (every other field one). */
export const SEARCH_WEIGHT = 3;

/**
 * The document passes every argument as a variable of exactly the argument's type (with the argument's default as
 * the variable's default), so that a bad value is refused by variable coercion (BAD_USER_INPUT) and the document
 * itself always validates. The selection takes every field two or three levels deep, as a client screen would.
 */
export function documentFor(schema: GraphQLSchema, kind: RootKind, field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => {
    const dflt = a.defaultValue === undefined ? null : astFromValue(a.defaultValue, a.type);
    return `$${a.name}: ${a.type.toString()}${dflt ? ` = ${print(dflt)}` : ""}`;
  });
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const build = (depth: number) =>
    `${kind} Fuzz_${field.name}${defs.length ? `(${defs.join(", ")})` : ""} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selectAll(getNamedType(field.type), depth)} }`;
  // As deep as the query cost limit allows at the largest page sizes, so the limit itself never answers a case.
  const costing = Object.fromEntries(field.args.map((a) => [a.name, LARGEST_PAGES[a.name] ?? sampleValue(a.type)]));
  for (let depth = kind === "query" ? 3 : 2; depth > 0; depth--) {
    const document = build(depth);
    if (operationComplexity(schema, parse(document), costing) <= MAX_COMPLEXITY) return document;
  }
  return build(0);
}

/** The arguments the cost scales with, at their bounds (core/graphql-limits.ts); no other argument changes the cost. */
const LARGEST_PAGES: Record<string, number> = { first: MAX_PAGE_SIZE, count: MAX_SESSIONS };

/** The smallest value a variable of this type accepts (only to cost the document; the cases bring their own). */
function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  switch (type.name) {
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "ID":
      return "00000000-0000-4000-8000-000000000000";
    case "DateTimeISO":
      return new Date(0).toISOString();
    case "JSONObject":
      return {};
    default:
      return "2026-01-01";
  }
}

export function fuzzTargets(schema: GraphQLSchema): FuzzTarget[] {
  const fields: [RootKind, GraphQLField<unknown, unknown>][] = [
    ...Object.values(rootType(schema, "mutation").getFields()).map(
      (f) => ["mutation", f] as [RootKind, GraphQLField<unknown, unknown>],
    ),
    // Queries without arguments have no input to fuzz (their access is the matrix's business).
    ...Object.values(rootType(schema, "query").getFields())
      .filter((f) => f.args.length > 0)
      .map((f) => ["query", f] as [RootKind, GraphQLField<unknown, unknown>]),
  ];
  return fields.map(([kind, field]) => ({
    kind,
    field: field.name,
    document: documentFor(schema, kind, field),
    variables: Object.fromEntries(
      MODES.map((mode) => [mode, fieldsFor(field.args, field.name, { mode })]),
    ) as FuzzTarget["variables"],
  }));
}
