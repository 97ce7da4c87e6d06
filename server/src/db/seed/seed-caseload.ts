import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { today as todayOf } from "@tsunagu/calendar";
import { normalizeReading } from "../../readings/reading.js";
import { generateDemoCity } from "./demo-city.js";
import { generateDemoCaseload } from "./demo-caseload.js";
import {
  DEFAULT_FOLLOW_UP_RULES,
  type CatalogResource,
  type DemoCaseload,
  type DemoUserKey,
} from "./demo-caseload.types.js";

/**
 * The casework tables, children first (a DELETE in this order never trips a foreign key). wipeCatalog's TRUNCATE …
 * CASCADE reaches most of them through app_user, but not support_meeting_group. municipal_settings is deliberately
 * absent: its single row comes from a migration and must survive a re-seed.
 */
export const CASEWORK_TABLES = [
  "meeting_record_person",
  "meeting_record_user",
  "meeting_record_organization",
  "meeting_record",
  "consultation_intake",
  "cooperation_request",
  "host_support",
  "follow_up_due",
  "follow_up_record",
  "attendance",
  "match_transition",
  "match",
  "resource_gap",
  "consent",
  "support_plan",
  "person_correction",
  "person_erasure",
  "person",
  "support_meeting_member",
  "support_meeting_group",
] as const;

const USER_EMAILS: Record<DemoUserKey, string> = {
  admin: "admin@example.jp",
  coordinator: "coordinator@example.jp",
  coordinator2: "coordinator2@example.jp",
  host: "host@example.jp",
  host2: "host2@example.jp",
};

/** Listings offered to the generator per kind, plus this many of each demo host's own (enough variety, bounded). */
const PER_KIND = 12;
const PER_HOST = 24;

export interface CaseloadSeedResult {
  persons: number;
  consents: number;
  plans: number;
  matches: number;
  transitions: number;
  attendance: number;
  records: number;
  dues: number;
  gaps: number;
}

/**
 * Adds the demo caseload (demo-caseload.ts) to a database that already holds the demo city (seedDemoCity): the
 * users are found by e-mail, the listings by kind with SQL, and everything is written in one transaction.
 */
export async function seedDemoCaseload(db: DataSource, today: string = todayOf()): Promise<CaseloadSeedResult> {
  const users = await loadUsers(db);
  const hostOrg = users.host.organizationId;
  if (!hostOrg) throw new Error("demo caseload: host@example.jp has no organization");
  const [settings] = await db.query(
    `SELECT first_check_days, follow_up_months, settling_check_months, post_closure_interval_months, post_closure_contacts,
       on_time_grace_days FROM municipal_settings WHERE id = 1`,
  );
  const rules = settings
    ? {
        firstCheckDays: settings.first_check_days,
        followUpMonths: settings.follow_up_months,
        settlingCheckMonths: settings.settling_check_months,
        postClosureIntervalMonths: settings.post_closure_interval_months,
        postClosureContacts: settings.post_closure_contacts,
      }
    : DEFAULT_FOLLOW_UP_RULES;
  const catalog = await loadCatalog(
    db,
    [hostOrg, users.host2.organizationId].filter((id): id is string => !!id),
  );
  const caseload = generateDemoCaseload({
    today,
    catalog,
    hostOrganizationKey: hostOrg,
    employerOrganizationKey: users.host2.organizationId,
    rules,
    graceDays: settings?.on_time_grace_days,
  });
  const codes = new Map(generateDemoCity().areas.map((a) => [a.code, a.key]));
  const areaRows: { id: string; code: string }[] = await db.query("SELECT id, code FROM area WHERE code = ANY($1)", [
    [...codes.keys()],
  ]);
  const areas = new Map(areaRows.map((a) => [codes.get(a.code)!, a.id]));
  const userId = (k: DemoUserKey) => users[k].id;
  await db.transaction((tx) => insertCaseload(tx, caseload, userId, areas));
  return {
    persons: caseload.persons.length,
    consents: caseload.consents.length,
    plans: caseload.plans.length,
    matches: caseload.matches.length,
    transitions: caseload.matches.reduce((n, m) => n + m.transitions.length, 0),
    attendance: caseload.attendance.length,
    records: caseload.records.length,
    dues: caseload.dues.length,
    gaps: caseload.gaps.length,
  };
}

async function loadUsers(db: DataSource): Promise<Record<DemoUserKey, { id: string; organizationId: string | null }>> {
  const rows: { id: string; email: string; organization_id: string | null }[] = await db.query(
    "SELECT id, email, organization_id FROM app_user WHERE email = ANY($1)",
    [Object.values(USER_EMAILS)],
  );
  const byEmail = new Map(rows.map((r) => [r.email, { id: r.id, organizationId: r.organization_id }]));
  const out = {} as Record<DemoUserKey, { id: string; organizationId: string | null }>;
  for (const [key, email] of Object.entries(USER_EMAILS) as [DemoUserKey, string][]) {
    const user = byEmail.get(email);
    if (!user) throw new Error(`demo caseload: user ${email} not found (seed the demo city first)`);
    out[key] = user;
  }
  return out;
}

/**
 * A bounded, deterministic slice of the active catalog: the first listings of each kind and of each demo host in
 * a fixed pseudo-random order (a hash of name and address, not the random ids), so 100,000 listings cost one scan.
 */
async function loadCatalog(db: DataSource, hostOrgs: string[]): Promise<CatalogResource[]> {
  const rows: {
    id: string;
    name: string;
    kind: string;
    target_groups: string[];
    organization_id: string;
    weekdays: string[];
    home_based: boolean;
  }[] = await db.query(
    `SELECT id, name, kind, target_groups, organization_id, weekdays, home_based FROM (
         SELECT id, name, kind, target_groups, organization_id, weekdays, home_based, h,
           row_number() OVER (PARTITION BY kind ORDER BY h, id) AS kind_rank,
           row_number() OVER (PARTITION BY organization_id ORDER BY h, id) AS org_rank
         FROM (SELECT *, md5(name || '|' || coalesce(address, '')) AS h FROM resource WHERE status = 'ACTIVE') active
       ) ranked
       WHERE kind_rank <= $1 OR (organization_id = ANY($2::uuid[]) AND org_rank <= $3)
       ORDER BY kind, h, id`,
    [PER_KIND, hostOrgs, PER_HOST],
  );
  return rows.map((r) => ({
    key: r.id,
    name: r.name,
    kind: r.kind as CatalogResource["kind"],
    targetGroups: r.target_groups as CatalogResource["targetGroups"],
    organizationKey: r.organization_id,
    weekdays: r.weekdays as CatalogResource["weekdays"],
    homeBased: r.home_based,
  }));
}

/** A JST timestamp on `date`, `seq` minutes after 09:00: keeps rows written the same day in their order. */
const at = (date: string, seq = 0) => new Date(Date.parse(`${date}T09:00:00+09:00`) + seq * 60_000);

async function insertCaseload(
  tx: EntityManager,
  c: DemoCaseload,
  userId: (k: DemoUserKey) => string,
  areas: Map<string, string>,
): Promise<void> {
  const ids = new Map<string, string>();
  const id = (key: string) => {
    let v = ids.get(key);
    if (!v) ids.set(key, (v = randomUUID()));
    return v;
  };
  const opt = (key: string | null) => (key === null ? null : id(key));
  const groupId = randomUUID();
  const g = c.supportMeetingGroup;
  await insertRows(tx, "support_meeting_group", ["id", "name", "created_at"], [[groupId, g.name, at(g.createdOn)]]);
  await insertRows(
    tx,
    "support_meeting_member",
    ["group_id", "user_id"],
    g.members.map((m) => [groupId, userId(m)]),
  );
  await insertRows(
    tx,
    "person",
    [
      "id",
      "display_name",
      "name_kana",
      "reading_key",
      "birth_year",
      "age_band",
      "area_id",
      "home_lat",
      "home_lng",
      "contact_preference",
      "contact_note",
      "household_note",
      "household_issues",
      "participation_level",
      "track",
      "support_meeting_group_id",
      "coordinator_id",
      "registered_on",
      "created_at",
      "needs_wanted_activities",
      "needs_wanted_kinds",
      "needs_target_groups",
      "needs_weekdays",
      "needs_time_bands",
      "needs_mobility",
      "needs_max_travel_meters",
      "needs_group_size",
      "needs_accessibility",
      "needs_roles",
      "needs_free_only",
      "needs_wishes",
      "needs_strengths",
      "needs_other_preferences",
    ],
    c.persons.map((p) => [
      id(p.key),
      p.displayName,
      p.nameKana,
      normalizeReading(p.nameKana),
      p.birthYear,
      p.ageBand,
      areas.get(p.areaKey) ?? null,
      p.homeLat,
      p.homeLng,
      p.contactPreference,
      p.contactNote,
      p.householdNote,
      p.householdIssues,
      p.participationLevel,
      p.track,
      p.inSupportMeeting ? groupId : null,
      userId(p.coordinator),
      p.registeredOn,
      at(p.registeredOn),
      p.needs.wantedActivities,
      p.needs.wantedKinds,
      p.needs.targetGroups,
      p.needs.weekdays,
      p.needs.timeBands,
      p.needs.mobility,
      p.needs.maxTravelMeters,
      p.needs.groupSize,
      p.needs.accessibility,
      p.needs.roles,
      p.needs.freeOnly,
      p.needs.wishes,
      p.needs.strengths,
      p.needs.otherPreferences,
    ]),
  );
  await insertRows(
    tx,
    "support_plan",
    ["id", "person_id", "plan_version", "goals", "agreed_on", "review_on", "status", "created_by_id", "created_at"],
    c.plans.map((p) => [
      id(p.key),
      id(p.personKey),
      p.planVersion,
      p.goals,
      p.agreedOn,
      p.reviewOn,
      p.status,
      userId(p.createdBy),
      at(p.createdOn),
    ]),
  );
  await insertRows(
    tx,
    "consent",
    [
      "id",
      "person_id",
      "purpose",
      "organization_id",
      "facts",
      "method",
      "given_on",
      "expires_on",
      "recorded_by_id",
      "note",
      "withdrawn_at",
      "withdrawn_by_id",
      "withdrawal_reason",
      "created_at",
    ],
    c.consents.map((x, i) => [
      id(x.key),
      id(x.personKey),
      x.purpose,
      x.organizationKey,
      x.facts,
      x.method,
      x.givenOn,
      x.expiresOn,
      userId(x.recordedBy),
      x.note,
      x.withdrawnOn && at(x.withdrawnOn, 30),
      x.withdrawnOn && userId(x.recordedBy),
      x.withdrawalReason,
      at(x.givenOn, i % 60),
    ]),
  );
  await insertRows(
    tx,
    "match",
    [
      "id",
      "person_id",
      "resource_id",
      "organization_id",
      "coordinator_id",
      "support_plan_id",
      "stage",
      "held_from",
      "rationale",
      "score",
      "started_on",
      "first_started_on",
      "closed_on",
      "host_response",
      "host_response_reason",
      "host_responded_at",
      "reopen_count",
      "created_at",
      "updated_at",
    ],
    c.matches.map((m) => [
      id(m.key),
      id(m.personKey),
      m.resourceKey,
      m.organizationKey,
      userId(m.coordinator),
      opt(m.supportPlanKey),
      m.stage,
      m.heldFrom,
      m.rationale,
      m.score,
      m.startedOn,
      m.firstStartedOn,
      m.closedOn,
      m.hostResponse,
      m.hostResponseReason,
      m.hostRespondedOn && at(m.hostRespondedOn, 60),
      m.reopenCount,
      at(m.createdOn),
      at(m.transitions.at(-1)!.effectiveOn, m.transitions.length),
    ]),
  );
  await insertRows(
    tx,
    "match_transition",
    ["id", "match_id", "from_stage", "to_stage", "reason", "actor_id", "effective_on", "created_at"],
    c.matches.flatMap((m) =>
      m.transitions.map((t, i) => [
        randomUUID(),
        id(m.key),
        t.fromStage,
        t.toStage,
        t.reason,
        userId(t.actor),
        t.effectiveOn,
        at(t.effectiveOn, i),
      ]),
    ),
  );
  await insertRows(
    tx,
    "attendance",
    ["match_id", "session_on", "attended", "note", "recorded_by_id", "created_at"],
    c.attendance.map((a) => [
      id(a.matchKey),
      a.sessionOn,
      a.attended,
      a.note,
      userId(a.recordedBy),
      at(a.sessionOn, 8 * 60),
    ]),
  );
  await insertRows(
    tx,
    "follow_up_record",
    [
      "id",
      "match_id",
      "person_id",
      "recorded_by_id",
      "contacted_on",
      "method",
      "counterparts",
      "sessions_attended",
      "sessions_planned",
      "participation_level",
      "change_observed",
      "change_type",
      "change_categories",
      "narrative",
      "relationship_stability",
      "host_feedback",
      "host_guidance",
      "next_due_on",
      "is_outcome_evaluation",
      "created_at",
    ],
    c.records.map((r, i) => [
      id(r.key),
      id(r.matchKey),
      id(r.personKey),
      userId(r.recordedBy),
      r.contactedOn,
      r.method,
      r.counterparts,
      r.sessionsAttended,
      r.sessionsPlanned,
      r.participationLevel,
      r.changeObserved,
      r.changeType,
      r.changeCategories,
      r.narrative,
      r.relationshipStability,
      r.hostFeedback,
      r.hostGuidance,
      r.nextDueOn,
      r.isOutcomeEvaluation,
      at(r.contactedOn, 6 * 60 + (i % 60)),
    ]),
  );
  await insertRows(
    tx,
    "follow_up_due",
    ["match_id", "kind", "due_on", "status", "done_on", "record_id", "created_at"],
    c.dues.map((d) => [id(d.matchKey), d.kind, d.dueOn, d.status, d.doneOn, opt(d.recordKey), at(d.createdOn, 5)]),
  );
  await insertRows(
    tx,
    "resource_gap",
    [
      "need",
      "target_groups",
      "area_id",
      "person_id",
      "search_text",
      "status",
      "status_note",
      "resolved_resource_id",
      "raised_by_id",
      "created_at",
    ],
    c.gaps.map((g) => [
      g.need,
      g.targetGroups,
      g.areaKey && (areas.get(g.areaKey) ?? null),
      opt(g.personKey),
      g.searchText,
      g.status,
      g.statusNote,
      g.resolvedResourceKey,
      userId(g.raisedBy),
      at(g.createdOn),
    ]),
  );
}

/** Multi-row INSERTs, chunked under PostgreSQL's 65,535 bind parameters. */
/** Rows into a table, as many per statement as PostgreSQL's parameter limit allows. */
export async function insertRows(
  tx: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const perStatement = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const first = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${first + i + 1}`).join(", ")})`;
    });
    await tx.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
      params,
    );
  }
}
