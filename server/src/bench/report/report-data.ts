import type { DataSource } from "typeorm";
import { CASEWORK_TABLES } from "../../db/seed/seed-caseload.js";

/**
 * The casework of a large city over five 年度, written straight into PostgreSQL (INSERT … SELECT over
 * generate_series: a few seconds, where the services would take many minutes). Deterministic: every choice is
 * arithmetic on the row number, so two runs measure the same data. Listings, organizations, areas and users are the
 * demo city's.
 */
export interface ReportCity {
  persons: number;
  matches: number;
  followUps: number;
  /** The first day of the five 年度 and the last day written (today or before). */
  from: string;
  to: string;
}

/** The tables whose sizes the bench reports. */
const COUNTED = [
  "person",
  "match",
  "match_transition",
  "follow_up_record",
  "consultation_intake",
  "meeting_record",
  "meeting_record_person",
  "cooperation_request",
  "host_support",
];

export async function writeReportCity(db: DataSource, city: ReportCity): Promise<Record<string, number>> {
  await db.query(`TRUNCATE ${CASEWORK_TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
  const days = `(DATE '${city.to}' - DATE '${city.from}')`;
  const day = (expr: string) => `(DATE '${city.from}' + ((${expr}) % ${days})::int)`;
  await db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE bench_area ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM area`,
    );
    await tx.query(
      `CREATE TEMP TABLE bench_resource ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, organization_id FROM resource`,
    );
    await tx.query(
      `CREATE TEMP TABLE bench_user ON COMMIT DROP AS SELECT id FROM app_user WHERE role = 'COORDINATOR' ORDER BY email LIMIT 1`,
    );
    // Persons: registered evenly over the five 年度; a quarter on the 支援会議 track (no consent yet).
    await tx.query(
      `INSERT INTO person (id, display_name, name_kana, reading_key, age_band, area_id, track, coordinator_id, registered_on)
       SELECT md5('person' || i)::uuid, 'ベンチ 利用者' || i, 'べんち りようしゃ', 'benti riyousixya ' || i,
              (ARRAY['UNDER_18','AGE_18_29','AGE_30_39','AGE_40_49','AGE_50_64','AGE_65_74','AGE_75_PLUS'])[1 + i % 7],
              (SELECT id FROM bench_area WHERE n = i % (SELECT count(*) FROM bench_area)),
              CASE WHEN i % 4 = 0 THEN 'SUPPORT_MEETING' ELSE 'CONSENTED' END, (SELECT id FROM bench_user),
              ${day("i * 173")}
         FROM generate_series(0, $1 - 1) AS i`,
      [city.persons],
    );
    await tx.query(
      `INSERT INTO consent (person_id, purpose, facts, method, given_on, recorded_by_id)
       SELECT p.id, 'HOST_REFERRAL', '{}', 'WRITTEN', LEAST(p.registered_on + 14, DATE '${city.to}'), (SELECT id FROM bench_user)
         FROM person p WHERE p.track = 'CONSENTED'`,
    );
    // Plans: a new plan for two persons in three, a re-plan a year later for one in three of those.
    await tx.query(
      `INSERT INTO support_plan (person_id, plan_version, goals, agreed_on, status, created_by_id)
       SELECT p.id, 'NEW', ARRAY['居場所に通う'], LEAST(p.registered_on + 30, DATE '${city.to}'), 'AGREED', (SELECT id FROM bench_user)
         FROM person p WHERE abs(hashtext(p.id::text)) % 3 <> 0
       UNION ALL
       SELECT p.id, 'REPLAN', ARRAY['週に一度参加する'], LEAST(p.registered_on + 395, DATE '${city.to}'), 'AGREED', (SELECT id FROM bench_user)
         FROM person p WHERE abs(hashtext(p.id::text)) % 9 = 1`,
    );
    // Matches: proposed some weeks after registration; most start, many settle, some close.
    await tx.query(
      `CREATE TEMP TABLE bench_match ON COMMIT DROP AS
       SELECT md5('match' || i)::uuid AS id, p.id AS person_id, r.id AS resource_id, r.organization_id,
              LEAST(p.registered_on + 20 + i % 40, DATE '${city.to}') AS proposed_on, i
         FROM generate_series(0, $1 - 1) AS i
         JOIN person p ON p.id = md5('person' || (i % $2))::uuid
         JOIN bench_resource r ON r.n = (i * 7) % (SELECT count(*) FROM bench_resource)`,
      [city.matches, city.persons],
    );
    await tx.query(
      `INSERT INTO match (id, person_id, resource_id, organization_id, coordinator_id, stage, started_on, first_started_on, closed_on)
       SELECT id, person_id, resource_id, organization_id, (SELECT id FROM bench_user),
              CASE WHEN i % 10 = 0 THEN 'PROPOSED' WHEN i % 10 < 5 THEN 'ACTIVE_FOLLOW_UP' WHEN i % 10 < 8 THEN 'STABLE' ELSE 'CLOSED' END,
              CASE WHEN i % 10 = 0 THEN NULL ELSE LEAST(proposed_on + 14, DATE '${city.to}') END,
              CASE WHEN i % 10 = 0 THEN NULL ELSE LEAST(proposed_on + 14, DATE '${city.to}') END,
              CASE WHEN i % 10 >= 8 THEN LEAST(proposed_on + 200, DATE '${city.to}') END
         FROM bench_match`,
    );
    await tx.query(
      `INSERT INTO match_transition (match_id, from_stage, to_stage, actor_id, effective_on)
       SELECT id, NULL, 'CANDIDATE', (SELECT id FROM bench_user), proposed_on FROM bench_match
       UNION ALL SELECT id, 'CANDIDATE', 'PROPOSED', (SELECT id FROM bench_user), proposed_on FROM bench_match
       UNION ALL SELECT id, 'PROPOSED', 'ACTIVE_FOLLOW_UP', (SELECT id FROM bench_user), LEAST(proposed_on + 14, DATE '${city.to}')
                   FROM bench_match WHERE i % 10 <> 0
       UNION ALL SELECT id, 'ACTIVE_FOLLOW_UP', 'STABLE', (SELECT id FROM bench_user), LEAST(proposed_on + 120, DATE '${city.to}')
                   FROM bench_match WHERE i % 10 >= 5
       UNION ALL SELECT id, 'STABLE', 'CLOSED', (SELECT id FROM bench_user), LEAST(proposed_on + 200, DATE '${city.to}')
                   FROM bench_match WHERE i % 10 >= 8`,
    );
    // Follow-ups: spread over each started match's life, every contact method, a change noted in one in five.
    await tx.query(
      `INSERT INTO follow_up_record (match_id, person_id, recorded_by_id, contacted_on, method, change_observed)
       SELECT m.id, m.person_id, (SELECT id FROM bench_user),
              LEAST(m.proposed_on + 14 + (k / $2) * 21, DATE '${city.to}'),
              (ARRAY['VISIT','INTERVIEW','PHONE','EMAIL','LETTER','ACCOMPANY','HOST_SITE_VISIT','OTHER'])[1 + k % 8],
              k % 5 = 0
         FROM generate_series(0, $1 - 1) AS k
         JOIN bench_match m ON m.i = (k % $2)`,
      [city.followUps, city.matches],
    );
    await tx.query(
      `INSERT INTO follow_up_due (match_id, kind, due_on, status, done_on)
       SELECT id, 'MONTHLY', LEAST(proposed_on + 45, DATE '${city.to}'),
              CASE WHEN i % 6 = 0 THEN 'PLANNED' ELSE 'DONE' END,
              CASE WHEN i % 6 = 0 THEN NULL ELSE LEAST(proposed_on + 45 + i % 9, DATE '${city.to}') END
         FROM bench_match WHERE i % 10 <> 0`,
    );
    await tx.query(
      `INSERT INTO resource_gap (need, area_id, status, resolved_resource_id, raised_by_id)
       SELECT '近くに平日夜の居場所がない ' || i, (SELECT id FROM bench_area WHERE n = i % (SELECT count(*) FROM bench_area)),
              CASE WHEN i % 3 = 0 THEN 'RESOLVED' ELSE 'IDENTIFIED' END,
              CASE WHEN i % 3 = 0 THEN (SELECT id FROM bench_resource WHERE n = i % (SELECT count(*) FROM bench_resource)) END,
              (SELECT id FROM bench_user)
         FROM generate_series(0, 299) AS i`,
    );
    await tx.query(
      `INSERT INTO consultation_intake (received_on, route, field, area_id, age_band, outcome, person_id, recorded_by_id)
       SELECT ${day("i * 211")}, (ARRAY['WALK_IN','PHONE','REFERRAL','OUTREACH','FAMILY','OTHER'])[1 + i % 6],
              (ARRAY['ALL','ELDERLY','DISABILITY','CHILD','POVERTY','OTHER'])[1 + i % 6],
              (SELECT id FROM bench_area WHERE n = i % (SELECT count(*) FROM bench_area)),
              (ARRAY['AGE_18_29','AGE_40_49','AGE_65_74'])[1 + i % 3],
              CASE WHEN i < $2 THEN 'CONSENTED' ELSE (ARRAY['INFO_ONLY','REFERRED','CLOSED','PENDING'])[1 + i % 4] END,
              CASE WHEN i < $2 THEN md5('person' || i)::uuid END, (SELECT id FROM bench_user)
         FROM generate_series(0, $1 - 1) AS i`,
      [city.persons * 3, city.persons],
    );
    await tx.query(
      `INSERT INTO meeting_record (id, held_on, kind, title, recorded_by_id)
       SELECT md5('meeting' || i)::uuid, ${day("i * 37")}, (ARRAY['SHIEN_KAIGI','JUSOTEKI','OTHER_CASE','REGULAR','NETWORK'])[1 + i % 5],
              '会議 ' || i, (SELECT id FROM bench_user)
         FROM generate_series(0, 599) AS i`,
    );
    await tx.query(
      `INSERT INTO meeting_record_person (meeting_record_id, person_id)
       SELECT md5('meeting' || (i % 600))::uuid, md5('person' || ((i * 13) % $1))::uuid FROM generate_series(0, 1799) AS i
       ON CONFLICT DO NOTHING`,
      [city.persons],
    );
    await tx.query(
      `INSERT INTO cooperation_request (organization_id, requested_on, kind, answer, recorded_by_id)
       SELECT (SELECT organization_id FROM bench_resource WHERE n = (i * 11) % (SELECT count(*) FROM bench_resource)),
              ${day("i * 53")}, (ARRAY['ACCEPT_PERSON','CREATE_PLACE','OTHER'])[1 + i % 3],
              (ARRAY['PENDING','ACCEPTED','DECLINED','CONDITIONAL'])[1 + i % 4], (SELECT id FROM bench_user)
         FROM generate_series(0, 2999) AS i`,
    );
    await tx.query(
      `INSERT INTO host_support (organization_id, given_on, kind, method, recorded_by_id)
       SELECT (SELECT organization_id FROM bench_resource WHERE n = (i * 17) % (SELECT count(*) FROM bench_resource)),
              ${day("i * 59")}, (ARRAY['VISIT','ADVICE','PROBLEM','TRAINING','OTHER'])[1 + i % 5],
              (ARRAY['VISIT','PHONE','INTERVIEW'])[1 + i % 3], (SELECT id FROM bench_user)
         FROM generate_series(0, 1999) AS i`,
    );
  });
  await db.query("ANALYZE");
  const counts: Record<string, number> = {};
  for (const t of COUNTED) counts[t] = (await db.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n;
  return counts;
}
