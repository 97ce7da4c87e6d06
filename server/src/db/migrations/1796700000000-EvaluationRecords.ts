import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The records the yearly evaluation report (実施状況報告) counts: 相談受付 (consultation_intake), 会議の記録
 * (meeting_record and its attending organizations, staff and persons discussed), 協力依頼 (cooperation_request) and
 * 受け入れ先支援 (host_support). Tables and join tables as TypeORM generates them from the entities; the foreign keys of
 * the plain id columns are hand-written below (the entities keep plain ids, as the casework tables do).
 */
const FOREIGN_KEYS: [table: string, column: string, target: string, onDelete: "CASCADE" | "RESTRICT" | "SET NULL"][] = [
  ["consultation_intake", "area_id", "area", "SET NULL"],
  ["consultation_intake", "person_id", "person", "SET NULL"],
  ["consultation_intake", "recorded_by_id", "app_user", "RESTRICT"],
  ["meeting_record", "support_meeting_group_id", "support_meeting_group", "RESTRICT"],
  ["meeting_record", "recorded_by_id", "app_user", "RESTRICT"],
  ["cooperation_request", "organization_id", "organization", "RESTRICT"],
  ["cooperation_request", "person_id", "person", "SET NULL"],
  ["cooperation_request", "resource_gap_id", "resource_gap", "SET NULL"],
  ["cooperation_request", "recorded_by_id", "app_user", "RESTRICT"],
  ["host_support", "organization_id", "organization", "RESTRICT"],
  ["host_support", "recorded_by_id", "app_user", "RESTRICT"],
];

const fkName = (table: string, column: string) => `fk_${table}_${column}`;

export class EvaluationRecords1796700000000 implements MigrationInterface {
  name = "EvaluationRecords1796700000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cooperation_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "requested_on" date NOT NULL, "kind" text NOT NULL, "answer" text NOT NULL DEFAULT 'PENDING', "answered_on" date, "person_id" uuid, "resource_gap_id" uuid, "note" text NOT NULL DEFAULT '', "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_ce920b1cd2dc88f72889dd59ac7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c6d9bcd89e26d20db78dd58a88" ON "cooperation_request"  ("organization_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_413ef99f6a4d73bd9ed592377e" ON "cooperation_request"  ("person_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7b15cf1b201bbab9d592530a73" ON "cooperation_request"  ("requested_on", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "host_support" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "given_on" date NOT NULL, "kind" text NOT NULL, "method" text NOT NULL, "note" text NOT NULL DEFAULT '', "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_3b4dad19abda124fa3aba2127b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8e9ce32a8a08b232313bd45777" ON "host_support"  ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_a4ad510db82e3c9972b32a76c8" ON "host_support"  ("given_on", "id")`);
    await queryRunner.query(
      `CREATE TABLE "consultation_intake" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "received_on" date NOT NULL, "route" text NOT NULL, "field" text NOT NULL, "area_id" uuid, "age_band" text, "outcome" text NOT NULL, "person_id" uuid, "note" text NOT NULL DEFAULT '', "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_bdc0ee6b3d0f41d0e207bf25bc7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_77fdb28801dd55232550ae6b0f" ON "consultation_intake"  ("person_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c9c92364648773fd159133a6cf" ON "consultation_intake"  ("received_on", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "held_on" date NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "decisions" text NOT NULL DEFAULT '', "support_meeting_group_id" uuid, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5051aa4543b558a51b12e14d59a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b58bf0cb148f870660b78a0b25" ON "meeting_record"  ("support_meeting_group_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4289ed41ce9f45772155de3ec2" ON "meeting_record"  ("held_on", "id")`);
    await queryRunner.query(
      `CREATE TABLE "meeting_record_organization" ("meeting_record_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_e502ef64f50d110d5bac2da8931" PRIMARY KEY ("meeting_record_id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8096dd3a413665923b1b59d42b" ON "meeting_record_organization"  ("meeting_record_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2aad2f44910fe16f41f4e33577" ON "meeting_record_organization"  ("organization_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_record_user" ("meeting_record_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_4d36e040335096795f7871ec98f" PRIMARY KEY ("meeting_record_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1670d0d4fbcc48fa4b80829362" ON "meeting_record_user"  ("meeting_record_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2abac4504bc219a39df1d3c6bf" ON "meeting_record_user"  ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "meeting_record_person" ("meeting_record_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "PK_d40c9288f16ce3a4ef2cfaac56b" PRIMARY KEY ("meeting_record_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_df9633dab0684587483830a65c" ON "meeting_record_person"  ("meeting_record_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_184e1dc4a4865174d3a15e12c3" ON "meeting_record_person"  ("person_id")`);
    await queryRunner.query(
      `ALTER TABLE "meeting_record_organization" ADD CONSTRAINT "FK_8096dd3a413665923b1b59d42b1" FOREIGN KEY ("meeting_record_id") REFERENCES "meeting_record"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_record_organization" ADD CONSTRAINT "FK_2aad2f44910fe16f41f4e335776" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_record_user" ADD CONSTRAINT "FK_1670d0d4fbcc48fa4b808293628" FOREIGN KEY ("meeting_record_id") REFERENCES "meeting_record"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_record_user" ADD CONSTRAINT "FK_2abac4504bc219a39df1d3c6bf5" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_record_person" ADD CONSTRAINT "FK_df9633dab0684587483830a65ca" FOREIGN KEY ("meeting_record_id") REFERENCES "meeting_record"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_record_person" ADD CONSTRAINT "FK_184e1dc4a4865174d3a15e12c3b" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    for (const [table, column, target, onDelete] of FOREIGN_KEYS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${fkName(table, column)}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete}`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "meeting_record_person",
      "meeting_record_user",
      "meeting_record_organization",
      "meeting_record",
      "host_support",
      "cooperation_request",
      "consultation_intake",
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
