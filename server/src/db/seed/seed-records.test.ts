import { fiscalYearOf } from "@tsunagu/calendar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Gql, type TestApp } from "../../test/harness.js";
import { User } from "../../auth/user.entity.js";
import { seedDemoCaseload } from "./seed-caseload.js";
import { seedDemoCity } from "./seed-demo.js";
import { seedDemoRecords, type RecordsSeedResult } from "./seed-records.js";

const TODAY = "2026-11-22";
const LAST_YEAR = fiscalYearOf(TODAY) - 1;

let t: TestApp;
let result: RecordsSeedResult;
let admin: Gql;
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.db);
  await seedDemoCaseload(t.db, TODAY);
  result = await seedDemoRecords(t.db, TODAY);
  admin = await t.asViewer(await t.db.getRepository(User).findOneByOrFail({ email: "admin@example.jp" }));
});
afterAll(() => t.close());

const REPORT = /* GraphQL */ `
  query Report($fiscalYear: Int!) {
    evaluationReport(fiscalYear: $fiscalYear) {
      rows {
        indicatorId
        entered
        bucket
        years {
          fiscalYear
          target
          actual
        }
      }
      funnel {
        intakes
        consents
        cooperationOrganizations
      }
    }
  }
`;
type Answer = {
  evaluationReport: {
    rows: {
      indicatorId: string;
      entered: boolean;
      bucket: string | null;
      years: { fiscalYear: number; target: number | null; actual: number | null }[];
    }[];
    funnel: { intakes: number; consents: number; cooperationOrganizations: number };
  };
};

describe("seedDemoRecords", () => {
  it("writes an intake for every person (同意→本人登録 exactly when they consented) and intakes that stayed anonymous", async () => {
    expect(await count("SELECT count(*) AS n FROM consultation_intake")).toBe(result.intakes);
    expect(
      await count(
        "SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM consultation_intake i WHERE i.person_id = p.id)",
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM consultation_intake i JOIN person p ON p.id = i.person_id
        WHERE (i.outcome = 'CONSENTED') <> EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id)
           OR i.received_on <> p.registered_on`),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM consultation_intake WHERE person_id IS NULL")).toBeGreaterThan(20);
  });

  it("dates nothing after today, and discusses in a 支援会議 only the persons of that 支援会議", async () => {
    for (const [table, column] of [
      ["consultation_intake", "received_on"],
      ["meeting_record", "held_on"],
      ["cooperation_request", "requested_on"],
      ["cooperation_request", "answered_on"],
      ["host_support", "given_on"],
    ])
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE ${column} > $1`, [TODAY]), table).toBe(0);
    const kinds: { kind: string }[] = await t.db.query("SELECT DISTINCT kind FROM meeting_record ORDER BY kind");
    expect(kinds.map((k) => k.kind)).toEqual(["JUSOTEKI", "NETWORK", "REGULAR", "SHIEN_KAIGI"]);
    expect(
      await count(`SELECT count(*) AS n FROM meeting_record m JOIN meeting_record_person mp ON mp.meeting_record_id = m.id
        JOIN person p ON p.id = mp.person_id
        WHERE m.kind = 'SHIEN_KAIGI' AND p.support_meeting_group_id IS DISTINCT FROM m.support_meeting_group_id`),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM meeting_record_person")).toBeGreaterThan(0);
  });

  it("asks each match's host before the match was proposed", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "match" m
        JOIN LATERAL (SELECT min(effective_on) AS proposed FROM match_transition t WHERE t.match_id = m.id AND t.to_stage = 'PROPOSED') p ON p.proposed IS NOT NULL
        WHERE NOT EXISTS (SELECT 1 FROM cooperation_request r WHERE r.organization_id = m.organization_id
          AND r.answer = 'ACCEPTED' AND r.requested_on <= p.proposed)`),
    ).toBe(0);
    expect(result.hostSupports).toBeGreaterThan(0);
  });

  it("gives the last 年度's report a figure for the records' indicators and targets in several buckets", async () => {
    const r = await admin<Answer>(REPORT, { fiscalYear: LAST_YEAR });
    expect(r.errors).toBeUndefined();
    const report = r.data!.evaluationReport;
    const actual = (id: string) => report.rows.find((x) => x.indicatorId === id)!.years.at(-1)!.actual;
    for (const id of [
      "consultation-intakes",
      "cooperation-organizations",
      "host-supports",
      "shien-kaigi-meetings",
      "jusoteki-meetings",
      "all-meetings",
      "network-organizations",
    ])
      expect(actual(id), id).toBeGreaterThan(0);
    expect(report.funnel.intakes).toBeGreaterThan(report.funnel.consents);
    expect(result.targets).toBeGreaterThan(5);
    const buckets = new Set(report.rows.filter((x) => x.years.at(-1)!.target !== null).map((x) => x.bucket));
    expect(buckets.size).toBeGreaterThanOrEqual(3);
  });

  it("writes the same records again, in place of the earlier ones, and keeps targets already set", async () => {
    const again = await seedDemoRecords(t.db, TODAY);
    expect(again).toEqual({ ...result, targets: 0 });
    expect(await count("SELECT count(*) AS n FROM consultation_intake")).toBe(result.intakes);
    expect(await count("SELECT count(*) AS n FROM indicator_target")).toBe(result.targets);
  });
});
