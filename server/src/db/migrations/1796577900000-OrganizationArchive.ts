import type { MigrationInterface, QueryRunner } from "typeorm";

/** 廃止 of an organization (organizations/organization.entity.ts): kept for what refers to it, never deleted. */
export class OrganizationArchive1796577900000 implements MigrationInterface {
  name = "OrganizationArchive1796577900000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "archived_at"`);
  }
}
