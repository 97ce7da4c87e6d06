import type { AuthChecker } from "type-graphql";
import { Authorized, Extensions } from "type-graphql";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import type { UserRole } from "./roles.js";
import type { Context } from "../context.js";
import { DomainError, forbidden, unauthenticated } from "./errors.js";

/**
 * Access is declared on every root field, and the declaration is visible in the built schema (field extensions)
 * so that a test and a runtime guard can both check that nothing is left open by accident.
 *   @Public()              anyone, signed in or not
 *   @SignedIn()            any signed-in user; finer rules live in the service's policy
 *   @RequireRole(ADMIN,…)  only these roles
 */
export type Access = "public" | "signed-in" | UserRole[];
export const ACCESS_EXTENSION = "access";

type FieldDecorator = (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => void;

const combine =
  (...decorators: FieldDecorator[]): FieldDecorator =>
  (target, key, descriptor) => {
    for (const d of decorators) d(target, key, descriptor);
  };

export const Public = (): FieldDecorator => Extensions({ [ACCESS_EXTENSION]: "public" });

export const SignedIn = (): FieldDecorator => combine(Authorized(), Extensions({ [ACCESS_EXTENSION]: "signed-in" }));

export const RequireRole = (...roles: UserRole[]): FieldDecorator =>
  combine(Authorized(...roles), Extensions({ [ACCESS_EXTENSION]: roles }));

export const authChecker: AuthChecker<Context, UserRole> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden();
  return true;
};

/**
 * Deny by default at run time: a root field without an access declaration answers FORBIDDEN, whatever its code does.
 * Applied to the built schema's root fields (before the audit trail wraps them, so the refusal is audited). Not a
 * type-graphql global middleware: that wraps every field of every object in an async middleware chain, and a search
 * page of 20 listings with its facets resolves about a thousand fields.
 */
export function denyUndeclaredRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.extensions?.[ACCESS_EXTENSION]) continue;
      field.resolve = () => {
        throw new DomainError("FORBIDDEN", "この操作は公開されていません");
      };
    }
  }
  return schema;
}

export const DURING_SETUP_EXTENSION = "duringAccountSetup";

/** A root field a user may call while `viewer.pendingSetup` is set (signing out, changing the password, enrolling). */
export const DuringAccountSetup = (): FieldDecorator => Extensions({ [DURING_SETUP_EXTENSION]: true });

/**
 * A user who must change a temporary password or enrol a second factor can do nothing else: every other root field,
 * public ones included (they may show more to staff), answers FORBIDDEN with `extensions.reason` = the step to take.
 */
export function refuseDuringAccountSetup(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.extensions?.[DURING_SETUP_EXTENSION]) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        const step = context.viewer?.pendingSetup;
        if (step) {
          throw new DomainError(
            "FORBIDDEN",
            step === "PASSWORD_CHANGE"
              ? "仮パスワードを変更するまで、ほかの操作はできません"
              : "二段階認証を設定するまで、ほかの操作はできません",
            [],
            { reason: step },
          );
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
