import type { GraphQLField, GraphQLResolveInfo } from "graphql";
import { Extensions, getMetadataStorage } from "type-graphql";
import type { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import type { Context } from "../context.js";
import type { AuditDetail } from "./audit-event.entity.js";
import type { AuditAction } from "./audit.enums.js";

/** What a mutation's audit row is built from, typed by the resolver method the declaration sits on. */
export interface WriteFacts<P extends unknown[], R> {
  /**
   * The method's parameters, position by position, as GraphQL passed them: an `@Arg` is the argument as sent (with the
   * schema's defaults), not the validated class instance; `@Ctx()` is the request context.
   */
  args: P;
  result: R;
  viewer: Viewer | null;
}

/** An id as the record holds it (municipal settings have a numeric one); stored as text. */
type Id = string | number | null | undefined;

/** The spec's own functions never decide P and R: they are taken from the decorated method only. */
type Facts<P extends unknown[], R> = WriteFacts<NoInfer<P>, NoInfer<R>>;

export interface WriteSpec<P extends unknown[], R> {
  action: AuditAction;
  entityType: string;
  /** The record written (from the result or the input) and the person it concerns, when known. */
  record(w: Facts<P, R>): { recordId: Id; personId?: Id };
  /** Names and codes only: field names, a stage, a status. Never a value a person typed about someone. */
  detail?(w: Facts<P, R>): AuditDetail;
  /** Who did it, when that is not the request's viewer (a sign-in: the user who just signed in). */
  actor?(w: Facts<P, R>): { userId: string; role: UserRole };
  /**
   * A sign-in: a failure is a LOGIN_FAILED row whatever its code, naming the account this e-mail belongs to (the
   * e-mail itself is not stored: it may be someone else's, mistyped).
   */
  signInEmail?(args: NoInfer<P>): unknown;
}

/** A declaration as the schema carries it (in the mutation field's `extensions.audit`). */
export interface DeclaredWrite {
  spec: WriteSpec<unknown[], unknown>;
  /** The resolver class and method, to line GraphQL's named arguments up with the method's parameters. */
  target: object;
  methodName: string;
}

/**
 * What a mutation writes to the audit log, declared on the mutation itself:
 *
 *     @Audited({ action: AuditAction.CREATE, entityType: "Person", record: ({ result }) => ({ recordId: result.person.id }) })
 *
 * The spec's `args` and `result` take their types from the decorated method, so a renamed payload field or input
 * field is a compile error here, not a silently empty audit row. The declaration rides in the schema field's
 * extensions, where the audit trail (audit.trail.ts) reads it; a mutation without one is still recorded as an
 * unclassified WRITE, and the coverage test (audit-coverage.test.ts) fails until it is declared.
 */
export function Audited<P extends unknown[], R>(spec: WriteSpec<P, R>) {
  return (target: object, methodName: string, descriptor: { value?: (...args: P) => R | Promise<R> }): void => {
    const declared: DeclaredWrite = { spec, target, methodName };
    Extensions({ audit: declared })(target, methodName, descriptor as PropertyDescriptor);
  };
}

/** The declaration on a schema field, if any. */
export function declaredWrite(field: GraphQLField<unknown, unknown>): DeclaredWrite | undefined {
  return field.extensions?.audit as DeclaredWrite | undefined;
}

/** Rebuilds a method's positional parameters from a field's named GraphQL arguments, as type-graphql passes them. */
export function methodArgs(
  declared: DeclaredWrite,
): (args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo | undefined) => unknown[] {
  const ctor = declared.target.constructor;
  const params = getMetadataStorage().params.filter((p) => p.target === ctor && p.methodName === declared.methodName);
  return (args, ctx, info) => {
    const out: unknown[] = [];
    for (const p of params) {
      if (p.kind === "arg") out[p.index] = args[p.name];
      else if (p.kind === "args") out[p.index] = args;
      else if (p.kind === "context")
        out[p.index] = p.propertyName ? (ctx as unknown as Record<string, unknown>)[p.propertyName] : ctx;
      else if (p.kind === "info") out[p.index] = info;
    }
    return out;
  };
}

const IDENTIFYING = new Set(["id", "expectedVersion"]);

/** The fields of an input a client sent (names only, sorted); for updates, what it asked to change. */
export function inputFields(input: unknown): string[] {
  if (input === null || typeof input !== "object") return [];
  return Object.entries(input)
    .filter(([k, v]) => !IDENTIFYING.has(k) && v !== undefined)
    .map(([k]) => k)
    .sort();
}

/** The usual detail of an update: the names of the fields its input (the first argument) sent. */
export const changedFields = (w: { args: unknown[] }): AuditDetail => ({ fields: inputFields(w.args[0]) });
