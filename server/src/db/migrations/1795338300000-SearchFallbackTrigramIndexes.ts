import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * When Meilisearch is unreachable, search answers from PostgreSQL with ILIKE over name, reading and description;
 * trigram indexes keep that usable on a city's whole catalog. pg_trgm ships with PostgreSQL (contrib) and is a
 * trusted extension since PostgreSQL 13, so a database owner may create it.
 */
export class SearchFallbackTrigramIndexes1795338300000 implements MigrationInterface {
  name = "SearchFallbackTrigramIndexes1795338300000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX resource_name_trgm ON resource USING gin (name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX resource_reading_trgm ON resource USING gin (reading_key gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX resource_description_trgm ON resource USING gin (description gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX resource_description_trgm`);
    await queryRunner.query(`DROP INDEX resource_reading_trgm`);
    await queryRunner.query(`DROP INDEX resource_name_trgm`);
  }
}
