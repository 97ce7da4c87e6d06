import type { DataSource } from "typeorm";
import type { User } from "../auth/index.js";
import type { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { badInput, forbidden } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { isUuid } from "../core/validators.js";
import { SETTINGS_ID } from "../settings/index.js";
import { AuditEvent, type AuditDetail } from "./audit-event.entity.js";
import { AuditAction } from "./audit.enums.js";
import { auditPolicy } from "./audit.policy.js";
import type { AuditLogArgs } from "./audit.inputs.js";

/** One audit row as the app writes it; occurredAt and id come from the database. */
export interface AuditRow {
  actorUserId: string | null;
  actorRole: UserRole | null;
  action: AuditAction;
  entityType: string | null;
  recordId: string | null;
  personId: string | null;
  operation: string | null;
  requestId: string;
  clientAddress: string | null;
  detail: AuditDetail;
}

/** Only one instance at a time purges (several app instances may share the database). */
const PURGE_LOCK = 7_234_002;

/**
 * The audit log: append, search, and the retention purge. There is deliberately no method that changes or removes
 * a row other than purgeExpired, and the database refuses any other UPDATE / DELETE / TRUNCATE anyway.
 */
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Any number of rows in one statement (a list of 50 persons is one insert, not 50). */
  async append(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
    const uuidOrNull = (v: string | null) => (v && isUuid(v) ? v : null);
    await this.db.query(
      `INSERT INTO audit_event (actor_user_id, actor_role, action, entity_type, record_id, person_id, operation, request_id, client_address, detail)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
      [
        col("actorUserId").map(uuidOrNull),
        col("actorRole"),
        col("action"),
        col("entityType"),
        col("recordId"),
        col("personId").map(uuidOrNull),
        col("operation"),
        col("requestId"),
        col("clientAddress"),
        rows.map((r) => JSON.stringify(r.detail ?? {})),
      ],
    );
  }

  /** 監査ログ, newest first, for administrators. */
  async search(viewer: Viewer | null, args: AuditLogArgs): Promise<Connection<AuditEvent>> {
    if (!auditPolicy.search(viewer)) throw forbidden();
    const f = args.filter ?? {};
    if (f.from && f.to && f.from >= f.to) throw badInput("filter.to", "終わりの日時は始まりより後にしてください");
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder("e");
    if (f.actorUserId) qb.andWhere("e.actorUserId = :actorUserId", { actorUserId: f.actorUserId });
    if (f.actorRole) qb.andWhere("e.actorRole = :actorRole", { actorRole: f.actorRole });
    if (f.actions?.length) qb.andWhere("e.action IN (:...actions)", { actions: f.actions });
    if (f.entityType) qb.andWhere("e.entityType = :entityType", { entityType: f.entityType });
    if (f.recordId) qb.andWhere("e.recordId = :recordId", { recordId: f.recordId });
    if (f.personId) qb.andWhere("e.personId = :personId", { personId: f.personId });
    if (f.operation) qb.andWhere("e.operation = :operation", { operation: f.operation });
    if (f.requestId) qb.andWhere("e.requestId = :requestId", { requestId: f.requestId });
    if (f.from) qb.andWhere("e.occurredAt >= :from", { from: f.from });
    if (f.to) qb.andWhere("e.occurredAt < :to", { to: f.to });
    const totalCount = await qb.getCount();
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ["timestamp", "integer"]);
      qb.andWhere("(e.occurredAt, e.id) < (CAST(:at AS timestamptz), CAST(:id AS bigint))", { at, id });
    }
    const rows = await qb
      .orderBy("e.occurredAt", "DESC")
      .addOrderBy("e.id", "DESC")
      .take(args.first + 1)
      .getMany();
    return toConnection(rows, args.first, totalCount, (e) => [e.occurredAt.toISOString(), e.id]);
  }

  /**
   * Deletes the rows older than MunicipalSettings.auditRetentionDays, the one delete the database allows (its
   * trigger applies the same rule with the same now()), and records that it did. Returns how many rows went.
   */
  async purgeExpired(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [PURGE_LOCK]);
      if (!locked) return 0;
      const [{ deleted, days }] = await tx.query(
        `WITH s AS (SELECT audit_retention_days AS days FROM municipal_settings WHERE id = $1),
              d AS (DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => (SELECT days FROM s)) RETURNING 1)
         SELECT (SELECT count(*)::int FROM d) AS deleted, (SELECT days FROM s) AS days`,
        [SETTINGS_ID],
      );
      if (deleted > 0) {
        await tx.query(
          `INSERT INTO audit_event (action, request_id, operation, detail) VALUES ($1, 'retention-purge', 'purgeExpired', $2::jsonb)`,
          [AuditAction.PURGE, JSON.stringify({ deleted, retentionDays: days })],
        );
      }
      return deleted;
    });
  }

  /** The account a sign-in attempt named, if any (the attempt's e-mail itself is never stored). */
  async accountIdForEmail(email: unknown): Promise<string | null> {
    if (typeof email !== "string" || email.length > 320) return null;
    // Same normalisation as AuthService.login (trim, lower case).
    const rows: Pick<User, "id">[] = await this.db.query("SELECT id FROM app_user WHERE email = $1", [
      email.trim().toLowerCase(),
    ]);
    return rows[0]?.id ?? null;
  }
}
