import { describe, expect, it } from "vitest";
import { buildEvaluationReport } from "./evaluation-report.js";
import { INDICATOR_CATALOG } from "./indicator-catalog.js";
import { TAKAMATSU_FISCAL_YEAR, TAKAMATSU_TARGETS, takamatsuRecords } from "./takamatsu.fixture.js";

describe("a fixture city reproduces 高松市's R5 参加支援 figures from records", () => {
  const report = buildEvaluationReport({
    fiscalYear: TAKAMATSU_FISCAL_YEAR,
    catalog: INDICATOR_CATALOG,
    records: takamatsuRecords(),
    targets: TAKAMATSU_TARGETS,
    enteredValues: [],
    narratives: [],
  });
  const row = (id: string) => report.rows.find((r) => r.indicatorId === id)!;

  it("協力依頼機関数 63 of 220 → 28.6% (25%以上); 42 in R4", () => {
    const r = row("cooperation-organizations");
    expect(r.years.map((y) => y.actual)).toEqual([0, 0, 42, 63]);
    expect([r.years[3].target, r.rate, r.bucket]).toEqual([220, 28.6, "25%以上"]);
    expect(row("cooperation-requests").years[3].actual).toBe(70);
  });

  it("支援プラン策定人数 9 of 11 → 81.8% (75%以上): 新規 4, 再プラン 5; 5 in R4", () => {
    const r = row("plan-persons");
    expect(r.years.map((y) => y.actual)).toEqual([0, 0, 5, 9]);
    expect([r.years[3].target, r.rate, r.bucket]).toEqual([11, 81.8, "75%以上"]);
    expect(r.years[2].rate).toBe(45.5);
    expect([row("plan-persons-new").years[3].actual, row("plan-persons-replan").years[3].actual]).toEqual([4, 5]);
  });

  it("the funnel: 相談受付 107 → 同意 9 → プラン 9; 支援人数 20 with 11 carried over; 63 organizations asked", () => {
    expect(report.funnel).toMatchObject({
      intakes: 107,
      consents: 9,
      planPersons: 9,
      newPlanPersons: 4,
      replanPersons: 5,
      supportedPersons: 20,
      carriedOverPersons: 11,
      cooperationOrganizations: 63,
    });
    expect(row("supported-persons").years[3].actual).toBe(20);
  });

  it("its 参加支援 row of the 事業別 table: two indicators with targets, one at 75%以上 and one at 25%以上", () => {
    const jigyo2 = report.byJigyo.find((r) => r.key === "2")!;
    expect([jigyo2.total, jigyo2.counts["75%以上"], jigyo2.counts["25%以上"]]).toEqual([2, 1, 1]);
  });
});
