import { badInput } from "../core/errors.js";
import { parseTime } from "@tsunagu/calendar";
import { ResourceStatus } from "../resources/resource.enums.js";
import { EARTH_RADIUS_M, greatCircleMeters, radiusFilters } from "./search.geo.js";
import type { SearchResourcesInput } from "./search.inputs.js";
import { wordMatchSql } from "./search-text.js";
import { normalizeSearchText } from "./text/normalize.js";

/** Facets shown as chips with counts. Counts are disjunctive: a facet's own selection does not narrow its counts. */
export const FACETS = {
  kinds: { attribute: "kind", sql: "r.kind", array: false },
  targetGroups: { attribute: "targetGroups", sql: "r.target_groups", array: true },
  areas: {
    attribute: "areaIds",
    sql: "(SELECT array_agg(ra.area_id::text) FROM resource_area ra WHERE ra.resource_id = r.id)",
    array: true,
  },
  weekdays: { attribute: "weekdays", sql: "r.weekdays", array: true },
  timeBands: { attribute: "timeBands", sql: "r.time_bands", array: true },
  free: { attribute: "free", sql: "(r.cost_per_session_yen = 0)::text", array: false },
  accessibility: { attribute: "accessibility", sql: "r.accessibility", array: true },
  transport: { attribute: "transportOptions", sql: "r.transport_options", array: true },
  rolesOffered: { attribute: "rolesOffered", sql: "r.roles_offered", array: true },
  visitAllowed: { attribute: "visitAllowed", sql: "r.visit_allowed::text", array: false },
  trialAllowed: { attribute: "trialAllowed", sql: "r.trial_allowed::text", array: false },
} as const;
export type FacetKey = keyof typeof FACETS;
export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

/** Where a condition's SQL puts its values: positional here, named in a TypeORM query builder. */
export interface ParamSink {
  add(value: unknown): string;
}

/** Positional parameters for one SQL statement. */
export class SqlParams implements ParamSink {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** One filter, in both engines' terms. `facet` names the chip it belongs to (for disjunctive counts). */
export interface Condition {
  facet?: FacetKey;
  meili: string;
  sql: (p: ParamSink) => string;
  /**
   * A radius: `meili` then covers the circle (a superset, numeric ranges on `lat`/`lng`), and the search makes it
   * exact for the request (search.geo.ts `exactRadiusFilter`).
   */
  near?: { center: { lat: number; lng: number }; radiusMeters: number; citywide: boolean };
}

const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;

/** Great-circle distance in SQL, to the same formula as `distanceMeters` in TypeScript. */
export const sqlDistance = (p: ParamSink, lat: number, lng: number) =>
  `(2 * ${EARTH_RADIUS_M} * asin(sqrt(power(sin(radians(r.lat - ${p.add(lat)}) / 2), 2) + cos(radians(${p.add(lat)})) * cos(radians(r.lat)) * power(sin(radians(r.lng - ${p.add(lng)}) / 2), 2))))`;

/** The distance shown to people: whole metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return Math.round(greatCircleMeters(a, b));
}

export function buildConditions(input: SearchResourcesInput, now: Date = new Date()): Condition[] {
  const c: Condition[] = [];
  const statuses = input.statuses?.length ? input.statuses : [ResourceStatus.ACTIVE];
  c.push({ meili: `status IN ${list(statuses)}`, sql: (p) => `r.status = ANY(${p.add(statuses)}::text[])` });

  const anyOf = (facet: FacetKey, values: readonly string[] | null | undefined, column: string) => {
    if (!values?.length) return;
    c.push({
      facet,
      meili: `${FACETS[facet].attribute} IN ${list(values)}`,
      sql: (p) => `${column} && ${p.add(values)}::text[]`,
    });
  };
  if (input.kinds?.length) {
    const kinds = input.kinds;
    c.push({ facet: "kinds", meili: `kind IN ${list(kinds)}`, sql: (p) => `r.kind = ANY(${p.add(kinds)}::text[])` });
  }
  anyOf("targetGroups", input.targetGroups, "r.target_groups");
  anyOf("weekdays", input.weekdays, "r.weekdays");
  anyOf("timeBands", input.timeBands, "r.time_bands");
  anyOf("transport", input.transport, "r.transport_options");
  anyOf("rolesOffered", input.rolesOffered, "r.roles_offered");

  if (input.areaIds?.length) {
    const ids = input.areaIds;
    const citywide = input.includeCitywide;
    c.push({
      facet: "areas",
      meili: citywide ? `(areaIds IN ${list(ids)} OR citywide = true)` : `areaIds IN ${list(ids)}`,
      sql: (p) =>
        `(EXISTS (SELECT 1 FROM resource_area ra WHERE ra.resource_id = r.id AND ra.area_id = ANY(${p.add(ids)}::uuid[]))${citywide ? " OR r.citywide" : ""})`,
    });
  }
  if (input.timeWindow) {
    const from = parseTime(input.timeWindow.from)!;
    const to = parseTime(input.timeWindow.to)!;
    if (from > to) throw badInput("input.timeWindow.to", "終わりの時刻は始まりの時刻以降にしてください");
    c.push({
      meili: `startMinutes ${from} TO ${to}`,
      sql: (p) => `EXISTS (SELECT 1 FROM unnest(r.start_minutes) m WHERE m BETWEEN ${p.add(from)} AND ${p.add(to)})`,
    });
  }
  if (input.freeOnly) c.push({ facet: "free", meili: "free = true", sql: () => "r.cost_per_session_yen = 0" });
  if (input.accessibility?.length) {
    const needs = input.accessibility;
    c.push({
      facet: "accessibility",
      meili: needs.map((a) => `accessibility = ${JSON.stringify(a)}`).join(" AND "),
      sql: (p) => `r.accessibility @> ${p.add(needs)}::text[]`,
    });
  }
  if (input.visitAllowed) c.push({ facet: "visitAllowed", meili: "visitAllowed = true", sql: () => "r.visit_allowed" });
  if (input.trialAllowed) c.push({ facet: "trialAllowed", meili: "trialAllowed = true", sql: () => "r.trial_allowed" });
  if (input.age != null) {
    const age = input.age;
    c.push({
      meili: `(ageMin IS NULL OR ageMin <= ${age}) AND (ageMax IS NULL OR ageMax >= ${age})`,
      sql: (p) =>
        `(r.eligibility_age_min IS NULL OR r.eligibility_age_min <= ${p.add(age)}) AND (r.eligibility_age_max IS NULL OR r.eligibility_age_max >= ${p.add(age)})`,
    });
  }
  if (input.near) {
    const { lat, lng, radiusMeters } = input.near;
    const citywide = input.includeCitywide;
    const { covering } = radiusFilters({ lat, lng }, radiusMeters);
    c.push({
      meili: citywide ? `(${covering} OR citywide = true)` : covering,
      near: { center: { lat, lng }, radiusMeters, citywide },
      sql: (p) =>
        `((r.lat IS NOT NULL AND ${sqlDistance(p, lat, lng)} <= ${p.add(radiusMeters)})${citywide ? " OR r.citywide" : ""})`,
    });
  }
  if (input.verifiedWithinDays != null) {
    const since = Math.floor(now.getTime() / 1000) - input.verifiedWithinDays * 86_400;
    c.push({ meili: `verifiedAt >= ${since}`, sql: (p) => `r.verified_at >= to_timestamp(${p.add(since)})` });
  }
  return c;
}

/** The query text as both engines should see it: normalizeSearchText, the same form listings are indexed in. */
export function normalizeQuery(text: string | null | undefined): string {
  return normalizeSearchText(text ?? "");
}

/**
 * The text of a search in SQL (the PostgreSQL fallback of `searchResources`, the directory export and HSDS paging,
 * and the `resources(text:)` directory): every word of `query` (normalizeQuery's form), in any order, matches the
 * listing's search columns as Meilisearch would match it (search-text.ts `wordMatchSql`): as typed within the
 * normalised text of every searchable field, by its reading key among the readings (たいそう finds 体操, ぼらんてぃあ
 * finds ボランティア), and by its synonyms. One condition per word, on resource_search_text (scanned: no index).
 */
export function textConditions(query: string): ((p: ParamSink) => string)[] {
  const words = query ? query.split(" ").filter(Boolean) : [];
  return words.map((word) => (p) => wordMatchSql(p, word));
}
