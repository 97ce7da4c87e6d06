import type { DataSource } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { forbidden } from "../core/errors.js";
import { ResourceStatus } from "../resources/resource.enums.js";
import { normalizeQuery } from "../search/search.conditions.js";
import type { SearchResourcesInput } from "../search/search.inputs.js";
import type { ResourceListArgs } from "../resources/resource.filter.js";
import { resourceGapPolicy } from "./resource-gap.policy.js";
import type { SearchMissFilters, SearchMissSummary } from "./search-miss.types.js";

/** A search with this many hits or fewer is "found nothing or very little" and is recorded. */
export const FEW_HITS = 2;
/** Kept two years, like the casework they inform, then purged daily (background-jobs.ts). */
export const SEARCH_MISS_RETENTION_DAYS = 730;
/** The page shows the most frequent ones. */
const MAX_SUMMARIES = 100;

type Filters = Omit<SearchMissFilters, "areaNames"> & { areaIds?: string[] };

/**
 * 探されたが見つからなかったもの: searches that found nothing or very little, recorded without any person (the role,
 * never the user; a radius, never its centre) and read back aggregated for 資源の不足.
 */
export class SearchMissService {
  constructor(private readonly db: DataSource) {}

  /** After a searchResources answer (the caller keeps a failed write from failing the search). */
  noteSearch(viewer: Viewer | null, input: SearchResourcesInput, hits: number): Promise<void> {
    const defaultStatuses =
      !input.statuses?.length || (input.statuses.length === 1 && input.statuses[0] === ResourceStatus.ACTIVE);
    return this.note(viewer, input.text, hits, {
      kinds: input.kinds ?? undefined,
      targetGroups: input.targetGroups ?? undefined,
      areaIds: input.areaIds ?? undefined,
      weekdays: input.weekdays ?? undefined,
      timeBands: input.timeBands ?? undefined,
      timeFrom: input.timeWindow?.from,
      timeTo: input.timeWindow?.to,
      freeOnly: input.freeOnly || undefined,
      accessibility: input.accessibility ?? undefined,
      transport: input.transport ?? undefined,
      rolesOffered: input.rolesOffered ?? undefined,
      visitAllowed: input.visitAllowed || undefined,
      trialAllowed: input.trialAllowed || undefined,
      age: input.age ?? undefined,
      radiusMeters: input.near?.radiusMeters,
      statuses: defaultStatuses ? undefined : input.statuses!,
    });
  }

  /** After a resources(text:) answer (the catalog list): only its words and list filters. */
  noteList(viewer: Viewer | null, args: ResourceListArgs, hits: number): Promise<void> {
    if (!args.text?.trim()) return Promise.resolve();
    return this.note(viewer, args.text, hits, {
      kinds: args.kinds ?? undefined,
      targetGroups: args.targetGroups ?? undefined,
      areaIds: args.areaIds ?? undefined,
      statuses: args.statuses ?? undefined,
    });
  }

  private async note(viewer: Viewer | null, text: string | null | undefined, hits: number, raw: Filters) {
    if (hits > FEW_HITS) return;
    const query = normalizeQuery(text);
    const filters = canonical(raw);
    // Browsing with nothing asked is not a search that failed.
    if (!query && !Object.keys(filters).length) return;
    await this.db.query("INSERT INTO search_miss (query, filters, role, hits) VALUES ($1, $2, $3, $4)", [
      query,
      filters,
      viewer?.role ?? null,
      hits,
    ]);
  }

  /** Grouped by query and filters: how many times, when last, the fewest hits. Staff only. */
  async summaries(viewer: Viewer | null): Promise<SearchMissSummary[]> {
    if (!resourceGapPolicy.list(viewer)) throw forbidden();
    const rows: { query: string; filters: Filters; times: number; last: Date; hits: number; roles: string[] }[] =
      await this.db.query(
        `SELECT query, filters, count(*)::int AS times, max(searched_at) AS last, min(hits)::int AS hits,
           array_agg(DISTINCT coalesce(role, 'ANONYMOUS') ORDER BY coalesce(role, 'ANONYMOUS')) AS roles
         FROM search_miss GROUP BY query, filters ORDER BY times DESC, last DESC LIMIT $1`,
        [MAX_SUMMARIES],
      );
    const areaIds = [...new Set(rows.flatMap((r) => r.filters.areaIds ?? []))];
    const areaNames = new Map<string, string>(
      areaIds.length
        ? (
            await this.db.query<{ id: string; name: string }[]>(
              "SELECT id::text, name FROM area WHERE id::text = ANY($1::text[])",
              [areaIds],
            )
          ).map((a) => [a.id, a.name])
        : [],
    );
    return rows.map(({ filters: { areaIds: ids, ...filters }, ...r }) => ({
      query: r.query,
      filters: { ...filters, areaNames: (ids ?? []).map((id) => areaNames.get(id) ?? "(削除された地域)") },
      times: r.times,
      lastSearchedAt: r.last,
      fewestHits: r.hits,
      roles: r.roles,
    }));
  }

  /** Deletes what is past the retention period; returns how many rows went. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const [, deleted] = await this.db.query<[unknown, number]>(
      "DELETE FROM search_miss WHERE searched_at < $1::timestamptz - make_interval(days => $2)",
      [now, SEARCH_MISS_RETENTION_DAYS],
    );
    return deleted;
  }
}

/** Keys sorted, empty values dropped, lists sorted and deduplicated: one form per set of filters. */
function canonical(raw: Filters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw).sort() as (keyof Filters)[]) {
    const v = raw[key];
    if (v == null || v === false) continue;
    if (Array.isArray(v)) {
      if (v.length) out[key] = [...new Set(v as string[])].sort();
    } else out[key] = v;
  }
  return out;
}
