import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { AUDIT_UNAVAILABLE_MESSAGE } from "./audit.plugin.js";

/** Append-only in the database, the retention setting, the daily purge, and what happens when the log cannot be written. */
let t: TestApp;
let admin: Gql;
let coordinatorUser: User;
let coordinator: Gql;

/** A row as if written `daysAgo` days ago (the app never sets occurred_at; only tests back-date rows). */
async function rowFrom(daysAgo: number): Promise<string> {
  const [{ id }] = await t.db.query(
    `INSERT INTO audit_event (occurred_at, action, request_id, detail) VALUES (now() - make_interval(days => $1), 'READ', 'retention-test', '{}') RETURNING id`,
    [daysAgo],
  );
  return id;
}
const exists = async (id: string) => (await t.db.query("SELECT 1 FROM audit_event WHERE id = $1", [id])).length === 1;
const setRetention = async (days: number) => {
  const res = await admin(
    `mutation($d: Int!) { updateMunicipalSettings(input: { auditRetentionDays: $d }) { auditRetentionDays } }`,
    { d: days },
  );
  expect(res.errors).toBeUndefined();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
});
afterAll(() => t.close());

describe("append-only in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of fresh rows, whoever asks", async () => {
    const person = await t.factories.person({ coordinatorId: coordinatorUser.id });
    await coordinator(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id });
    const [row] = await t.db.query("SELECT id, action, record_id FROM audit_event WHERE record_id = $1", [person.id]);
    expect(row).toMatchObject({ action: "READ" });

    await expect(t.db.query("UPDATE audit_event SET action = 'UPDATE' WHERE id = $1", [row.id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(t.db.query("UPDATE audit_event SET detail = '{}' WHERE false")).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM audit_event WHERE id = $1", [row.id])).rejects.toThrow(
      /within the retention period/,
    );
    await expect(t.db.query("TRUNCATE audit_event")).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await t.db.query("SELECT id, action, record_id FROM audit_event WHERE id = $1", [row.id])).toEqual([row]);
  });

  it("lets a DELETE through only when every row it removes is past the retention period", async () => {
    const old = await rowFrom(1826);
    const young = await rowFrom(1824);
    await expect(t.db.query("DELETE FROM audit_event WHERE id = ANY($1::bigint[])", [[old, young]])).rejects.toThrow(
      /within the retention period/,
    );
    expect([await exists(old), await exists(young)]).toEqual([true, true]);
    await t.db.query("DELETE FROM audit_event WHERE id = $1", [old]);
    expect([await exists(old), await exists(young)]).toEqual([false, true]);
  });
});

describe("retention", () => {
  it("is bounded to 365–3650 days, in the API and in the database", async () => {
    expect(
      (await admin(`{ municipalSettings { auditRetentionDays } }`)).data!.municipalSettings.auditRetentionDays,
    ).toBe(1825);
    for (const d of [364, 3651]) {
      const res = await admin(
        `mutation($d: Int!) { updateMunicipalSettings(input: { auditRetentionDays: $d }) { auditRetentionDays } }`,
        { d },
      );
      expect(fieldsOf(res)).toEqual(["input.auditRetentionDays"]);
    }
    expect(
      codesOf(
        await coordinator(
          `mutation { updateMunicipalSettings(input: { auditRetentionDays: 400 }) { auditRetentionDays } }`,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    await expect(t.db.query("UPDATE municipal_settings SET audit_retention_days = 1")).rejects.toThrow(
      /municipal_settings_audit_retention/,
    );
  });

  it("purgeExpired deletes only the rows past the setting, follows a change of it, and records each purge", async () => {
    const rows = {
      d1826: await rowFrom(1826),
      d1824: await rowFrom(1824),
      d400: await rowFrom(400),
      d300: await rowFrom(300),
    };
    const alive = async () =>
      Object.fromEntries(await Promise.all(Object.entries(rows).map(async ([k, id]) => [k, await exists(id)])));
    // Earlier tests leave back-dated rows of their own: the purge's count is checked against all rows past the cut.
    const olderThan = async (days: number) =>
      (
        await t.db.query(
          "SELECT count(*)::int AS n FROM audit_event WHERE occurred_at < now() - make_interval(days => $1)",
          [days],
        )
      )[0].n;

    const expired1825 = await olderThan(1825);
    expect(expired1825).toBeGreaterThanOrEqual(1);
    expect(await t.app.services.audit.purgeExpired()).toBe(expired1825);
    expect(await alive()).toEqual({ d1826: false, d1824: true, d400: true, d300: true });
    const [purge] = await t.db.query("SELECT * FROM audit_event WHERE action = 'PURGE' ORDER BY id DESC LIMIT 1");
    expect(purge).toMatchObject({
      actor_user_id: null,
      operation: "purgeExpired",
      detail: { deleted: expired1825, retentionDays: 1825 },
    });

    await setRetention(365);
    const expired365 = await olderThan(365);
    expect(expired365).toBeGreaterThanOrEqual(2);
    expect(await t.app.services.audit.purgeExpired()).toBe(expired365);
    expect(await alive()).toEqual({ d1826: false, d1824: false, d400: false, d300: true });
    await setRetention(1825);

    const purges = async () =>
      (await t.db.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'PURGE'"))[0].n;
    const before = await purges();
    expect(await t.app.services.audit.purgeExpired()).toBe(0);
    expect(await purges()).toBe(before);
  });

  it("the daily job purges on its schedule and does nothing once stopped", async () => {
    const job = t.app.jobs.auditPurge;
    const expired = await rowFrom(2000);
    job.start({ firstAfterMs: 5, everyMs: 20 });
    for (let i = 0; i < 200 && (await exists(expired)); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await exists(expired)).toBe(false);
    await job.stop();
    const later = await rowFrom(2000);
    await new Promise((r) => setTimeout(r, 150));
    expect(await exists(later)).toBe(true);
  });
});

describe("when the audit log cannot be written", () => {
  it("withholds a query's personal data, but still answers a mutation that has committed", async () => {
    const person = await t.factories.person({ coordinatorId: coordinatorUser.id });
    await t.db.query(
      `CREATE FUNCTION audit_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`,
    );
    await t.db.query(
      "CREATE TRIGGER audit_test_fail BEFORE INSERT ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_test_fail()",
    );
    try {
      const read = await coordinator(`query($id: ID!) { person(id: $id) { displayName } }`, { id: person.id });
      expect(read.data).toBeNull();
      expect(read.errors).toEqual([
        {
          message: AUDIT_UNAVAILABLE_MESSAGE,
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: expect.any(String) },
        },
      ]);

      const write = await coordinator(
        `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { contactNote } } }`,
        { input: { id: person.id, contactNote: "監査ログ障害中の更新" } },
      );
      expect(write.errors).toBeUndefined();
      expect(write.data!.updatePerson.person.contactNote).toBe("監査ログ障害中の更新");

      // Nothing personal shown, nothing to withhold.
      expect((await coordinator(`{ me { id } }`)).data!.me.id).toBe(coordinatorUser.id);
    } finally {
      await t.db.query("DROP TRIGGER audit_test_fail ON audit_event");
      await t.db.query("DROP FUNCTION audit_test_fail()");
    }
    expect(
      (await coordinator(`query($id: ID!) { person(id: $id) { contactNote } }`, { id: person.id })).data!.person
        .contactNote,
    ).toBe("監査ログ障害中の更新");
  });
});
