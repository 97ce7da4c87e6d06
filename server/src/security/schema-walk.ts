import {
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLUnionType,
  getNamedType,
  isInputObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

export type RootKind = "query" | "mutation";

export function rootType(schema: GraphQLSchema, kind: RootKind): GraphQLObjectType {
  const type = kind === "query" ? schema.getQueryType() : schema.getMutationType();
  if (!type) throw new TypeError(`the schema has no ${kind} type`);
  return type;
}

/** Every output type an answer of `field` can contain, through any nesting (objects, interfaces, unions, lists). */
export function reachableOutputTypes(schema: GraphQLSchema, fields: GraphQLField<unknown, unknown>[]): Set<string> {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = fields.map((f) => getNamedType(f.type));
  while (queue.length) {
    const type = queue.pop()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType) {
      for (const f of Object.values(type.getFields())) queue.push(getNamedType(f.type));
      if (type instanceof GraphQLInterfaceType) queue.push(...schema.getPossibleTypes(type));
    } else if (type instanceof GraphQLUnionType) {
      queue.push(...type.getTypes());
    }
  }
  return seen;
}

/** Names of every input field (at any depth) and argument of `field`, e.g. `personId`. */
export function inputFieldNames(field: GraphQLField<unknown, unknown>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    seen.add(named.name);
    for (const f of Object.values(named.getFields())) {
      names.add(f.name);
      walk(f.type);
    }
  };
  for (const a of field.args) {
    names.add(a.name);
    walk(a.type);
  }
  return names;
}

/**
 * A selection of every field of `type` down to `depth` levels of objects (fields with a required argument are left
 * out; optional ones take their defaults). Leaves only, so the document is always valid.
 */
export function selectAll(type: GraphQLNamedType, depth: number): string {
  if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) return "";
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => a.type.toString().endsWith("!") && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType) {
      if (depth > 0) {
        const inner = selectAll(named, depth - 1);
        if (inner) parts.push(`${f.name} ${inner}`);
      }
    } else if (!(named instanceof GraphQLUnionType)) {
      parts.push(f.name);
    }
  }
  return parts.length ? `{ ${parts.join(" ")} }` : "";
}
