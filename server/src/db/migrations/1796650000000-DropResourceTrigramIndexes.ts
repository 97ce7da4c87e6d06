import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The trigram indexes on resource.name, reading_key and description served the first search fallback (ILIKE over
 * those columns). Since ResourceSearchText the fallback matches `resource_search_text`, which has trigram indexes of
 * its own. No query left can use these three (the fallback's ILIKE is in an ORDER BY, the suggestions' in an OR with
 * an unindexed array expression), yet every listing write kept them up to date.
 */
export class DropResourceTrigramIndexes1796650000000 implements MigrationInterface {
  name = "DropResourceTrigramIndexes1796650000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS resource_description_trgm`);
    await queryRunner.query(`DROP INDEX IF EXISTS resource_reading_trgm`);
    await queryRunner.query(`DROP INDEX IF EXISTS resource_name_trgm`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX resource_name_trgm ON resource USING gin (name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX resource_reading_trgm ON resource USING gin (reading_key gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX resource_description_trgm ON resource USING gin (description gin_trgm_ops)`);
  }
}
