import type { MigrationInterface, QueryRunner } from "typeorm";

export class SearchOutboxAndScheduleColumns1795338227241 implements MigrationInterface {
  name = "SearchOutboxAndScheduleColumns1795338227241";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_outbox" ("id" BIGSERIAL NOT NULL, "entity" text NOT NULL DEFAULT 'resource', "entity_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f0e10017d6287176243c2926453" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_outbox_pending" ON "search_outbox"  ("next_attempt_at", "id") WHERE processed_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "resource" ADD "weekdays" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resource" ADD "time_bands" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resource" ADD "start_minutes" integer array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "resource" ADD "next_session_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "resource" ALTER COLUMN "schedule" SET DEFAULT '{"rules":[],"closedOnHolidays":false,"closedYearEnd":false,"closedDates":[],"note":null}'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_873b43cd6649d02a24989d66bc" ON "resource"  ("next_session_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_873b43cd6649d02a24989d66bc"`);
    await queryRunner.query(
      `ALTER TABLE "resource" ALTER COLUMN "schedule" SET DEFAULT '{"note": null, "rules": [], "closedDates": [], "closedYearEnd": false, "closedOnHolidays": false}'`,
    );
    await queryRunner.query(`ALTER TABLE "resource" DROP COLUMN "next_session_at"`);
    await queryRunner.query(`ALTER TABLE "resource" DROP COLUMN "start_minutes"`);
    await queryRunner.query(`ALTER TABLE "resource" DROP COLUMN "time_bands"`);
    await queryRunner.query(`ALTER TABLE "resource" DROP COLUMN "weekdays"`);
    await queryRunner.query(`DROP INDEX "public"."search_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
  }
}
