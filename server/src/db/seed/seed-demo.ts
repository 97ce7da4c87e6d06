import type { DataSource } from "typeorm";
import { AuthService } from "../../auth/auth.service.js";
import { UserRole } from "../../core/roles.js";
import { normalizeReading } from "../../readings/reading.js";
import { deriveScheduleColumns } from "../../resources/resource.derived.js";
import { writeSearchText } from "../../search/search-text.js";
import { CASEWORK_TABLES } from "./seed-caseload.js";
import { DEMO_RESOURCE_COUNT, DEMO_SEED, generateDemoCity, generateResources, type DemoResource } from "./demo-city.js";

export interface SeedResult {
  areas: number;
  organizations: number;
  resources: number;
  users: number;
}

/** Rows per INSERT: ~40 columns × 1000 rows stays under PostgreSQL's 65,535 bind parameters. */
const BATCH = 1000;

const CATALOG_TABLES = [
  ...CASEWORK_TABLES,
  "search_outbox",
  "user_session",
  "user_credential",
  "app_user",
  "resource_area",
  "resource",
  "area_parent",
  "area",
  "organization",
];

export async function isCatalogEmpty(db: DataSource): Promise<boolean> {
  const [{ n }] = await db.query("SELECT (SELECT count(*) FROM organization) + (SELECT count(*) FROM area) AS n");
  return Number(n) === 0;
}

export async function wipeCatalog(db: DataSource): Promise<void> {
  await db.query(`TRUNCATE ${CATALOG_TABLES.join(", ")} CASCADE`);
}

/**
 * Loads the demo city (みどり野市) from the seeded generator: same seed, same city. `onProgress` reports resources
 * written so far, for the CLI's progress bar.
 */
export async function seedDemoCity(
  db: DataSource,
  options: { resources?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedResult> {
  const seed = options.seed ?? DEMO_SEED;
  const total = options.resources ?? DEMO_RESOURCE_COUNT;
  const city = generateDemoCity(seed);

  const areaIds = new Map<string, string>();
  const orgIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const a of city.areas) {
      const [{ id }] = await tx.query(
        "INSERT INTO area (type, name, name_kana, code) VALUES ($1, $2, $3, $4) RETURNING id",
        [a.type, a.name, a.nameKana, a.code],
      );
      areaIds.set(a.key, id);
    }
    for (const a of city.areas) {
      for (const parent of a.parentKeys) {
        await tx.query("INSERT INTO area_parent (area_id, parent_id) VALUES ($1, $2)", [
          areaIds.get(a.key),
          areaIds.get(parent),
        ]);
      }
    }
    for (const o of city.organizations) {
      const [{ id }] = await tx.query(
        `INSERT INTO organization (name, name_kana, org_type, city_relationship, contact_name, contact_phone, contact_email, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [o.name, o.nameKana, o.orgType, o.cityRelationship, o.contactName, o.contactPhone, o.contactEmail, o.address],
      );
      orgIds.set(o.key, id);
    }
  });

  const auth = new AuthService(db, 12);
  for (const u of city.users) {
    await auth.createUser({
      email: u.email,
      displayName: u.displayName,
      role: UserRole[u.role],
      password: u.password,
      organizationId: u.organizationKey ? orgIds.get(u.organizationKey)! : null,
    });
  }

  let done = 0;
  let batch: DemoResource[] = [];
  const flush = async () => {
    await insertResources(db, batch, orgIds, areaIds);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, total);
  };
  for (const r of generateResources(city, total, seed)) {
    batch.push(r);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length) await flush();
  return {
    areas: city.areas.length,
    organizations: city.organizations.length,
    resources: done,
    users: city.users.length,
  };
}

const RESOURCE_COLUMNS = [
  "name",
  "name_kana",
  "reading_key",
  "kind",
  "description",
  "organization_id",
  "target_groups",
  "roles_offered",
  "activities",
  "venue_name",
  "address",
  "lat",
  "lng",
  "citywide",
  "home_based",
  "visiting",
  "schedule",
  "capacity",
  "openings",
  "cost_per_session_yen",
  "accessibility",
  "nearest_stop",
  "transport_options",
  "visit_allowed",
  "trial_allowed",
  "contact_name",
  "contact_phone",
  "contact_email",
  "status",
  "verified_at",
  "eligibility_age_min",
  "eligibility_age_max",
  "eligibility_certificate_required",
  "eligibility_residence_required",
  "eligibility_requires_support_plan",
  "eligibility_referred_cases_only",
  "weekdays",
  "time_bands",
  "start_minutes",
  "next_session_at",
];

async function insertResources(
  db: DataSource,
  rows: DemoResource[],
  orgIds: Map<string, string>,
  areaIds: Map<string, string>,
) {
  const now = Date.now();
  const nowDate = new Date(now);
  const params: unknown[] = [];
  const tuples = rows.map((r) => {
    const d = deriveScheduleColumns(r.schedule, nowDate);
    const values = [
      r.name,
      r.nameKana,
      normalizeReading(r.nameKana),
      r.kind,
      r.description,
      orgIds.get(r.organizationKey),
      r.targetGroups,
      r.rolesOffered,
      r.activities,
      r.venueName,
      r.address,
      r.lat,
      r.lng,
      r.citywide,
      r.homeBased,
      r.visiting,
      JSON.stringify(r.schedule),
      r.capacity,
      r.openings,
      r.costPerSessionYen,
      r.accessibility,
      r.nearestStop,
      r.transportOptions,
      r.visitAllowed,
      r.trialAllowed,
      r.contactName,
      r.contactPhone,
      r.contactEmail,
      r.status,
      r.verifiedDaysAgo == null ? null : new Date(now - r.verifiedDaysAgo * 86_400_000),
      r.ageMin,
      r.ageMax,
      r.certificateRequired,
      r.residenceRequired,
      r.requiresSupportPlan,
      r.referredCasesOnly,
      d.weekdays,
      d.timeBands,
      d.startMinutes,
      d.nextSessionAt,
    ];
    const start = params.length;
    params.push(...values);
    return `(${values.map((_, i) => `$${start + i + 1}`).join(", ")})`;
  });
  await db.transaction(async (tx) => {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO resource (${RESOURCE_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")} RETURNING id`,
      params,
    );
    const links: [string, string][] = [];
    inserted.forEach(({ id }, i) => rows[i].areaKeys.forEach((k) => links.push([id, areaIds.get(k)!])));
    if (links.length) {
      await tx.query("INSERT INTO resource_area (resource_id, area_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])", [
        links.map((l) => l[0]),
        links.map((l) => l[1]),
      ]);
    }
    // Written without the outbox (a started relay refills an empty index): their search text for the fallback here.
    await writeSearchText(
      tx,
      inserted.map((r) => r.id),
    );
  });
}
