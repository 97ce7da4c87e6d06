import type { Meilisearch } from "meilisearch";

/**
 * Radius and distance order without Meilisearch's `_geo`.
 *
 * With `_geo` filterable (sortable or not), a one-document update of a 100,000-document index took 2–6 s of
 * Meilisearch task time on a loaded machine, against 0.1–0.3 s with the coordinates as plain numeric `lat`/`lng`
 * attributes (same binary, same synthetic documents). So documents carry `lat`/`lng`, and a radius is:
 *
 * - a union of latitude strips that covers the circle (`covering`) and one that lies inside it (`inside`), as
 *   numeric range filters;
 * - the few listings between the two (the `band`), read with their coordinates and measured exactly here, so the
 *   filter names by id those of the band that are inside (or outside, whichever list is shorter).
 *
 * The result is exactly the listings within the radius (great-circle distance, the same formula as the PostgreSQL
 * fallback), so totals and facet counts are exact. Distance order (`nearestFirst`) is computed from coordinates:
 * it is by distance alone, also with words (Meilisearch's sort ranked the relevance buckets first).
 */

export interface Point {
  lat: number;
  lng: number;
}

export const EARTH_RADIUS_M = 6_371_000;
const METERS_PER_DEGREE_LAT = (EARTH_RADIUS_M * Math.PI) / 180;

/** Great-circle distance in metres, unrounded: what a radius is compared with (as `sqlDistance` in SQL). */
export function greatCircleMeters(a: Point, b: Point): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** Strips are about this tall (fewer for a small radius, at most MAX_STRIPS): the band shrinks as strips thin. */
const STRIP_METERS = 100;
const MIN_STRIPS = 8;
const MAX_STRIPS = 64;
/** Relative slack so the outer union surely covers the circle and the inner one surely lies inside it. */
const SLACK = 0.005;
/** Enough hits for any band or page the index can hold (search.settings.ts pagination.maxTotalHits). */
const MAX_HITS = 100_000;

interface Strip {
  south: number;
  north: number;
  halfLng: number;
}

const metersPerDegreeLng = (lat: number) => METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
const num = (x: number) => Number(x.toFixed(7));

function strips(center: Point, radiusMeters: number, covering: boolean): Strip[] {
  const r = radiusMeters * (covering ? 1 + SLACK : 1 - SLACK);
  const n = Math.min(MAX_STRIPS, Math.max(MIN_STRIPS, Math.ceil((2 * r) / STRIP_METERS)));
  const h = (2 * r) / n;
  const out: Strip[] = [];
  for (let i = 0; i < n; i++) {
    const y0 = -r + i * h;
    const y1 = y0 + h;
    // Covering: the strip's widest row (nearest the centre); inside: its narrowest (farthest from the centre).
    const y = covering ? (y0 <= 0 && y1 >= 0 ? 0 : Math.min(Math.abs(y0), Math.abs(y1))) : Math.max(-y0, y1);
    const halfMeters = Math.sqrt(Math.max(0, r * r - y * y));
    if (!covering && halfMeters <= 0) continue;
    const south = center.lat + y0 / METERS_PER_DEGREE_LAT;
    const north = center.lat + y1 / METERS_PER_DEGREE_LAT;
    // A degree of longitude is shortest at the strip's poleward edge: covering uses it (wider in degrees), inside
    // uses the equatorward edge (narrower).
    const poleward = Math.abs(south) > Math.abs(north) ? south : north;
    const equatorward = poleward === south ? north : south;
    // Near a pole a degree of longitude is almost nothing: a covering strip then spans every longitude.
    const halfLng = Math.min(180, halfMeters / Math.max(1e-9, metersPerDegreeLng(covering ? poleward : equatorward)));
    out.push({ south, north, halfLng });
  }
  return out;
}

const stripFilter = (center: Point, s: Strip) =>
  `(lat ${num(s.south)} TO ${num(s.north)} AND lng ${num(center.lng - s.halfLng)} TO ${num(center.lng + s.halfLng)})`;
const union = (center: Point, list: Strip[]) =>
  list.length ? `(${list.map((s) => stripFilter(center, s)).join(" OR ")})` : "(lat IS NULL AND lat IS NOT NULL)";

/** Meilisearch filters for a radius: `covering` holds every point within it, `inside` only points within it. */
export function radiusFilters(center: Point, radiusMeters: number): { covering: string; inside: string } {
  return {
    covering: union(center, strips(center, radiusMeters, true)),
    inside: union(center, strips(center, radiusMeters, false)),
  };
}

/** The square whose half side is `halfMeters`, as a Meilisearch filter (it holds the circle of that radius). */
export function boxFilter(center: Point, halfMeters: number): string {
  const dLat = (halfMeters * (1 + SLACK)) / METERS_PER_DEGREE_LAT;
  const dLng = Math.min(
    180,
    (halfMeters * (1 + SLACK)) / Math.max(1e-9, metersPerDegreeLng(Math.min(90, Math.abs(center.lat) + dLat))),
  );
  return `(lat ${num(center.lat - dLat)} TO ${num(center.lat + dLat)} AND lng ${num(center.lng - dLng)} TO ${num(center.lng + dLng)})`;
}

const ids = (list: string[]) => `[${list.map((id) => JSON.stringify(id)).join(", ")}]`;

interface GeoHit {
  id: string;
  lat?: number | null;
  lng?: number | null;
}

type Search = (queries: Record<string, unknown>[]) => Promise<{ hits: GeoHit[]; totalHits?: number }[]>;

/** multiSearch on one index, typed for what these queries ask. */
export function searcher(client: Meilisearch, indexUid: string): Search {
  return async (queries) => {
    const { results } = (await client.multiSearch({
      queries: queries.map((q) => ({ indexUid, locales: ["jpn"], ...q })),
    } as never)) as unknown as { results: { hits: GeoHit[]; totalHits?: number }[] };
    return results;
  };
}

/**
 * The exact Meilisearch filter for "within `radiusMeters` of `center`". `scope` (a filter, or "") narrows the band
 * read: pass only filters every query of the request shares (never a facet's own, which its counts leave out).
 */
export async function exactRadiusFilter(
  search: Search,
  center: Point,
  radiusMeters: number,
  scope: string,
): Promise<string> {
  const { covering, inside } = radiusFilters(center, radiusMeters);
  const [band] = await search([
    {
      q: "",
      filter: [covering, `NOT ${inside}`, ...(scope ? [scope] : [])].join(" AND "),
      limit: MAX_HITS,
      attributesToRetrieve: ["id", "lat", "lng"],
    },
  ]);
  const isInside = (h: GeoHit) =>
    h.lat != null && h.lng != null && greatCircleMeters(center, { lat: h.lat, lng: h.lng }) <= radiusMeters;
  const inBand = band.hits.filter(isInside).map((h) => h.id);
  const outBand = band.hits.filter((h) => !isInside(h)).map((h) => h.id);
  if (!outBand.length) return covering;
  if (!inBand.length) return inside;
  return inBand.length <= outBand.length
    ? `(${inside} OR id IN ${ids(inBand)})`
    : `(${covering} AND NOT id IN ${ids(outBand)})`;
}

/**
 * The ids of hits [offset, offset + limit) of `filter` in order of distance from `center` (listings without
 * coordinates last; ties in Meilisearch's own order for `q`). `reachMeters` bounds where the nearest can be (a
 * radius filter's radius, or how far a box reaches); listings beyond it (citywide ones) come after those within.
 *
 * Rather than reading every match, it counts matches in squares of halving size around the centre (one request),
 * takes the smallest square that holds enough, and reads only the listings within its circumscribed circle.
 */
export async function nearestFirst(
  search: Search,
  request: {
    q: string;
    /** Meilisearch's matchingStrategy for `q`; its default ("last") when not given. */
    matchingStrategy?: "all" | "last";
    filter: string;
    center: Point;
    reachMeters: number;
    offset: number;
    limit: number;
  },
): Promise<string[]> {
  const { filter, center, reachMeters, offset, limit } = request;
  const q = request.matchingStrategy ? { q: request.q, matchingStrategy: request.matchingStrategy } : { q: request.q };
  const wanted = offset + limit;
  const sides = Array.from({ length: 8 }, (_, i) => reachMeters / 2 ** i);
  const counts = await search(
    sides.map((half) => ({ ...q, filter: `(${filter}) AND ${boxFilter(center, half)}`, page: 1, hitsPerPage: 0 })),
  );
  // The smallest square with enough matches: all `wanted` nearest are within its circumscribed circle.
  let enough = -1;
  counts.forEach((c, i) => {
    if ((c.totalHits ?? 0) >= wanted) enough = i;
  });
  const within = enough < 0 ? null : sides[enough] * Math.SQRT2;
  const [read] = await search([
    {
      ...q,
      filter: within == null ? filter : `(${filter}) AND ${boxFilter(center, within)}`,
      limit: MAX_HITS,
      attributesToRetrieve: ["id", "lat", "lng"],
    },
  ]);
  const distance = (h: GeoHit) =>
    h.lat != null && h.lng != null ? greatCircleMeters(center, { lat: h.lat, lng: h.lng }) : Infinity;
  return read.hits
    .map((h, rank) => ({ id: h.id, d: distance(h), rank }))
    .sort((a, b) => a.d - b.d || a.rank - b.rank)
    .slice(offset, wanted)
    .map((h) => h.id);
}
