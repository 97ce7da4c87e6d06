import type { MigrationInterface, QueryRunner } from "typeorm";

/** search_miss: searches that found nothing or very little, without any person (shown on 資源の不足). */
export class SearchMiss1796596333461 implements MigrationInterface {
  name = "SearchMiss1796596333461";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_miss" ("id" BIGSERIAL NOT NULL, "searched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "query" text NOT NULL, "filters" jsonb NOT NULL DEFAULT '{}', "role" text, "hits" integer NOT NULL, CONSTRAINT "PK_search_miss" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_search_miss_searched_at" ON "search_miss" ("searched_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_miss"`);
  }
}
