import type { MigrationInterface, QueryRunner } from "typeorm";
import { fillSearchText } from "../../search/search-text.js";

/**
 * resource_search_text: per listing, its searchable text and reading keys as Meilisearch's document holds them
 * (search-text.ts), so that the PostgreSQL fallback matches words the way the main search does. Filled here for the
 * listings already stored (kuromoji reads them); written with every outbox row afterwards.
 */
export class ResourceSearchText1796608029242 implements MigrationInterface {
  name = "ResourceSearchText1796608029242";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resource_search_text" ("resource_id" uuid NOT NULL, "text" text NOT NULL, "reading" text NOT NULL, CONSTRAINT "PK_resource_search_text" PRIMARY KEY ("resource_id"), CONSTRAINT "FK_resource_search_text_resource" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE)`,
    );
    await fillSearchText(queryRunner.manager);
    await queryRunner.query(
      `CREATE INDEX resource_search_text_text_trgm ON resource_search_text USING gin (text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX resource_search_text_reading_trgm ON resource_search_text USING gin (reading gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "resource_search_text"`);
  }
}
