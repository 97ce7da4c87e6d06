import type { AuthChecker, MiddlewareFn } from "type-graphql";
import { Authorized, Extensions } from "type-graphql";
import type { UserRole } from "../auth/user.entity.js";
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

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

/** Deny by default at run time: a root field without an access declaration answers FORBIDDEN, whatever its code does. */
export const denyUndeclaredRootFields: MiddlewareFn<Context> = ({ info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name)) {
    const field = info.parentType.getFields()[info.fieldName];
    if (!field?.extensions?.[ACCESS_EXTENSION]) {
      throw new DomainError("FORBIDDEN", "この操作は公開されていません");
    }
  }
  return next();
};
