import type { MigrationInterface, QueryRunner } from "typeorm";

/** The hash the chain starts from (no predecessor): 64 zeros, the width of a SHA-256 in hex. */
const GENESIS = "0".repeat(64);

/**
 * Tamper-evident audit (audit/audit.chain.ts):
 *  - every audit_event row carries `chain_seq` (1, 2, 3 … in the order rows were written), `prev_hash` (the previous
 *    row's hash) and `row_hash` = SHA-256 over prev_hash and the row's canonical content (audit_event_hash). A BEFORE
 *    INSERT trigger fills them from the one row of `audit_chain` (last seq and hash), which it locks: chain extension
 *    is serialised, and a second audit writer waits for the first one's commit (row lock, held to the end of the
 *    transaction). Whatever an INSERT gives for these columns is overwritten.
 *  - repeat_count and last_occurred_at are left out of the hash: they are the two columns the summary of repeated
 *    refusals may raise (AbuseLimits1796608023920); every other column is covered.
 *  - the retention purge records each run of rows it deleted in `audit_chain_gap` (first and last seq, the hash before
 *    the run and the last hash of the run), so that the chain still verifies from the oldest kept row and across
 *    anything the purge removed, and nothing else.
 * Existing rows are chained once here, in (occurred_at, id) order.
 *
 * Public contact of an organization (organizations/): public_phone, public_email, public_contact_note, the only
 * contact data the anonymous directory, HSDS and the exports show; contact_name/phone/email become staff-only.
 *
 * 世帯の事情 (people/): person.household_circumstances and the consent fact HOUSEHOLD_CIRCUMSTANCES, which replaces
 * HOUSEHOLD in every consent (the free-text 世帯の状況 no longer goes to any host).
 */
export class AuditChainAndPublicContact1796700400000 implements MigrationInterface {
  name = "AuditChainAndPublicContact1796700400000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_event" ADD "chain_seq" bigint, ADD "prev_hash" text, ADD "row_hash" text`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain" ("id" integer NOT NULL, "last_seq" bigint NOT NULL, "last_hash" text NOT NULL, CONSTRAINT "PK_audit_chain" PRIMARY KEY ("id"), CONSTRAINT "audit_chain_one_row" CHECK ("id" = 1))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain_gap" ("from_seq" bigint NOT NULL, "to_seq" bigint NOT NULL, "prev_hash" text NOT NULL, "last_hash" text NOT NULL, "purged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_chain_gap" PRIMARY KEY ("from_seq"), CONSTRAINT "audit_chain_gap_range" CHECK ("to_seq" >= "from_seq"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(prev || '|' || jsonb_build_array(
          e.chain_seq, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          e.actor_user_id, e.actor_role, e.action, e.entity_type, e.record_id, e.person_id, e.operation,
          e.request_id, e.client_address, e.detail, e.summary_key)::text, 'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        seq bigint;
        prev text;
      BEGIN
        SELECT last_seq, last_hash INTO seq, prev FROM audit_chain WHERE id = 1 FOR UPDATE;
        NEW.chain_seq := seq + 1;
        NEW.prev_hash := prev;
        NEW.row_hash := audit_event_hash(prev, NEW);
        UPDATE audit_chain SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash WHERE id = 1;
        RETURN NEW;
      END $$`);

    // Chain the rows already there, in the order they were written.
    await queryRunner.query(`INSERT INTO "audit_chain" ("id", "last_seq", "last_hash") VALUES (1, 0, '${GENESIS}')`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update", DISABLE TRIGGER "audit_event_summary_only"`,
    );
    await queryRunner.query(`
      DO $$
      DECLARE
        r audit_event;
        seq bigint := 0;
        h text := '${GENESIS}';
      BEGIN
        FOR r IN SELECT * FROM audit_event ORDER BY occurred_at, id LOOP
          seq := seq + 1;
          r.chain_seq := seq;
          r.prev_hash := h;
          h := audit_event_hash(h, r);
          UPDATE audit_event SET chain_seq = seq, prev_hash = r.prev_hash, row_hash = h WHERE id = r.id;
        END LOOP;
        UPDATE audit_chain SET last_seq = seq, last_hash = h WHERE id = 1;
      END $$`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update", ENABLE TRIGGER "audit_event_summary_only"`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "chain_seq" SET NOT NULL, ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "row_hash" SET NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_event_chain_seq" ON "audit_event" ("chain_seq")`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_chain BEFORE INSERT ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`,
    );
    // The chain's record of what the purge removed is itself append-only.
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_gap_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_chain_gap is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_gap_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_chain_gap" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_gap_refuse_change()`,
    );

    // 公開用の連絡先 of an organization, apart from its staff-only contact person, phone and e-mail. Empty for every
    // existing organization: what was entered as a contact stays private until someone enters a public one.
    await queryRunner.query(
      `ALTER TABLE "organization" ADD "public_phone" text, ADD "public_email" text, ADD "public_contact_note" text`,
    );

    // 世帯の事情 (送迎が必要, 家族の介護中 …) as their own consent fact. HOUSEHOLD released the free-text 世帯の状況 and
    // the 世帯の課題 too; a consent that gave it now releases the structured circumstances only.
    await queryRunner.query(`ALTER TABLE "person" ADD "household_circumstances" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "consent" SET "facts" = array_replace("facts", 'HOUSEHOLD', 'HOUSEHOLD_CIRCUMSTANCES') WHERE 'HOUSEHOLD' = ANY("facts")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "consent" SET "facts" = array_replace("facts", 'HOUSEHOLD_CIRCUMSTANCES', 'HOUSEHOLD') WHERE 'HOUSEHOLD_CIRCUMSTANCES' = ANY("facts")`,
    );
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "household_circumstances"`);
    await queryRunner.query(
      `ALTER TABLE "organization" DROP COLUMN "public_contact_note", DROP COLUMN "public_email", DROP COLUMN "public_phone"`,
    );
    await queryRunner.query(`DROP TRIGGER "audit_event_chain" ON "audit_event"`);
    await queryRunner.query(`DROP INDEX "audit_event_chain_seq"`);
    await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_event_hash(text, audit_event)`);
    await queryRunner.query(`DROP TABLE "audit_chain_gap"`);
    await queryRunner.query(`DROP FUNCTION audit_chain_gap_refuse_change()`);
    await queryRunner.query(`DROP TABLE "audit_chain"`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" DROP COLUMN "row_hash", DROP COLUMN "prev_hash", DROP COLUMN "chain_seq"`,
    );
  }
}
