import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Staff identity (auth/): TOTP second factor (the key on user_credential, one-time recovery codes hashed in
 * user_recovery_code), temporary passwords that must be changed, 「ログインしたままにする」 sessions, and the roles
 * for which the municipal settings require TOTP.
 */
export class AccountSecurity1796700600000 implements MigrationInterface {
  name = "AccountSecurity1796700600000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ce52b21a69d394e0d8b4e549bdd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_007947ce13dc1b0c5039e75c66" ON "user_recovery_code"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "two_factor_enabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "user_credential" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "user_credential" ADD "totp_pending_secret" text`);
    await queryRunner.query(`ALTER TABLE "user_credential" ADD "totp_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD "persistent" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "municipal_settings" ADD "two_factor_required_roles" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_recovery_code" ADD CONSTRAINT "FK_007947ce13dc1b0c5039e75c668" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "municipal_settings" DROP COLUMN "two_factor_required_roles"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "persistent"`);
    await queryRunner.query(`ALTER TABLE "user_credential" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "user_credential" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "user_credential" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "two_factor_enabled"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`DROP TABLE "user_recovery_code"`);
  }
}
