import type { MigrationInterface, QueryRunner } from "typeorm";

/** The catalog import (catalog-import/): each imported listing's source, uploaded files, saved column mappings. */
export class CatalogImport1796575125532 implements MigrationInterface {
  name = "CatalogImport1796575125532";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resource_source" ("resource_id" uuid NOT NULL, "publisher" text NOT NULL, "dataset" text NOT NULL, "source_id" text NOT NULL, "licence" text, "attribution" text, "file_date" date, "imported_values" jsonb NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_resource_source" PRIMARY KEY ("resource_id"), CONSTRAINT "FK_resource_source_resource" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_resource_source_key" ON "resource_source" ("publisher", "dataset", "source_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog_import_upload" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text NOT NULL, "bytes" bytea NOT NULL, "size" integer NOT NULL, "uploaded_by_id" uuid NOT NULL, "state" text, "progress" jsonb, "result" jsonb, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_catalog_import_upload" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "saved_column_mapping" ("name" text NOT NULL, "mapping" jsonb NOT NULL, "saved_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_saved_column_mapping" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_column_mapping"`);
    await queryRunner.query(`DROP TABLE "catalog_import_upload"`);
    await queryRunner.query(`DROP TABLE "resource_source"`);
  }
}
