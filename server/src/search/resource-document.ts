import type { EntityManager } from "typeorm";
import type { Eligibility } from "../resources/eligibility.js";
import type { Resource } from "../resources/resource.entity.js";
import { kindWords, targetWords } from "./text/everyday-words.js";
import { normalizeSearchText } from "./text/normalize.js";
import { readingKey } from "./text/reading-key.js";
import { textReader, type TextReader } from "./text/readings.js";

/** What Meilisearch holds for a listing: everything search filters, sorts or matches on, and nothing personal. */
export interface ResourceDocument {
  id: string;
  /**
   * The texts searched, each in normalizeSearchText's form, and next to each its readings as reading keys
   * (text/reading-key.ts): the typed よみがな where there is one, then kuromoji's reading of every word.
   */
  name: string;
  nameReading: string;
  /** The kind's label and everyday words (text/everyday-words.ts). */
  kindWords: string[];
  kindReading: string[];
  activities: string[];
  activitiesReading: string[];
  /** The target groups' labels and everyday words. */
  targetWords: string[];
  targetReading: string[];
  description: string;
  descriptionReading: string;
  hostName: string;
  hostReading: string;
  venueName: string | null;
  venueReading: string | null;
  address: string | null;
  /** The listing's よみがな in hiragana (normalizeReading): the sort key for あいうえお順. */
  reading: string;
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

/**
 * Every field of a document, by name. Typed as a record over ResourceDocument's keys, so the compiler insists on
 * each field exactly once: at boot the relay compares it with the fields the index holds, and an index of documents of
 * an older shape (after an upgrade that changed this file) is refilled from PostgreSQL (search-relay.ts).
 */
const FIELDS: Record<keyof ResourceDocument, true> = {
  id: true,
  name: true,
  nameReading: true,
  kindWords: true,
  kindReading: true,
  activities: true,
  activitiesReading: true,
  targetWords: true,
  targetReading: true,
  description: true,
  descriptionReading: true,
  hostName: true,
  hostReading: true,
  venueName: true,
  venueReading: true,
  address: true,
  reading: true,
  kind: true,
  targetGroups: true,
  areaIds: true,
  organizationId: true,
  status: true,
  weekdays: true,
  timeBands: true,
  startMinutes: true,
  free: true,
  accessibility: true,
  transportOptions: true,
  visitAllowed: true,
  trialAllowed: true,
  rolesOffered: true,
  ageMin: true,
  ageMax: true,
  citywide: true,
  homeBased: true,
  verifiedAt: true,
  updatedAt: true,
  nextSessionAt: true,
  lat: true,
  lng: true,
};
export const DOCUMENT_FIELDS = Object.keys(FIELDS) as (keyof ResourceDocument)[];

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The listing's columns a document is made of. */
export type DocumentSource = Pick<
  Resource,
  | "id"
  | "name"
  | "nameKana"
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

/** The host organization as a document shows it. */
export interface DocumentHost {
  name: string;
  nameKana: string;
}

/** Reading keys of a typed よみがな and of the text itself, as one field. */
const readingOf = (reader: TextReader, text: string, kana = "") =>
  [readingKey(kana), reader.keys(text)].filter(Boolean).join(" ");

/**
 * Reading keys of a list's words, each once: words written differently often read alike (子育てひろば and 子育て広場,
 * both kosodate hiroba), and a second copy matches nothing the first does not while Meilisearch indexes it again.
 */
const readingsOf = (reader: TextReader, words: string[]) => [...new Set(words.map((w) => reader.keys(w)))];

export function toResourceDocument(
  r: DocumentSource,
  host: DocumentHost,
  areaIds: string[],
  reader: TextReader,
): ResourceDocument {
  const kind = kindWords(r.kind).map(normalizeSearchText);
  const targets = [...new Set(r.targetGroups.flatMap(targetWords))].map(normalizeSearchText);
  const activities = r.activities.map(normalizeSearchText);
  return {
    id: r.id,
    name: normalizeSearchText(r.name),
    nameReading: readingOf(reader, r.name, r.nameKana),
    kindWords: kind,
    kindReading: readingsOf(reader, kind),
    activities,
    activitiesReading: readingsOf(reader, activities),
    targetWords: targets,
    targetReading: readingsOf(reader, targets),
    description: normalizeSearchText(r.description),
    descriptionReading: reader.keys(r.description),
    hostName: normalizeSearchText(host.name),
    hostReading: readingOf(reader, host.name, host.nameKana),
    venueName: r.venueName && normalizeSearchText(r.venueName),
    venueReading: r.venueName && reader.keys(r.venueName),
    address: r.address && normalizeSearchText(r.address),
    reading: r.readingKey,
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
    hostNameKana: string;
    areaIds: string[];
  })[] = await manager.query(
    `SELECT r.id, r.name, r.name_kana AS "nameKana", r.reading_key AS "readingKey", r.description, r.activities, r.venue_name AS "venueName",
       r.address, r.kind, r.target_groups AS "targetGroups", r.organization_id AS "organizationId", r.status,
       r.weekdays, r.time_bands AS "timeBands", r.start_minutes AS "startMinutes",
       r.cost_per_session_yen AS "costPerSessionYen", r.accessibility, r.transport_options AS "transportOptions",
       r.visit_allowed AS "visitAllowed", r.trial_allowed AS "trialAllowed", r.roles_offered AS "rolesOffered",
       r.citywide, r.home_based AS "homeBased", r.verified_at AS "verifiedAt", r.updated_at AS "updatedAt",
       r.next_session_at AS "nextSessionAt", r.lat, r.lng, r.eligibility_age_min AS "ageMin",
       r.eligibility_age_max AS "ageMax", o.name AS "hostName", o.name_kana AS "hostNameKana",
       ARRAY(SELECT ra.area_id::text FROM resource_area ra WHERE ra.resource_id = r.id) AS "areaIds"
     FROM resource r JOIN organization o ON o.id = r.organization_id
     WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  const found = new Set(rows.map((r) => r.id));
  const reader = rows.length ? await textReader() : null;
  return {
    docs: rows.map(({ ageMin, ageMax, hostName, hostNameKana, areaIds, ...r }) =>
      toResourceDocument(
        // Not `{ ...r, eligibility }`, which on Node 20 gives each document's source a hidden class of its own.
        Object.assign(r, { eligibility: { ageMin, ageMax } }),
        { name: hostName, nameKana: hostNameKana },
        areaIds,
        reader!,
      ),
    ),
    missing: ids.filter((id) => !found.has(id)),
  };
}
