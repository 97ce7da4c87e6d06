import type { EntityManager } from "typeorm";
import { hiraganaToKatakana } from "../readings/reading.js";
import type { Eligibility } from "../resources/eligibility.js";
import type { Resource } from "../resources/resource.entity.js";

/** What Meilisearch holds for a listing: everything search filters, sorts or matches on, and nothing personal. */
export interface ResourceDocument {
  id: string;
  name: string;
  reading: string;
  readingKatakana: string;
  description: string;
  activities: string[];
  hostName: string;
  venueName: string | null;
  address: string | null;
  kind: string;
  targetGroups: string[];
  areaIds: string[];
  organizationId: string;
  status: string;
  weekdays: string[];
  timeBands: string[];
  startMinutes: number[];
  free: boolean;
  accessibility: string[];
  transportOptions: string[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  rolesOffered: string[];
  ageMin: number | null;
  ageMax: number | null;
  citywide: boolean;
  homeBased: boolean;
  /** Unix seconds; null when never verified. */
  verifiedAt: number | null;
  updatedAt: number;
  nextSessionAt: number | null;
  /** Plain numbers, not Meilisearch's `_geo`: radius and distance order are built on them in search.geo.ts. */
  lat: number | null;
  lng: number | null;
}

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The listing's columns a document is made of. */
export type DocumentSource = Pick<
  Resource,
  | "id"
  | "name"
  | "readingKey"
  | "description"
  | "activities"
  | "venueName"
  | "address"
  | "kind"
  | "targetGroups"
  | "organizationId"
  | "status"
  | "weekdays"
  | "timeBands"
  | "startMinutes"
  | "costPerSessionYen"
  | "accessibility"
  | "transportOptions"
  | "visitAllowed"
  | "trialAllowed"
  | "rolesOffered"
  | "citywide"
  | "homeBased"
  | "verifiedAt"
  | "updatedAt"
  | "nextSessionAt"
  | "lat"
  | "lng"
> & { eligibility: Pick<Eligibility, "ageMin" | "ageMax"> };

export function toResourceDocument(r: DocumentSource, hostName: string, areaIds: string[]): ResourceDocument {
  return {
    id: r.id,
    name: r.name,
    // The reading in both scripts, so a query typed in either finds a listing written in kanji.
    reading: r.readingKey,
    readingKatakana: hiraganaToKatakana(r.readingKey),
    description: r.description,
    activities: r.activities,
    hostName,
    venueName: r.venueName,
    address: r.address,
    kind: r.kind,
    targetGroups: r.targetGroups,
    areaIds,
    organizationId: r.organizationId,
    status: r.status,
    weekdays: r.weekdays,
    timeBands: r.timeBands,
    startMinutes: r.startMinutes,
    free: r.costPerSessionYen === 0,
    accessibility: r.accessibility,
    transportOptions: r.transportOptions,
    visitAllowed: r.visitAllowed,
    trialAllowed: r.trialAllowed,
    rolesOffered: r.rolesOffered,
    ageMin: r.eligibility.ageMin,
    ageMax: r.eligibility.ageMax,
    citywide: r.citywide,
    homeBased: r.homeBased,
    verifiedAt: seconds(r.verifiedAt),
    updatedAt: seconds(r.updatedAt)!,
    nextSessionAt: seconds(r.nextSessionAt),
    ...(r.lat != null && r.lng != null ? { lat: r.lat, lng: r.lng } : { lat: null, lng: null }),
  };
}

/**
 * Documents for these listings as they are now, in one query (host name and areas included). Plain rows, not
 * entities: the relay reads thousands of listings per batch during an import, and entity hydration was most of its
 * CPU.
 */
export async function loadResourceDocuments(
  manager: EntityManager,
  ids: string[],
): Promise<{ docs: ResourceDocument[]; missing: string[] }> {
  if (!ids.length) return { docs: [], missing: [] };
  const rows: (Omit<DocumentSource, "eligibility"> & {
    ageMin: number | null;
    ageMax: number | null;
    hostName: string;
    areaIds: string[];
  })[] = await manager.query(
    `SELECT r.id, r.name, r.reading_key AS "readingKey", r.description, r.activities, r.venue_name AS "venueName",
       r.address, r.kind, r.target_groups AS "targetGroups", r.organization_id AS "organizationId", r.status,
       r.weekdays, r.time_bands AS "timeBands", r.start_minutes AS "startMinutes",
       r.cost_per_session_yen AS "costPerSessionYen", r.accessibility, r.transport_options AS "transportOptions",
       r.visit_allowed AS "visitAllowed", r.trial_allowed AS "trialAllowed", r.roles_offered AS "rolesOffered",
       r.citywide, r.home_based AS "homeBased", r.verified_at AS "verifiedAt", r.updated_at AS "updatedAt",
       r.next_session_at AS "nextSessionAt", r.lat, r.lng, r.eligibility_age_min AS "ageMin",
       r.eligibility_age_max AS "ageMax", o.name AS "hostName",
       ARRAY(SELECT ra.area_id::text FROM resource_area ra WHERE ra.resource_id = r.id) AS "areaIds"
     FROM resource r JOIN organization o ON o.id = r.organization_id
     WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  const found = new Set(rows.map((r) => r.id));
  return {
    docs: rows.map(({ ageMin, ageMax, hostName, areaIds, ...r }) =>
      toResourceDocument({ ...r, eligibility: { ageMin, ageMax } }, hostName, areaIds),
    ),
    missing: ids.filter((id) => !found.has(id)),
  };
}
