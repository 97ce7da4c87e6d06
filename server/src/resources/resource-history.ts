import type { EntityManager } from "typeorm";
import { jsonRows } from "../core/sql.js";
import { describeSchedule } from "../schedules/schedule.js";
import { ResourceChange, ResourceChangeKind, type ResourceFieldChange } from "./resource-change.entity.js";
import type { Resource } from "./resource.entity.js";

type Value = string | number | boolean | string[] | null;

/** A listing's edited fields: a stored listing, or one the catalog import is about to insert. */
type SnapshotSource = Omit<
  Resource,
  | "id"
  | "readingKey"
  | "weekdays"
  | "timeBands"
  | "startMinutes"
  | "nextSessionAt"
  | "verifiedById"
  | "createdAt"
  | "updatedAt"
  | "version"
>;

/**
 * What the change history compares: every field a person edits, named as the inputs name them (`eligibility.ageMin`,
 * `areaIds`), in the order the listing form shows them. The schedule is compared as its description (what a reader
 * of the history understands), its closures and note apart.
 */
export function snapshotOf(r: SnapshotSource, areaIds: readonly string[]): Record<string, Value> {
  return {
    name: r.name,
    nameKana: r.nameKana,
    kind: r.kind,
    status: r.status,
    organizationId: r.organizationId,
    description: r.description,
    targetGroups: [...r.targetGroups],
    "eligibility.ageMin": r.eligibility.ageMin ?? null,
    "eligibility.ageMax": r.eligibility.ageMax ?? null,
    "eligibility.certificateRequired": r.eligibility.certificateRequired,
    "eligibility.residenceRequired": r.eligibility.residenceRequired,
    "eligibility.requiresSupportPlan": r.eligibility.requiresSupportPlan,
    "eligibility.referredCasesOnly": r.eligibility.referredCasesOnly,
    rolesOffered: [...r.rolesOffered],
    activities: [...r.activities],
    venueName: r.venueName,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    areaIds: [...areaIds].sort(),
    citywide: r.citywide,
    homeBased: r.homeBased,
    visiting: r.visiting,
    schedule: describeSchedule(r.schedule),
    "schedule.closedDates": [...r.schedule.closedDates],
    "schedule.note": r.schedule.note ?? null,
    capacity: r.capacity,
    openings: r.openings,
    costPerSessionYen: r.costPerSessionYen,
    accessibility: [...r.accessibility],
    nearestStop: r.nearestStop,
    transportOptions: [...r.transportOptions],
    visitAllowed: r.visitAllowed,
    trialAllowed: r.trialAllowed,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    contactPhone2: r.contactPhone2,
    contactEmail: r.contactEmail,
    verifiedAt: r.verifiedAt ? r.verifiedAt.toISOString() : null,
  };
}

const same = (a: Value | undefined, b: Value | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: Value | undefined) => v == null || v === "" || v === false || (Array.isArray(v) && v.length === 0);

/** The fields whose values differ, with both values. A creation compares with nothing and lists what was filled in. */
export function diffSnapshots(
  before: Record<string, Value> | null,
  after: Record<string, Value>,
): ResourceFieldChange[] {
  return Object.keys(after)
    .filter((field) => (before ? !same(before[field], after[field]) : !empty(after[field])))
    .map((field) => ({ field, before: before ? (before[field] ?? null) : null, after: after[field] ?? null }));
}

/** Appends one entry to a listing's history, in the caller's transaction. Nothing changed, nothing written. */
export async function recordChange(
  tx: EntityManager,
  entry: { resourceId: string; actorUserId: string | null; kind: ResourceChangeKind; changes: ResourceFieldChange[] },
): Promise<void> {
  const always = entry.kind === ResourceChangeKind.CREATE || entry.kind === ResourceChangeKind.VERIFICATION_REQUEST;
  if (!always && entry.changes.length === 0) return;
  await tx.getRepository(ResourceChange).save(tx.getRepository(ResourceChange).create(entry));
}

/** An entry of a batch: see recordChanges. */
export interface ChangeEntry {
  resourceId: string;
  actorUserId: string | null;
  kind: ResourceChangeKind;
  changes: ResourceFieldChange[];
  /** A catalog import's: the publisher, dataset and file the values came from. */
  importedFrom?: string | null;
}

/**
 * Appends many entries at once (the catalog import's batches), in the caller's transaction: one INSERT whatever the
 * number of entries, the rows travelling as one JSON parameter. Same rule as recordChange for empty updates.
 */
export async function recordChanges(tx: EntityManager, entries: ChangeEntry[]): Promise<void> {
  const rows = entries
    .filter((e) => e.kind === ResourceChangeKind.CREATE || e.changes.length > 0)
    .map((e) => ({
      resource_id: e.resourceId,
      actor_user_id: e.actorUserId,
      kind: e.kind,
      changes: e.changes,
      imported_from: e.importedFrom ?? null,
    }));
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO resource_change (resource_id, actor_user_id, kind, changes, imported_from)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(resource_id uuid, actor_user_id uuid, kind text, changes jsonb, imported_from text)`,
    [jsonRows(rows, "jsonb")],
  );
}

export async function areaIdsOf(tx: EntityManager, resourceId: string): Promise<string[]> {
  const rows: { area_id: string }[] = await tx.query("SELECT area_id FROM resource_area WHERE resource_id = $1", [
    resourceId,
  ]);
  return rows.map((r) => r.area_id);
}
