import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { User } from "../auth/index.js";
import type { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { badInput, forbidden } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { isUuid } from "../core/validators.js";
import { SETTINGS_ID } from "../settings/index.js";
import { AuditEvent, type AuditDetail } from "./audit-event.entity.js";
import { AuditAction, AuditChainBreakKind } from "./audit.enums.js";
import type { AuditChainStatus } from "./audit-chain.types.js";
import { verifyAuditChain, type ChainBreak } from "./audit.chain.js";
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
 * Identical refusals (same client or user, operation, record type and reason) within this many minutes are one row
 * with a count: a client probing in a loop, or one request with many aliases of a refused field, adds one row, not one
 * per attempt (every row is kept for the retention period, years).
 */
export const DENIAL_SUMMARY_MINUTES = 10;

const INSERT_COLUMNS =
  "actor_user_id, actor_role, action, entity_type, record_id, person_id, operation, request_id, client_address, detail";
const UNNEST_TYPES =
  "$1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[]";

/**
 * The audit log: append, search, and the retention purge. There is deliberately no method that changes or removes
 * a row other than purgeExpired (and the count of a summarised refusal), and the database refuses any other
 * UPDATE / DELETE / TRUNCATE anyway.
 */
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly denialSummaryMinutes = DENIAL_SUMMARY_MINUTES,
  ) {}

  /**
   * Any number of rows in one statement (a list of 50 persons is one insert, not 50). Refusals with someone to pin
   * them on (a user, or a client address) are summarised: one row per window for each (who, operation, record type,
   * reason), whose repeat_count grows; the first refusal's record id and request id stay on the row. In-process calls
   * with neither (scripts, tests) keep one row each.
   */
  async append(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const single: AuditRow[] = [];
    const summarised = new Map<string, { row: AuditRow; count: number }>();
    for (const row of rows) {
      const who = row.actorUserId
        ? `user:${row.actorUserId}`
        : row.clientAddress
          ? `address:${row.clientAddress}`
          : null;
      if (row.action !== AuditAction.DENIED || !who) {
        single.push(row);
        continue;
      }
      const key = summaryKey(who, row);
      const seen = summarised.get(key);
      if (seen) seen.count++;
      else summarised.set(key, { row, count: 1 });
    }
    if (!summarised.size) return insertRows(this.db.manager, single);
    await this.db.transaction(async (tx) => {
      // The chain's head row first: every audit writer locks it (the insert trigger does), so from here on no other
      // request can add a summary row with one of these keys, and an upsert is not needed. (INSERT … ON CONFLICT
      // would not do: the chain trigger runs before the conflict is found and would extend the chain by a row that
      // is never written.)
      await tx.query("SELECT 1 FROM audit_chain WHERE id = 1 FOR UPDATE");
      await insertRows(tx, single);
      // Lets this transaction's update past the append-only guard, which still allows only a count to grow.
      await tx.query("SELECT set_config('tsunagu.audit_summary', 'on', true)");
      const entries = [...summarised.entries()];
      const window = `floor(extract(epoch FROM now()) / ($3::float8 * 60))::bigint`;
      const raised: { summary_key: string }[] = await tx.query(
        `WITH raised AS (
           UPDATE audit_event e SET repeat_count = e.repeat_count + u.n, last_occurred_at = now()
           FROM unnest($1::text[], $2::int[]) AS u(k, n)
           WHERE e.summary_key = u.k || ':' || ${window}
           RETURNING e.summary_key)
         SELECT summary_key FROM raised`,
        [entries.map(([key]) => key), entries.map(([, e]) => e.count), this.denialSummaryMinutes],
      );
      const done = new Set(raised.map((r) => r.summary_key.slice(0, r.summary_key.lastIndexOf(":"))));
      const fresh = entries.filter(([key]) => !done.has(key));
      if (!fresh.length) return;
      await tx.query(
        `INSERT INTO audit_event (${INSERT_COLUMNS}, repeat_count, summary_key)
         SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12 || ':' || floor(extract(epoch FROM now()) / ($13::float8 * 60))::bigint
         FROM unnest(${UNNEST_TYPES}, $11::int[], $12::text[]) AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12)`,
        [
          ...columns(fresh.map(([, e]) => e.row)),
          fresh.map(([, e]) => e.count),
          fresh.map(([key]) => key),
          this.denialSummaryMinutes,
        ],
      );
    });
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
   * 改ざんの確認, for administrators: the whole chain verified (audit.chain.ts, the check `npm run audit:verify`
   * prints), with the first broken row's time as the row itself records it.
   */
  async verifyChain(viewer: Viewer | null): Promise<AuditChainStatus> {
    if (!auditPolicy.verifyChain(viewer)) throw forbidden();
    const checkedAt = new Date();
    const v = await verifyAuditChain(this.db);
    const b = v.firstBreak;
    const at: { occurred_at: Date }[] = b?.id
      ? await this.db.query("SELECT occurred_at FROM audit_event WHERE id = $1", [b.id])
      : [];
    return {
      intact: v.ok,
      checkedCount: v.rows,
      purgedRuns: v.gaps,
      checkedAt,
      firstBreak: b && {
        kind: BREAK_KINDS[b.reason],
        seq: b.seq,
        eventId: b.id,
        occurredAt: at[0]?.occurred_at ?? null,
      },
    };
  }

  /**
   * Deletes the rows older than MunicipalSettings.auditRetentionDays, the one delete the database allows (its
   * trigger applies the same rule with the same now()), and records that it did. Returns how many rows went.
   */
  async purgeExpired(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [PURGE_LOCK]);
      if (!locked) return 0;
      // Each run of consecutive chain rows deleted is recorded (audit_chain_gap) with the hashes at both of its
      // ends, so that the chain still verifies across it (audit.chain.ts).
      const [{ deleted, days }] = await tx.query(
        `WITH s AS (SELECT audit_retention_days AS days FROM municipal_settings WHERE id = $1),
              d AS (DELETE FROM audit_event WHERE occurred_at < now() - make_interval(days => (SELECT days FROM s))
                    RETURNING chain_seq, prev_hash, row_hash),
              runs AS (SELECT chain_seq - row_number() OVER (ORDER BY chain_seq) AS run, chain_seq, prev_hash, row_hash FROM d),
              gaps AS (INSERT INTO audit_chain_gap (from_seq, to_seq, prev_hash, last_hash)
                       SELECT min(chain_seq), max(chain_seq), (array_agg(prev_hash ORDER BY chain_seq))[1],
                              (array_agg(row_hash ORDER BY chain_seq DESC))[1]
                       FROM runs GROUP BY run RETURNING 1)
         SELECT (SELECT count(*)::int FROM d) AS deleted, (SELECT days FROM s) AS days, (SELECT count(*) FROM gaps) AS gaps`,
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

/** Every kind of break the verifier names, as the API's enum (a kind added there is a compile error here). */
const BREAK_KINDS: Record<ChainBreak, AuditChainBreakKind> = {
  CONTENT_CHANGED: AuditChainBreakKind.CONTENT_CHANGED,
  ROW_MISSING: AuditChainBreakKind.ROW_MISSING,
  LINK_BROKEN: AuditChainBreakKind.LINK_BROKEN,
  GAP_RECORD_BROKEN: AuditChainBreakKind.GAP_RECORD_BROKEN,
  HEAD_MISMATCH: AuditChainBreakKind.HEAD_MISMATCH,
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/** Who, what and why: the window is added in SQL, from the database's clock (shared by every instance). */
function summaryKey(who: string, row: AuditRow): string {
  return sha256([who, row.operation, row.entityType, JSON.stringify(row.detail?.code ?? null)].join("\u0000"));
}

/** The ten insert columns as arrays, in INSERT_COLUMNS order (ids that are not uuids are kept out of uuid columns). */
function columns(rows: AuditRow[]): unknown[] {
  const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
  const uuidOrNull = (v: string | null) => (v && isUuid(v) ? v : null);
  return [
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
  ];
}

async function insertRows(db: EntityManager, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  await db.query(`INSERT INTO audit_event (${INSERT_COLUMNS}) SELECT * FROM unnest(${UNNEST_TYPES})`, columns(rows));
}
