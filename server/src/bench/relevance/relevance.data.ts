/**
 * The judged evaluation set (personas.json, queries.json, judgements.json in this folder; README.md explains them),
 * parsed and checked, and each persona turned into the `createPerson` input a coordinator would send.
 */
import { toLatLng, welfareAreaAt } from "../../db/seed/demo-city.geo.js";
import { TOWN_BY_KEY } from "../../db/seed/demo-city.names.js";
import {
  AgeBand,
  Certificate,
  GroupSizePreference,
  HouseholdIssue,
  Mobility,
  ParticipationLevel,
} from "../../people/person.enums.js";
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../../resources/resource.enums.js";
import { TimeBand, Weekday } from "../../schedules/schedule.value.js";
import judgementsJson from "./judgements.json";
import personasJson from "./personas.json";
import queriesJson from "./queries.json";

export interface PersonaNeeds {
  wantedActivities?: string[];
  wantedKinds?: ResourceKind[];
  targetGroups?: string[];
  weekdays?: Weekday[];
  timeBands?: TimeBand[];
  mobility?: string;
  maxTravelMeters?: number;
  groupSize?: GroupSizePreference;
  accessibility?: Accessibility[];
  roles?: ParticipationRole[];
  freeOnly?: boolean;
  wishes?: string;
  strengths?: string;
  otherPreferences?: string;
}

export interface Persona {
  key: string;
  /** who this is, for the reader of the data and of `--verbose` */
  summary: string;
  displayName: string;
  birthYear?: number;
  ageBand?: AgeBand;
  /** a town of the demo city (demo-city.names.ts): the home point is its centre, the area its 福祉エリア */
  homeTown?: string;
  householdIssues?: HouseholdIssue[];
  participationLevel?: ParticipationLevel;
  certificates?: Certificate[];
  needs?: PersonaNeeds;
}

export interface Query {
  key: string;
  text: string;
  /** queries of one group are the same word written differently (variant_agreement) */
  variantGroup?: string;
}

export interface Judgement {
  /** the listing's name: unique in the demo city */
  listing: string;
  grade: 0 | 1 | 2 | 3;
  reason: string;
}

export interface JudgedSet {
  personas: Persona[];
  queries: Query[];
  personaJudgements: Map<string, Judgement[]>;
  queryJudgements: Map<string, Judgement[]>;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`judged set: ${message}`);
}

function checkAll<T extends string>(values: readonly string[] | undefined, allowed: Iterable<T>, what: string): void {
  const set = new Set<string>(allowed);
  for (const v of values ?? []) check(set.has(v), `${what}: unknown value ${v}`);
}

/** Parses and checks the three files: unknown enum values, missing judgements or duplicate keys fail loudly. */
export function loadJudgedSet(): JudgedSet {
  const personas = personasJson as Persona[];
  const queries = queriesJson as Query[];
  const judgements = judgementsJson as { personas: Record<string, Judgement[]>; queries: Record<string, Judgement[]> };
  const keys = new Set<string>();
  for (const p of personas) {
    check(!keys.has(p.key), `duplicate persona ${p.key}`);
    keys.add(p.key);
    const at = `persona ${p.key}`;
    check(typeof p.displayName === "string" && p.displayName.length > 0, `${at}: displayName`);
    if (p.homeTown !== undefined) check(TOWN_BY_KEY.has(p.homeTown), `${at}: unknown town ${p.homeTown}`);
    if (p.ageBand !== undefined) checkAll([p.ageBand], Object.values(AgeBand), `${at} ageBand`);
    if (p.participationLevel !== undefined)
      checkAll([p.participationLevel], Object.values(ParticipationLevel), `${at} participationLevel`);
    checkAll(p.householdIssues, Object.values(HouseholdIssue), `${at} householdIssues`);
    checkAll(p.certificates, Object.values(Certificate), `${at} certificates`);
    const n = p.needs ?? {};
    checkAll(n.wantedKinds, Object.values(ResourceKind), `${at} wantedKinds`);
    checkAll(n.targetGroups, Object.values(TargetGroup), `${at} targetGroups`);
    checkAll(n.weekdays, Object.values(Weekday), `${at} weekdays`);
    checkAll(n.timeBands, Object.values(TimeBand), `${at} timeBands`);
    if (n.mobility !== undefined) checkAll([n.mobility], Object.values(Mobility), `${at} mobility`);
    if (n.groupSize !== undefined) checkAll([n.groupSize], Object.values(GroupSizePreference), `${at} groupSize`);
    checkAll(n.accessibility, Object.values(Accessibility), `${at} accessibility`);
    checkAll(n.roles, Object.values(ParticipationRole), `${at} roles`);
    check(Array.isArray(judgements.personas[p.key]), `${at}: no judgements`);
  }
  for (const q of queries) {
    check(!keys.has(q.key), `duplicate key ${q.key}`);
    keys.add(q.key);
    check(q.text.trim().length > 0, `query ${q.key}: empty text`);
    check(Array.isArray(judgements.queries[q.key]), `query ${q.key}: no judgements`);
  }
  const byKey = (record: Record<string, Judgement[]>, known: Set<string>, what: string) => {
    const map = new Map<string, Judgement[]>();
    for (const [key, list] of Object.entries(record)) {
      check(known.has(key), `judgements for unknown ${what} ${key}`);
      const seen = new Set<string>();
      for (const j of list) {
        check([0, 1, 2, 3].includes(j.grade), `${key}: grade ${j.grade} of ${j.listing}`);
        check(j.reason.trim().length > 0, `${key}: no reason for ${j.listing}`);
        check(!seen.has(j.listing), `${key}: ${j.listing} judged twice`);
        seen.add(j.listing);
      }
      map.set(key, list);
    }
    return map;
  };
  return {
    personas,
    queries,
    personaJudgements: byKey(judgements.personas, new Set(personas.map((p) => p.key)), "persona"),
    queryJudgements: byKey(judgements.queries, new Set(queries.map((q) => q.key)), "query"),
  };
}

/** Grades by listing key, for the metrics. */
export const gradesOf = (list: readonly Judgement[]): Map<string, number> =>
  new Map(list.map((j) => [j.listing, j.grade]));

/**
 * The `createPerson` input for a persona, as a coordinator would fill the form: the home point is the town centre
 * (the person's address is never needed), the area its 福祉エリア (`areaIdByKey` maps demo area keys to ids), consent
 * given today for referral.
 */
export function toCreatePersonInput(
  p: Persona,
  areaIdByKey: ReadonlyMap<string, string>,
  today: string,
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    displayName: p.displayName,
    consent: { purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME"], method: "VERBAL", givenOn: today },
  };
  if (p.birthYear !== undefined) input.birthYear = p.birthYear;
  if (p.ageBand !== undefined) input.ageBand = p.ageBand;
  if (p.householdIssues !== undefined) input.householdIssues = p.householdIssues;
  if (p.participationLevel !== undefined) input.participationLevel = p.participationLevel;
  if (p.homeTown !== undefined) {
    const town = TOWN_BY_KEY.get(p.homeTown);
    if (!town) throw new Error(`unknown town ${p.homeTown}`);
    const home = toLatLng(town.nx, town.ny);
    input.homeLat = home.lat;
    input.homeLng = home.lng;
    const areaId = areaIdByKey.get(welfareAreaAt(home.lat, home.lng));
    if (areaId) input.areaId = areaId;
  }
  if (p.certificates !== undefined) input.certificates = p.certificates;
  if (p.needs) input.needs = { ...p.needs };
  return input;
}
