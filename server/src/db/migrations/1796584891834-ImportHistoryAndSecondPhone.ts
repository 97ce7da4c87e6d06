import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A listing's history marks the entries an import wrote (resource_change.imported_from: the dataset and file), and a
 * listing keeps a second phone number (resource.contact_phone2: 子ども食堂一覧's 電話番号2).
 */
export class ImportHistoryAndSecondPhone1796584891834 implements MigrationInterface {
  name = "ImportHistoryAndSecondPhone1796584891834";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resource_change" ADD "imported_from" text`);
    await queryRunner.query(`ALTER TABLE "resource" ADD "contact_phone2" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resource" DROP COLUMN "contact_phone2"`);
    await queryRunner.query(`ALTER TABLE "resource_change" DROP COLUMN "imported_from"`);
  }
}
