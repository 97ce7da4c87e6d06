/**
 * npm run bench:suggest: latency of `suggestResources` on 100,000 listings, for 200 persons with varied profiles,
 * against a plain `searchResources` measured in the same run.
 *
 *   suggest  the GraphQL query over HTTP as a coordinator (session cookie), as the web client asks it: one
 *            multiSearch for candidates, one PostgreSQL query for their rows (plus one for the support plan),
 *            scoring in TypeScript, GraphQL serialization.
 *   search   a plain searchResources over HTTP for the same person, as a coordinator would search by hand: near the
 *            home point (or in the area), the person's target groups, the first wanted activity as text, 20 hits
 *            with the facet counts.
 *
 * Persons are generated from a fixed seed (db/seed/rng.ts) and written to the bench database on every run (the old
 * bench persons are deleted first). The first 20 persons warm both queries up (not measured); then each person's
 * suggest and search run once, alternately, sequentially (concurrency 1). The only stdout line:
 *   bench:suggest n=100000 persons=200 p50_ms=… p95_ms=… search_p95_ms=… ratio=…
 * where ratio = suggest p95 / search p95. Target: ratio ≤ 2.
 */
import "reflect-metadata";
import type { DataSource } from "typeorm";
import { today } from "@tsunagu/calendar";
import { BBOX } from "../db/seed/demo-city.names.js";
import { Rng, type Weighted } from "../db/seed/rng.js";
import { EMPTY_NEEDS } from "../people/needs-profile.js";
import { Person } from "../people/person.entity.js";
import { AgeBand, Mobility, PersonTrack, SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import { SupportPlan } from "../people/support-plan.entity.js";
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";
import { BENCH_RESOURCES, ms, percentile, progress, runBench } from "./bench-env.js";

const PERSON_SEED = 20261201;
const PERSONS = 200;
const WARMUP = 20;
const PAGE = 20;
const SUGGESTIONS = 10;
/** Marks the bench's persons, so a run replaces the previous run's. */
const BENCH_READING = "べんちほんにん";
const COORDINATOR_EMAIL = "coordinator@example.jp";

/** Activities that occur in the demo data, and a few that do not (a person's wish need not exist yet). */
const ACTIVITIES = [
  "体操",
  "茶話会",
  "料理",
  "手芸",
  "囲碁・将棋",
  "散歩",
  "脳トレ",
  "清掃",
  "読書",
  "歌",
  "軽作業",
  "見守り",
  "パソコン",
  "畑仕事",
];
const MOBILITY: readonly Weighted<Mobility>[] = [
  [Mobility.WALK, 30],
  [Mobility.BICYCLE, 10],
  [Mobility.PUBLIC_TRANSPORT, 15],
  [Mobility.DEMAND_BUS, 10],
  [Mobility.CAR, 10],
  [Mobility.ESCORT_NEEDED, 10],
  [Mobility.HOME_BOUND, 15],
];

/** Varied profiles from a fixed seed: who they are, where they live, what they want, how they get about. */
function generatePersons(
  coordinatorId: string,
  areaIds: string[],
  seed = PERSON_SEED,
): { person: Partial<Person>; agreedPlan: boolean }[] {
  const rng = new Rng(seed);
  const some = <T>(xs: readonly T[], max: number) => rng.sample(xs, rng.int(0, max));
  const coord = (lo: number, hi: number) => Number((lo + rng.next() * (hi - lo)).toFixed(3)); // rounded like real home points
  return Array.from({ length: PERSONS }, (_, i) => {
    const home = rng.chance(0.85);
    const age = rng.next();
    const person: Partial<Person> = {
      displayName: `ベンチ本人 ${i + 1}`,
      nameKana: "ベンチホンニン",
      readingKey: BENCH_READING,
      track: PersonTrack.CONSENTED,
      coordinatorId,
      registeredOn: today(),
      householdIssues: [],
      birthYear: age < 0.6 ? rng.int(1935, 2008) : null,
      ageBand: age >= 0.6 && age < 0.85 ? rng.pick(Object.values(AgeBand)) : null,
      homeLat: home ? coord(BBOX.south, BBOX.north) : null,
      homeLng: home ? coord(BBOX.west, BBOX.east) : null,
      areaId: !home && rng.chance(0.7) ? rng.pick(areaIds) : null,
      needs: {
        ...EMPTY_NEEDS,
        wantedActivities: some(ACTIVITIES, 3),
        wantedKinds: some(Object.values(ResourceKind), 3),
        targetGroups: some(Object.values(TargetGroup), 2),
        weekdays: some(Object.values(Weekday), 3),
        timeBands: some(Object.values(TimeBand), 2),
        mobility: rng.pickWeighted(MOBILITY),
        maxTravelMeters: rng.chance(0.4) ? rng.pick([500, 1_000, 2_000, 3_000, 5_000]) : null,
        accessibility: rng.chance(0.3) ? some(Object.values(Accessibility), 2) : [],
        roles: rng.chance(0.3) ? some(Object.values(ParticipationRole), 2) : [],
        freeOnly: rng.chance(0.2),
      },
    };
    return { person, agreedPlan: rng.chance(0.3) };
  });
}

async function insertPersons(db: DataSource): Promise<Person[]> {
  const [coordinator] = await db.query("SELECT id FROM app_user WHERE email = $1", [COORDINATOR_EMAIL]);
  if (!coordinator) throw new Error(`the demo coordinator ${COORDINATOR_EMAIL} is missing from the bench database`);
  const areaIds = (await db.query<{ id: string }[]>("SELECT id FROM area ORDER BY code NULLS LAST, name")).map(
    (a) => a.id,
  );
  await db.query("DELETE FROM person WHERE reading_key = $1", [BENCH_READING]); // their plans go with them (CASCADE)
  const generated = generatePersons(coordinator.id, areaIds);
  const repo = db.getRepository(Person);
  const persons = await repo.save(
    generated.map((g) => repo.create(g.person)),
    { chunk: 50 },
  );
  const plans = db.getRepository(SupportPlan);
  await plans.save(
    persons
      .filter((_, i) => generated[i].agreedPlan)
      .map((p) =>
        plans.create({
          personId: p.id,
          planVersion: SupportPlanVersion.NEW,
          goals: ["週1回外出する"],
          agreedOn: today(),
          reviewOn: null,
          status: SupportPlanStatus.AGREED,
          createdById: coordinator.id,
        }),
      ),
  );
  return persons;
}

/** The search a coordinator would type for this person. */
function searchInputFor(p: Person): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (p.homeLat != null && p.homeLng != null)
    input.near = { lat: p.homeLat, lng: p.homeLng, radiusMeters: p.needs.maxTravelMeters ?? 2_000 };
  else if (p.areaId) input.areaIds = [p.areaId];
  if (p.needs.targetGroups.length) input.targetGroups = p.needs.targetGroups;
  if (p.needs.wantedActivities.length) input.text = p.needs.wantedActivities[0];
  return input;
}

const SUGGEST = `query BenchSuggest($personId: ID!, $first: Int) {
  suggestResources(personId: $personId, first: $first) {
    totalCandidates
    degraded
    suggestions { score distanceMeters reasons { code text points } nextSession { label } resource { id name kind } }
    excluded { resource { id name } reasons { code text } }
  }
}`;

const SEARCH = `query BenchSearch($input: SearchResourcesInput, $first: Int) {
  searchResources(input: $input, first: $first) {
    totalCount
    degraded
    facets { kinds { value count } }
    edges { node { id name } distanceMeters }
  }
}`;

interface SuggestData {
  suggestResources: { totalCandidates: number; degraded: boolean; suggestions: unknown[]; excluded: unknown[] };
}
interface SearchData {
  searchResources: { totalCount: number; degraded: boolean };
}

runBench("bench:suggest", { relay: false }, async (env) => {
  let t = performance.now();
  const persons = await insertPersons(env.db);
  const homeBound = persons.filter((p) => p.needs.mobility === Mobility.HOME_BOUND).length;
  const located = persons.filter((p) => p.homeLat != null).length;
  progress(
    `${persons.length} persons written in ${ms(performance.now() - t)} ms (${located} with a home point, ${homeBound} home-bound)`,
  );

  const stats = { candidates: [] as number[], suggestions: [] as number[], excluded: [] as number[], empty: 0 };
  const suggest = async (p: Person) => {
    const res = await env.gql<SuggestData>(SUGGEST, { personId: p.id, first: SUGGESTIONS });
    if (res.errors?.length || !res.data)
      throw new Error(`suggestResources failed for ${p.id}: ${JSON.stringify(res.errors)}`);
    const r = res.data.suggestResources;
    if (r.degraded)
      throw new Error(
        "suggestResources answered degraded (PostgreSQL fallback): the measurement is not of Meilisearch",
      );
    return r;
  };
  const search = async (p: Person) => {
    const res = await env.gql<SearchData>(SEARCH, { input: searchInputFor(p), first: PAGE });
    if (res.errors?.length || !res.data)
      throw new Error(`searchResources failed for ${p.id}: ${JSON.stringify(res.errors)}`);
    if (res.data.searchResources.degraded)
      throw new Error("searchResources answered degraded: the measurement is not of Meilisearch");
  };

  for (const p of persons.slice(0, WARMUP)) {
    await suggest(p);
    await search(p);
  }
  progress(`warm-up: ${WARMUP} persons; measuring ${persons.length} suggest + ${persons.length} search, alternately`);
  const suggestMs: number[] = [];
  const searchMs: number[] = [];
  t = performance.now();
  for (const p of persons) {
    let start = performance.now();
    const r = await suggest(p);
    suggestMs.push(performance.now() - start);
    stats.candidates.push(r.totalCandidates);
    stats.suggestions.push(r.suggestions.length);
    stats.excluded.push(r.excluded.length);
    if (!r.suggestions.length) stats.empty++;
    start = performance.now();
    await search(p);
    searchMs.push(performance.now() - start);
  }
  progress(`measured in ${ms(performance.now() - t)} ms`);
  const line = (label: string, xs: number[]) =>
    progress(
      `  ${label.padEnd(8)} p50 ${ms(percentile(xs, 50)).padStart(7)} ms  p95 ${ms(percentile(xs, 95)).padStart(7)} ms  max ${ms(Math.max(...xs)).padStart(7)} ms`,
    );
  line("suggest", suggestMs);
  line("search", searchMs);
  progress(
    `candidates per person: median ${percentile(stats.candidates, 50)}, p95 ${percentile(stats.candidates, 95)}; ` +
      `suggestions median ${percentile(stats.suggestions, 50)} (${stats.empty} persons with none); excluded median ${percentile(stats.excluded, 50)}`,
  );

  const p95 = percentile(suggestMs, 95);
  const searchP95 = percentile(searchMs, 95);
  return (
    `bench:suggest n=${BENCH_RESOURCES} persons=${persons.length} p50_ms=${ms(percentile(suggestMs, 50))} p95_ms=${ms(p95)} ` +
    `search_p95_ms=${ms(searchP95)} ratio=${(p95 / searchP95).toFixed(2)}`
  );
});
