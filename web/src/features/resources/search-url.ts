import type {
  Accessibility,
  ResourceKind,
  SearchResourcesInput,
  SearchSort,
  TargetGroup,
  TimeBand,
  TransportOption,
  Weekday,
} from "../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  RESOURCE_KIND_LABELS,
  SEARCH_SORT_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BANDS_IN_ORDER,
  TRANSPORT_OPTION_LABELS,
  WEEKDAYS_IN_ORDER,
} from "../../messages";

/**
 * 資源をさがす keeps its whole query in the URL, so a search can be bookmarked, shared, and walked with back/forward.
 * This module is the one translation between the address bar and the API: URLSearchParams ⇄ SearchState → input.
 *
 *   q=体操&kind=SALON&kind=KAYOI_NO_BA&day=TUE&free=1&sort=DISTANCE&from=area:<id>&r=2000&personId=<id>
 *
 * Values the app does not know (an old bookmark, a hand-edited link) are dropped rather than sent to the server.
 */

/** Where distances are measured from: the person's home (or area), or a chosen 地区. */
export type Origin = { kind: "person" } | { kind: "area"; areaId: string };

export interface SearchState {
  text: string;
  kinds: ResourceKind[];
  targetGroups: TargetGroup[];
  areaIds: string[];
  weekdays: Weekday[];
  timeBands: TimeBand[];
  accessibility: Accessibility[];
  transport: TransportOption[];
  freeOnly: boolean;
  visitAllowed: boolean;
  trialAllowed: boolean;
  sort: SearchSort;
  origin: Origin | null;
  radiusMeters: number;
  /** Searching for this person (a coordinator came from their page): offers 「本人の自宅付近」 as the origin. */
  personId: string | null;
}

export type ListKey = "kinds" | "targetGroups" | "areaIds" | "weekdays" | "timeBands" | "accessibility" | "transport";
export type FlagKey = "freeOnly" | "visitAllowed" | "trialAllowed";

export const RADIUS_OPTIONS = [500, 1000, 2000, 3000, 5000, 10000] as const;
export const DEFAULT_RADIUS = 3000;
/** The server refuses longer text (search.inputs.ts). */
export const SEARCH_TEXT_MAX_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

const keysOf = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as T[];

/** URL key and allowed values of each list filter; the key order here is the order in the address bar. */
const LISTS: { key: ListKey; param: string; accepts: (value: string) => boolean }[] = [
  { key: "kinds", param: "kind", accepts: oneOf(keysOf(RESOURCE_KIND_LABELS)) },
  { key: "targetGroups", param: "target", accepts: oneOf(keysOf(TARGET_GROUP_LABELS)) },
  { key: "areaIds", param: "area", accepts: isUuid },
  { key: "weekdays", param: "day", accepts: oneOf(WEEKDAYS_IN_ORDER) },
  { key: "timeBands", param: "time", accepts: oneOf(TIME_BANDS_IN_ORDER) },
  { key: "accessibility", param: "access", accepts: oneOf(keysOf(ACCESSIBILITY_LABELS)) },
  { key: "transport", param: "transport", accepts: oneOf(keysOf(TRANSPORT_OPTION_LABELS)) },
];

const FLAGS: { key: FlagKey; param: string }[] = [
  { key: "freeOnly", param: "free" },
  { key: "visitAllowed", param: "visit" },
  { key: "trialAllowed", param: "trial" },
];

const SORTS = keysOf(SEARCH_SORT_LABELS);

function oneOf(values: readonly string[]) {
  const allowed = new Set(values);
  return (value: string) => allowed.has(value);
}

export const EMPTY_SEARCH: SearchState = {
  text: "",
  kinds: [],
  targetGroups: [],
  areaIds: [],
  weekdays: [],
  timeBands: [],
  accessibility: [],
  transport: [],
  freeOnly: false,
  visitAllowed: false,
  trialAllowed: false,
  sort: "RELEVANCE",
  origin: null,
  radiusMeters: DEFAULT_RADIUS,
  personId: null,
};

function parseOrigin(value: string | null, personId: string | null): Origin | null {
  if (value === "person") return personId ? { kind: "person" } : null;
  if (value?.startsWith("area:")) {
    const areaId = value.slice("area:".length);
    return isUuid(areaId) ? { kind: "area", areaId } : null;
  }
  return null;
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const state: SearchState = { ...EMPTY_SEARCH };
  state.text = (params.get("q") ?? "").slice(0, SEARCH_TEXT_MAX_LENGTH);
  for (const { key, param, accepts } of LISTS) {
    (state[key] as string[]) = [...new Set(params.getAll(param).filter(accepts))];
  }
  for (const { key, param } of FLAGS) state[key] = params.get(param) === "1";
  const sort = params.get("sort");
  if (sort && (SORTS as string[]).includes(sort)) state.sort = sort as SearchSort;
  const personId = params.get("personId");
  state.personId = personId && isUuid(personId) ? personId : null;
  state.origin = parseOrigin(params.get("from"), state.personId);
  const radius = Number(params.get("r"));
  state.radiusMeters = (RADIUS_OPTIONS as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS;
  return state;
}

/** The shortest URL for a state: defaults are left out, so equal searches have equal addresses. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const text = state.text.trim();
  if (text) params.set("q", text);
  for (const { key, param } of LISTS) for (const value of state[key]) params.append(param, value);
  for (const { key, param } of FLAGS) if (state[key]) params.set(param, "1");
  if (state.sort !== "RELEVANCE") params.set("sort", state.sort);
  if (state.origin) {
    params.set("from", state.origin.kind === "person" ? "person" : `area:${state.origin.areaId}`);
    if (state.radiusMeters !== DEFAULT_RADIUS) params.set("r", String(state.radiusMeters));
  }
  if (state.personId) params.set("personId", state.personId);
  return params;
}

/** Adds or removes one value of a list filter, keeping the others in the order they were chosen. */
export function toggleValue<K extends ListKey>(
  state: SearchState,
  key: K,
  value: SearchState[K][number],
  on: boolean,
): SearchState {
  const current = state[key] as string[];
  const next = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { ...state, [key]: next };
}

/** True when anything narrows the search (the 「条件をクリア」 button is shown only then). */
export function hasFilters(state: SearchState): boolean {
  return LISTS.some(({ key }) => state[key].length > 0) || FLAGS.some(({ key }) => state[key]) || state.origin !== null;
}

/** Clears every filter and the text; keeps the person the search is for and the sort. */
export function clearFilters(state: SearchState): SearchState {
  return { ...EMPTY_SEARCH, personId: state.personId, sort: state.sort === "DISTANCE" ? "RELEVANCE" : state.sort };
}

/**
 * The API input for a state. `near` is the origin's point once it is known (see use-search-origin.ts); without it,
 * 近い順 falls back to 関連度順, since the server refuses DISTANCE without a point.
 */
export function toSearchInput(state: SearchState, near: { lat: number; lng: number } | null): SearchResourcesInput {
  const input: SearchResourcesInput = { includeCitywide: true, sort: state.sort };
  const text = state.text.trim();
  if (text) input.text = text;
  for (const { key } of LISTS) {
    const values = state[key];
    if (values.length) (input[key] as string[]) = [...values];
  }
  for (const { key } of FLAGS) if (state[key]) input[key] = true;
  if (near) input.near = { lat: near.lat, lng: near.lng, radiusMeters: state.radiusMeters };
  if (state.sort === "DISTANCE" && !near) input.sort = "RELEVANCE";
  return input;
}
