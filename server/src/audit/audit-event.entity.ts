import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UserRole } from "../core/roles.js";
import { AuditAction } from "./audit.enums.js";

/**
 * Names of things, never their values: changed field names, the stage moved to, a count. Personal values (names,
 * notes, e-mail addresses) must never reach this object; each mutation declares what it records with @Audited (audit.decorator.ts).
 */
export type AuditDetail = Record<string, string | number | boolean | null | string[] | Record<string, unknown>>;

/**
 * 監査ログ: one row per thing that happened. Append-only: the database rejects UPDATE and TRUNCATE, and DELETE of
 * any row younger than MunicipalSettings.auditRetentionDays (migration Audit1795400000000). There are no foreign
 * keys on purpose: an audit row outlives the user and the person it names (a cascade would be an update or delete).
 * occurredAt is stored to the millisecond so that the keyset cursor round-trips exactly through a JS Date.
 * Repeated identical refusals are summarised: one row per client (or user), operation and reason per window, whose
 * repeatCount the database lets grow and nothing else (migration AbuseLimits1796608023920; AuditService.append).
 */
@ObjectType({ description: "監査ログの1件 (個人の情報の値は含まない)" })
@Entity()
@Index("audit_event_occurred", ["occurredAt", "id"])
@Index("audit_event_actor", ["actorUserId", "occurredAt"])
@Index("audit_event_record", ["recordId", "occurredAt"])
@Index("audit_event_person", ["personId", "occurredAt"])
@Index("audit_event_entity", ["entityType", "occurredAt"])
@Index("audit_event_action", ["action", "occurredAt"])
@Index("audit_event_request", ["requestId"])
@Index("audit_event_summary", ["summaryKey"], { unique: true, where: "summary_key IS NOT NULL" })
@Index("audit_event_chain_seq", ["chainSeq"], { unique: true })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Field(() => Date)
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: "操作した利用者 (未ログイン・システムなら空)" })
  @Column("uuid", { nullable: true })
  actorUserId: string | null;

  @Field(() => UserRole, { nullable: true, description: "操作した時点の役割" })
  @Column("text", { nullable: true })
  actorRole: UserRole | null;

  @Field(() => AuditAction)
  @Column("text")
  action: AuditAction;

  @Field(() => String, {
    nullable: true,
    description: "対象の種類 (Person, Consent, FollowUpRecord, ReferralPerson, Match …)",
  })
  @Column("text", { nullable: true })
  entityType: string | null;

  @Field(() => String, { nullable: true, description: "対象の id (拒否された操作では指定された id)" })
  @Column("text", { nullable: true })
  recordId: string | null;

  @Field(() => ID, { nullable: true, description: "この記録が関わる本人 (あれば)" })
  @Column("uuid", { nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true, description: "GraphQL の操作 (ルートフィールド名)" })
  @Column("text", { nullable: true })
  operation: string | null;

  @Field(() => String, { description: "リクエスト id (X-Request-Id)" })
  @Column("text")
  requestId: string;

  @Field(() => String, { nullable: true, description: "接続元のアドレス (サーバー内の実行では空)" })
  @Column("text", { nullable: true })
  clientAddress: string | null;

  @Field(() => GraphQLJSONObject, { description: "補足 (変更した項目名, 移した段階など; 値は含まない)" })
  @Column("jsonb", { default: () => "'{}'" })
  detail: AuditDetail;

  @Field(() => Int, { description: "同じ拒否が繰り返された回数 (一定時間ごとに1件にまとめる。まとめない記録は1)" })
  @Column("integer", { default: 1 })
  repeatCount: number;

  @Field(() => Date, { nullable: true, description: "まとめた拒否の最後の日時 (繰り返しがなければ空)" })
  @Column({ type: "timestamptz", precision: 3, nullable: true })
  lastOccurredAt: Date | null;

  /** Who, what, why and which window a summarised refusal stands for; null for every other row. Not in the API. */
  @Column("text", { nullable: true })
  summaryKey: string | null;

  /**
   * The hash chain (migration AuditChainAndPublicContact1796700400000, audit.chain.ts): the row's place in the order
   * rows were written, the previous row's hash and SHA-256 over that and this row's content. Filled by the database's
   * insert trigger, whatever the insert gives. Not in the API.
   */
  @Column("bigint")
  chainSeq: string;

  @Column("text")
  prevHash: string;

  @Column("text")
  rowHash: string;
}
