import {
  GraphQLError,
  GraphQLObjectType,
  Kind,
  defaultFieldResolver,
  getNamedType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { Context } from "../context.js";
import { DomainError } from "../core/errors.js";
import { clipId } from "./audit.collector.js";
import { declaredWrite, inputFields, methodArgs, type DeclaredWrite } from "./audit.decorator.js";
import { AuditAction } from "./audit.enums.js";

/**
 * The types whose objects are personal data: every object of these returned to a client is a READ row. How to find
 * the record id and the person it belongs to on the resolver's root object.
 * ReferralPerson (what a host sees) has no id in the API on purpose; ReferralService puts the match and person ids
 * on the object for this (they are not GraphQL fields).
 */
export const AUDITED_READ_TYPES: Readonly<
  Record<string, (root: Record<string, unknown>) => { recordId: unknown; personId: unknown }>
> = {
  Person: (p) => ({ recordId: p.id, personId: p.id }),
  Consent: (c) => ({ recordId: c.id, personId: c.personId }),
  FollowUpRecord: (r) => ({ recordId: r.id, personId: r.personId }),
  ReferralPerson: (r) => ({ recordId: r.matchId, personId: r.personId }),
  // 相談受付 carries an age band and a 地区; a 協力依頼 may name a person.
  ConsultationIntake: (r) => ({ recordId: r.id, personId: r.personId }),
  CooperationRequest: (r) => ({ recordId: r.id, personId: r.personId }),
  // A meeting record names persons only by reference (their own reads are Person reads).
  MeetingRecord: (r) => ({ recordId: r.id, personId: null }),
};

const DENIED_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);
/** Marks a resolver wrapped by the audit trail (the schema test asserts every root field carries it). */
export const AUDITED = Symbol("tsunagu.audited");

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;

/**
 * The audit trail, attached to the built schema by wrapping resolvers (a wrapper around type-graphql's own):
 *  - every Query and Mutation root field: a mutation that succeeds adds the row its @Audited declaration describes
 *    (audit.decorator.ts); any root field refused
 *    as UNAUTHENTICATED / FORBIDDEN / NOT_FOUND adds a DENIED row; login adds LOGIN or LOGIN_FAILED;
 *  - every field of AUDITED_READ_TYPES: a READ of that record (deduplicated per request by the collector).
 * Why not a type-graphql global middleware: type-graphql runs @Authorized's check *before* global middlewares, so a
 * middleware never sees the FORBIDDEN / UNAUTHENTICATED it should record. Wrapping the built schema sees every
 * outcome and covers every root field by construction, including ones added later.
 *
 * Why after the resolver and not in the same transaction (a TypeORM subscriber or a trigger): services own their
 * transactions and the database does not know who is asking or the request id; threading both into every service
 * would touch every feature. The cost: a crash between a mutation's commit and the end of the request loses that
 * request's audit rows. The rows are written before the response leaves (see audit.plugin.ts).
 */
export function withAuditTrail(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const declared = declaredWrite(field);
      // A declaration on a query would never be used: refuse to start rather than let it look like coverage.
      // eslint-disable-next-line no-restricted-syntax
      if (declared && root !== schema.getMutationType()) throw new Error(`@Audited on ${root.name}.${field.name}`);
      field.resolve = auditRootField(root.name, field.resolve ?? defaultFieldResolver, declared);
    }
  }
  for (const [typeName, locate] of Object.entries(AUDITED_READ_TYPES)) {
    const type = schema.getType(typeName);
    // A renamed type would silently stop its READ rows: refuse to start instead (no client is involved yet).
    // eslint-disable-next-line no-restricted-syntax
    if (!(type instanceof GraphQLObjectType)) throw new Error(`audited type ${typeName} is not in the schema`);
    for (const field of Object.values(type.getFields())) {
      const resolve: Resolver = field.resolve ?? defaultFieldResolver;
      const wrapped: Resolver = (root, args, ctx, info) => {
        const { recordId, personId } = locate(root as Record<string, unknown>);
        ctx.audit.read(typeName, recordId, personId, info.fieldName, () => rootFieldName(info));
        return resolve(root, args, ctx, info);
      };
      field.resolve = Object.assign(wrapped, { [AUDITED]: true });
    }
  }
  return schema;
}

/** The mutation fields of a schema that carry no @Audited declaration (the coverage test expects none). */
export function undeclaredMutations(schema: GraphQLSchema): string[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {})
    .filter((field) => !declaredWrite(field))
    .map((field) => field.name)
    .sort();
}

function auditRootField(rootName: string, resolve: Resolver, declared: DeclaredWrite | undefined): Resolver {
  const isMutation = rootName === "Mutation";
  const write = declared ? { spec: declared.spec, args: methodArgs(declared) } : undefined;
  const wrapped: Resolver = async (root, args, ctx, info) => {
    let result: unknown;
    try {
      result = await resolve(root, args, ctx, info);
    } catch (err) {
      await safely(ctx, () => recordFailure(ctx, info, args, err, write));
      throw err;
    }
    if (isMutation) await safely(ctx, () => recordWrite(ctx, info, args, result, write));
    return result;
  };
  return Object.assign(wrapped, { [AUDITED]: true });
}

/** Bookkeeping must never change the answer: an error here is logged, and the operation's own outcome stands. */
async function safely(ctx: Context, work: () => void | Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    ctx.logger.error({ err, requestId: ctx.requestId }, "audit trail: could not collect an audit event");
  }
}

type Write = { spec: DeclaredWrite["spec"]; args: ReturnType<typeof methodArgs> };

function recordWrite(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
  result: unknown,
  write: Write | undefined,
): void {
  const operation = info.fieldName;
  if (!write) {
    // A mutation added without @Audited: still recorded (the coverage test fails until it is declared).
    const type = getNamedType(info.returnType).name;
    ctx.audit.add({
      action: AuditAction.WRITE,
      entityType: type,
      recordId: attemptedId(args).recordId as string | null,
      operation,
      detail: { fields: inputFields(args.input), unclassified: true },
    });
    ctx.logger.warn({ operation }, "audit trail: mutation without an @Audited declaration");
    return;
  }
  const { spec } = write;
  const facts = { args: write.args(args, ctx, info), result, viewer: ctx.viewer };
  const { recordId, personId } = spec.record(facts);
  const actor = spec.actor?.(facts);
  ctx.audit.add({
    action: spec.action,
    entityType: spec.entityType,
    recordId: clipId(recordId),
    personId: clipId(personId),
    operation,
    detail: spec.detail?.(facts) ?? {},
    ...(actor ? { actor } : {}),
  });
}

async function recordFailure(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
  err: unknown,
  write: Write | undefined,
): Promise<void> {
  const code = errorCode(err);
  const operation = info.fieldName;
  if (write?.spec.signInEmail) {
    // Every failed sign-in, whatever the reason. The e-mail typed is not stored (it may be mistyped personal data
    // of someone else); the account it names is, when there is one, so that attempts on one account can be counted.
    const email = write.spec.signInEmail(write.args(args, ctx, info));
    const accountId = await ctx.services.audit.accountIdForEmail(email);
    ctx.audit.add({
      action: AuditAction.LOGIN_FAILED,
      entityType: accountId ? "User" : null,
      recordId: accountId,
      operation,
      detail: { code, knownAccount: accountId !== null },
    });
    return;
  }
  if (!code || !DENIED_CODES.has(code)) return; // bad input, conflicts, internal errors: nothing was read or written
  const attempted = attemptedId(args);
  ctx.audit.add({
    action: AuditAction.DENIED,
    entityType: write?.spec.entityType ?? getNamedType(info.returnType).name,
    recordId: attempted.recordId as string | null,
    operation,
    detail: { code, ...(attempted.argument ? { argument: attempted.argument } : {}) },
  });
}

/** For a refused call: the id it named (the record it tried to reach), by the argument names the API uses. */
export function attemptedId(args: Record<string, unknown>): { recordId: unknown; argument: string | null } {
  if (args.id !== undefined) return { recordId: args.id, argument: "id" };
  const input = args.input;
  if (input === null || typeof input !== "object") return { recordId: null, argument: null };
  for (const key of ["id", "matchId", "consentId", "personId", "organizationId", "resourceId"]) {
    const v = (input as Record<string, unknown>)[key];
    if (typeof v === "string") return { recordId: v, argument: `input.${key}` };
  }
  return { recordId: null, argument: null };
}

function errorCode(err: unknown): string | null {
  if (err instanceof DomainError) return err.code;
  if (err instanceof GraphQLError) {
    if (err.originalError instanceof DomainError) return err.originalError.code;
    const code = err.extensions?.code;
    return typeof code === "string" ? code : null;
  }
  return null;
}

/** The root field (not its alias) under which `info`'s field is being resolved: the READ row's `operation`. */
export function rootFieldName(info: GraphQLResolveInfo): string | null {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = String(path.key);
  const find = (set: SelectionSetNode): string | null => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD && (sel.alias?.value ?? sel.name.value) === key) return sel.name.value;
      const inner =
        sel.kind === Kind.INLINE_FRAGMENT
          ? sel.selectionSet
          : sel.kind === Kind.FRAGMENT_SPREAD
            ? info.fragments[sel.name.value]?.selectionSet
            : undefined;
      const found = inner ? find(inner) : null;
      if (found) return found;
    }
    return null;
  };
  return find(info.operation.selectionSet) ?? key;
}
