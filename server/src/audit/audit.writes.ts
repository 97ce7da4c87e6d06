import type { Viewer } from "../core/viewer.js";
import type { AuditDetail } from "./audit-event.entity.js";
import { AuditAction } from "./audit.enums.js";

/** What a mutation's audit row is built from: its raw GraphQL arguments, its resolver's result, who asked. */
export interface WriteFacts {
  args: Record<string, unknown>;
  result: unknown;
  viewer: Viewer | null;
}

export interface WriteSpec {
  action: AuditAction;
  entityType: string;
  /** The record written (from the result or the input) and the person it concerns, when known. */
  record(w: WriteFacts): { recordId: unknown; personId?: unknown };
  /** Names and codes only: field names, a stage, a status. Never a value a person typed about someone. */
  detail?(w: WriteFacts): AuditDetail;
}

/** `at(x, "person", "id")`: a property path into loosely typed arguments and results, or undefined. */
export function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

const IDENTIFYING = new Set(["id", "expectedVersion"]);

/** The input fields a client sent (names only, sorted); for updates, what it asked to change. */
export function inputFields(args: Record<string, unknown>): string[] {
  const input = args.input;
  if (input === null || typeof input !== "object") return [];
  return Object.keys(input)
    .filter((k) => !IDENTIFYING.has(k) && (input as Record<string, unknown>)[k] !== undefined)
    .sort();
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const fromResult =
  (...path: string[]) =>
  (w: WriteFacts) => ({ recordId: at(w.result, ...path, "id"), personId: at(w.result, ...path, "personId") });
const fromInput =
  (key = "id") =>
  (w: WriteFacts) => ({ recordId: at(w.args, "input", key) });
const changedFields = (w: WriteFacts): AuditDetail => ({ fields: inputFields(w.args) });

/**
 * Every mutation of the API and what its audit row says. A test walks the schema and fails when a mutation is
 * missing here; at run time a missing one still gets a WRITE row (see audit.trail.ts), so nothing goes unrecorded.
 * The person a row concerns (personId) is filled where the result carries it, so that 「誰がこの本人の記録に触れたか」
 * is one filter.
 */
export const WRITE_SPECS: Readonly<Record<string, WriteSpec>> = {
  login: { action: AuditAction.LOGIN, entityType: "User", record: (w) => ({ recordId: at(w.result, "user", "id") }) },
  logout: { action: AuditAction.LOGOUT, entityType: "User", record: (w) => ({ recordId: w.viewer?.userId }) },
  logoutEverywhere: {
    action: AuditAction.LOGOUT,
    entityType: "User",
    record: (w) => ({ recordId: w.viewer?.userId }),
    detail: (w) => ({ everywhere: true, sessionsEnded: typeof w.result === "number" ? w.result : null }),
  },
  // Names only: never the passwords themselves.
  changePassword: {
    action: AuditAction.UPDATE,
    entityType: "User",
    record: (w) => ({ recordId: w.viewer?.userId }),
    detail: () => ({ fields: ["password"] }),
  },
  createUser: {
    action: AuditAction.CREATE,
    entityType: "User",
    record: fromResult("user"),
    detail: (w) => ({
      role: str(at(w.result, "user", "role")),
      organizationId: str(at(w.result, "user", "organizationId")),
    }),
  },

  createArea: { action: AuditAction.CREATE, entityType: "Area", record: fromResult("area") },
  updateArea: { action: AuditAction.UPDATE, entityType: "Area", record: fromInput(), detail: changedFields },
  deleteArea: { action: AuditAction.DELETE, entityType: "Area", record: (w) => ({ recordId: w.args.id }) },

  createOrganization: { action: AuditAction.CREATE, entityType: "Organization", record: fromResult("organization") },
  updateOrganization: {
    action: AuditAction.UPDATE,
    entityType: "Organization",
    record: fromInput(),
    detail: changedFields,
  },

  createResource: {
    action: AuditAction.CREATE,
    entityType: "Resource",
    record: fromResult("resource"),
    detail: (w) => ({ organizationId: str(at(w.result, "resource", "organizationId")) }),
  },
  updateResource: { action: AuditAction.UPDATE, entityType: "Resource", record: fromInput(), detail: changedFields },
  setResourceStatus: {
    action: AuditAction.UPDATE,
    entityType: "Resource",
    record: fromInput(),
    detail: (w) => ({ status: str(at(w.args, "input", "status")) }),
  },
  verifyResource: {
    action: AuditAction.UPDATE,
    entityType: "Resource",
    record: fromInput(),
    detail: () => ({ verified: true }),
  },
  deleteResource: {
    action: AuditAction.DELETE,
    entityType: "Resource",
    record: (w) => ({ recordId: at(w.result, "deletedId") }),
  },

  createPerson: {
    action: AuditAction.CREATE,
    entityType: "Person",
    record: (w) => ({ recordId: at(w.result, "person", "id"), personId: at(w.result, "person", "id") }),
    detail: (w) => ({
      fields: inputFields(w.args).filter((f) => f !== "consent"),
      withConsent: at(w.args, "input", "consent") != null,
      supportMeetingGroupId: str(at(w.args, "input", "supportMeetingGroupId")),
    }),
  },
  updatePerson: {
    action: AuditAction.UPDATE,
    entityType: "Person",
    record: (w) => ({ recordId: at(w.args, "input", "id"), personId: at(w.args, "input", "id") }),
    detail: changedFields,
  },
  recordConsent: {
    action: AuditAction.CREATE,
    entityType: "Consent",
    record: fromResult("consent"),
    detail: (w) => ({
      purpose: str(at(w.result, "consent", "purpose")),
      organizationId: str(at(w.result, "consent", "organizationId")),
      facts: (at(w.result, "consent", "facts") as string[] | undefined) ?? [],
    }),
  },
  withdrawConsent: {
    action: AuditAction.UPDATE,
    entityType: "Consent",
    record: fromResult("consent"),
    detail: () => ({ withdrawn: true }),
  },
  createSupportPlan: { action: AuditAction.CREATE, entityType: "SupportPlan", record: fromResult("supportPlan") },
  updateSupportPlan: {
    action: AuditAction.UPDATE,
    entityType: "SupportPlan",
    record: fromResult("supportPlan"),
    detail: changedFields,
  },
  createSupportMeetingGroup: {
    action: AuditAction.CREATE,
    entityType: "SupportMeetingGroup",
    record: fromResult(),
    detail: (w) => ({ memberIds: ((at(w.args, "input", "memberIds") as string[] | undefined) ?? []).map(String) }),
  },

  createMatch: {
    action: AuditAction.CREATE,
    entityType: "Match",
    record: fromResult("match"),
    detail: (w) => ({ resourceId: str(at(w.result, "match", "resourceId")) }),
  },
  transitionMatch: {
    action: AuditAction.UPDATE,
    entityType: "Match",
    record: fromResult("match"),
    detail: (w) => ({ to: str(at(w.args, "input", "to")) }),
  },
  // The host's view has no person id in the API; ReferralService keeps it on the object for this (see referral.view.ts).
  respondToReferral: {
    action: AuditAction.UPDATE,
    entityType: "Match",
    record: (w) => ({ recordId: at(w.result, "id"), personId: at(w.result, "person", "personId") }),
    detail: (w) => ({ response: str(at(w.args, "input", "response")) }),
  },
  // An upsert (one row per session day): WRITE, not CREATE. Whether the person attended is not copied here.
  recordAttendance: {
    action: AuditAction.WRITE,
    entityType: "Attendance",
    record: fromResult(),
    detail: (w) => ({ matchId: str(at(w.args, "input", "matchId")) }),
  },
  recordFollowUp: {
    action: AuditAction.CREATE,
    entityType: "FollowUpRecord",
    record: fromResult("followUp"),
    detail: (w) => ({ matchId: str(at(w.args, "input", "matchId")), dueId: str(at(w.args, "input", "dueId")) }),
  },

  raiseResourceGap: { action: AuditAction.CREATE, entityType: "ResourceGap", record: fromResult("resourceGap") },
  setResourceGapStatus: {
    action: AuditAction.UPDATE,
    entityType: "ResourceGap",
    record: fromResult("resourceGap"),
    detail: (w) => ({ status: str(at(w.args, "input", "status")) }),
  },

  updateMunicipalSettings: {
    action: AuditAction.UPDATE,
    entityType: "MunicipalSettings",
    record: fromResult(),
    detail: changedFields,
  },
};

/** For a refused call: the id it named (the record it tried to reach), by the argument names the API uses. */
export function attemptedId(args: Record<string, unknown>): { recordId: unknown; argument: string | null } {
  if (args.id !== undefined) return { recordId: args.id, argument: "id" };
  for (const key of ["id", "matchId", "consentId", "personId", "organizationId", "resourceId"]) {
    const v = at(args, "input", key);
    if (typeof v === "string") return { recordId: v, argument: `input.${key}` };
  }
  return { recordId: null, argument: null };
}
