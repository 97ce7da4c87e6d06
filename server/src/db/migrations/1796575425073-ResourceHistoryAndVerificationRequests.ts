import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A listing's change history (resources/resource-change.entity.ts) and the 「確認を依頼」 requests sent to its host
 * (resources/verification-request.entity.ts), at most one open per listing.
 */
export class ResourceHistoryAndVerificationRequests1796575425073 implements MigrationInterface {
  name = "ResourceHistoryAndVerificationRequests1796575425073";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resource_change" ("id" BIGSERIAL NOT NULL, "resource_id" uuid NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "kind" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_e36856e6dee3a948c932e110035" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_addd3cd9295c032d6da2fe6105" ON "resource_change"  ("resource_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "verification_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "requested_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "requested_by_id" uuid NOT NULL, "message" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, CONSTRAINT "PK_9d9499e0fabae343c7ec3ecfac9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_46ed2c62429ca7df9e0f973e03" ON "verification_request"  ("resource_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "verification_request_open" ON "verification_request"  ("resource_id") WHERE "resolved_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource_change" ADD CONSTRAINT "FK_7d0a70dd25bc3ff32e14beef0b1" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verification_request" ADD CONSTRAINT "FK_46ed2c62429ca7df9e0f973e037" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verification_request" ADD CONSTRAINT "FK_bc36b8816cbf90c3f13aa36d6f3" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verification_request" ADD CONSTRAINT "FK_3762519affe147d3b3444702f66" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verification_request"`);
    await queryRunner.query(`DROP TABLE "resource_change"`);
  }
}
