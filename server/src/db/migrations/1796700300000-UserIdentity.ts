import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sign-in through the city's identity provider (auth/oidc/): the provider's subject of each matched account.
 * Dated after IndicatorTargets1796700100000 (itself ahead of the clock): migrations run in timestamp order, and the
 * backup's check (backup/backup.target.ts) expects that order to be MIGRATIONS' order.
 */
export class UserIdentity1796700300000 implements MigrationInterface {
  name = "UserIdentity1796700300000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_user_identity" PRIMARY KEY ("id"), CONSTRAINT "fk_user_identity_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_identity_issuer_subject" ON "user_identity" ("issuer", "subject")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_identity_user_issuer" ON "user_identity" ("user_id", "issuer")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_identity"`);
  }
}
