import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The evaluation report's own data (indicators/): targets and hand-entered actuals per indicator and 年度 (one row
 * each, unique), every change to them kept in indicator_value_change (who, when, the value before), and the two
 * narratives per 事業 and 年度. The indicator ids are the catalog's (code), so they have no table of their own.
 */
export class IndicatorTargets1796700100000 implements MigrationInterface {
  name = "IndicatorTargets1796700100000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" text NOT NULL, "fiscal_year" integer NOT NULL, "value" numeric NOT NULL, "set_by_id" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b6a07f7470f3a0f56e73b7a282" PRIMARY KEY ("id"), CONSTRAINT "indicator_target_value" CHECK ("value" >= 0), CONSTRAINT "fk_indicator_target_set_by_id" FOREIGN KEY ("set_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_indicator_target_indicator_year" ON "indicator_target" ("indicator_id", "fiscal_year")`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_entered_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" text NOT NULL, "fiscal_year" integer NOT NULL, "value" numeric NOT NULL, "set_by_id" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b94205839b7092dc363689a332f" PRIMARY KEY ("id"), CONSTRAINT "indicator_entered_value_value" CHECK ("value" >= 0), CONSTRAINT "fk_indicator_entered_value_set_by_id" FOREIGN KEY ("set_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_indicator_entered_value_indicator_year" ON "indicator_entered_value" ("indicator_id", "fiscal_year")`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_value_change" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "indicator_id" text NOT NULL, "fiscal_year" integer NOT NULL, "previous_value" numeric, "value" numeric NOT NULL, "changed_by_id" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_962cf547faadbb3d3e1983ddf3e" PRIMARY KEY ("id"), CONSTRAINT "indicator_value_change_kind" CHECK ("kind" IN ('TARGET', 'ENTERED')), CONSTRAINT "fk_indicator_value_change_changed_by_id" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_indicator_value_change_indicator_year" ON "indicator_value_change" ("indicator_id", "fiscal_year")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_narrative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fiscal_year" integer NOT NULL, "jigyo" integer NOT NULL, "achievement_evaluation" text NOT NULL DEFAULT '', "issues_and_direction" text NOT NULL DEFAULT '', "updated_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcfde10f60048bf1b0d18419791" PRIMARY KEY ("id"), CONSTRAINT "report_narrative_jigyo" CHECK ("jigyo" BETWEEN 1 AND 5), CONSTRAINT "fk_report_narrative_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_report_narrative_year_jigyo" ON "report_narrative" ("fiscal_year", "jigyo")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_narrative"`);
    await queryRunner.query(`DROP TABLE "indicator_value_change"`);
    await queryRunner.query(`DROP TABLE "indicator_entered_value"`);
    await queryRunner.query(`DROP TABLE "indicator_target"`);
  }
}
