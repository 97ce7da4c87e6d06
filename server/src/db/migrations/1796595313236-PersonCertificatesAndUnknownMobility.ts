import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A person records the 障害者手帳 they hold (person.certificates), and a new person's mobility starts as UNKNOWN
 * (未確認) rather than WALK. Existing rows keep the mobility they have: only the column default changes.
 */
export class PersonCertificatesAndUnknownMobility1796595313236 implements MigrationInterface {
  name = "PersonCertificatesAndUnknownMobility1796595313236";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "certificates" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "needs_mobility" SET DEFAULT 'UNKNOWN'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "person" SET "needs_mobility" = 'WALK' WHERE "needs_mobility" = 'UNKNOWN'`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "needs_mobility" SET DEFAULT 'WALK'`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "certificates"`);
  }
}
