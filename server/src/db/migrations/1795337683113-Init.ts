import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795337683113 implements MigrationInterface {
  name = "Init1795337683113";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "name" text NOT NULL, "name_kana" text NOT NULL, "code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39d5e4de490139d6535d75f42ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f3661a9675a62b5376d6aa06b3" ON "area"  ("type", "name") `);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_kana" text NOT NULL, "org_type" text NOT NULL, "city_relationship" text NOT NULL, "contact_name" text, "contact_phone" text, "contact_email" text, "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "organization_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "user_credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "password_hash" text NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12ba5f444da355e51efd7a1ff4f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e3ed75d626fd1dc6847bfae267" ON "user_credential"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "client_address" text, "user_agent" text, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "resource" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_kana" text NOT NULL, "reading_key" text NOT NULL, "kind" text NOT NULL, "description" text NOT NULL DEFAULT '', "organization_id" uuid NOT NULL, "target_groups" text array NOT NULL DEFAULT '{}', "roles_offered" text array NOT NULL DEFAULT '{}', "activities" text array NOT NULL DEFAULT '{}', "venue_name" text, "address" text, "lat" double precision, "lng" double precision, "citywide" boolean NOT NULL DEFAULT false, "home_based" boolean NOT NULL DEFAULT false, "visiting" boolean NOT NULL DEFAULT false, "schedule" jsonb NOT NULL DEFAULT '{"rules":[],"closedOnHolidays":false,"closedYearEnd":false,"closedDates":[],"note":null}', "capacity" integer, "openings" integer, "cost_per_session_yen" integer NOT NULL DEFAULT '0', "accessibility" text array NOT NULL DEFAULT '{}', "nearest_stop" text, "transport_options" text array NOT NULL DEFAULT '{}', "visit_allowed" boolean NOT NULL DEFAULT false, "trial_allowed" boolean NOT NULL DEFAULT false, "contact_name" text, "contact_phone" text, "contact_email" text, "status" text NOT NULL DEFAULT 'ACTIVE', "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "eligibility_age_min" integer, "eligibility_age_max" integer, "eligibility_certificate_required" boolean NOT NULL DEFAULT false, "eligibility_residence_required" boolean NOT NULL DEFAULT false, "eligibility_requires_support_plan" boolean NOT NULL DEFAULT false, "eligibility_referred_cases_only" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_e2894a5867e06ae2e8889f1173f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c4be127214721b3abfe02f71ec" ON "resource"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eb1d9ba1cef40abfbdc83198e9" ON "resource"  ("reading_key", "id") `);
    await queryRunner.query(
      `CREATE TABLE "area_parent" ("area_id" uuid NOT NULL, "parent_id" uuid NOT NULL, CONSTRAINT "PK_a69568133def3989fa804e15219" PRIMARY KEY ("area_id", "parent_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ebafd64d6f7c07d856b5820504" ON "area_parent"  ("area_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f57cad9e2a647d1dfa5d2595c3" ON "area_parent"  ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "resource_area" ("resource_id" uuid NOT NULL, "area_id" uuid NOT NULL, CONSTRAINT "PK_47bf65af0be5e701a268be9c341" PRIMARY KEY ("resource_id", "area_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d8ab2a65efc93568ab4d889d1" ON "resource_area"  ("resource_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2f4fcfa7f33cf2f6cf6daf4d18" ON "resource_area"  ("area_id") `);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_credential" ADD CONSTRAINT "FK_e3ed75d626fd1dc6847bfae267e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource" ADD CONSTRAINT "FK_c4be127214721b3abfe02f71ecb" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "area_parent" ADD CONSTRAINT "FK_ebafd64d6f7c07d856b5820504e" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "area_parent" ADD CONSTRAINT "FK_f57cad9e2a647d1dfa5d2595c30" FOREIGN KEY ("parent_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource_area" ADD CONSTRAINT "FK_8d8ab2a65efc93568ab4d889d14" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource_area" ADD CONSTRAINT "FK_2f4fcfa7f33cf2f6cf6daf4d183" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resource_area" DROP CONSTRAINT "FK_2f4fcfa7f33cf2f6cf6daf4d183"`);
    await queryRunner.query(`ALTER TABLE "resource_area" DROP CONSTRAINT "FK_8d8ab2a65efc93568ab4d889d14"`);
    await queryRunner.query(`ALTER TABLE "area_parent" DROP CONSTRAINT "FK_f57cad9e2a647d1dfa5d2595c30"`);
    await queryRunner.query(`ALTER TABLE "area_parent" DROP CONSTRAINT "FK_ebafd64d6f7c07d856b5820504e"`);
    await queryRunner.query(`ALTER TABLE "resource" DROP CONSTRAINT "FK_c4be127214721b3abfe02f71ecb"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`ALTER TABLE "user_credential" DROP CONSTRAINT "FK_e3ed75d626fd1dc6847bfae267e"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f4fcfa7f33cf2f6cf6daf4d18"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d8ab2a65efc93568ab4d889d1"`);
    await queryRunner.query(`DROP TABLE "resource_area"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f57cad9e2a647d1dfa5d2595c3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebafd64d6f7c07d856b5820504"`);
    await queryRunner.query(`DROP TABLE "area_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb1d9ba1cef40abfbdc83198e9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4be127214721b3abfe02f71ec"`);
    await queryRunner.query(`DROP TABLE "resource"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ccf6d901cef4067214284f327"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3ed75d626fd1dc6847bfae267"`);
    await queryRunner.query(`DROP TABLE "user_credential"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f3661a9675a62b5376d6aa06b3"`);
    await queryRunner.query(`DROP TABLE "area"`);
  }
}
