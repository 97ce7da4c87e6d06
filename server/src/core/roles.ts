import { registerEnumType } from "type-graphql";

export enum UserRole {
  ADMIN = "ADMIN",
  COORDINATOR = "COORDINATOR",
  HOST = "HOST",
  VIEWER = "VIEWER",
}

// Stryker disable next-line StringLiteral: registered once when the module loads, which mutant switching does not
// repeat; the schema's names and descriptions are pinned by schema.test.ts against schema/schema.graphql.
registerEnumType(UserRole, { name: "UserRole", description: "管理者 / コーディネーター / 受け入れ先 / 閲覧者" });

/*
 * The role sets, each written once. Resolvers declare them (`@RequireRole(...CASEWORKERS)`) and the features' pure
 * policies test them (`hasRole(viewer, CASEWORKERS)`).
 */

/** Staff who work the caseload and manage every listing and organization. */
export const CASEWORKERS: readonly UserRole[] = [UserRole.ADMIN, UserRole.COORDINATOR];
/** Staff who read aggregates (outcome figures, resource gaps) but never a person: caseworkers and VIEWER. */
export const STAFF: readonly UserRole[] = [UserRole.ADMIN, UserRole.COORDINATOR, UserRole.VIEWER];
/** Those who act on a referral: the host it was sent to, and caseworkers. */
export const REFERRAL_PARTIES: readonly UserRole[] = [UserRole.HOST, UserRole.COORDINATOR, UserRole.ADMIN];
export const ADMINS: readonly UserRole[] = [UserRole.ADMIN];
export const HOSTS: readonly UserRole[] = [UserRole.HOST];

/** Whether the viewer (null: anonymous) holds one of `roles`. */
export const hasRole = (viewer: { role: UserRole } | null | undefined, roles: readonly UserRole[]): boolean =>
  viewer != null && roles.includes(viewer.role);
