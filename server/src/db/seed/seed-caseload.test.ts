import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatchStage } from "../../matching/match.enums.js";
import { OutcomeService } from "../../reports/outcome.service.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { CASEWORK_TABLES, seedDemoCaseload, type CaseloadSeedResult } from "./seed-caseload.js";
import { seedDemoCity } from "./seed-demo.js";

const TODAY = "2026-11-22";

let t: TestApp;
let result: CaseloadSeedResult;
let seconds: number;
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.db);
  const started = Date.now();
  result = await seedDemoCaseload(t.db, TODAY);
  seconds = (Date.now() - started) / 1000;
});
afterAll(() => t.close());

describe("seedDemoCaseload", () => {
  it("writes the generated caseload, quickly", async () => {
    const tables: [keyof CaseloadSeedResult, string][] = [
      ["persons", "person"],
      ["consents", "consent"],
      ["plans", "support_plan"],
      ["matches", "match"],
      ["transitions", "match_transition"],
      ["attendance", "attendance"],
      ["records", "follow_up_record"],
      ["dues", "follow_up_due"],
      ["gaps", "resource_gap"],
    ];
    for (const [field, table] of tables)
      expect(await count(`SELECT count(*) AS n FROM "${table}"`), table).toBe(result[field]);
    expect(result.persons).toBeGreaterThanOrEqual(55);
    expect(result.matches).toBeGreaterThanOrEqual(30);
    expect(result.gaps).toBe(5);
    expect(await count("SELECT count(*) AS n FROM support_meeting_group")).toBe(1);
    expect(seconds).toBeLessThan(10);
  });

  it("has every stage, matches at host@'s organization and histories that end where the match stands", async () => {
    const stages: { stage: string }[] = await t.db.query("SELECT DISTINCT stage FROM match");
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(Object.values(MatchStage)));
    const atHost = await count(
      `SELECT count(*) AS n FROM match m JOIN app_user u ON u.organization_id = m.organization_id
       WHERE u.email = 'host@example.jp' AND m.stage IN ('HOST_COORDINATION', 'ACTIVE_FOLLOW_UP')`,
    );
    expect(atHost).toBeGreaterThanOrEqual(3);
    // The latest transition (by effective date, then by when it was recorded) is the match's stage.
    expect(
      await count(
        `SELECT count(*) AS n FROM match m JOIN LATERAL (
         SELECT to_stage FROM match_transition t WHERE t.match_id = m.id ORDER BY effective_on DESC, created_at DESC LIMIT 1
       ) last ON true WHERE last.to_stage <> m.stage`,
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM match m JOIN resource r ON r.id = m.resource_id WHERE r.organization_id <> m.organization_id",
      ),
    ).toBe(0);
  });

  it("keeps 支援会議 people in the group, visible to coordinator@ and admin@ but not coordinator2@", async () => {
    expect(
      await count(
        "SELECT count(*) AS n FROM person WHERE track = 'SUPPORT_MEETING' AND support_meeting_group_id IS NULL",
      ),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM person WHERE track = 'SUPPORT_MEETING'")).toBeGreaterThanOrEqual(6);
    const members: { email: string }[] = await t.db.query(
      "SELECT u.email FROM support_meeting_member m JOIN app_user u ON u.id = m.user_id ORDER BY u.email",
    );
    expect(members.map((m) => m.email)).toEqual(["admin@example.jp", "coordinator@example.jp"]);
    expect(
      await count(
        `SELECT count(*) AS n FROM person p WHERE p.track = 'SUPPORT_MEETING' AND NOT EXISTS (
         SELECT 1 FROM support_meeting_member m WHERE m.group_id = p.support_meeting_group_id AND m.user_id = p.coordinator_id)`,
      ),
    ).toBe(0);
  });

  it("links rows the way the app reads them: areas, done follow-ups to records, the resolved gap to a listing", async () => {
    expect(await count("SELECT count(*) AS n FROM person WHERE area_id IS NULL")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM follow_up_due WHERE status = 'DONE' AND record_id IS NULL")).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM follow_up_due d JOIN follow_up_record r ON r.id = d.record_id WHERE r.contacted_on <> d.done_on",
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM resource_gap WHERE status = 'RESOLVED' AND resolved_resource_id IS NOT NULL",
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT count(*) AS n FROM follow_up_due WHERE status = 'PLANNED' AND due_on BETWEEN $1 AND $1::date + 6",
        [TODAY],
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it.each([2025, 2026])("gives the outcome report non-trivial figures for FY%i", async (year) => {
    const f = await new OutcomeService(t.db).summary(year, new Date(`${TODAY}T12:00:00+09:00`));
    expect(f.matchingCount).toBeGreaterThanOrEqual(8);
    expect(f.startedCount).toBeGreaterThanOrEqual(5);
    expect(f.changeRate.denominator).toBeGreaterThanOrEqual(10);
    expect(f.changeRate.denominator).toBeLessThanOrEqual(20);
    expect(f.changeRate.rate).toBeGreaterThanOrEqual(0.6);
    expect(f.changeRate.rate).toBeLessThanOrEqual(0.7);
    expect(f.settlingRate3Months.denominator).toBeGreaterThan(0);
    expect(f.settlingRate6Months.rate).toBeGreaterThan(0.5);
    expect(f.followUps.onTimeCount).toBeGreaterThan(10);
    expect(f.followUps.lateCount).toBeGreaterThan(0);
    if (year === 2026) expect(f.followUps.overdueCount).toBeGreaterThanOrEqual(3);
    expect(f.consentRate.denominator).toBeGreaterThan(10);
  });

  it("is what wipeCatalog's list needs: truncating CASEWORK_TABLES empties the casework and keeps the settings row", async () => {
    await t.db.query(`TRUNCATE ${CASEWORK_TABLES.map((n) => `"${n}"`).join(", ")}`);
    for (const table of CASEWORK_TABLES) expect(await count(`SELECT count(*) AS n FROM "${table}"`), table).toBe(0);
    expect(await count("SELECT count(*) AS n FROM municipal_settings")).toBe(1);
    // And the caseload can be seeded again on the same catalog.
    const again = await seedDemoCaseload(t.db, TODAY);
    expect(again).toEqual(result);
  });
});
