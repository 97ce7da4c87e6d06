import type { MigrationInterface, QueryRunner } from "typeorm";

/** Sign-in rate limiting and lockout (auth/sign-in-throttle.ts): one row per account or client address. */
export class SignIn1795410000000 implements MigrationInterface {
  name = "SignIn1795410000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("key" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f838c82d37e24773fc7984a7649" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "sign_in_throttle_window" ON "sign_in_throttle"  ("window_started_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."sign_in_throttle_window"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
  }
}
