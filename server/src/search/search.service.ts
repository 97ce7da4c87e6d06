import type { DataSource } from "typeorm";
import { badInput } from "../core/errors.js";
import {
  SHOWN_MEMORY,
  decodeSearchCursor,
  encodeSearchCursor,
  fingerprintOf,
  shownKey,
  type SearchPosition,
} from "../core/pagination.js";
import { ResourceService } from "../resources/resource.service.js";
import { nextSessions } from "../schedules/schedule.js";
import { highlightSegments, queryNeedsReader } from "./highlight.js";
import {
  FACETS,
  FACET_KEYS,
  buildConditions,
  distanceMeters,
  normalizeQuery,
  type Condition,
  type FacetKey,
} from "./search.conditions.js";
import { searchInPostgres } from "./search.fallback.js";
import { exactRadiusFilter, nearestFirst, searcher } from "./search.geo.js";
import { applyUnderstood } from "./query/apply-understood.js";
import { understandQuery, type AreaName } from "./query/understand.js";
import { batchesOfMatchingIds, pageOfMatchingIds, type MatchingScope } from "./search.export.js";
import type { SearchHealth } from "./search-health.js";
import type { ResourceSearchIndex } from "./search-index.js";
import { SearchSort, type SearchResourcesInput } from "./search.inputs.js";
import type { FacetCount, ResourceSearchResult } from "./search.types.js";
import { outboxStatus, type RelayStatus } from "./search-relay.js";
import { engineQuery } from "./text/engine-query.js";
import { textReader } from "./text/readings.js";

/** One page of ids in rank order, with highlight markup and facet counts, from either engine. */
export interface RankedPage {
  total: number;
  hits: { id: string }[];
  facets: Record<FacetKey, FacetCount[]>;
}

export interface SearchRequest {
  input: SearchResourcesInput;
  query: string;
  conditions: Condition[];
  offset: number;
  limit: number;
}

/** Characters of the description shown around its first match. */
const DESCRIPTION_SNIPPET_LENGTH = 120;

/**
 * searchResources: Meilisearch ranks and counts, PostgreSQL supplies the rows (in Meilisearch's order, one query).
 * When Meilisearch cannot be reached the same request is answered from PostgreSQL and marked `degraded`.
 */
export class SearchService {
  constructor(
    private readonly db: DataSource,
    private readonly index: ResourceSearchIndex,
    private readonly health: SearchHealth,
  ) {}

  /** The outbox's lag and the last indexing error (the relay itself runs as a background job). */
  syncStatus(): Promise<RelayStatus> {
    return outboxStatus(this.db, this.health);
  }

  /** Every listing the search matches, in batches of ids (あいうえお順): the directory export and the HSDS package. */
  async *matchingIdBatches(
    input: SearchResourcesInput,
    scope: MatchingScope = {},
    batchSize = 1_000,
  ): AsyncGenerator<string[]> {
    yield* batchesOfMatchingIds(this.db, (await this.understand(input)).effective, scope, batchSize);
  }

  /** One numbered page of matching ids with the total (the HSDS API's paging). */
  async matchingIdPage(input: SearchResourcesInput, scope: MatchingScope, offset: number, limit: number) {
    return pageOfMatchingIds(this.db, (await this.understand(input)).effective, scope, offset, limit);
  }

  /** The input as the search runs it: the filters its words mean applied (`applyUnderstood`), the rest as text. */
  private async understand(input: SearchResourcesInput) {
    const understanding = understandQuery(input.text, input.text?.trim() ? await this.areaNames() : []);
    return { understanding, effective: applyUnderstood(input, understanding) };
  }

  /**
   * One page of a search. The words of `input.text` that name a weekday, a time, an area, 無料, 送迎, 見学 or 体験 are
   * read as filters (`understood`, combined with the input's by `applyUnderstood`); the rest is the text.
   *
   * Paging: a cursor is bound to the query (its fingerprint: the filters and the normalised text, not `first`) and
   * remembers the last SHOWN_MEMORY rows shown. The next page is the first `first` rows, in the order of the moment,
   * from SHOWN_MEMORY rows before the cursor's position on, that were not shown: when the order changes between pages
   * (an edit re-ranks a listing, a next session moves), no remembered row comes again, and a row that moved up past
   * the position (by less than SHOWN_MEMORY rows) is shown instead of skipped.
   */
  async search(input: SearchResourcesInput, first: number, after?: string | null): Promise<ResourceSearchResult> {
    if (input.sort === SearchSort.DISTANCE && !input.near)
      throw badInput("input.sort", "近い順にするには地点 (near) を指定してください");
    const { understanding, effective } = await this.understand(input);
    const query = normalizeQuery(effective.text);
    const fingerprint = fingerprintOf({ ...effective, text: query });
    const position: SearchPosition = after ? decodeSearchCursor(after, fingerprint) : { offset: 0, shown: [] };
    const shown = new Set(position.shown);
    const start = position.offset - position.shown.length;
    const request: SearchRequest = {
      input: effective,
      query,
      conditions: buildConditions(effective),
      offset: start,
      limit: position.shown.length + first,
    };

    let page: RankedPage;
    let degraded = false;
    try {
      page = await this.searchInMeilisearch(request);
      this.health.markUp();
    } catch (err) {
      this.health.markDown(err);
      degraded = true;
      page = await searchInPostgres(this.db, request);
    }

    // With each listing's organization in the same query (a join): the page shows it on every card, and the resolver
    // hands these to the request's organization loader instead of a second round trip.
    const unseen = page.hits.filter((hit) => !shown.has(shownKey(hit.id)));
    const rows = unseen.length
      ? await ResourceService.byIds(
          this.db.manager,
          unseen.map((h) => h.id),
          { withHost: true },
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const reader = rows.length && queryNeedsReader(request.query) ? await textReader() : null;
    const now = new Date();
    // A listing deleted in PostgreSQL whose index delete is still in the outbox: skip it, never show a ghost.
    const fresh = unseen.filter((hit) => byId.has(hit.id)).slice(0, first);
    const keys = [...position.shown];
    const edges = fresh.map((hit, i) => {
      const node = byId.get(hit.id)!;
      keys.push(shownKey(hit.id));
      return {
        cursor: encodeSearchCursor(fingerprint, {
          offset: position.offset + i + 1,
          shown: keys.slice(-SHOWN_MEMORY),
        }),
        node,
        highlight: {
          name: highlightSegments(node.name, request.query, reader),
          description: highlightSegments(node.description, request.query, reader, DESCRIPTION_SNIPPET_LENGTH),
        },
        distanceMeters:
          effective.near && node.lat != null && node.lng != null
            ? distanceMeters(effective.near, { lat: node.lat, lng: node.lng })
            : null,
        nextSession: nextSessions(node.schedule, now, 1)[0] ?? null,
      };
    });
    return {
      totalCount: page.total,
      edges,
      pageInfo: {
        hasNextPage: position.offset + edges.length < page.total,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: page.facets,
      degraded,
      understood: understanding.understood,
    };
  }

  /**
   * The first `limit` ids of a search from one engine, as `search` would ask it (the same understanding, text and
   * conditions): the fallback's recall is measured against the main path with it (fallback-recall.ts).
   */
  async idsFrom(
    engine: "meilisearch" | "postgres",
    input: SearchResourcesInput,
    limit: number,
  ): Promise<{ total: number; ids: string[] }> {
    const { effective } = await this.understand(input);
    const request: SearchRequest = {
      input: effective,
      query: normalizeQuery(effective.text),
      conditions: buildConditions(effective),
      offset: 0,
      limit,
    };
    const page =
      engine === "meilisearch" ? await this.searchInMeilisearch(request) : await searchInPostgres(this.db, request);
    return { total: page.total, ids: page.hits.map((h) => h.id) };
  }

  /** The city's areas, for reading area names in the search box (a city has tens of them). */
  private areaNames(): Promise<AreaName[]> {
    return this.db.query(`SELECT id, name, name_kana AS "nameKana" FROM area`);
  }

  private async searchInMeilisearch(request: SearchRequest): Promise<RankedPage> {
    const { input, query, offset, limit } = request;
    const search = searcher(this.index.searchClient, this.index.uid);
    const conditions = await exactRadius(search, request.conditions);
    const active = new Set(conditions.flatMap((c) => (c.facet ? [c.facet] : [])));
    const filterWithout = (facet?: FacetKey) =>
      conditions
        .filter((c) => !facet || c.facet !== facet)
        .map((c) => `(${c.meili})`)
        .join(" AND ");
    const sort = meiliSort(input, query);
    // Distance order is computed from coordinates (search.geo.ts): the main query then only counts.
    const byDistance = input.sort === SearchSort.DISTANCE && input.near;
    // Page mode gives an exact totalHits (offset mode only estimates); a cursor off a page boundary (the client
    // changed `first` between pages) needs one more, count-only query.
    const aligned = byDistance || offset % limit === 0;
    const window = byDistance
      ? { page: 1, hitsPerPage: 0 }
      : aligned
        ? { page: offset / limit + 1, hitsPerPage: limit }
        : { offset, limit };
    const q = engineQuery(query);
    // Every word must match (as in the PostgreSQL fallback): with Meilisearch's default ("last") a word that matched
    // nothing was dropped from the end, so 「火曜 体操」 and 「体操 火曜」 gave different sets.
    const matchingStrategy = "all";
    const main = {
      indexUid: this.index.uid,
      q,
      matchingStrategy,
      filter: filterWithout(),
      ...window,
      sort,
      attributesToRetrieve: ["id"],
      facets: FACET_KEYS.filter((k) => !active.has(k)).map((k) => FACETS[k].attribute),
      locales: ["jpn"],
    };
    // Disjunctive counts: for each facet the user has selected in, count as if that facet alone were unselected.
    const perFacet = [...active].map((facet) => ({
      indexUid: this.index.uid,
      q,
      matchingStrategy,
      filter: filterWithout(facet),
      limit: 0,
      facets: [FACETS[facet].attribute],
      locales: ["jpn"],
    }));
    const count = aligned
      ? []
      : [
          {
            indexUid: this.index.uid,
            q,
            matchingStrategy,
            filter: filterWithout(),
            page: 1,
            hitsPerPage: 0,
            locales: ["jpn"],
          },
        ];
    const { results } = (await this.index.searchClient.multiSearch({
      queries: [main, ...count, ...perFacet],
    } as never)) as unknown as {
      results: {
        hits: { id: string }[];
        totalHits?: number;
        facetDistribution?: Record<string, Record<string, number>>;
      }[];
    };
    const [first, ...others] = results;
    const total = (aligned ? first : others.shift()!).totalHits ?? 0;
    const rest = others;
    const distribution: Record<string, Record<string, number>> = { ...(first.facetDistribution ?? {}) };
    rest.forEach((r) => Object.assign(distribution, r.facetDistribution ?? {}));
    const facets = Object.fromEntries(
      FACET_KEYS.map((k) => [k, toCounts(distribution[FACETS[k].attribute])]),
    ) as RankedPage["facets"];
    if (byDistance) {
      const near = input.near!;
      const ids = await nearestFirst(search, {
        q,
        matchingStrategy,
        filter: filterWithout(),
        center: near,
        reachMeters: near.radiusMeters,
        offset,
        limit,
      });
      // Without Meilisearch's markup: the service highlights these from the text itself.
      return { total, hits: ids.map((id) => ({ id })), facets };
    }
    return {
      total,
      hits: first.hits.map((h) => ({ id: h.id })),
      facets,
    };
  }
}

/**
 * The conditions with each radius made exact for this request. The band around the circle is read under the
 * conditions every query of the request shares (status, times, age…), not the facets, whose counts leave their own out.
 */
async function exactRadius(search: ReturnType<typeof searcher>, conditions: Condition[]): Promise<Condition[]> {
  const shared = conditions
    .filter((c) => !c.facet && !c.near)
    .map((c) => `(${c.meili})`)
    .join(" AND ");
  return Promise.all(
    conditions.map(async (c) => {
      if (!c.near) return c;
      const exact = await exactRadiusFilter(search, c.near.center, c.near.radiusMeters, shared);
      return { ...c, meili: c.near.citywide ? `(${exact} OR citywide = true)` : exact };
    }),
  );
}

function meiliSort(input: SearchResourcesInput, query: string): string[] | undefined {
  switch (input.sort) {
    case SearchSort.DISTANCE:
      return undefined;
    case SearchSort.NEXT_SESSION:
      return ["nextSessionAt:asc"];
    case SearchSort.RECENTLY_VERIFIED:
      return ["verifiedAt:desc"];
    default:
      return query ? undefined : ["reading:asc"];
  }
}

const toCounts = (d: Record<string, number> | undefined): FacetCount[] =>
  Object.entries(d ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
