import type { EntityManager } from "typeorm";
import { hiraganaToKatakana } from "../readings/reading.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceService } from "../resources/resource.service.js";

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
  _geo?: { lat: number; lng: number };
}

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export function toResourceDocument(r: Resource, hostName: string, areaIds: string[]): ResourceDocument {
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
    ...(r.lat != null && r.lng != null ? { _geo: { lat: r.lat, lng: r.lng } } : {}),
  };
}

/** Documents for these listings as they are now: one query for the rows (with hosts), one for their areas. */
export async function loadResourceDocuments(
  manager: EntityManager,
  ids: string[],
): Promise<{ docs: ResourceDocument[]; missing: string[] }> {
  const resources = await ResourceService.byIds(manager, ids, { withHost: true });
  const links: { resource_id: string; area_id: string }[] = await manager.query(
    "SELECT resource_id, area_id FROM resource_area WHERE resource_id = ANY($1::uuid[])",
    [ids],
  );
  const areasOf = new Map<string, string[]>();
  for (const l of links) areasOf.set(l.resource_id, [...(areasOf.get(l.resource_id) ?? []), l.area_id]);
  const found = new Set(resources.map((r) => r.id));
  return {
    docs: resources.map((r) => toResourceDocument(r, r.organization?.name ?? "", areasOf.get(r.id) ?? [])),
    missing: ids.filter((id) => !found.has(id)),
  };
}
