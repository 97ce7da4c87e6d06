/**
 * npm run bench:relevance: how good suggestions and search are, measured on the judged evaluation set of
 * server/src/bench/relevance/ (README.md there: the data, the grades, how to add to them).
 *
 * On its own services (relevance/relevance-env.ts) with the demo city of `npm start` (320 listings, no demo
 * caseload), as the demo coordinator through GraphQL over HTTP: every persona is created with `createPerson` and
 * `suggestResources(first: 10)` is asked for it; every query is sent to `searchResources` (the first 10 hits for
 * nDCG, then page by page up to 1,000 hits for the variant sets). The only stdout line:
 *   bench:relevance personas=N queries=M suggest_p_at_5=… suggest_ndcg_at_10=… search_ndcg_at_10=… variant_agreement=… zero_result_rate=…
 *
 *   suggest_p_at_5      mean over personas of the share of the top 5 suggestions with grade ≥ 2 (unjudged = 0)
 *   suggest_ndcg_at_10  mean over personas of nDCG@10, gain 2^g − 1, against the ideal order of the judged grades
 *   search_ndcg_at_10   the same over queries, on searchResources' order
 *   variant_agreement   mean over variant groups of the mean pairwise Jaccard overlap of the full result id sets
 *                       (up to 1,000 hits) of the group's written forms
 *   zero_result_rate    share of queries with no hit
 *
 * `--verbose` (or BENCH_VERBOSE=1) also prints, on stderr, each persona's and query's scores and top results.
 */
import "reflect-metadata";
import "./relevance/relevance-env.js";
import { today } from "@tsunagu/calendar";
import { generateDemoCity } from "../db/seed/demo-city.js";
import { progress, runBench, type BenchEnv } from "./bench-env.js";
import { gradesOf, loadJudgedSet, toCreatePersonInput } from "./relevance/relevance.data.js";
import { mean, meanPairwiseJaccard, ndcgAtK, precisionAtK } from "./relevance/relevance.metrics.js";

const VERBOSE = process.argv.includes("--verbose") || process.env.BENCH_VERBOSE === "1";
/** Hits compared per variant (the result set of a word, not only its first page). */
const MAX_HITS = 1_000;
const PAGE = 100;

const SEARCH = `query RelevanceSearch($input: SearchResourcesInput!, $first: Int!, $after: String) {
  searchResources(input: $input, first: $first, after: $after) {
    totalCount
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SUGGEST = `query RelevanceSuggest($id: ID!, $first: Int!) {
  suggestResources(personId: $id, first: $first) {
    totalCandidates searchArea
    suggestions { resource { id name } score reasons { text points } }
    excluded { resource { name } reasons { text } }
  }
}`;
const CREATE = `mutation RelevancePerson($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;

interface SuggestResult {
  totalCandidates: number;
  searchArea: string;
  suggestions: { resource: { name: string }; score: number; reasons: { text: string; points: number }[] }[];
  excluded: { resource: { name: string }; reasons: { text: string }[] }[];
}

interface Page {
  searchResources: {
    totalCount: number;
    edges: { node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function must<T>(env: BenchEnv, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await env.gql<T>(query, variables);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Names in searchResources' order, up to MAX_HITS, and the engine's total. */
async function searchAll(env: BenchEnv, text: string): Promise<{ names: string[]; total: number }> {
  const names: string[] = [];
  let after: string | null = null;
  let total: number;
  for (;;) {
    const page: Page = await must<Page>(env, SEARCH, { input: { text }, first: PAGE, after });
    total = page.searchResources.totalCount;
    names.push(...page.searchResources.edges.map((e) => e.node.name));
    if (!page.searchResources.pageInfo.hasNextPage || names.length >= MAX_HITS) break;
    after = page.searchResources.pageInfo.endCursor;
  }
  return { names: names.slice(0, MAX_HITS), total };
}

const f2 = (x: number) => (Number.isNaN(x) ? "NaN" : x.toFixed(2));
const detail = (line: string) => {
  if (VERBOSE) progress(line);
};

runBench("bench:relevance", { relay: false, resources: 320 }, async (env) => {
  const set = loadJudgedSet();
  const city = generateDemoCity();
  const areas = await must<{ areas: { id: string; code: string | null }[] }>(env, "{ areas { id code } }", {});
  const idByCode = new Map(areas.areas.map((a) => [a.code, a.id]));
  const areaIdByKey = new Map(city.areas.map((a) => [a.key, idByCode.get(a.code) as string]));
  const day = today();

  // Suggestions: a fresh person per persona (the catalog was just re-seeded, which also emptied the caseload).
  const p5: number[] = [];
  const sNdcg: number[] = [];
  for (const persona of set.personas) {
    const created = await must<{ createPerson: { person: { id: string } } }>(env, CREATE, {
      input: toCreatePersonInput(persona, areaIdByKey, day),
    });
    // Verbose asks for more, to say where the judged-good listings missing from the top went; the measures read 10.
    const result = await must<{ suggestResources: SuggestResult }>(env, SUGGEST, {
      id: created.createPerson.person.id,
      first: VERBOSE ? 50 : 10,
    });
    const all = result.suggestResources.suggestions;
    const ranked = all.slice(0, 10).map((s) => s.resource.name);
    const grades = gradesOf(set.personaJudgements.get(persona.key) ?? []);
    const p = precisionAtK(ranked, grades, 5);
    const n = ndcgAtK(ranked, grades, 10);
    p5.push(p);
    if (n !== null) sNdcg.push(n);
    detail(
      `persona ${persona.key} p@5=${f2(p)} ndcg@10=${n === null ? "-" : f2(n)} | ${ranked
        .slice(0, 5)
        .map((name) => `${name}(${grades.get(name) ?? "-"})`)
        .join(" ")}`,
    );
    detail(`  ${result.suggestResources.totalCandidates} candidates, ${result.suggestResources.searchArea}`);
    const because = (s: SuggestResult["suggestions"][number]) =>
      `${s.score} ${s.resource.name}: ${s.reasons.map((r) => `${r.text} (${r.points})`).join(" / ")}`;
    for (const s of all.slice(0, 5)) detail(`  ${because(s)}`);
    // Where each listing judged good (≥ 2) but missing from the top 5 is: lower, excluded, or not a candidate.
    for (const [name, grade] of grades) {
      if (grade < 2 || ranked.slice(0, 5).includes(name)) continue;
      const at = all.findIndex((s) => s.resource.name === name);
      const out = result.suggestResources.excluded.find((e) => e.resource.name === name);
      if (at >= 0) detail(`  (${grade}) #${at + 1} ${because(all[at])}`);
      else if (out) detail(`  (${grade}) 外した ${name}: ${out.reasons.map((r) => r.text).join(" / ")}`);
      else detail(`  (${grade}) 候補外 ${name}`);
    }
  }

  // Search: nDCG of the first 10, zero results, and the full result sets of each variant group.
  const qNdcg: number[] = [];
  let zero = 0;
  const setsByGroup = new Map<string, Set<string>[]>();
  for (const query of set.queries) {
    const { names, total } = await searchAll(env, query.text);
    if (total === 0) zero++;
    const grades = gradesOf(set.queryJudgements.get(query.key) ?? []);
    const n = ndcgAtK(names, grades, 10);
    if (n !== null) qNdcg.push(n);
    if (query.variantGroup)
      setsByGroup.set(query.variantGroup, [...(setsByGroup.get(query.variantGroup) ?? []), new Set(names)]);
    detail(
      `query ${query.key} 「${query.text}」 hits=${total} ndcg@10=${n === null ? "-" : f2(n)} | ${names
        .slice(0, 5)
        .map((name) => `${name}(${grades.get(name) ?? "-"})`)
        .join(" ")}`,
    );
  }
  const agreement = [...setsByGroup.entries()].map(([group, sets]) => {
    const value = meanPairwiseJaccard(sets);
    detail(`variant ${group} agreement=${f2(value)} sizes=${sets.map((s) => s.size).join("/")}`);
    return value;
  });

  return [
    "bench:relevance",
    `personas=${set.personas.length}`,
    `queries=${set.queries.length}`,
    `suggest_p_at_5=${f2(mean(p5))}`,
    `suggest_ndcg_at_10=${f2(mean(sNdcg))}`,
    `search_ndcg_at_10=${f2(mean(qNdcg))}`,
    `variant_agreement=${f2(mean(agreement))}`,
    `zero_result_rate=${f2(zero / set.queries.length)}`,
  ].join(" ");
});
