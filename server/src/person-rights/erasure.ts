import { addMonths } from "@tsunagu/calendar";
import type { EntityManager } from "typeorm";
import { FINAL_STAGES } from "../matching/match.stages.js";
import type { ErasureFacts } from "./person-rights.policy.js";
import { ErasureTrigger, PersonErasure } from "./person-rights.entity.js";

/** What an erased person's name becomes (the row stays as the skeleton the indicators count). */
export const ERASED_NAME = "（消去済み）";

/**
 * The last day anything happened in a person's case: registered, stopped, a match moved, a follow-up contact, a
 * consent given, a plan agreed. Their retention period runs from it (person-rights.policy.ts retentionEndsOn).
 */
const LAST_ACTIVITY_SQL = `GREATEST(p.registered_on, p.stopped_on,
    (SELECT max(mt.effective_on) FROM match_transition mt JOIN "match" m ON m.id = mt.match_id WHERE m.person_id = p.id),
    (SELECT max(f.contacted_on) FROM follow_up_record f WHERE f.person_id = p.id),
    (SELECT max(c.given_on) FROM consent c WHERE c.person_id = p.id),
    (SELECT max(sp.agreed_on) FROM support_plan sp WHERE sp.person_id = p.id))`;

/** The facts the erasure rules need, for the persons not yet erased whose last activity is on or before `until`. */
export async function erasureFacts(
  tx: EntityManager,
  where: { personId: string } | { lastActivityUntil: string },
): Promise<(ErasureFacts & { id: string })[]> {
  const byPerson = "personId" in where;
  const rows: (ErasureFacts & { id: string })[] = await tx.query(
    `SELECT * FROM (
       SELECT p.id, p.stopped_on::text AS "stoppedOn", p.erased_at AS "erasedAt",
              ${LAST_ACTIVITY_SQL}::text AS "lastActivityOn",
              EXISTS (SELECT 1 FROM "match" m WHERE m.person_id = p.id AND NOT (m.stage = ANY($1::text[]))) AS "hasOpenMatch"
         FROM person p WHERE ${byPerson ? "p.id = $2" : "p.erased_at IS NULL"}) x
      ${byPerson ? "" : 'WHERE x."lastActivityOn" <= $2'}
      ORDER BY x.id`,
    [[...FINAL_STAGES], byPerson ? where.personId : where.lastActivityUntil],
  );
  return rows;
}

/** The cut-off day for a retention of `years` on `on`: records dated on or before it are due. */
export const retentionCutoff = (on: string, years: number): string => addMonths(on, -years * 12);

const count = async (tx: EntityManager, sql: string, params: unknown[]): Promise<number> => {
  // An UPDATE or DELETE answers [rows, affected row count] through TypeORM's PostgreSQL driver.
  const [rows, affected] = await tx.query<[unknown[], number]>(sql, params);
  return Array.isArray(rows) && typeof affected === "number" ? affected : 0;
};

/**
 * Erases one person's personal data, in the caller's transaction, and writes the tombstone (PersonErasure). What
 * goes: names, birth year, home point, contacts, household and needs free text, certificates; every free-text note
 * on their consents, plans, matches, moves, attendance, follow-ups, intakes and 協力依頼; the correction history.
 * What stays is the de-identified, dated skeleton the yearly indicators count (indicator-records.loader.ts): the
 * person's registration day, area and age band, consent dates and facts, plan dates and states, match stages and
 * their dates, follow-up dates, methods and change flags. Plain SQL updates: no updated_at or version moves (a closed
 * plan's closing day is read from its updated_at).
 */
export async function erasePerson(
  tx: EntityManager,
  personId: string,
  cause: ErasureTrigger,
  erasedById: string | null,
): Promise<PersonErasure> {
  const id = [personId];
  const counts: Record<string, number> = {
    person: await count(
      tx,
      `UPDATE person SET display_name = $2, name_kana = '', reading_key = '', birth_year = NULL, home_lat = NULL,
              home_lng = NULL, contact_preference = NULL, contact_note = '', household_note = '', household_issues = '{}',
              household_circumstances = '{}',
              certificates = '{}', needs_wishes = '', needs_strengths = '', needs_other_preferences = '',
              needs_wanted_activities = '{}', stop_reason = CASE WHEN stop_reason IS NULL THEN NULL ELSE '' END,
              erased_at = now()
        WHERE id = $1`,
      [personId, ERASED_NAME],
    ),
    consents: await count(
      tx,
      `UPDATE consent SET note = '', withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE '' END
        WHERE person_id = $1`,
      id,
    ),
    supportPlans: await count(tx, `UPDATE support_plan SET goals = '{}' WHERE person_id = $1`, id),
    matches: await count(
      tx,
      `UPDATE "match" SET rationale = '', host_response_reason = CASE WHEN host_response_reason IS NULL THEN NULL ELSE '' END
        WHERE person_id = $1`,
      id,
    ),
    matchTransitions: await count(
      tx,
      `UPDATE match_transition SET reason = '' WHERE match_id IN (SELECT id FROM "match" WHERE person_id = $1)`,
      id,
    ),
    attendance: await count(
      tx,
      `UPDATE attendance SET note = '' WHERE match_id IN (SELECT id FROM "match" WHERE person_id = $1)`,
      id,
    ),
    followUpRecords: await count(
      tx,
      `UPDATE follow_up_record SET narrative = '', host_feedback = '', host_guidance = '' WHERE person_id = $1`,
      id,
    ),
    intakes: await count(tx, `UPDATE consultation_intake SET note = '' WHERE person_id = $1`, id),
    cooperationRequests: await count(tx, `UPDATE cooperation_request SET note = '' WHERE person_id = $1`, id),
    corrections: await count(tx, `DELETE FROM person_correction WHERE person_id = $1`, id),
  };
  const repo = tx.getRepository(PersonErasure);
  return repo.save(repo.create({ personId, cause, erasedById, counts }));
}

/** Old free text of the records that have a retention of their own; returns how many rows lost it, per kind. */
export async function eraseOldNotes(
  tx: EntityManager,
  cutoffs: { followUpNotes: string; intakes: string; meetings: string },
): Promise<Record<string, number>> {
  return {
    followUpRecords: await count(
      tx,
      `UPDATE follow_up_record SET narrative = '', host_feedback = '', host_guidance = ''
        WHERE contacted_on <= $1 AND (narrative <> '' OR host_feedback <> '' OR host_guidance <> '')`,
      [cutoffs.followUpNotes],
    ),
    intakes: await count(tx, `UPDATE consultation_intake SET note = '' WHERE received_on <= $1 AND note <> ''`, [
      cutoffs.intakes,
    ]),
    meetingRecords: await count(
      tx,
      `UPDATE meeting_record SET decisions = '' WHERE held_on <= $1 AND decisions <> ''`,
      [cutoffs.meetings],
    ),
  };
}
