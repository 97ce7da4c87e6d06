import type { DataSource } from "typeorm";
import { badInput } from "../core/errors.js";
import { escapeLike } from "../core/sql.js";
import type { Person } from "../people/person.entity.js";
import { Mobility } from "../people/person.enums.js";
import { SupportPlanService } from "../people/support-plan.service.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceService } from "../resources/resource.service.js";
import { ResourceStatus, TransportOption } from "../resources/resource.enums.js";
import { nextSessions } from "../schedules/schedule.js";
import {
  SqlParams,
  buildConditions,
  distanceMeters,
  sqlDistance,
  type Condition,
} from "../search/search.conditions.js";
import type { SearchHealth } from "../search/search-health.js";
import { nearestFirst, searcher } from "../search/search.geo.js";
import type { ResourceSearchIndex } from "../search/search-index.js";
import { SearchResourcesInput } from "../search/search.inputs.js";
import { householdHelpers, isServiceKind, personGroups, workKinds } from "./suggestion.profile.js";
import {
  SESSIONS_LOOKED_AT,
  ageRange,
  comfortableMeters,
  exclusionsFor,
  formatMeters,
  scoreResource,
  upcomingFrom,
  type PersonFacts,
} from "./suggestion.score.js";
import type { ExcludedResource, Suggestion, SuggestionResult } from "./suggestion.types.js";

export const MAX_SUGGESTIONS = 50;
const MAX_EXCLUDED = 20;
/**
 * Candidate pool, per query. Enough that scoring has choice (schedule, distance and openings are scored, not
 * filtered), small enough that loading the rows stays one cheap query: at most ~200 distinct listings.
 */
const POOL = { profile: 80, nearby: 40, activity: 20, nearMiss: 10 } as const;
/** Each wanted activity is its own text query (Meilisearch ANDs the words of one query); the first few suffice. */
const MAX_ACTIVITY_QUERIES = 3;
/** Search twice the comfortable distance, so listings a little too far still show up (as TOO_FAR or lower). */
const RADIUS = { factor: 2, min: 2_000, max: 30_000 } as const;
const METERS_PER_DEGREE = 111_195;
/** How far places with 送迎 are looked for, for someone who needs an escort (their own guide is much shorter). */
const ESCORT_RADIUS_METERS = 10_000;
/** How far visiting listings are looked for, for someone who cannot go out. */
const VISITING_RADIUS_METERS = 5_000;

interface LatLng {
  lat: number;
  lng: number;
}

/** One candidate query, in both engines' terms (a filter, and optionally words that must occur). */
interface CandidateQuery {
  filter: Condition;
  text?: string;
  limit: number;
}

type Evaluated = { resource: Resource; distanceMeters: number | null; score: number };

/**
 * suggestResources: candidates from Meilisearch (the person's area or surroundings, their kinds and target groups,
 * their activities, plus a few near misses that explain `excluded`), rows from PostgreSQL in one query, then the rules
 * of suggestion.score.ts. The caller has already checked that the viewer may see this person.
 */
export class SuggestionService {
  constructor(
    readonly db: DataSource,
    readonly index: ResourceSearchIndex,
    readonly health: SearchHealth,
  ) {}

  async suggest(person: Person, first: number, now: Date = new Date()): Promise<SuggestionResult> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS)
      throw badInput("first", "件数は1〜50にしてください");
    const home = person.homeLat != null && person.homeLng != null ? { lat: person.homeLat, lng: person.homeLng } : null;
    const queries = candidateQueries(person, home, now);
    const [{ ids, degraded }, hasAgreedPlan] = await Promise.all([
      this.candidateIds(queries, home),
      SupportPlanService.hasInForce(this.db.manager, person.id),
    ]);
    const rows = await ResourceService.byIds(this.db.manager, ids);

    const facts: PersonFacts = {
      birthYear: person.birthYear,
      ageBand: person.ageBand,
      homeLat: person.homeLat,
      homeLng: person.homeLng,
      householdIssues: person.householdIssues,
      certificates: person.certificates,
      participationLevel: person.participationLevel,
      needs: person.needs,
      hasAgreedPlan,
      holdsCertificate: null,
    };
    const suggestions: (Suggestion & Evaluated)[] = [];
    const excluded: (ExcludedResource & Evaluated)[] = [];
    for (const resource of rows) {
      const distance =
        home && resource.lat != null && resource.lng != null
          ? distanceMeters(home, { lat: resource.lat, lng: resource.lng })
          : null;
      const sessions = nextSessions(resource.schedule, now, SESSIONS_LOOKED_AT);
      const context = { now, distanceMeters: distance, upcoming: upcomingFrom(sessions, now) };
      const exclusions = exclusionsFor(facts, resource, context);
      const { score, reasons } = scoreResource(facts, resource, context);
      if (exclusions.length) excluded.push({ resource, reasons: exclusions, distanceMeters: distance, score });
      else
        suggestions.push({
          resource,
          score,
          reasons,
          distanceMeters: distance,
          nextSession: sessions[0] ?? null,
          isService: isServiceKind(resource.kind),
        });
    }
    suggestions.sort(byFit);
    // Near misses first: the listings that would have ranked highest are the ones worth explaining.
    excluded.sort(byFit);
    return {
      suggestions: suggestions.slice(0, first),
      excluded: excluded.slice(0, MAX_EXCLUDED),
      totalCandidates: rows.length,
      degraded,
      ...searchAreaOf(person, home),
      basisNote: basisNote(person, facts, now),
    };
  }

  /** Distinct listing ids from one multiSearch; from PostgreSQL (degraded) when Meilisearch cannot be reached. */
  private async candidateIds(
    queries: CandidateQuery[],
    home: LatLng | null,
  ): Promise<{ ids: string[]; degraded: boolean }> {
    try {
      const ids = await this.idsFromMeilisearch(queries, home);
      this.health.markUp();
      return { ids, degraded: false };
    } catch (err) {
      this.health.markDown(err);
      return { ids: await this.idsFromPostgres(queries, home), degraded: true };
    }
  }

  private async idsFromMeilisearch(queries: CandidateQuery[], home: LatLng | null): Promise<string[]> {
    // Nearest first when we know where the person lives (distance order from coordinates, search.geo.ts);
    // otherwise the most recently verified listings first.
    const search = searcher(this.index.searchClient, this.index.uid);
    const lists = await Promise.all(
      queries.map(async (q) => {
        if (home)
          return nearestFirst(search, {
            q: q.text ?? "",
            filter: q.filter.meili,
            center: home,
            reachMeters: RADIUS.max,
            offset: 0,
            limit: q.limit,
          });
        const [r] = await search([
          {
            q: q.text ?? "",
            filter: q.filter.meili,
            limit: q.limit,
            sort: ["verifiedAt:desc"],
            attributesToRetrieve: ["id"],
          },
        ]);
        return r.hits.map((h) => h.id);
      }),
    );
    return [...new Set(lists.flat())];
  }

  /** The same queries as one UNION in SQL: same Conditions, same order, words matched with ILIKE. */
  private async idsFromPostgres(queries: CandidateQuery[], home: LatLng | null): Promise<string[]> {
    const p = new SqlParams();
    // Positional parameters may be referenced many times: one distance expression serves every branch.
    const order = home ? `${sqlDistance(p, home.lat, home.lng)} ASC NULLS LAST` : "r.verified_at DESC NULLS LAST";
    const branches = queries.map((q) => {
      const words = q.text ? ` AND ${textMatches(p, q.text)}` : "";
      return `(SELECT r.id FROM resource r WHERE ${q.filter.sql(p)}${words} ORDER BY ${order}, r.id LIMIT ${p.add(q.limit)})`;
    });
    const rows: { id: string }[] = await this.db.query(branches.join(" UNION "), p.values);
    return rows.map((r) => r.id);
  }
}

const byFit = (a: Evaluated, b: Evaluated) =>
  b.score - a.score ||
  (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) ||
  a.resource.readingKey.localeCompare(b.resource.readingKey) ||
  a.resource.id.localeCompare(b.resource.id);

function textMatches(p: SqlParams, text: string): string {
  const like = p.add(`%${escapeLike(text)}%`);
  return `(r.name ILIKE ${like} OR array_to_string(r.activities, ' ') ILIKE ${like} OR r.description ILIKE ${like})`;
}

const allOf = (conditions: Condition[]): Condition => ({
  meili: conditions.map((c) => `(${c.meili})`).join(" AND "),
  sql: (p) => conditions.map((c) => `(${c.sql(p)})`).join(" AND "),
});
const anyOf = (conditions: Condition[]): Condition | null =>
  conditions.length
    ? {
        meili: conditions.map((c) => `(${c.meili})`).join(" OR "),
        sql: (p) => conditions.map((c) => `(${c.sql(p)})`).join(" OR "),
      }
    : null;

/**
 * The candidate queries for a person, nearest first. Hard rules the index can express narrow them (活動中, age, where
 * they can take part); the profile only widens them (kinds OR target groups, and each activity, are queries of their
 * own next to a plain one), so a person with unusual wishes still gets candidates. Filters come from search's
 * buildConditions wherever it has one.
 */
export function candidateQueries(person: Person, home: LatLng | null, now: Date): CandidateQuery[] {
  const needs = person.needs;
  const conditions = (fields: Partial<SearchResourcesInput>) =>
    buildConditions(Object.assign(new SearchResourcesInput(), fields), now);
  // buildConditions always opens with the status condition; `only` keeps the conditions of the fields given.
  const only = (fields: Partial<SearchResourcesInput>) => conditions(fields).slice(1);
  const [active] = conditions({ statuses: [ResourceStatus.ACTIVE] });
  const [inactive] = conditions({ statuses: [ResourceStatus.PAUSED, ResourceStatus.ENDED] });

  const radiusMeters = Math.min(RADIUS.max, Math.max(RADIUS.min, comfortableMeters(needs) * RADIUS.factor));
  const scope = home
    ? [aroundHome(home, radiusMeters)]
    : person.areaId
      ? only({ areaIds: [person.areaId], includeCitywide: true })
      : [];
  // A birth year leaves two possible ages (the birthday is not recorded); a band, its range. Benefit of the doubt.
  const ages = ageRange(person, now);
  const ageFits: Condition[] = ages
    ? [
        {
          meili: `(ageMin IS NULL OR ageMin <= ${ages[1]}) AND (ageMax IS NULL OR ageMax >= ${ages[0]})`,
          sql: (p) =>
            `(r.eligibility_age_min IS NULL OR r.eligibility_age_min <= ${p.add(ages[1])}) AND (r.eligibility_age_max IS NULL OR r.eligibility_age_max >= ${p.add(ages[0])})`,
        },
      ]
    : [];
  const ageOut: Condition[] = ages
    ? [
        {
          meili: `ageMin > ${ages[1]} OR ageMax < ${ages[0]}`,
          sql: (p) => `r.eligibility_age_min > ${p.add(ages[1])} OR r.eligibility_age_max < ${p.add(ages[0])}`,
        },
      ]
    : [];
  // The profile widens by everything the record says: named kinds and groups, the groups a household issue, 手帳 or
  // age puts the person in, what addresses their household issues, and work for someone ready for it.
  const helpers = householdHelpers(person.householdIssues);
  const kinds = unique([...needs.wantedKinds, ...helpers.kinds, ...workKinds(person.participationLevel)]);
  const groups = unique([...personGroups({ ...person, ...needs }, ages), ...helpers.groups]);
  const profile = anyOf([
    ...(kinds.length ? only({ kinds }) : []),
    ...(groups.length ? only({ targetGroups: groups }) : []),
  ]);

  // Where the person can take part: around home (or in their area), or, for someone who cannot go out, at home.
  const homeBound = needs.mobility === Mobility.HOME_BOUND;
  const reach = homeBound ? [{ meili: "homeBased = true", sql: () => "r.home_based" }] : scope;
  const eligible = [active, ...reach, ...ageFits];
  const queries: CandidateQuery[] = [];
  if (profile) queries.push({ filter: allOf([...eligible, profile]), limit: POOL.profile });
  queries.push({ filter: allOf(eligible), limit: profile ? POOL.nearby : POOL.profile });
  // Visiting listings around home: the index has no `visiting` attribute yet, so they come with the places in a
  // circle as wide as a visitor goes.
  if (homeBound) {
    const around = home ? [aroundHome(home, VISITING_RADIUS_METERS)] : scope;
    queries.push({
      filter: allOf([active, ...around, ...ageFits, ...(profile ? [profile] : [])]),
      limit: POOL.profile,
    });
  }
  // Someone who cannot go out alone can go further where they are fetched: places with 送迎 in a wider circle.
  if (needs.mobility === Mobility.ESCORT_NEEDED && home) {
    const fetched = only({ transport: [TransportOption.PICKUP] });
    queries.push({
      filter: allOf([active, aroundHome(home, ESCORT_RADIUS_METERS), ...ageFits, ...fetched]),
      limit: POOL.nearby,
    });
  }
  for (const activity of unique(needs.wantedActivities.map((a) => a.trim()).filter(Boolean)).slice(
    0,
    MAX_ACTIVITY_QUERIES,
  )) {
    queries.push({ filter: allOf(eligible), text: activity, limit: POOL.activity });
  }
  // Near misses: what would have fitted but is paused, ended or out of the age range, so `excluded` can say so.
  // (Full listings, certificates and plans are not in the index; the candidates above show those.)
  queries.push({
    filter: allOf([...reach, ...(profile ? [profile] : []), anyOf([inactive, ...ageOut])!]),
    limit: POOL.nearMiss,
  });
  return queries;
}

const unique = <T extends string>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Where the candidates were looked for, said plainly (and the comfortable radius, when there is one). */
function searchAreaOf(person: Person, home: LatLng | null): { searchArea: string; searchRadiusMeters: number | null } {
  const needs = person.needs;
  if (needs.mobility === Mobility.HOME_BOUND)
    return { searchArea: "自宅で参加できるもの・訪問型 (外出が難しいため)", searchRadiusMeters: null };
  if (!home) {
    return person.areaId
      ? { searchArea: "本人の地区と市全域 (自宅の位置が未登録のため)", searchRadiusMeters: null }
      : { searchArea: "市内全域 (自宅の位置も地区も未登録のため)", searchRadiusMeters: null };
  }
  const radius = comfortableMeters(needs);
  const why =
    needs.maxTravelMeters != null
      ? "本人の目安"
      : needs.mobility === Mobility.UNKNOWN
        ? "移動手段未確認のため"
        : "移動手段に合わせた目安";
  // A radius is a round figure the coordinator chose or a default: 「3km」, not the distance format's 「3.0km」.
  const said = radius % 1_000 === 0 ? `${radius / 1_000}km` : formatMeters(radius);
  return { searchArea: `自宅から半径${said} (${why})`, searchRadiusMeters: radius };
}

/**
 * When the needs form is empty, what the ranking rests on instead (age, household, 手帳, participation step, distance),
 * so the coordinator knows why these came first; null when the person named needs.
 */
function basisNote(person: Person, facts: PersonFacts, now: Date): string | null {
  const n = person.needs;
  const named =
    n.wantedActivities.length ||
    n.wantedKinds.length ||
    n.targetGroups.length ||
    n.weekdays.length ||
    n.timeBands.length ||
    n.accessibility.length ||
    n.roles.length ||
    n.wishes.trim() ||
    n.strengths.trim();
  if (named) return null;
  const used = [
    ...(ageRange(facts, now) ? ["年齢"] : []),
    ...(person.householdIssues.length ? ["世帯の課題"] : []),
    ...(person.certificates.length ? ["手帳"] : []),
    "参加の段階",
    ...(person.homeLat != null ? ["自宅からの距離"] : person.areaId ? ["地区"] : []),
  ];
  return `本人の希望が未記入のため、${used.join("・")}から提案しています`;
}

/**
 * The square around the home point (half side = radius), or a citywide listing. Not search's exact `near`: the
 * corners only add candidates that scoring then ranks by their real distance, and a square is two numeric ranges.
 */
function aroundHome(home: LatLng, radiusMeters: number): Condition {
  const dLat = radiusMeters / METERS_PER_DEGREE;
  const dLng = dLat / Math.cos((home.lat * Math.PI) / 180);
  const [south, north, west, east] = [home.lat - dLat, home.lat + dLat, home.lng - dLng, home.lng + dLng].map((x) =>
    Number(x.toFixed(6)),
  );
  return {
    meili: `(lat ${south} TO ${north} AND lng ${west} TO ${east}) OR citywide = true`,
    sql: (p) =>
      `(r.lat BETWEEN ${p.add(south)} AND ${p.add(north)} AND r.lng BETWEEN ${p.add(west)} AND ${p.add(east)}) OR r.citywide`,
  };
}
