import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An area's centre point (where distance from a 地区 is measured from) and 廃止 (an area in use is archived, not
 * deleted): areas/area.entity.ts.
 */
export class AreaCentreAndArchive1796577056826 implements MigrationInterface {
  name = "AreaCentreAndArchive1796577056826";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "area" ADD "center_lat" double precision`);
    await queryRunner.query(`ALTER TABLE "area" ADD "center_lng" double precision`);
    await queryRunner.query(`ALTER TABLE "area" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "area" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "area" DROP COLUMN "center_lng"`);
    await queryRunner.query(`ALTER TABLE "area" DROP COLUMN "center_lat"`);
  }
}
