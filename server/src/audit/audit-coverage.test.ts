import { randomUUID } from "node:crypto";
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  getNamedType,
  isLeafType,
  type GraphQLInputType,
} from "graphql";
import { Mutation, Query, Resolver, buildSchema } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../schema.js";
import { codesOf, createTestApp, type TestApp } from "../test/harness.js";
import { Audited, declaredWrite } from "./audit.decorator.js";
import { AuditAction } from "./audit.enums.js";
import { AUDITED, AUDITED_READ_TYPES, undeclaredMutations, withAuditTrail } from "./audit.trail.js";

/**
 * Coverage by construction, checked two ways: the built schema's resolvers all carry the audit wrapper and every
 * mutation declares what it records (@Audited); and every mutation of the schema, called for real, leaves its row.
 */
const isAudited = (resolve: unknown) =>
  typeof resolve === "function" && (resolve as unknown as Record<symbol, unknown>)[AUDITED] === true;

describe("audit coverage of the schema", () => {
  it("wraps every Query and Mutation field and every field of the audited types", async () => {
    const schema = await getSchema();
    const unwrapped: string[] = [];
    for (const type of [
      schema.getQueryType()!,
      schema.getMutationType()!,
      ...Object.keys(AUDITED_READ_TYPES).map((n) => schema.getType(n) as GraphQLObjectType),
    ]) {
      for (const field of Object.values(type.getFields()))
        if (!isAudited(field.resolve)) unwrapped.push(`${type.name}.${field.name}`);
    }
    expect(unwrapped).toEqual([]);
  });

  it("has an @Audited declaration on every mutation, and none on a query", async () => {
    const schema = await getSchema();
    expect(undeclaredMutations(schema)).toEqual([]);
    expect(Object.values(schema.getQueryType()!.getFields()).filter((f) => declaredWrite(f))).toEqual([]);
  });

  // The check above, on a schema that breaks it: a mutation added without a declaration is reported by name, and a
  // declaration put on a query stops the schema from being built (withAuditTrail refuses it).
  it("reports a mutation added without @Audited, and refuses @Audited on a query", async () => {
    @Resolver()
    class ForgetfulResolver {
      @Query(() => Boolean)
      probe(): boolean {
        return true;
      }

      @Mutation(() => Boolean)
      forgotten(): boolean {
        return true;
      }

      @Mutation(() => Boolean)
      @Audited({ action: AuditAction.WRITE, entityType: "Probe", record: () => ({ recordId: "p" }) })
      declared(): boolean {
        return true;
      }
    }
    @Resolver()
    class MisplacedResolver {
      @Query(() => Boolean)
      @Audited({ action: AuditAction.WRITE, entityType: "Probe", record: () => ({ recordId: "p" }) })
      misplaced(): boolean {
        return true;
      }

      @Mutation(() => Boolean)
      noop(): boolean {
        return true;
      }
    }
    // type-graphql's metadata is global: the app's @Authorized uses require an authChecker in any schema built here.
    const build = (resolver: new () => object) => buildSchema({ resolvers: [resolver], authChecker: () => true });
    expect(undeclaredMutations(await build(ForgetfulResolver))).toEqual(["forgotten"]);
    const misplaced = await build(MisplacedResolver);
    expect(() => withAuditTrail(misplaced)).toThrow("@Audited on Query.misplaced");
  });
});

/** The smallest value GraphQL accepts for a type: required fields only, first enum value, a random id. */
function sample(type: GraphQLInputType, name = ""): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType, name);
  if (type instanceof GraphQLList) return [];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type, f.name)]),
    );
  }
  const scalar = type.name;
  if (name === "email") return "nobody@example.jp";
  return (
    {
      ID: randomUUID(),
      String: "x",
      Int: 1,
      Float: 1.5,
      Boolean: false,
      DateTimeISO: new Date().toISOString(),
      LocalDate: "2026-11-22",
      JSONObject: {},
    } as Record<string, unknown>
  )[scalar];
}

describe("every mutation, called without signing in", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("is refused and leaves exactly one row naming it (DENIED, or LOGIN_FAILED for login)", async () => {
    const mutation = (await getSchema()).getMutationType()!;
    const declared = Object.values(mutation.getFields()).filter((f) => declaredWrite(f)).length;
    const seen: string[] = [];
    for (const field of Object.values(mutation.getFields())) {
      const required = field.args.filter((a) => a.type instanceof GraphQLNonNull && a.defaultValue === undefined);
      const vars = required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
      const call = required.map((a) => `${a.name}: $${a.name}`).join(", ");
      const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
      const query = `mutation${vars ? `(${vars})` : ""} { ${field.name}${call ? `(${call})` : ""}${selection} }`;
      const [{ before }] = await t.db.query("SELECT coalesce(max(id), 0) AS before FROM audit_event");
      const res = await t.anonymous(query, Object.fromEntries(required.map((a) => [a.name, sample(a.type)])));
      expect(codesOf(res), `${field.name}: ${JSON.stringify(res.errors)}`).toEqual(["UNAUTHENTICATED"]);
      const rows = await t.db.query("SELECT action, operation, actor_user_id, detail FROM audit_event WHERE id > $1", [
        before,
      ]);
      expect(rows, field.name).toEqual([
        {
          action: field.name === "login" ? "LOGIN_FAILED" : "DENIED",
          operation: field.name,
          actor_user_id: null,
          detail: expect.objectContaining({ code: "UNAUTHENTICATED" }),
        },
      ]);
      seen.push(field.name);
    }
    expect(seen.length).toBe(declared);
  });
});
