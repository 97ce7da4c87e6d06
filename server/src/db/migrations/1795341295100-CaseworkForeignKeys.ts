import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hand-written: referential integrity for the casework tables (the entities keep plain id columns so that
 * services load what they need explicitly), a check on the single settings row, and that row itself.
 */
const FOREIGN_KEYS: [table: string, column: string, target: string, onDelete: "CASCADE" | "RESTRICT" | "SET NULL"][] = [
  ["person", "area_id", "area", "SET NULL"],
  ["person", "coordinator_id", "app_user", "SET NULL"],
  ["person", "support_meeting_group_id", "support_meeting_group", "RESTRICT"],
  ["support_plan", "person_id", "person", "CASCADE"],
  ["support_plan", "created_by_id", "app_user", "RESTRICT"],
  ["consent", "person_id", "person", "CASCADE"],
  ["consent", "organization_id", "organization", "RESTRICT"],
  ["consent", "recorded_by_id", "app_user", "RESTRICT"],
  ["match", "person_id", "person", "CASCADE"],
  ["match", "resource_id", "resource", "RESTRICT"],
  ["match", "organization_id", "organization", "RESTRICT"],
  ["match", "coordinator_id", "app_user", "RESTRICT"],
  ["match", "support_plan_id", "support_plan", "SET NULL"],
  ["match_transition", "match_id", "match", "CASCADE"],
  ["match_transition", "actor_id", "app_user", "RESTRICT"],
  ["attendance", "match_id", "match", "CASCADE"],
  ["attendance", "recorded_by_id", "app_user", "RESTRICT"],
  ["follow_up_due", "match_id", "match", "CASCADE"],
  ["follow_up_due", "record_id", "follow_up_record", "SET NULL"],
  ["follow_up_record", "match_id", "match", "CASCADE"],
  ["follow_up_record", "person_id", "person", "CASCADE"],
  ["follow_up_record", "recorded_by_id", "app_user", "RESTRICT"],
  ["resource_gap", "area_id", "area", "SET NULL"],
  ["resource_gap", "person_id", "person", "SET NULL"],
  ["resource_gap", "resolved_resource_id", "resource", "SET NULL"],
  ["resource_gap", "raised_by_id", "app_user", "RESTRICT"],
];

const name = (table: string, column: string) => `fk_${table}_${column}`;

export class CaseworkForeignKeys1795341295100 implements MigrationInterface {
  name = "CaseworkForeignKeys1795341295100";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column, target, onDelete] of FOREIGN_KEYS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete}`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "municipal_settings" ADD CONSTRAINT "municipal_settings_single_row" CHECK ("id" = 1)`,
    );
    await queryRunner.query(`INSERT INTO "municipal_settings" ("id") VALUES (1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "municipal_settings"`);
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP CONSTRAINT "municipal_settings_single_row"`);
    for (const [table, column] of [...FOREIGN_KEYS].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name(table, column)}"`);
    }
  }
}
