import type { UserRole } from "../core/roles.js";
import type { AuditDetail } from "./audit-event.entity.js";
import { AuditAction } from "./audit.enums.js";

/** One audit row before the request's common columns (who, request id, client address) are added. */
export interface PendingAuditEvent {
  action: AuditAction;
  entityType: string | null;
  recordId: string | null;
  personId?: string | null;
  operation: string | null;
  detail?: AuditDetail;
  /** Who did it, when that is not the request's viewer (a login: the user who just signed in). */
  actor?: { userId: string | null; role: UserRole | null };
}

/** Ids come from clients too (a denied call's arguments): never store an unbounded string. */
const ID_MAX = 100;
export const clipId = (value: unknown): string | null =>
  typeof value === "string" || typeof value === "number" ? String(value).slice(0, ID_MAX) : null;

interface PendingRead extends PendingAuditEvent {
  fields: Set<string>;
}

/**
 * Per request (in the Context): what this request read and wrote, flushed once by the audit plugin as one
 * multi-row insert. Reads are deduplicated per record, so a list of 50 persons is 50 rows whatever the number of
 * fields asked; each row lists the field names the client asked for (names only).
 */
export class AuditCollector {
  private readonly reads = new Map<string, PendingRead>();
  private events: PendingAuditEvent[] = [];

  read(entityType: string, recordId: unknown, personId: unknown, field: string, operation: () => string | null): void {
    const id = clipId(recordId);
    const key = `${entityType}\u0000${id}`;
    let pending = this.reads.get(key);
    if (!pending) {
      pending = {
        action: AuditAction.READ,
        entityType,
        recordId: id,
        personId: clipId(personId),
        operation: operation(),
        fields: new Set(),
      };
      this.reads.set(key, pending);
    }
    pending.fields.add(field);
  }

  add(event: PendingAuditEvent): void {
    this.events.push({ ...event, recordId: clipId(event.recordId), personId: clipId(event.personId) });
  }

  /** True when personal data was shown in this request (the plugin withholds a query's answer if it cannot log it). */
  get hasReads(): boolean {
    return this.reads.size > 0 || this.events.some((e) => e.action === AuditAction.READ);
  }

  /** Everything collected so far, once: writes and refusals first (they happened before the answer was read). */
  drain(): PendingAuditEvent[] {
    const reads = [...this.reads.values()].map(({ fields, ...event }) => ({
      ...event,
      detail: { ...event.detail, fields: [...fields].sort() },
    }));
    const out = [...this.events, ...reads];
    this.events = [];
    this.reads.clear();
    return out;
  }
}
