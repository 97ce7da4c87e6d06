import type { DataSource, EntityManager } from "typeorm";
import { addMonths, fiscalYearRange, today } from "@tsunagu/calendar";
import { badInput } from "../core/errors.js";
import type { MatchStage } from "../matching/match.enums.js";
import { PARTICIPATING } from "../matching/match.stages.js";
import { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import { LONGEST_SETTLING_MONTHS, computeOutcomes, type OutcomeInput } from "./outcome.compute.js";
import type { OutcomeSummary } from "./outcome.types.js";

/** The column default of MunicipalSettings.onTimeGraceDays, for a database whose settings row is missing. */
const DEFAULT_GRACE_DAYS = 7;

interface TransitionRow {
  matchId: string;
  personId: string;
  fromStage: MatchStage | null;
  toStage: MatchStage;
  effectiveOn: string;
  createdAt: Date;
}

/**
 * 年度の成果指標. Loads only the rows that can change a figure for the year, in one consistent snapshot, and
 * leaves every definition to computeOutcomes (outcome.compute.ts). Dates are cast to text in SQL: the driver would
 * otherwise turn a `date` into a Date at local midnight.
 */
export class OutcomeService {
  constructor(private readonly db: DataSource) {}

  async summary(fiscalYear: number, now: Date = new Date()): Promise<OutcomeSummary> {
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      throw badInput("fiscalYear", "年度は2000〜2100で指定してください");
    }
    const asOf = today(now);
    const fy = fiscalYearRange(fiscalYear);
    // Several reads that must agree with one another (a match moved between two of them would count twice or not at all).
    return this.db.transaction("REPEATABLE READ", async (tx): Promise<OutcomeSummary> => {
      const settings = await MunicipalSettingsService.find(tx);
      const input: OutcomeInput = {
        fiscalYear, today: asOf, graceDays: settings?.onTimeGraceDays ?? DEFAULT_GRACE_DAYS,
        matches: await loadMatches(tx, fy),
        records: await tx.query(
          // One row per person with a change in the year is all the figure needs.
          `SELECT person_id AS "personId", min(contacted_on)::text AS "contactedOn", true AS "changeObserved"
             FROM follow_up_record WHERE change_observed AND contacted_on BETWEEN $1 AND $2 GROUP BY person_id`,
          [fy.start, fy.end]),
        dues: await tx.query(
          `SELECT due_on::text AS "dueOn", status, done_on::text AS "doneOn"
             FROM follow_up_due WHERE due_on BETWEEN $1 AND $2 AND status <> 'CANCELLED'`,
          [fy.start, asOf < fy.end ? asOf : fy.end]),
        persons: await tx.query(
          `SELECT id, registered_on::text AS "registeredOn" FROM person WHERE registered_on BETWEEN $1 AND $2`,
          [fy.start, fy.end]),
        firstConsentOn: await tx.query(
          `SELECT person_id AS "personId", min(given_on)::text AS "givenOn" FROM consent
            GROUP BY person_id HAVING min(given_on) BETWEEN $1 AND $2`,
          [fy.start, fy.end]),
      };
      return computeOutcomes(input);
    });
  }
}

/**
 * The full history (up to the year's end) of every match that can count:
 * - a move between `from` and the year's end: proposed, started, reopened or left in the year, or started late
 *   enough that a 定着 mark (at most LONGEST_SETTLING_MONTHS later) falls in the year;
 * - or taking part (参加開始・定着) when that window opened: participating with no move since, possibly for years.
 * Moves after the year's end cannot change its figures: a participation still open then is open through the year.
 */
async function loadMatches(tx: EntityManager, fy: { start: string; end: string }): Promise<OutcomeInput["matches"]> {
  const from = addMonths(fy.start, -LONGEST_SETTLING_MONTHS);
  const rows: TransitionRow[] = await tx.query(
    `WITH relevant AS (
       SELECT match_id FROM match_transition WHERE effective_on BETWEEN $1 AND $2
       UNION
       SELECT match_id FROM (
         SELECT DISTINCT ON (match_id) match_id, to_stage FROM match_transition WHERE effective_on < $1
          ORDER BY match_id, effective_on DESC, created_at DESC, id DESC
       ) latest
        WHERE to_stage = ANY($3::text[])
     )
     SELECT t.match_id AS "matchId", m.person_id AS "personId", t.from_stage AS "fromStage", t.to_stage AS "toStage",
            t.effective_on::text AS "effectiveOn", t.created_at AS "createdAt"
       FROM match_transition t JOIN "match" m ON m.id = t.match_id
      WHERE t.match_id IN (SELECT match_id FROM relevant) AND t.effective_on <= $2
      ORDER BY t.match_id, t.effective_on, t.created_at, t.id`,
    [from, fy.end, [...PARTICIPATING]],
  );
  const byMatch = new Map<string, OutcomeInput["matches"][number]>();
  for (const { matchId, personId, ...transition } of rows) {
    let match = byMatch.get(matchId);
    if (!match) byMatch.set(matchId, (match = { id: matchId, personId, transitions: [] }));
    match.transitions.push(transition);
  }
  return [...byMatch.values()];
}
