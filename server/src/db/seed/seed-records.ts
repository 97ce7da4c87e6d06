import { addDays, addMonths, fiscalYearOf, fiscalYearRange, today as todayOf } from "@tsunagu/calendar";
import type { DataSource, EntityManager } from "typeorm";
import { ContactMethod } from "../../followups/followup.enums.js";
import { CooperationAnswer, CooperationKind, HostSupportKind } from "../../host-relations/host-relations.enums.js";
import { INDICATOR_CATALOG, computedKind } from "../../indicators/indicator-catalog.js";
import { loadIndicatorRecords } from "../../indicators/indicator-records.loader.js";
import { IntakeField, IntakeOutcome, IntakeRoute } from "../../intake/intake.enums.js";
import { MeetingKind } from "../../meetings/meeting.enums.js";
import { AgeBand } from "../../people/person.enums.js";
import { Rng, type Weighted } from "./rng.js";
import { insertRows } from "./seed-caseload.js";

/*
 * The demo city's evaluation records (相談受付・会議・協力依頼・受け入れ先支援) and its targets, made from the caseload
 * seedDemoCaseload wrote, so that the yearly evaluation report of `npm start` has a figure in every computed row:
 * - 相談受付: one per person on the day they were registered (同意→本人登録 when they consented, else 対応中), and
 *   about three a month that never became a person (情報提供のみ, 他機関へ, 終了);
 * - 会議: the 支援会議 monthly (its persons by reference), a 重層的支援会議 every other month, a ネットワーク会議 every
 *   quarter and a 定例会議 monthly;
 * - 協力依頼: the host of each match asked before it was proposed (once a 年度 per host), some other hosts asked and
 *   declining, and hosts asked to create a place for each resource gap;
 * - 受け入れ先支援: about every three months for each host with someone taking part;
 * - targets of the 参加支援 (第2号) indicators for the last and the current 年度, set by the administrator, near the
 *   figure the records give (so 達成率 falls in several buckets).
 * Deterministic (seeded Rng); written in one transaction after removing any earlier demo records.
 */

const SEED = 20_261_207;
const RECORD_TABLES = [
  "meeting_record_person",
  "meeting_record_user",
  "meeting_record_organization",
  "meeting_record",
  "consultation_intake",
  "cooperation_request",
  "host_support",
];

export interface RecordsSeedResult {
  intakes: number;
  meetings: number;
  cooperationRequests: number;
  hostSupports: number;
  targets: number;
}

interface PersonRow {
  id: string;
  registeredOn: string;
  areaId: string | null;
  ageBand: AgeBand | null;
  groupId: string | null;
  consented: boolean;
}

interface MatchRow {
  id: string;
  personId: string;
  organizationId: string;
  proposedOn: string | null;
  startedOn: string | null;
}

const ROUTES: Weighted<IntakeRoute>[] = [
  [IntakeRoute.REFERRAL, 4],
  [IntakeRoute.PHONE, 3],
  [IntakeRoute.WALK_IN, 2],
  [IntakeRoute.FAMILY, 2],
  [IntakeRoute.OUTREACH, 1],
];
const OTHER_OUTCOMES: Weighted<IntakeOutcome>[] = [
  [IntakeOutcome.INFO_ONLY, 5],
  [IntakeOutcome.REFERRED, 3],
  [IntakeOutcome.CLOSED, 2],
];
const FIELDS: Weighted<IntakeField>[] = [
  [IntakeField.ALL, 2],
  [IntakeField.ELDERLY, 3],
  [IntakeField.DISABILITY, 2],
  [IntakeField.CHILD, 2],
  [IntakeField.POVERTY, 2],
];
const SUPPORT_KINDS: Weighted<HostSupportKind>[] = [
  [HostSupportKind.VISIT, 4],
  [HostSupportKind.ADVICE, 3],
  [HostSupportKind.PROBLEM, 1],
  [HostSupportKind.TRAINING, 1],
];
const SUPPORT_METHODS: Weighted<ContactMethod>[] = [
  [ContactMethod.HOST_SITE_VISIT, 4],
  [ContactMethod.PHONE, 3],
  [ContactMethod.INTERVIEW, 1],
];
const SUPPORT_NOTES: Record<HostSupportKind, string> = {
  [HostSupportKind.VISIT]: "活動の様子を見学し、受け入れの状況を担当者と確認した。",
  [HostSupportKind.ADVICE]: "声のかけ方と休憩の取り方について助言した。",
  [HostSupportKind.PROBLEM]: "参加者どうしの行き違いについて相談を受け、間に入って話を聞いた。",
  [HostSupportKind.TRAINING]: "受け入れの心構えと守秘義務について説明会を行った。",
  [HostSupportKind.OTHER]: "",
};

const fieldOf = (rng: Rng, ageBand: AgeBand | null): IntakeField =>
  ageBand === AgeBand.AGE_65_74 || ageBand === AgeBand.AGE_75_PLUS
    ? IntakeField.ELDERLY
    : ageBand === AgeBand.UNDER_18
      ? IntakeField.CHILD
      : rng.pickWeighted(FIELDS);

/** The same day of every month from `from` through `to` (the 10th, say), as dates. */
function monthly(from: string, to: string, dayOfMonth: number, everyMonths = 1): string[] {
  const days: string[] = [];
  for (let month = `${from.slice(0, 7)}-${String(dayOfMonth).padStart(2, "0")}`; month <= to;) {
    if (month >= from) days.push(month);
    month = addMonths(month, everyMonths);
  }
  return days;
}

export async function seedDemoRecords(db: DataSource, today: string = todayOf()): Promise<RecordsSeedResult> {
  return db.transaction(async (tx) => {
    for (const table of RECORD_TABLES) await tx.query(`DELETE FROM "${table}"`);
    const rng = new Rng(SEED);
    const [admin] = await tx.query(`SELECT id FROM app_user WHERE email = 'admin@example.jp'`);
    const coordinators: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE role = 'COORDINATOR' AND active ORDER BY email`,
    );
    if (!admin || !coordinators.length) throw new Error("demo records: seed the demo city first");
    const recorder = () => rng.pick(coordinators).id;
    const persons: PersonRow[] = await tx.query(
      `SELECT p.id, p.registered_on::text AS "registeredOn", p.area_id AS "areaId", p.age_band AS "ageBand",
              p.support_meeting_group_id AS "groupId", EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id) AS consented
         FROM person p WHERE p.registered_on <= $1 ORDER BY p.registered_on, p.id`,
      [today],
    );
    const matches: MatchRow[] = await tx.query(
      `SELECT m.id, m.person_id AS "personId", m.organization_id AS "organizationId",
              (SELECT min(effective_on)::text FROM match_transition t WHERE t.match_id = m.id AND t.to_stage = 'PROPOSED') AS "proposedOn",
              m.first_started_on::text AS "startedOn"
         FROM "match" m ORDER BY 4 NULLS LAST, m.id`,
    );
    const organizations: string[] = (
      await tx.query(`SELECT id FROM organization WHERE archived_at IS NULL ORDER BY name, id`)
    ).map((o: { id: string }) => o.id);
    const groups: { id: string; members: string[] }[] = await tx.query(
      `SELECT g.id, array_agg(m.user_id ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL) AS members
         FROM support_meeting_group g LEFT JOIN support_meeting_member m ON m.group_id = g.id
        WHERE g.archived_at IS NULL GROUP BY g.id ORDER BY g.id`,
    );
    const gaps: { id: string; raisedOn: string; resolved: boolean }[] = await tx.query(
      `SELECT id, (created_at AT TIME ZONE 'Asia/Tokyo')::date::text AS "raisedOn", status = 'RESOLVED' AS resolved
         FROM resource_gap ORDER BY created_at, id`,
    );
    const first = persons[0]?.registeredOn ?? addMonths(today, -12);
    const start = fiscalYearRange(fiscalYearOf(first)).start;

    // 相談受付
    const intakes: unknown[][] = persons.map((p) => [
      p.registeredOn,
      rng.pickWeighted(ROUTES),
      fieldOf(rng, p.ageBand),
      p.areaId,
      p.ageBand,
      p.consented ? IntakeOutcome.CONSENTED : IntakeOutcome.PENDING,
      p.id,
      p.consented ? "同意を得て本人登録した。" : "支援会議で見守りを続ける。",
      recorder(),
    ]);
    const areaIds = [...new Set(persons.map((p) => p.areaId).filter((a): a is string => a !== null))];
    for (const month of monthly(start, today, 1)) {
      for (let i = rng.int(2, 4); i > 0; i--) {
        const day = addDays(month, rng.int(0, 27));
        if (day > today) continue;
        const outcome = rng.pickWeighted(OTHER_OUTCOMES);
        intakes.push([
          day,
          rng.pickWeighted(ROUTES),
          rng.pickWeighted(FIELDS),
          areaIds.length && rng.chance(0.8) ? rng.pick(areaIds) : null,
          rng.pick(Object.values(AgeBand)),
          outcome,
          null,
          outcome === IntakeOutcome.REFERRED ? "地域包括支援センターにつないだ。" : "",
          recorder(),
        ]);
      }
    }
    await insertRows(
      tx,
      "consultation_intake",
      ["received_on", "route", "field", "area_id", "age_band", "outcome", "person_id", "note", "recorded_by_id"],
      intakes,
    );

    // 会議
    const meetings = await seedMeetings(tx, rng, { start, today, persons, organizations, groups, coordinators });

    // 協力依頼
    const requests: unknown[][] = [];
    const asked = new Set<string>();
    for (const m of matches) {
      if (!m.proposedOn) continue;
      const year = fiscalYearOf(m.proposedOn);
      const requestedOn = addDays(m.proposedOn, -rng.int(5, 20));
      if (!asked.has(`${m.organizationId}|${year}`)) {
        asked.add(`${m.organizationId}|${year}`);
        const answeredOn = addDays(requestedOn, rng.int(1, 4));
        requests.push([
          m.organizationId,
          requestedOn,
          CooperationKind.ACCEPT_PERSON,
          CooperationAnswer.ACCEPTED,
          answeredOn,
          m.personId,
          null,
          "本人の見学と体験参加を受け入れていただけるか相談した。",
          recorder(),
        ]);
      }
      if (rng.chance(0.3)) {
        const other = rng.pick(organizations);
        if (other === m.organizationId) continue;
        const answer = rng.pickWeighted<CooperationAnswer>([
          [CooperationAnswer.DECLINED, 3],
          [CooperationAnswer.CONDITIONAL, 1],
        ]);
        requests.push([
          other,
          requestedOn,
          CooperationKind.ACCEPT_PERSON,
          answer,
          addDays(requestedOn, rng.int(2, 10)),
          m.personId,
          null,
          answer === CooperationAnswer.DECLINED
            ? "今は受け入れの余裕がないとのこと。"
            : "平日午前のみなら可能とのこと。",
          recorder(),
        ]);
      }
    }
    for (const gap of gaps) {
      for (const organizationId of rng.sample(organizations, 2)) {
        const requestedOn = addDays(gap.raisedOn, rng.int(3, 30));
        if (requestedOn > today) continue;
        const answer = gap.resolved
          ? CooperationAnswer.ACCEPTED
          : rng.chance(0.5)
            ? CooperationAnswer.PENDING
            : CooperationAnswer.DECLINED;
        requests.push([
          organizationId,
          requestedOn,
          CooperationKind.CREATE_PLACE,
          answer,
          answer === CooperationAnswer.PENDING ? null : addDays(requestedOn, rng.int(7, 30)),
          null,
          gap.id,
          "不足している居場所について、新しい活動を始められないか相談した。",
          recorder(),
        ]);
      }
    }
    const inRange = requests.filter((r) => (r[4] === null || (r[4] as string) <= today) && (r[1] as string) <= today);
    await insertRows(
      tx,
      "cooperation_request",
      [
        "organization_id",
        "requested_on",
        "kind",
        "answer",
        "answered_on",
        "person_id",
        "resource_gap_id",
        "note",
        "recorded_by_id",
      ],
      inRange,
    );

    // 受け入れ先支援
    const supports: unknown[][] = [];
    const hostsSince = new Map<string, string>();
    for (const m of matches)
      if (m.startedOn && (!hostsSince.has(m.organizationId) || m.startedOn < hostsSince.get(m.organizationId)!))
        hostsSince.set(m.organizationId, m.startedOn);
    for (const [organizationId, since] of [...hostsSince].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (let day = addDays(since, rng.int(10, 40)); day <= today; day = addDays(day, rng.int(70, 110))) {
        const kind = rng.pickWeighted(SUPPORT_KINDS);
        supports.push([organizationId, day, kind, rng.pickWeighted(SUPPORT_METHODS), SUPPORT_NOTES[kind], recorder()]);
      }
    }
    await insertRows(
      tx,
      "host_support",
      ["organization_id", "given_on", "kind", "method", "note", "recorded_by_id"],
      supports,
    );

    const targets = await seedTargets(tx, rng, admin.id, today);
    return {
      intakes: intakes.length,
      meetings,
      cooperationRequests: inRange.length,
      hostSupports: supports.length,
      targets,
    };
  });
}

async function seedMeetings(
  tx: EntityManager,
  rng: Rng,
  city: {
    start: string;
    today: string;
    persons: PersonRow[];
    organizations: string[];
    groups: { id: string; members: string[] }[];
    coordinators: { id: string }[];
  },
): Promise<number> {
  const coordinatorIds = city.coordinators.map((c) => c.id);
  const plan: {
    heldOn: string;
    kind: MeetingKind;
    title: string;
    decisions: string;
    groupId: string | null;
    users: string[];
    organizations: string[];
    persons: string[];
  }[] = [];
  const registeredBy = (day: string) => city.persons.filter((p) => p.registeredOn <= day);
  for (const group of city.groups) {
    for (const heldOn of monthly(city.start, city.today, 12)) {
      const members = group.members ?? [];
      const discussed = registeredBy(heldOn).filter((p) => p.groupId === group.id);
      if (!members.length || !discussed.length) continue;
      plan.push({
        heldOn,
        kind: MeetingKind.SHIEN_KAIGI,
        title: "支援会議 (月例)",
        decisions: "見守りの分担を確認し、次回までに訪問する機関を決めた。",
        groupId: group.id,
        users: members.filter((m) => coordinatorIds.includes(m)),
        organizations: rng.sample(city.organizations, 3),
        persons: rng.sample(
          discussed.map((p) => p.id),
          3,
        ),
      });
    }
  }
  for (const heldOn of monthly(city.start, city.today, 20, 2)) {
    const consented = registeredBy(heldOn).filter((p) => p.consented);
    plan.push({
      heldOn,
      kind: MeetingKind.JUSOTEKI,
      title: "重層的支援会議",
      decisions: "支援プランを確認し、参加支援の受け入れ先候補を共有した。",
      groupId: null,
      users: coordinatorIds,
      organizations: rng.sample(city.organizations, rng.int(4, 6)),
      persons: rng.sample(
        consented.map((p) => p.id),
        rng.int(2, 4),
      ),
    });
  }
  for (const heldOn of monthly(city.start, city.today, 25, 3))
    plan.push({
      heldOn,
      kind: MeetingKind.NETWORK,
      title: "参加支援ネットワーク会議",
      decisions: "受け入れ先の情報交換を行い、新しい居場所づくりの候補を話し合った。",
      groupId: null,
      users: coordinatorIds.slice(0, 1),
      organizations: rng.sample(city.organizations, rng.int(8, 12)),
      persons: [],
    });
  for (const heldOn of monthly(city.start, city.today, 5))
    plan.push({
      heldOn,
      kind: MeetingKind.REGULAR,
      title: "参加支援 定例会議",
      decisions: "",
      groupId: null,
      users: coordinatorIds,
      organizations: [],
      persons: [],
    });
  for (const m of plan) {
    const [{ id }] = await tx.query(
      `INSERT INTO meeting_record (held_on, kind, title, decisions, support_meeting_group_id, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [m.heldOn, m.kind, m.title, m.decisions, m.groupId, m.users[0] ?? coordinatorIds[0]],
    );
    await insertRows(
      tx,
      "meeting_record_user",
      ["meeting_record_id", "user_id"],
      m.users.map((u) => [id, u]),
    );
    await insertRows(
      tx,
      "meeting_record_organization",
      ["meeting_record_id", "organization_id"],
      m.organizations.map((o) => [id, o]),
    );
    await insertRows(
      tx,
      "meeting_record_person",
      ["meeting_record_id", "person_id"],
      m.persons.map((p) => [id, p]),
    );
  }
  return plan.length;
}

/**
 * Targets for the computed 参加支援 (第2号) indicators of the last and the current 年度, where none is set: the last
 * 年度's figure times 0.7〜1.5 (rounded), so the report shows every bucket. Written with their history, as
 * setIndicatorTargets writes them.
 */
async function seedTargets(tx: EntityManager, rng: Rng, adminId: string, today: string): Promise<number> {
  const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM indicator_target`);
  if (n > 0) return 0;
  const current = fiscalYearOf(today);
  const records = await loadIndicatorRecords(tx, {
    fromYear: current - 1,
    toYear: current,
    asOf: today,
    graceDays: 7,
  });
  const rows: unknown[][] = [];
  for (const indicator of INDICATOR_CATALOG) {
    const kind = computedKind(indicator);
    if (!kind || indicator.jigyo !== 2 || indicator.unit === "%") continue;
    const base = kind.computed(records, current - 1);
    if (base === null || base === 0) continue;
    for (const fiscalYear of [current - 1, current])
      rows.push([indicator.id, fiscalYear, Math.max(1, Math.round(base * (0.7 + rng.next() * 0.8))), adminId]);
  }
  await insertRows(tx, "indicator_target", ["indicator_id", "fiscal_year", "value", "set_by_id"], rows);
  await insertRows(
    tx,
    "indicator_value_change",
    ["kind", "indicator_id", "fiscal_year", "previous_value", "value", "changed_by_id"],
    rows.map(([indicatorId, fiscalYear, value, by]) => ["TARGET", indicatorId, fiscalYear, null, value, by]),
  );
  return rows.length;
}
