import fc from "fast-check";
import { astFromValue, getNamedType, print, type GraphQLField, type GraphQLSchema } from "graphql";
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
 * itself always validates. The selection takes every field two levels deep, as a client screen would.
 */
export function documentFor(kind: RootKind, field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => {
    const dflt = a.defaultValue === undefined ? null : astFromValue(a.defaultValue, a.type);
    return `$${a.name}: ${a.type.toString()}${dflt ? ` = ${print(dflt)}` : ""}`;
  });
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const selection = selectAll(getNamedType(field.type), kind === "query" ? 3 : 2);
  return `${kind} Fuzz_${field.name}${defs.length ? `(${defs.join(", ")})` : ""} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selection} }`;
}

export function fuzzTargets(schema: GraphQLSchema): FuzzTarget[] {
  const fields: [RootKind, GraphQLField<unknown, unknown>][] = [
    ...Object.values(rootType(schema, "mutation").getFields()).map((f) => ["mutation", f] as [RootKind, GraphQLField<unknown, unknown>]),
    // Queries without arguments have no input to fuzz (their access is the matrix's business).
    ...Object.values(rootType(schema, "query").getFields()).filter((f) => f.args.length > 0)
      .map((f) => ["query", f] as [RootKind, GraphQLField<unknown, unknown>]),
  ];
  return fields.map(([kind, field]) => ({
    kind, field: field.name, document: documentFor(kind, field),
    variables: Object.fromEntries(MODES.map((mode) => [mode, fieldsFor(field.args, field.name, { mode })])) as FuzzTarget["variables"],
  }));
}
