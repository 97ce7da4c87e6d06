import { addDays } from "@tsunagu/calendar";
import { MatchStage } from "../matching/match.enums.js";
import { SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import { ResourceKind } from "../resources/resource.enums.js";
import type { TargetValue } from "./evaluation-report.js";
import { emptyRecords, type IntakeField, type IndicatorRecords, type MatchFact } from "./indicator-records.js";

/*
 * A fixture city whose records give 高松市's R5 (2023年度) 参加支援 figures (its 実施状況報告, seeds-report §2.5, §5.2):
 * 相談受付 107 → 同意 9 → 支援プラン 9 (新規 4, 再プラン 5), 支援人数 20 including carried-over cases, 協力依頼機関数 63
 * (42 in R4), with the city's targets 220 and 11. Who is who:
 * - R4 (2022年度): 5 persons consent and get a 新規 plan (R4 支援プラン策定人数 = 5); in R5 each is re-planned.
 * - Earlier: 6 persons taking part at a host since 2021年度 (a match still in 定着): supported in R5, carried over.
 * - R5: 107 consultations; 9 of them consent and become persons; 4 of those get a 新規 plan, the other 5 a match in
 *   coordination (being supported, no plan yet).
 * - 協力依頼: 63 organizations in R5, 7 of them asked twice (70 requests); 42 organizations in R4.
 * So 支援人数 R5 = 5 (re-planned) + 6 (taking part) + 9 (new) = 20, of which 11 carried over.
 */

export const TAKAMATSU_FISCAL_YEAR = 2023;
const R5 = "2023-04-01";
const R4 = "2022-04-01";
/** The n-th day of a 年度 (spread over the year; n < 365). */
const day = (start: string, n: number) => addDays(start, n % 365);

const FIELDS: IntakeField[] = ["ALL", "ELDERLY", "DISABILITY", "CHILD", "POVERTY", "OTHER"];

function match(id: string, personId: string, path: [MatchStage, string][]): MatchFact {
  let from: MatchStage | null = null;
  return {
    id,
    personId,
    organizationId: `org-${id}`,
    resourceId: `res-${id}`,
    resourceKind: ResourceKind.IBASHO,
    rolesOffered: [],
    areaIds: [],
    targetGroups: [],
    transitions: path.map(([toStage, effectiveOn]) => {
      const t = { fromStage: from, toStage, effectiveOn };
      from = toStage;
      return t;
    }),
  };
}

export function takamatsuRecords(): IndicatorRecords {
  const r = emptyRecords("2024-05-31");
  // R4: five persons, consented and planned (新規) in 2022年度.
  for (let i = 1; i <= 5; i++) {
    const id = `r4-${i}`;
    r.persons.push({ id, registeredOn: day(R4, i * 30), areaId: null, ageBand: null });
    r.consents.push({ personId: id, givenOn: day(R4, i * 30 + 5) });
    r.plans.push({
      personId: id,
      planVersion: SupportPlanVersion.NEW,
      agreedOn: day(R4, i * 30 + 20),
      status: SupportPlanStatus.CLOSED,
      closedOn: day(R5, i * 40),
    });
    // Re-planned in R5, the day the first plan closed.
    r.plans.push({
      personId: id,
      planVersion: SupportPlanVersion.REPLAN,
      agreedOn: day(R5, i * 40),
      status: SupportPlanStatus.AGREED,
      closedOn: null,
    });
  }
  // Six persons taking part since 2021年度.
  for (let i = 1; i <= 6; i++) {
    const id = `old-${i}`;
    r.persons.push({ id, registeredOn: day("2021-04-01", i * 10), areaId: null, ageBand: null });
    r.consents.push({ personId: id, givenOn: day("2021-04-01", i * 10 + 3) });
    r.matches.push(
      match(`m-${id}`, id, [
        [MatchStage.CANDIDATE, day("2021-04-01", i * 10 + 10)],
        [MatchStage.PROPOSED, day("2021-04-01", i * 10 + 20)],
        [MatchStage.ACTIVE_FOLLOW_UP, day("2021-04-01", i * 10 + 30)],
        [MatchStage.STABLE, day("2021-04-01", i * 10 + 150)],
      ]),
    );
  }
  // R5: 107 consultations, every third day or so; nine of them consent.
  for (let i = 0; i < 107; i++) {
    const receivedOn = day(R5, Math.floor((i * 365) / 107));
    const consents = i % 12 === 0 && i < 108; // i = 0, 12, …, 96: nine
    const personId = consents ? `r5-${i}` : null;
    r.intakes.push({
      id: `intake-${i}`,
      receivedOn,
      route: "窓口",
      field: FIELDS[i % FIELDS.length],
      areaId: null,
      ageBand: null,
      outcome: consents ? "CONSENTED" : i % 3 === 0 ? "REFERRED" : "INFO_ONLY",
      personId,
    });
    if (!personId) continue;
    r.persons.push({ id: personId, registeredOn: receivedOn, areaId: null, ageBand: null });
    r.consents.push({ personId, givenOn: receivedOn });
    if (i < 48) {
      // i = 0, 12, 24, 36: a 新規 plan a fortnight later.
      r.plans.push({
        personId,
        planVersion: SupportPlanVersion.NEW,
        agreedOn: addDays(receivedOn, 14),
        status: SupportPlanStatus.AGREED,
        closedOn: null,
      });
    } else {
      r.matches.push(
        match(`m-${personId}`, personId, [
          [MatchStage.CANDIDATE, addDays(receivedOn, 7)],
          [MatchStage.HOST_COORDINATION, addDays(receivedOn, 10)],
        ]),
      );
    }
  }
  // 協力依頼: R5 63 organizations, the first 7 asked twice; R4 42 organizations.
  for (let o = 1; o <= 63; o++) {
    r.cooperationRequests.push(request(`r5-${o}`, `org-${o}`, day(R5, o * 5), "ACCEPTED"));
    if (o <= 7) r.cooperationRequests.push(request(`r5-${o}-again`, `org-${o}`, day(R5, o * 5 + 100), "DECLINED"));
  }
  for (let o = 1; o <= 42; o++) r.cooperationRequests.push(request(`r4-${o}`, `org-${o}`, day(R4, o * 8), "PENDING"));
  return r;
}

const request = (
  id: string,
  organizationId: string,
  requestedOn: string,
  answer: "ACCEPTED" | "DECLINED" | "PENDING",
) => ({
  id,
  organizationId,
  requestedOn,
  kind: "ACCEPT_PERSON" as const,
  answer,
  answeredOn: answer === "PENDING" ? null : requestedOn,
  personId: null,
  resourceGapId: null,
});

/** 高松市's targets for R4 and R5 (the same both years). */
export const TAKAMATSU_TARGETS: TargetValue[] = [2022, 2023].flatMap((fiscalYear) => [
  { indicatorId: "cooperation-organizations", fiscalYear, value: 220 },
  { indicatorId: "plan-persons", fiscalYear, value: 11 },
]);
