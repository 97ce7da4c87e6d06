import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Abuse limits:
 *  - `rate_limit` (ratelimit/rate-limiter.ts): one counter per client and window, shared by every app instance.
 *    UNLOGGED: a counter lost in a crash only gives a client a fresh minute, and a write per request should not cost WAL.
 *  - audit_event summaries (audit/audit.service.ts): repeated identical refusals from one client or user within a window
 *    are one row whose `repeat_count` grows. The append-only guard of Audit1795400000000 is kept, with one exception:
 *    a statement that has set `tsunagu.audit_summary` (AuditService does, per transaction) may raise the count and
 *    the last time of a row that has a summary key, and nothing else.
 *  - sign_in_throttle keys per account+address pair (auth/sign-in-throttle.ts) need no schema change.
 */
export class AbuseLimits1796608023920 implements MigrationInterface {
  name = "AbuseLimits1796608023920";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit" ("key" text NOT NULL, "points" integer NOT NULL, "resets_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_resets" ON "rate_limit" ("resets_at")`);

    await queryRunner.query(
      `ALTER TABLE "audit_event" ADD "repeat_count" integer NOT NULL DEFAULT 1, ADD "last_occurred_at" TIMESTAMP(3) WITH TIME ZONE, ADD "summary_key" text, ADD CONSTRAINT "audit_event_repeat_count" CHECK ("repeat_count" >= 1)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "audit_event_summary" ON "audit_event" ("summary_key") WHERE summary_key IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('tsunagu.audit_summary', true), '') = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_only_count_grows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.summary_key IS NULL OR NEW.repeat_count <= OLD.repeat_count OR NEW.last_occurred_at IS NULL
           OR (to_jsonb(NEW) - 'repeat_count' - 'last_occurred_at') IS DISTINCT FROM (to_jsonb(OLD) - 'repeat_count' - 'last_occurred_at') THEN
          RAISE EXCEPTION 'audit_event is append-only: UPDATE may only raise the count of a summarised row'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_summary_only BEFORE UPDATE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_only_count_grows()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_event_summary_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_only_count_grows()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP INDEX "audit_event_summary"`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_repeat_count", DROP COLUMN "summary_key", DROP COLUMN "last_occurred_at", DROP COLUMN "repeat_count"`,
    );
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
