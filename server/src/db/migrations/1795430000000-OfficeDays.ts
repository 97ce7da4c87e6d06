import type { MigrationInterface, QueryRunner } from "typeorm";

/** The office's open days (followups/office-days.ts): planned follow-ups are moved onto them. */
export class OfficeDays1795430000000 implements MigrationInterface {
  name = "OfficeDays1795430000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "municipal_settings" ADD "open_weekdays" text array NOT NULL DEFAULT '{MON,TUE,WED,THU,FRI}'`,
    );
    await queryRunner.query(`ALTER TABLE "municipal_settings" ADD "closed_on_holidays" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" ADD "closed_for_year_end" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "closed_for_year_end"`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "closed_on_holidays"`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "open_weekdays"`);
  }
}
