import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The fallback search reads resource_search_text with a sequential scan from here on. Its two trigram indexes helped
 * only words found in few listings (a rare word: 1 ms against 250 ms on 100,000 listings; a common one: the same
 * time either way, since every row matches), and only while Meilisearch is down. Keeping them made the search-text
 * upsert the costliest statement of an import (8.0 s of 13 s on 30,000 listings, nearly all of it in the two
 * indexes); over a whole 100,000-row import they were about a quarter to a third of PostgreSQL's CPU (32.5 s with
 * them, 21.0 and 25.8 s without). A city's catalog of a few thousand listings is scanned in milliseconds.
 */
export class DropSearchTextTrigramIndexes1796700200000 implements MigrationInterface {
  name = "DropSearchTextTrigramIndexes1796700200000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS resource_search_text_text_trgm`);
    await queryRunner.query(`DROP INDEX IF EXISTS resource_search_text_reading_trgm`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX resource_search_text_text_trgm ON resource_search_text USING gin (text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX resource_search_text_reading_trgm ON resource_search_text USING gin (reading gin_trgm_ops)`,
    );
  }
}
