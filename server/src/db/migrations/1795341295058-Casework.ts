import type { MigrationInterface, QueryRunner } from "typeorm";

export class Casework1795341295058 implements MigrationInterface {
  name = "Casework1795341295058";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follow_up_due" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "kind" text NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL DEFAULT 'PLANNED', "done_on" date, "record_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec01a1182d57e034be0f86c6b2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ccd6440a5373386d02bcc1a93f" ON "follow_up_due"  ("match_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eac9bf46b6bd0d1d5c524381dd" ON "follow_up_due"  ("status", "due_on") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "person_id" uuid NOT NULL, "recorded_by_id" uuid NOT NULL, "contacted_on" date NOT NULL, "method" text NOT NULL, "counterparts" text array NOT NULL DEFAULT '{}', "sessions_attended" integer, "sessions_planned" integer, "participation_level" text, "change_observed" boolean NOT NULL DEFAULT false, "change_type" text, "change_categories" text array NOT NULL DEFAULT '{}', "narrative" text NOT NULL DEFAULT '', "relationship_stability" text, "host_feedback" text NOT NULL DEFAULT '', "host_guidance" text NOT NULL DEFAULT '', "next_due_on" date, "is_outcome_evaluation" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_565a5490ff1c8de7359d809d290" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ae170c36ed1c6a2a0a35cabc06" ON "follow_up_record"  ("match_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_3a1557e07bff150337602f0122" ON "follow_up_record"  ("person_id", "contacted_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "resource_gap" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "need" text NOT NULL, "target_groups" text array NOT NULL DEFAULT '{}', "area_id" uuid, "person_id" uuid, "search_text" text, "status" text NOT NULL DEFAULT 'IDENTIFIED', "status_note" text NOT NULL DEFAULT '', "resolved_resource_id" uuid, "raised_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_1cedf7eb18f702d5f7f6b2a5b5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5d1b4ae663cf929102b0da362" ON "resource_gap"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "match" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "resource_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "coordinator_id" uuid NOT NULL, "support_plan_id" uuid, "stage" text NOT NULL, "held_from" text, "rationale" text NOT NULL DEFAULT '', "score" double precision, "started_on" date, "first_started_on" date, "closed_on" date, "host_response" text, "host_response_reason" text, "host_responded_at" TIMESTAMP WITH TIME ZONE, "reopen_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_92b6c3a6631dd5b24a67c69f69d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_428a2d9f6b311c1f4ed543d018" ON "match"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8dd314f9175b42694162799c80" ON "match"  ("resource_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_064d7b9ea2eb36f3e91762c6a2" ON "match"  ("coordinator_id", "stage") `);
    await queryRunner.query(`CREATE INDEX "IDX_7bab227c2f7241700dc4ab905b" ON "match"  ("organization_id", "stage") `);
    await queryRunner.query(
      `CREATE TABLE "match_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "from_stage" text, "to_stage" text NOT NULL, "reason" text NOT NULL DEFAULT '', "actor_id" uuid NOT NULL, "effective_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc234ca8f5dd2a656c73df53c35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_73047e36a513391258e3c0b29d" ON "match_transition"  ("match_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "match_id" uuid NOT NULL, "session_on" date NOT NULL, "attended" boolean NOT NULL, "note" text NOT NULL DEFAULT '', "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9e9e2d240b79b57ad7fcaafc7f1" UNIQUE ("match_id", "session_on"), CONSTRAINT "PK_ee0ffe42c1f1a01e72b725c0cb2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "purpose" text NOT NULL, "organization_id" uuid, "facts" text array NOT NULL DEFAULT '{}', "method" text NOT NULL, "given_on" date NOT NULL, "expires_on" date, "recorded_by_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by_id" uuid, "withdrawal_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_89fd0f23d8b2bad031d9663173" ON "consent"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a146b099a946745f54dcea2cfd" ON "consent"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "display_name" text NOT NULL, "name_kana" text NOT NULL, "reading_key" text NOT NULL, "birth_year" integer, "age_band" text, "area_id" uuid, "home_lat" double precision, "home_lng" double precision, "contact_preference" text, "contact_note" text NOT NULL DEFAULT '', "household_note" text NOT NULL DEFAULT '', "household_issues" text array NOT NULL DEFAULT '{}', "participation_level" text NOT NULL DEFAULT 'NO_CONTACT', "track" text NOT NULL DEFAULT 'SUPPORT_MEETING', "support_meeting_group_id" uuid, "coordinator_id" uuid, "registered_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "needs_wanted_activities" text array NOT NULL DEFAULT '{}', "needs_wanted_kinds" text array NOT NULL DEFAULT '{}', "needs_target_groups" text array NOT NULL DEFAULT '{}', "needs_weekdays" text array NOT NULL DEFAULT '{}', "needs_time_bands" text array NOT NULL DEFAULT '{}', "needs_mobility" text NOT NULL DEFAULT 'WALK', "needs_max_travel_meters" integer, "needs_group_size" text NOT NULL DEFAULT 'ANY', "needs_accessibility" text array NOT NULL DEFAULT '{}', "needs_roles" text array NOT NULL DEFAULT '{}', "needs_free_only" boolean NOT NULL DEFAULT false, "needs_wishes" text NOT NULL DEFAULT '', "needs_strengths" text NOT NULL DEFAULT '', "needs_other_preferences" text NOT NULL DEFAULT '', CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_178cc8c6eeefb0a09e10a19b6d" ON "person"  ("area_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c37b348eab5f50d3f6bc6a8196" ON "person"  ("support_meeting_group_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_de396624372ff1113b86f96a4b" ON "person"  ("coordinator_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_12c2865ca899a8c3d626d9aafe" ON "person"  ("reading_key", "id") `);
    await queryRunner.query(
      `CREATE TABLE "support_meeting_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e2fe4ffc9745f5b5af00022053" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "support_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "plan_version" text NOT NULL, "goals" text array NOT NULL DEFAULT '{}', "agreed_on" date, "review_on" date, "status" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_fb5123e3bd794ea32b74e21a244" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0b009dc8b4f1b28b58dab29aba" ON "support_plan"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "municipal_settings" ("id" integer NOT NULL, "require_support_plan_for_match" boolean NOT NULL DEFAULT false, "first_check_days" integer NOT NULL DEFAULT '14', "follow_up_months" integer NOT NULL DEFAULT '3', "settling_check_months" integer array NOT NULL DEFAULT '{3,6}', "post_closure_interval_months" integer NOT NULL DEFAULT '3', "post_closure_contacts" integer NOT NULL DEFAULT '2', "on_time_grace_days" integer NOT NULL DEFAULT '7', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_edba70032cf3c1572fd4c58acb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "support_meeting_member" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_7807a53f748c5aadee518b26b08" PRIMARY KEY ("group_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d023b89e660aa58ec72c1f0fb8" ON "support_meeting_member"  ("group_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f976e6bf96d002863d6457f6f9" ON "support_meeting_member"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "support_meeting_member" ADD CONSTRAINT "FK_d023b89e660aa58ec72c1f0fb8c" FOREIGN KEY ("group_id") REFERENCES "support_meeting_group"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_meeting_member" ADD CONSTRAINT "FK_f976e6bf96d002863d6457f6f90" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_meeting_member" DROP CONSTRAINT "FK_f976e6bf96d002863d6457f6f90"`);
    await queryRunner.query(`ALTER TABLE "support_meeting_member" DROP CONSTRAINT "FK_d023b89e660aa58ec72c1f0fb8c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f976e6bf96d002863d6457f6f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d023b89e660aa58ec72c1f0fb8"`);
    await queryRunner.query(`DROP TABLE "support_meeting_member"`);
    await queryRunner.query(`DROP TABLE "municipal_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b009dc8b4f1b28b58dab29aba"`);
    await queryRunner.query(`DROP TABLE "support_plan"`);
    await queryRunner.query(`DROP TABLE "support_meeting_group"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12c2865ca899a8c3d626d9aafe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de396624372ff1113b86f96a4b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c37b348eab5f50d3f6bc6a8196"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_178cc8c6eeefb0a09e10a19b6d"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a146b099a946745f54dcea2cfd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_89fd0f23d8b2bad031d9663173"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73047e36a513391258e3c0b29d"`);
    await queryRunner.query(`DROP TABLE "match_transition"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7bab227c2f7241700dc4ab905b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_064d7b9ea2eb36f3e91762c6a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8dd314f9175b42694162799c80"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_428a2d9f6b311c1f4ed543d018"`);
    await queryRunner.query(`DROP TABLE "match"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5d1b4ae663cf929102b0da362"`);
    await queryRunner.query(`DROP TABLE "resource_gap"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a1557e07bff150337602f0122"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ae170c36ed1c6a2a0a35cabc06"`);
    await queryRunner.query(`DROP TABLE "follow_up_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eac9bf46b6bd0d1d5c524381dd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccd6440a5373386d02bcc1a93f"`);
    await queryRunner.query(`DROP TABLE "follow_up_due"`);
  }
}
