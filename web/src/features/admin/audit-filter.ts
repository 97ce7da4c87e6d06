import type { AuditAction, AuditLogFilter, UserRole } from "../../gql/graphql";
import { adminMessages } from "../../messages";
import { addDays } from "@tsunagu/calendar";

const t = adminMessages.audit;

export const AUDIT_PAGE_SIZE = 50;

/** In the order of the form's checkboxes: reading first, then writes, sessions, refusals. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "READ",
  "CREATE",
  "UPDATE",
  "DELETE",
  "WRITE",
  "LOGIN",
  "LOGIN_FAILED",
  "LOGOUT",
  "DENIED",
  "PURGE",
];
const ROLES: readonly UserRole[] = ["ADMIN", "COORDINATOR", "HOST", "VIEWER"];

/** The server's bounds (server/src/audit/audit.inputs.ts): longer text is refused there, so it is cut here. */
export const AUDIT_TEXT_MAX = { entityType: 64, recordId: 100, operation: 100, requestId: 64 } as const;
const UUID_MAX = 36;

/** What the form edits and the URL keeps: dates as "YYYY-MM-DD" (JST days, `to` included), "" for unset. */
export interface AuditFilter {
  from: string;
  to: string;
  actions: AuditAction[];
  actorRole: UserRole | "";
  actorUserId: string;
  entityType: string;
  recordId: string;
  personId: string;
  operation: string;
  requestId: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  from: "",
  to: "",
  actions: [],
  actorRole: "",
  actorUserId: "",
  entityType: "",
  recordId: "",
  personId: "",
  operation: "",
  requestId: "",
};

/** Filter key → URL parameter; short names keep a shared link readable. */
const PARAM = {
  from: "from",
  to: "to",
  actions: "actions",
  actorRole: "role",
  actorUserId: "actor",
  entityType: "entity",
  recordId: "record",
  personId: "person",
  operation: "op",
  requestId: "request",
} as const satisfies Record<keyof AuditFilter, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day ("2026-02-30" is not). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const text = (params: URLSearchParams, key: string, max: number) => (params.get(key) ?? "").trim().slice(0, max);

/**
 * The URL → the filter. Unknown actions and roles and impossible dates are dropped (they could only come from a
 * hand-edited link); ids are kept as typed, so a wrong one is pointed out beside its field rather than vanishing.
 */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const date = (key: string) => {
    const value = text(params, key, 10);
    return isIsoDate(value) ? value : "";
  };
  const actions = new Set((params.get(PARAM.actions) ?? "").split(","));
  const role = params.get(PARAM.actorRole) ?? "";
  return {
    from: date(PARAM.from),
    to: date(PARAM.to),
    actions: AUDIT_ACTIONS.filter((a) => actions.has(a)),
    actorRole: (ROLES as readonly string[]).includes(role) ? (role as UserRole) : "",
    actorUserId: text(params, PARAM.actorUserId, UUID_MAX),
    entityType: text(params, PARAM.entityType, AUDIT_TEXT_MAX.entityType),
    recordId: text(params, PARAM.recordId, AUDIT_TEXT_MAX.recordId),
    personId: text(params, PARAM.personId, UUID_MAX),
    operation: text(params, PARAM.operation, AUDIT_TEXT_MAX.operation),
    requestId: text(params, PARAM.requestId, AUDIT_TEXT_MAX.requestId),
  };
}

/** The filter → the URL, only what is set, in a fixed order (the same filter is always the same link). */
export function paramsFromAuditFilter(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof AuditFilter)[]) {
    const value = filter[key];
    if (Array.isArray(value)) {
      const ordered = AUDIT_ACTIONS.filter((a) => value.includes(a));
      if (ordered.length) params.set(PARAM[key], ordered.join(","));
    } else if (value.trim()) {
      params.set(PARAM[key], value.trim());
    }
  }
  return params;
}

/** The link from a row: every record about this person, whatever the other conditions were. */
export function personAuditPath(personId: string): string {
  return `/admin/audit?${paramsFromAuditFilter({ ...EMPTY_AUDIT_FILTER, personId })}`;
}

/** Midnight at the start of a JST day, as the API's DateTimeISO. */
const jstMidnight = (isoDate: string) => `${isoDate}T00:00:00+09:00`;

/**
 * The filter → `auditLog` variables. The form's 終了日 includes its day, the API's `to` excludes it, so `to` is the
 * next day's midnight. Unset conditions are left out, and no condition at all sends no `filter`.
 */
export function auditLogVariables(filter: AuditFilter): { first: number; filter?: AuditLogFilter } {
  const f: AuditLogFilter = {};
  if (filter.from) f.from = jstMidnight(filter.from);
  if (filter.to) f.to = jstMidnight(addDays(filter.to, 1));
  if (filter.actions.length) f.actions = [...filter.actions];
  if (filter.actorRole) f.actorRole = filter.actorRole;
  for (const key of ["actorUserId", "entityType", "recordId", "personId", "operation", "requestId"] as const) {
    const value = filter[key].trim();
    if (value) f[key] = value;
  }
  return Object.keys(f).length ? { first: AUDIT_PAGE_SIZE, filter: f } : { first: AUDIT_PAGE_SIZE };
}

/**
 * Problems the server would refuse anyway, found before asking it; keyed like the server's `filter.*` fields. (Text
 * longer than the server allows cannot happen: the inputs have `maxLength` and the URL is cut on reading.)
 */
export function auditFilterProblems(filter: AuditFilter): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (filter.from && !isIsoDate(filter.from)) problems["filter.from"] = [t.invalidDate];
  if (filter.to && !isIsoDate(filter.to)) problems["filter.to"] = [t.invalidDate];
  else if (filter.from && filter.to && filter.to < filter.from) problems["filter.to"] = [t.toBeforeFrom];
  if (filter.personId.trim() && !UUID.test(filter.personId.trim())) problems["filter.personId"] = [t.invalidPersonId];
  if (filter.actorUserId.trim() && !UUID.test(filter.actorUserId.trim()))
    problems["filter.actorUserId"] = [t.invalidActor];
  return problems;
}
