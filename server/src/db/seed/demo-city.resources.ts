/**
 * Streaming generator of demo listings for 「みどり野市」. Each listing is built from a recipe (kind-consistent
 * targets, roles, schedule, venue …); names come from name parts with readings, so the kana is always right.
 */
import { OrgType } from "../../organizations/organization.enums.js";
import { Accessibility, ParticipationRole, ResourceStatus, TransportOption } from "../../resources/resource.enums.js";
import { areaKeysAt, demoPhone, personName, toLatLng, townAddress, welfareAreaAt } from "./demo-city.geo.js";
import { CHOME, joinParts, ordinalPart, part, type Part } from "./demo-city.kana.js";
import {
  CENTER_NAMES,
  CENTRAL_VENUES,
  KID_NICKS,
  KID_VENUES,
  NICKS,
  PARK_VENUES,
  PLACE_NICKS,
  SILVER_JOBS,
  TOWN_BY_KEY,
  TOWN_VENUES,
  TOWNS,
  type Town,
} from "./demo-city.names.js";
import {
  DISTRICT_SHAKYO,
  HOST_ACTS,
  HOST_ORG_KEY,
  OFFICE_VENUE,
  ORG_BY_KEY,
  ORGS,
  type OrgSpec,
} from "./demo-city.orgs.js";
import { MORE_RECIPES } from "./demo-city.recipes-more.js";
import { RECIPES, type Recipe } from "./demo-city.recipes.js";
import { buildSchedule, scheduleText } from "./demo-city.schedule.js";
import { DEMO_SEED, type DemoCity, type DemoOrganization, type DemoResource } from "./demo-city.types.js";
import { Rng, type Weighted } from "./rng.js";

export const ALL_RECIPES: readonly Recipe[] = [...RECIPES, ...MORE_RECIPES];
const RECIPE_BY_ID = new Map(ALL_RECIPES.map((r) => [r.id, r]));
const RANDOM_RECIPES: readonly Weighted<Recipe>[] = ALL_RECIPES.map((r) => [r, r.weight]);

/**
 * The first listings follow this plan (then recipes are drawn by weight): every recipe appears at least once, the
 * 2–3 地域活動支援センター exist, and the demo HOST user's organization hosts several listings.
 */
const FIXED_PLAN: readonly (readonly [string, string?])[] = [
  ["chikatsu1", HOST_ORG_KEY],
  ["chikatsu2"],
  ["chikatsu3"],
  ["taiken", HOST_ORG_KEY],
  ["volunteer-facility", HOST_ORG_KEY],
  ["homework", "co-hotel"],
  ["hiroba", "nur-wakaba"],
  ["hiroba", "nur-sakura"],
  ["hiroba", "nur-hinata"],
  ["hiroba", "nur-fujimi"],
  ["hiroba", "co-mall"],
  ["emp-host", "co-logistics"],
  ["farm-exp", "co-farm"],
  ["farm-exp", "city-industry"],
  ["taiken", "swc-morinoki"],
  ["family", "city-disability"],
  ["dropin", "med-pharmacy"],
  ["health", "med-nursing"],
];
export const OPENING_PLAN: readonly (readonly [string, string?])[] = [
  ...FIXED_PLAN,
  ...ALL_RECIPES.filter((r) => !FIXED_PLAN.some(([id]) => id === r.id)).map((r) => [r.id] as const),
];

// ---------------------------------------------------------------------------------------------------------------
// name patterns

const SLOTS = ["$town", "$chome", "$nick", "$kid", "$place", "$center", "$host", "$job"] as const;
type Slot = (typeof SLOTS)[number];
type Piece = Part | Slot;
const isSlot = (s: string): s is Slot => (SLOTS as readonly string[]).includes(s);
const COMPILED: ReadonlyMap<Recipe, readonly Piece[][]> = new Map(
  ALL_RECIPES.map((r) => [r, r.names.map((p) => p.split("|").map((s): Piece => (isSlot(s) ? s : part(s))))]),
);
/** Stands in for $town when a listing has no town (citywide, home-based). */
const CITY_SHORT = part("みどり野=ミドリノ");

interface Ctx {
  town: Town | null;
  chome: number;
  host: OrgSpec;
  /** the $job drawn for the name (its work is then the listing's first activity) */
  job: Part | null;
}

function renderName(rng: Rng, pieces: readonly Piece[], ctx: Ctx): Part {
  const out: Part[] = [];
  for (const p of pieces) {
    if (typeof p !== "string") {
      out.push(p);
      continue;
    }
    switch (p) {
      case "$town":
        out.push(ctx.town ? ctx.town.part : CITY_SHORT);
        break;
      case "$chome":
        if (ctx.town && !ctx.town.rural) out.push(CHOME[ctx.chome - 1]);
        break;
      case "$nick":
        out.push(rng.pick(NICKS));
        break;
      case "$kid":
        out.push(rng.pick(KID_NICKS));
        break;
      case "$place":
        out.push(rng.pick(PLACE_NICKS));
        break;
      case "$center":
        out.push(rng.pick(CENTER_NAMES));
        break;
      case "$host":
        out.push(ctx.host.short);
        break;
      case "$job":
        ctx.job = rng.pick(SILVER_JOBS);
        out.push(ctx.job);
        break;
    }
  }
  const [text, kana] = joinParts(out);
  return [text.trim(), kana];
}

// ---------------------------------------------------------------------------------------------------------------
// places and hosts

const townPoint = (t: Town) => toLatLng(t.nx, t.ny);
const TOWN_AREA = new Map(
  TOWNS.map((t) => {
    const p = townPoint(t);
    return [t.key, welfareAreaAt(p.lat, p.lng)];
  }),
);
const TOWNS_BY_AREA = groupBy(TOWNS, (t) => TOWN_AREA.get(t.key) as string);

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of items) map.set(key(x), [...(map.get(key(x)) ?? []), x]);
  return map;
}

const orgArea = (o: OrgSpec): string => TOWN_AREA.get(o.town) as string;
const RESIDENT_GROUPS = ORGS.filter((o) => o.orgType === OrgType.RESIDENT_GROUP && o.key !== "rg-yanagi");
const POOLS: Record<string, { all: readonly OrgSpec[]; byArea: Map<string, OrgSpec[]> }> = {};
for (const [name, members] of [
  ["@resident", RESIDENT_GROUPS],
  ["@jichikai", ["rg-wakaba", "rg-sakura", "rg-kawabata", "rg-okuno"].map((k) => ORG_BY_KEY.get(k) as OrgSpec)],
  ["@nursery", ORGS.filter((o) => o.orgType === OrgType.NURSERY)],
] as const)
  POOLS[name] = { all: members, byArea: groupBy(members, orgArea) };

/** A pool picks within the welfare area when one is given; @district is the area's 地区社協. */
function resolveHost(rng: Rng, selector: string, area: string | null): OrgSpec {
  let key = selector;
  if (selector === "@district") key = area ? DISTRICT_SHAKYO[area] : rng.pick(Object.values(DISTRICT_SHAKYO));
  const pool = POOLS[selector];
  if (pool) {
    const local = area ? pool.byArea.get(area) : undefined;
    key = local?.length ? rng.pick(local).key : area ? DISTRICT_SHAKYO[area] : rng.pick(pool.all).key;
  }
  const org = ORG_BY_KEY.get(key);
  if (!org) throw new Error(`unknown host ${selector}`);
  return org;
}

const isLocalGroup = (o: OrgSpec) => o.orgType === OrgType.RESIDENT_GROUP || o.orgType === OrgType.SHAKYO_DISTRICT;
const BARRIER_FREE_HOSTS = new Set([
  OrgType.MUNICIPAL_DIVISION,
  OrgType.SHAKYO_CITY,
  OrgType.SOCIAL_WELFARE_CORP,
  OrgType.NURSERY,
]);

/** Each organization's site: its municipal building, or a fixed spot near its town's centre. */
const ORG_POINT = new Map(
  ORGS.map((o, i) => {
    const office = OFFICE_VENUE[o.key];
    const town = TOWN_BY_KEY.get(o.town) as Town;
    const v = office === undefined ? null : CENTRAL_VENUES[office];
    const nx = v ? v.nx : town.nx + (((i * 37) % 11) - 5) * 0.006;
    const ny = v ? v.ny : town.ny + (((i * 53) % 9) - 4) * 0.006;
    return [o.key, toLatLng(clamp(nx), clamp(ny))];
  }),
);

function clamp(x: number): number {
  return Math.max(-0.97, Math.min(0.97, x));
}

function jitter(rng: Rng, t: Town): { lat: number; lng: number } {
  return toLatLng(clamp(t.nx + (rng.next() * 2 - 1) * 0.06), clamp(t.ny + (rng.next() * 2 - 1) * 0.06));
}

// ---------------------------------------------------------------------------------------------------------------
// one listing

interface Where {
  town: Town | null;
  venueName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  citywide: boolean;
  barrierFree: boolean;
}

function place(
  rng: Rng,
  recipe: Recipe,
  selector: string,
  chome: number,
  orgs: Map<string, DemoOrganization>,
): [Where, OrgSpec] {
  const central = (): Where => {
    const v = rng.pick(CENTRAL_VENUES);
    return {
      town: null,
      venueName: v.name,
      address: v.address,
      ...toLatLng(v.nx, v.ny),
      citywide: true,
      barrierFree: true,
    };
  };
  if (recipe.place === "central") return [central(), resolveHost(rng, selector, null)];
  if (recipe.place === "home") {
    const host = resolveHost(rng, selector, null);
    return [
      { town: null, venueName: null, address: null, lat: null, lng: null, citywide: true, barrierFree: false },
      host,
    ];
  }
  if (recipe.place === "host") {
    const host = resolveHost(rng, selector, null);
    const p = ORG_POINT.get(host.key) as { lat: number; lng: number };
    return [
      {
        town: TOWN_BY_KEY.get(host.town) ?? null,
        venueName: host.facility ?? host.name,
        address: orgs.get(host.key)?.address ?? null,
        ...p,
        citywide: rng.chance(recipe.citywide ?? 0),
        barrierFree: BARRIER_FREE_HOSTS.has(host.orgType) || host.key === "co-mall",
      },
      host,
    ];
  }
  if (rng.chance(recipe.citywide ?? 0)) return [central(), resolveHost(rng, selector, null)];
  let town = rng.pick(TOWNS);
  let p = jitter(rng, town);
  const host = resolveHost(rng, selector, welfareAreaAt(p.lat, p.lng));
  if (isLocalGroup(host) && orgArea(host) !== welfareAreaAt(p.lat, p.lng)) {
    town = rng.pick(TOWNS_BY_AREA.get(orgArea(host)) as Town[]);
    p = jitter(rng, town);
  }
  const suffix = rng.pick(recipe.venue === "kids" ? KID_VENUES : recipe.venue === "park" ? PARK_VENUES : TOWN_VENUES);
  const withChome = !town.rural && (suffix === "集会所" || suffix === "自治会館") && rng.chance(0.4);
  const venueName = `${town.part[0]}${withChome ? CHOME[chome - 1][0] : ""}${suffix}`;
  const address = townAddress(rng, town.key, chome);
  return [{ town, venueName, address, ...p, citywide: false, barrierFree: false }, host];
}

/**
 * What the listing does: its recipe's core activities (or the $job of its name), then a draw from the recipe's one
 * family of activities — or only the host's own work for recipes that take it — so the name and the activities tell
 * the same story.
 */
function pickActivities(rng: Rng, recipe: Recipe, host: OrgSpec, job: Part | null): string[] {
  if (recipe.hostActs) {
    const own = recipe.hostActs === true ? HOST_ACTS[host.key] : recipe.hostActs[host.key];
    if (!own || own.length < 2) throw new Error(`recipe ${recipe.id}: no activities for host ${host.key}`);
    return [own[0], ...rng.sample(own.slice(1), rng.int(1, own.length - 1))];
  }
  const core = [...(recipe.core ?? []), ...(job ? [job[0].replace(/班$/, "")] : [])];
  const rest = recipe.acts.filter((a) => !core.includes(a));
  return [...core, ...rng.sample(rest, Math.max(1, rng.int(2, 4) - core.length))];
}

const ACT_SENTENCES = ["主な内容は{acts}です。", "{acts}などを行っています。", "{acts}などに取り組んでいます。"];
const ENUM_ORDER = <T extends string>(values: Record<string, T>, set: Set<T>): T[] =>
  Object.values(values).filter((v) => set.has(v));

function buildResource(
  rng: Rng,
  recipe: Recipe,
  forcedHost: string | null,
  orgs: Map<string, DemoOrganization>,
  used: Map<string, number>,
): DemoResource {
  const chome = rng.int(1, 5);
  const [where, host] = place(rng, recipe, forcedHost ?? rng.pickWeighted(recipe.hosts), chome, orgs);
  const org = orgs.get(host.key);
  if (!org) throw new Error(`organization ${host.key} missing from the city`);

  // name: up to three tries for an unused one, then 「第n」 (O(1) per listing, no scans)
  const patterns = COMPILED.get(recipe) as Piece[][];
  const ctx: Ctx = { town: where.town, chome, host, job: null };
  let [name, nameKana] = renderName(rng, rng.pick(patterns), ctx);
  for (let tries = 0; tries < 2 && used.has(name); tries++) {
    [name, nameKana] = renderName(rng, rng.pick(patterns), ctx);
  }
  const job = ctx.job;
  const seen = (used.get(name) ?? 0) + 1;
  used.set(name, seen);
  if (recipe.venueIsName) where.venueName = name;
  if (seen > 1) {
    const [t, k] = ordinalPart(seen);
    name = `${name} ${t}`;
    nameKana += k;
  }
  const located = !recipe.hideLocation && recipe.place !== "home";
  if (!located) Object.assign(where, { venueName: null, address: null, lat: null, lng: null, citywide: true });

  const targets = new Set(recipe.targets);
  for (const t of recipe.maybe ?? []) if (rng.chance(0.35)) targets.add(t);
  const roles = [...(recipe.roles ?? [ParticipationRole.PARTICIPANT])];
  if (!roles.includes(ParticipationRole.VOLUNTEER) && rng.chance(recipe.volunteer ?? 0.1))
    roles.push(ParticipationRole.VOLUNTEER);
  const activities = pickActivities(rng, recipe, host, job);

  const schedule = buildSchedule(rng, recipe);
  let capacity: number | null = null;
  let openings: number | null = null;
  const cap = recipe.cap === undefined ? [10, 30] : recipe.cap;
  if (cap) {
    capacity = rng.int(cap[0], cap[1]);
    if (cap[1] >= 20) capacity = Math.max(5, Math.round(capacity / 5) * 5);
    openings = rng.chance(0.1) ? 0 : rng.int(1, Math.max(1, Math.ceil(capacity * 0.5)));
  }
  const cost = rng.pick(recipe.cost ?? [0]);

  // accessibility & transport
  const access = new Set(recipe.access ?? []);
  if (where.lat !== null) {
    if (where.barrierFree ? rng.chance(0.85) : rng.chance(0.25)) access.add(Accessibility.WHEELCHAIR);
    if (where.barrierFree || rng.chance(0.4)) access.add(Accessibility.STEP_FREE);
    if (where.barrierFree ? rng.chance(0.9) : rng.chance(0.2)) access.add(Accessibility.ACCESSIBLE_TOILET);
    if (rng.chance(recipe.noReservation ?? 0.3)) access.add(Accessibility.NO_RESERVATION);
    if (rng.chance(0.05)) access.add(Accessibility.CHILD_FRIENDLY);
  }
  if (rng.chance(recipe.place === "home" ? 0.5 : 0.08)) access.add(Accessibility.WRITTEN_COMMUNICATION);
  const transport = new Set<TransportOption>();
  let nearestStop: string | null = null;
  if (where.lat !== null) {
    const t = where.town ?? (TOWN_BY_KEY.get("honcho") as Town);
    if (t.station && rng.chance(0.7)) {
      nearestStop = t.station;
      transport.add(TransportOption.STATION_NEARBY);
    } else {
      nearestStop = `${t.part[0]}${rng.pick(["", "公民館前", "入口", "中央"])}バス停`;
      if (rng.chance(0.75)) transport.add(TransportOption.BUS_STOP_NEARBY);
    }
    if (rng.chance(t.rural ? 0.7 : 0.1)) transport.add(TransportOption.DEMAND_BUS);
    if (rng.chance(t.rural || where.town === null ? 0.8 : 0.45)) transport.add(TransportOption.PARKING);
  }
  if (recipe.place !== "home" && rng.chance(recipe.pickup ?? 0.04)) transport.add(TransportOption.PICKUP);
  const visitAllowed = rng.chance(recipe.visit ?? 0.6);
  const trialAllowed = rng.chance(recipe.trial ?? 0.5);

  // description: 1–3 sentences
  const intro = rng
    .pick(recipe.intro)
    .replace("{town}", where.town?.part[0] ?? "市内")
    .replace("{venue}", where.venueName ?? "会場")
    .replace("{host}", host.short[0]);
  const acts = rng.pick(ACT_SENTENCES).replace("{acts}", activities.slice(0, 3).join("、"));
  const service = recipe.serviceHours !== undefined;
  const closers: string[] = [`${recipe.serviceHours ?? "活動日"}は${scheduleText(schedule)}です。`];
  const fee = service ? "利用料" : "参加費";
  if (cost > 0) closers.push(`${fee}は1回${cost}円です。`);
  else if (!roles.includes(ParticipationRole.WORK_TRIAL)) closers.push(`${fee}は無料です。`);
  if (trialAllowed && !service) closers.push("初めての方は体験参加ができます。");
  if (visitAllowed) closers.push("見学を希望される方は事前にご連絡ください。");
  if (transport.has(TransportOption.DEMAND_BUS)) closers.push("デマンドバスでも来られます。");
  if (transport.has(TransportOption.PICKUP)) closers.push("送迎の相談ができます。");
  const sentences = (intro.match(/。/g) ?? []).length + 1;
  const description = intro + acts + (sentences < 3 && rng.chance(0.8) ? rng.pick(closers) : "");

  // contact, status, freshness
  const own = rng.chance(0.45);
  const r = rng.next();
  const status = r < 0.02 ? ResourceStatus.ENDED : r < 0.07 ? ResourceStatus.PAUSED : ResourceStatus.ACTIVE;
  if (status === ResourceStatus.ENDED && openings !== null) openings = 0;
  const verifiedDaysAgo = rng.chance(0.08)
    ? null
    : rng.pickWeighted<readonly [number, number]>([
        [[0, 120], 60],
        [[121, 240], 25],
        [[241, 400], 15],
      ]);

  return {
    name,
    nameKana,
    kind: recipe.kind,
    description,
    organizationKey: host.key,
    targetGroups: [...targets],
    ageMin: recipe.age?.[0] ?? null,
    ageMax: recipe.age?.[1] ?? null,
    certificateRequired: rng.chance(recipe.cert ?? 0),
    residenceRequired: rng.chance(recipe.res ?? 0.3),
    requiresSupportPlan: rng.chance(recipe.plan ?? 0),
    referredCasesOnly: rng.chance(recipe.referred ?? 0),
    rolesOffered: roles,
    activities,
    venueName: where.venueName,
    address: where.address,
    lat: where.lat,
    lng: where.lng,
    areaKeys: where.citywide || where.lat === null || where.lng === null ? ["city"] : areaKeysAt(where.lat, where.lng),
    citywide: where.citywide,
    homeBased: recipe.place === "home",
    visiting: rng.chance(recipe.visiting ?? 0),
    schedule,
    capacity,
    openings,
    costPerSessionYen: cost,
    accessibility: ENUM_ORDER(Accessibility, access),
    nearestStop,
    transportOptions: ENUM_ORDER(TransportOption, transport),
    visitAllowed,
    trialAllowed,
    contactName: own ? personName(rng) : org.contactName,
    contactPhone: own && rng.chance(0.5) ? demoPhone(rng) : org.contactPhone,
    contactEmail: org.contactEmail,
    status,
    verifiedDaysAgo: verifiedDaysAgo === null ? null : rng.int(verifiedDaysAgo[0], verifiedDaysAgo[1]),
  };
}

/**
 * Streams `count` listings (cheap for 100,000: no quadratic uniqueness checks). Same city + count + seed →
 * identical listings; the first DEMO_RESOURCE_COUNT listings of a larger run equal the default run.
 */
export function* generateResources(city: DemoCity, count: number, seed: number = DEMO_SEED): Generator<DemoResource> {
  const rng = new Rng(seed, 2);
  const orgs = new Map(city.organizations.map((o) => [o.key, o]));
  const used = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const step = OPENING_PLAN[i];
    const recipe = step ? (RECIPE_BY_ID.get(step[0]) as Recipe) : rng.pickWeighted(RANDOM_RECIPES);
    yield buildResource(rng, recipe, step?.[1] ?? null, orgs, used);
  }
}
