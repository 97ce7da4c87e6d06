import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The person's rights (person-rights/): 利用停止 and 消去 on the person row, the 訂正 history (one row per field
 * changed), the erasure tombstone (counts only), and the retention period per record kind in the municipal settings
 * (1〜30 years, default 5). The foreign keys are the database's, as in CaseworkForeignKeys1795341295100: a correction
 * or a tombstone never outlives its person, and names a real user.
 */
export class PersonRights1796700500000 implements MigrationInterface {
  name = "PersonRights1796700500000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "stopped_on" date`);
    await queryRunner.query(`ALTER TABLE "person" ADD "stop_reason" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "person_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "field" text NOT NULL, "before" text NOT NULL, "after" text NOT NULL, "reason" text NOT NULL, "corrected_by_id" uuid NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4dc32dc5edd0901197b600734d4" PRIMARY KEY ("id"), CONSTRAINT "fk_person_correction_person_id" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE, CONSTRAINT "fk_person_correction_corrected_by_id" FOREIGN KEY ("corrected_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c7145f87480547695466993d52" ON "person_correction"  ("person_id", "corrected_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_erasure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "erased_by_id" uuid, "cause" text NOT NULL, "counts" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_cf5c0356a8bac208dee0ee3a727" PRIMARY KEY ("id"), CONSTRAINT "person_erasure_cause" CHECK ("cause" IN ('RETENTION', 'MANUAL')), CONSTRAINT "fk_person_erasure_person_id" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE, CONSTRAINT "fk_person_erasure_erased_by_id" FOREIGN KEY ("erased_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_050c5a0f812232c3b3b4f7146f" ON "person_erasure"  ("person_id") `);
    for (const column of [
      "person_retention_years",
      "follow_up_note_retention_years",
      "intake_retention_years",
      "meeting_retention_years",
    ]) {
      await queryRunner.query(`ALTER TABLE "municipal_settings" ADD "${column}" integer NOT NULL DEFAULT '5'`);
      await queryRunner.query(
        `ALTER TABLE "municipal_settings" ADD CONSTRAINT "municipal_settings_${column}" CHECK ("${column}" BETWEEN 1 AND 30)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      "meeting_retention_years",
      "intake_retention_years",
      "follow_up_note_retention_years",
      "person_retention_years",
    ]) {
      await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "person_erasure"`);
    await queryRunner.query(`DROP TABLE "person_correction"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "stop_reason"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "stopped_on"`);
  }
}
