import type { MigrationInterface, QueryRunner } from "typeorm";

/** アーカイブ of a 支援会議 (people/support-meeting.entity.ts): persons refer to it, so it is never deleted. */
export class SupportMeetingArchive1796584854167 implements MigrationInterface {
  name = "SupportMeetingArchive1796584854167";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_meeting_group" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "support_meeting_group" DROP COLUMN "archived_at"`);
  }
}
