/**
 * npm run bench:search: latency of `searchResources` on 100,000 listings, three ways, same fixed workload.
 *
 *   gql    the GraphQL query over HTTP (session cookie), as the web client asks it: Meilisearch ranks and counts,
 *          PostgreSQL loads the 20 rows, GraphQL serializes.
 *   meili  the same multiSearch the service issues (main query with all facets + one count query per selected
 *          facet), by calling SearchService#searchInMeilisearch itself, so the request cannot drift from the app's.
 *   pg     the PostgreSQL ILIKE baseline: `searchInPostgres` from search.fallback.ts, i.e. exactly the degraded path,
 *          with the same Conditions, the same 20-row page, its count(*) and the same facet counts as the other two.
 *          (A page + count(*) only variant is measured too and shown on stderr, not in the result line.)
 *
 * The first 20 queries warm each way up (not measured); then every query runs once per way, sequentially
 * (concurrency 1). The only stdout line:
 *   bench:search n=100000 queries=… gql_p50_ms=… gql_p95_ms=… meili_p95_ms=… pg_ilike_p95_ms=… ratio_gql_meili=… speedup_vs_ilike=…
 *     meili_db_bytes=… index_documents_bytes=…
 */
import "reflect-metadata";
import { escapeLike } from "../core/sql.js";
import { Accessibility, ResourceKind, TargetGroup } from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";
import { Rng } from "../db/seed/rng.js";
import { BBOX } from "../db/seed/demo-city.names.js";
import { SqlParams, buildConditions, normalizeQuery } from "../search/search.conditions.js";
import { normalizeReading } from "../readings/reading.js";
import { searchInPostgres } from "../search/search.fallback.js";
import { SearchResourcesInput, SearchSort } from "../search/search.inputs.js";
import type { SearchRequest } from "../search/search.service.js";
import { BENCH_RESOURCES, indexSize, ms, percentile, progress, runBench, type BenchEnv } from "./bench-env.js";

const WORKLOAD_SEED = 20260401;
const QUERIES_PER_CATEGORY = 40;
const WARMUP = 20;
const PAGE = 20;

/** Words that occur in the demo data (names, activities, descriptions, readings). */
const WORDS = [
  "体操",
  "サロン",
  "子育て",
  "かよい",
  "ちいきかつどう",
  "就労体験",
  "茶話会",
  "カフェ",
  "食堂",
  "ボランティア",
  "囲碁",
  "料理",
  "居場所",
  "相談",
  "清掃",
  "見守り",
  "手芸",
  "将棋",
  "ヨガ",
  "散歩",
  "認知症",
  "パソコン",
  "さろん",
  "たいそう",
];

/** Plain JSON: the GraphQL variables, and (as a SearchResourcesInput) the service's input. */
type Params = {
  text?: string;
  kinds?: ResourceKind[];
  targetGroups?: TargetGroup[];
  weekdays?: Weekday[];
  timeBands?: TimeBand[];
  timeWindow?: { from: string; to: string };
  freeOnly?: boolean;
  accessibility?: Accessibility[];
  visitAllowed?: boolean;
  age?: number;
  near?: { lat: number; lng: number; radiusMeters: number };
  sort?: SearchSort;
};

interface Query {
  category: string;
  params: Params;
}

/** The fixed workload: same seed, same queries, every run. */
export function buildWorkload(seed = WORKLOAD_SEED): Query[] {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.nextUint32() % xs.length];
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = 1 + (rng.nextUint32() % max);
    return [...new Set(Array.from({ length: n }, () => pick(xs)))];
  };
  const chance = (p: number) => rng.next() < p;
  const text = () => (chance(0.15) ? `${pick(WORDS)} ${pick(WORDS)}` : pick(WORDS));
  const kinds = Object.values(ResourceKind);
  const groups = Object.values(TargetGroup);
  const weekdays = Object.values(Weekday);
  const bands = Object.values(TimeBand);
  const needs = Object.values(Accessibility);
  const facets = (): Params => {
    const p: Params = {};
    const n = 1 + (rng.nextUint32() % 3);
    for (let i = 0; i < n; i++) {
      switch (rng.nextUint32() % 6) {
        case 0:
          p.kinds = some(kinds, 3);
          break;
        case 1:
          p.targetGroups = some(groups, 2);
          break;
        case 2:
          p.weekdays = some(weekdays, 3);
          break;
        case 3:
          p.timeBands = some(bands, 2);
          break;
        case 4:
          p.freeOnly = true;
          break;
        default:
          p.accessibility = some(needs, 2);
          break;
      }
    }
    return p;
  };
  const near = (): NonNullable<Params["near"]> => ({
    lat: Number((BBOX.south + rng.next() * (BBOX.north - BBOX.south)).toFixed(5)),
    lng: Number((BBOX.west + rng.next() * (BBOX.east - BBOX.west)).toFixed(5)),
    radiusMeters: pick([500, 1000, 1500, 2000, 3000, 5000]),
  });
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const schedule = (): Params => {
    const from = 8 * 60 + (rng.nextUint32() % 20) * 30; // 08:00–17:30
    const to = Math.min(from + pick([60, 120, 180, 240]), 23 * 60);
    return {
      weekdays: some(weekdays, 3),
      timeWindow: { from: hhmm(from), to: hhmm(to) },
      sort: SearchSort.NEXT_SESSION,
    };
  };

  const out: Query[] = [];
  const add = (category: string, make: () => Params) => {
    for (let i = 0; i < QUERIES_PER_CATEGORY; i++) out.push({ category, params: make() });
  };
  add("text", () => ({ text: text() }));
  add("facets", facets);
  add("text+facets", () => ({ text: text(), ...facets() }));
  add("geo", () => {
    const p: Params = { near: near() };
    if (chance(0.5)) p.sort = SearchSort.DISTANCE;
    if (chance(0.4)) p.text = text();
    return p;
  });
  add("schedule", () => ({ ...(chance(0.4) ? { text: text() } : {}), ...schedule() }));
  add("combined", () => {
    const p: Params = { text: text(), ...facets() };
    if (chance(0.6)) p.near = near();
    if (chance(0.5)) Object.assign(p, schedule(), p.weekdays ? { weekdays: p.weekdays } : {});
    if (p.near && chance(0.5)) p.sort = SearchSort.DISTANCE;
    if (chance(0.2)) p.visitAllowed = true;
    if (chance(0.2)) p.age = pick([8, 16, 35, 70, 82]);
    return p;
  });
  // Interleave the categories so the warm-up (first 20) and any drift touch all of them.
  const lists = [...groupBy(out).values()];
  const mixed: Query[] = [];
  while (lists.some((l) => l.length)) for (const l of lists) if (l.length) mixed.push(l.shift()!);
  return mixed;
}

function groupBy(queries: Query[]): Map<string, Query[]> {
  const m = new Map<string, Query[]>();
  for (const q of queries) m.set(q.category, [...(m.get(q.category) ?? []), q]);
  return m;
}

const SEARCH = `query BenchSearch($input: SearchResourcesInput, $first: Int) {
  searchResources(input: $input, first: $first) {
    totalCount
    degraded
    facets { kinds { value count } }
    edges { node { id name } distanceMeters }
  }
}`;

interface SearchData {
  searchResources: { totalCount: number; degraded: boolean; edges: { node: { id: string } }[] };
}

const toInput = (p: Params) => Object.assign(new SearchResourcesInput(), structuredClone(p));
const requestFor = (p: Params): SearchRequest => {
  const input = toInput(p);
  return { input, query: normalizeQuery(input.text), conditions: buildConditions(input), offset: 0, limit: PAGE };
};

async function timeEach(label: string, queries: Query[], run: (q: Query) => Promise<unknown>): Promise<number[]> {
  for (const q of queries.slice(0, WARMUP)) await run(q);
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  progress(
    `  ${label.padEnd(14)} p50 ${ms(percentile(times, 50)).padStart(7)} ms  p95 ${ms(percentile(times, 95)).padStart(7)} ms  max ${ms(Math.max(...times)).padStart(7)} ms`,
  );
  return times;
}

/** The simpler baseline: page + count(*) with the same filters and ILIKE, no facet counts. */
async function pgPageAndCount(env: BenchEnv, request: SearchRequest): Promise<void> {
  const words = request.query ? request.query.split(" ") : [];
  const where = (p: SqlParams) => {
    const parts = request.conditions.map((c) => c.sql(p));
    for (const w of words) {
      const like = p.add(`%${escapeLike(w)}%`);
      const reading = p.add(`%${escapeLike(normalizeReading(w))}%`);
      parts.push(
        `(r.name ILIKE ${like} OR r.reading_key ILIKE ${reading} OR r.description ILIKE ${like} OR array_to_string(r.activities, ' ') ILIKE ${like})`,
      );
    }
    return parts.join(" AND ");
  };
  const page = new SqlParams();
  const count = new SqlParams();
  await Promise.all([
    env.db.query(
      `SELECT r.id FROM resource r WHERE ${where(page)} ORDER BY r.reading_key, r.id LIMIT ${PAGE}`,
      page.values,
    ),
    env.db.query(`SELECT count(*)::int AS n FROM resource r WHERE ${where(count)}`, count.values),
  ]);
}

runBench("bench:search", { relay: false }, async (env) => {
  const queries = buildWorkload();
  const counts = [...groupBy(queries)].map(([k, v]) => `${k} ${v.length}`).join(", ");
  progress(`workload: ${queries.length} queries (${counts}); warm-up ${WARMUP} per way, then sequential`);

  // Sanity: every GraphQL answer must come from Meilisearch, and all three ways must agree on the totals.
  let degraded = 0;
  const totals = { gql: [] as number[], meili: [] as number[], pg: [] as number[] };
  const service = env.app.services.search;

  const gql = await timeEach("graphql/http", queries, async ({ params }) => {
    const res = await env.gql<SearchData>(SEARCH, { input: params, first: PAGE });
    if (res.errors?.length || !res.data)
      throw new Error(`searchResources failed for ${JSON.stringify(params)}: ${JSON.stringify(res.errors)}`);
    if (res.data.searchResources.degraded) degraded++;
    totals.gql.push(res.data.searchResources.totalCount);
  });
  const meili = await timeEach("meilisearch", queries, async ({ params }) => {
    // Bracket access reaches the private method: the very multiSearch the resolver issues, nothing re-implemented.
    const page = await service["searchInMeilisearch"](requestFor(params));
    totals.meili.push(page.total);
  });
  const pg = await timeEach("pg ilike+facets", queries, async ({ params }) => {
    const page = await searchInPostgres(env.db, requestFor(params));
    totals.pg.push(page.total);
  });
  await timeEach("pg page+count", queries, ({ params }) => pgPageAndCount(env, requestFor(params)));

  if (degraded)
    throw new Error(
      `${degraded} GraphQL answers were degraded (PostgreSQL fallback): the measurement is not of Meilisearch`,
    );
  const measured = (xs: number[]) => xs.slice(WARMUP);
  const same = measured(totals.gql).filter((n, i) => n === measured(totals.meili)[i]).length;
  const samePg = measured(totals.meili).filter((n, i) => n === measured(totals.pg)[i]).length;
  const empty = measured(totals.gql).filter((n) => n === 0).length;
  progress(
    `totals: gql = meili for ${same}/${queries.length}; meili = pg for ${samePg}/${queries.length} (word matching differs); ${empty} queries with no hit`,
  );
  progress(`median totalCount ${percentile(measured(totals.gql), 50)}, p95 ${percentile(measured(totals.gql), 95)}`);

  progress("per category (p50 / p95 ms):          graphql          meili       pg ilike   no hit");
  for (const [category] of groupBy(queries)) {
    const at = queries.flatMap((q, i) => (q.category === category ? [i] : []));
    const cell = (xs: number[]) =>
      `${ms(
        percentile(
          at.map((i) => xs[i]),
          50,
        ),
      ).padStart(6)} / ${ms(
        percentile(
          at.map((i) => xs[i]),
          95,
        ),
      ).padStart(6)}`;
    const none = at.filter((i) => measured(totals.gql)[i] === 0).length;
    progress(
      `  ${category.padEnd(12)} ${cell(gql)}  ${cell(meili)}  ${cell(pg)}  ${String(none).padStart(3)}/${at.length}`,
    );
  }

  const gqlP95 = percentile(gql, 95);
  const meiliP95 = percentile(meili, 95);
  const pgP95 = percentile(pg, 95);
  return (
    `bench:search n=${BENCH_RESOURCES} queries=${queries.length} gql_p50_ms=${ms(percentile(gql, 50))} gql_p95_ms=${ms(gqlP95)} ` +
    `meili_p95_ms=${ms(meiliP95)} pg_ilike_p95_ms=${ms(pgP95)} ratio_gql_meili=${(gqlP95 / meiliP95).toFixed(2)} ` +
    `speedup_vs_ilike=${(pgP95 / gqlP95).toFixed(1)} ${await indexSize(env.index)}`
  );
});
