import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit log (audit/audit-event.entity.ts) and its retention setting. Table and indexes as the entity generates
 * them; the rest is hand-written:
 *  - municipal_settings.audit_retention_days, bounded in the database too (365–3650 days);
 *  - append-only, enforced here rather than trusted to the app: UPDATE and TRUNCATE always fail, and a DELETE fails
 *    when any row it removes is younger than the retention period read from municipal_settings — so the retention
 *    purge is the only delete that can succeed. DELETE is checked per statement over its transition table (one
 *    check for a purge of many rows). Without a settings row nothing can be deleted.
 * The app's database role owns the table and could still drop the triggers; see README (監査ログ) for the stronger
 * set-up with a separate owner role.
 */
export class Audit1795400000000 implements MigrationInterface {
  name = "Audit1795400000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_role" text, "action" text NOT NULL, "entity_type" text, "record_id" text, "person_id" uuid, "operation" text, "request_id" text NOT NULL, "client_address" text, "detail" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_request" ON "audit_event"  ("request_id") `);
    await queryRunner.query(`CREATE INDEX "audit_event_action" ON "audit_event"  ("action", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_entity" ON "audit_event"  ("entity_type", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_person" ON "audit_event"  ("person_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_record" ON "audit_event"  ("record_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_actor" ON "audit_event"  ("actor_user_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "audit_event_occurred" ON "audit_event"  ("occurred_at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "municipal_settings" ADD "audit_retention_days" integer NOT NULL DEFAULT '1825'`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipal_settings" ADD CONSTRAINT "municipal_settings_audit_retention" CHECK ("audit_retention_days" BETWEEN 365 AND 3650)`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_check_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retention integer;
        young bigint;
      BEGIN
        SELECT audit_retention_days INTO retention FROM municipal_settings WHERE id = 1;
        SELECT min(id) INTO young FROM removed
         WHERE retention IS NULL OR occurred_at >= now() - make_interval(days => retention);
        IF young IS NOT NULL THEN
          RAISE EXCEPTION 'audit_event is append-only: row % is within the retention period (% days)', young, retention
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_retention_only AFTER DELETE ON "audit_event" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION audit_event_check_delete()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_check_delete()`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP CONSTRAINT "municipal_settings_audit_retention"`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "audit_retention_days"`);
  }
}
