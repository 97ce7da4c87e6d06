/** Turning a scenario into a match: its dates, a listing that fits the person, and the dated stage history. */
import { addDays, addMonths } from "@tsunagu/calendar";
import { RESOURCE_KIND_LABELS, TARGET_GROUP_LABELS } from "@tsunagu/labels";
import { postClosureSchedule, type FollowUpRules } from "../../followups/followup.schedule.js";
import { HostResponse, MatchStage } from "../../matching/match.enums.js";
import { isReopening } from "../../matching/match.stages.js";
import { TargetGroup, type ResourceKind } from "../../resources/resource.enums.js";
import { ARCHETYPES, archetype, type Archetype } from "./demo-caseload.archetypes.js";
import type { Scenario, When } from "./demo-caseload.scenarios.js";
import { REOPEN_REASONS, STAGE_REASONS } from "./demo-caseload.text.js";
import type { CatalogResource, DemoMatch, DemoPerson, DemoTransition } from "./demo-caseload.types.js";
import type { Rng } from "./rng.js";

const S = MatchStage;

export interface MatchContext {
  rng: Rng;
  today: string;
  rules: FollowUpRules;
  catalog: readonly CatalogResource[];
  hostOrganizationKey: string;
  employerOrganizationKey: string | null;
  /** how often each listing has been used so far: spreads the matches over the catalog */
  usage: Map<string, number>;
}

/** A listing fits when its kind is wanted and it is open to the person's groups (or to everyone). */
export function fits(r: CatalogResource, a: Archetype, kinds: readonly ResourceKind[] = a.kinds): boolean {
  return (
    kinds.includes(r.kind) &&
    (r.targetGroups.length === 0 ||
      r.targetGroups.some((g) => g === TargetGroup.ALL_RESIDENTS || a.targetGroups.includes(g)))
  );
}

/**
 * The listing for a scenario and the archetype of a new person (the given one for a known person). A host or
 * employer scenario looks at that organization's listings first and picks the kind of person they would take.
 */
export function chooseResource(
  ctx: MatchContext,
  s: Scenario,
  known: Archetype | null,
  usedByPerson: ReadonlySet<string>,
): { resource: CatalogResource; archetype: Archetype } {
  const org = s.at === "host" ? ctx.hostOrganizationKey : s.at === "employer" ? ctx.employerOrganizationKey : null;
  const orgPool = org ? ctx.catalog.filter((r) => r.organizationKey === org) : [];
  const pools = orgPool.length ? [orgPool, ctx.catalog] : [ctx.catalog];
  const preferred = known ? [known] : s.archetypes.map(archetype);
  // A new person at a host may be any kind of person the host takes; a known person stays who they are.
  const tries = known
    ? preferred
    : org
      ? [...preferred, ...ARCHETYPES.filter((a) => !preferred.includes(a))]
      : preferred;
  for (const pool of pools) {
    for (const a of tries) {
      const fitting = pool.filter((r) => !usedByPerson.has(r.key) && fits(r, a, s.kinds ?? a.kinds));
      if (fitting.length) return { resource: leastUsed(ctx, fitting), archetype: a };
    }
  }
  // A catalog without anything that fits (a tiny test catalog): any listing still makes a legal match.
  const any = ctx.catalog.filter((r) => !usedByPerson.has(r.key));
  if (!any.length) throw new Error("demo caseload: the catalog has no resources to match");
  return { resource: leastUsed(ctx, orgPool.length ? orgPool : any), archetype: preferred[0] ?? ARCHETYPES[0] };
}

function leastUsed(ctx: MatchContext, rs: readonly CatalogResource[]): CatalogResource {
  const min = Math.min(...rs.map((r) => ctx.usage.get(r.key) ?? 0));
  const r = ctx.rng.pick(rs.filter((x) => (ctx.usage.get(x.key) ?? 0) === min));
  ctx.usage.set(r.key, min + 1);
  return r;
}

export interface ScenarioDates {
  created: string;
  /** Each step's date (YYYY-MM-DD), or "auto" for one the follow-up schedule decides. */
  steps: [MatchStage, string][];
}

/** Days ago → dates, jittered by up to two days, kept in order and never after today. */
export function resolveDates(ctx: MatchContext, s: Scenario): ScenarioDates {
  const { rng, today, rules } = ctx;
  const dateOf = (when: Exclude<When, "auto">): string => {
    if (typeof when === "number") return addDays(today, -Math.max(0, when + rng.int(-2, 2)));
    const dueOn = addDays(today, when.inDays);
    return when.due === "first" ? addDays(dueOn, -rules.firstCheckDays) : addMonths(dueOn, -when.due);
  };
  const created = dateOf(s.created);
  let prev = created;
  const steps = s.path.map(([stage, when]): [MatchStage, string] => {
    if (when === "auto") return [stage, "auto"];
    let on = dateOf(when);
    if (on <= prev) on = addDays(prev, 1);
    if (on > today) on = today;
    prev = on;
    return [stage, on];
  });
  return { created, steps };
}

function rationale(rng: Rng, a: Archetype, person: DemoPerson, r: CatalogResource): string {
  const shared = r.targetGroups.find((g) => a.targetGroups.includes(g));
  const why = shared
    ? `${TARGET_GROUP_LABELS[shared]}の受け入れに慣れている`
    : r.homeBased
      ? "自宅で取り組める"
      : "誰でも参加でき、少人数から始められる";
  const wish = person.needs.wantedActivities[0];
  return (
    `${a.summary}。${RESOURCE_KIND_LABELS[r.kind]}「${r.name}」は${why}。${wish ? `本人の希望 (${wish}) にも合う。` : ""}` +
    (rng.chance(0.4) ? "曜日・時間帯も本人の都合と合う。" : "")
  );
}

/** The match with its dated history; the plan link is filled in once the plans exist. */
export function buildMatch(
  ctx: MatchContext,
  key: string,
  s: Scenario,
  dates: ScenarioDates,
  person: DemoPerson,
  a: Archetype,
  r: CatalogResource,
): DemoMatch {
  const { rng, today, rules } = ctx;
  const transitions: DemoTransition[] = [
    {
      fromStage: null,
      toStage: S.CANDIDATE,
      reason: rng.pick(STAGE_REASONS[S.CANDIDATE]),
      actor: person.coordinator,
      effectiveOn: dates.created,
    },
  ];
  let closedOn: string | null = null;
  for (const [stage, when] of dates.steps) {
    const from = transitions.at(-1)!.toStage;
    let on = when;
    if (on === "auto") {
      // 終結後フォロー begins with the first planned post-closure contact.
      const first = postClosureSchedule(closedOn!, rules)[0].dueOn;
      on = addDays(first, rng.int(0, 3));
      if (on > today) on = today;
    }
    if (stage === S.CLOSED) closedOn = on;
    const reason =
      s.reasons?.[stage] ?? (isReopening(from, stage) ? rng.pick(REOPEN_REASONS) : rng.pick(STAGE_REASONS[stage]));
    transitions.push({ fromStage: from, toStage: stage, reason, actor: person.coordinator, effectiveOn: on });
  }
  const starts = transitions.filter((t) => t.toStage === S.ACTIVE_FOLLOW_UP).map((t) => t.effectiveOn);
  const last = transitions.at(-1)!;
  const host = hostResponse(rng, transitions);
  return {
    key,
    personKey: person.key,
    resourceKey: r.key,
    organizationKey: r.organizationKey,
    coordinator: person.coordinator,
    supportPlanKey: null,
    stage: last.toStage,
    heldFrom: last.toStage === S.ON_HOLD ? last.fromStage : null,
    rationale: rationale(rng, a, person, r),
    score: Math.round((58 + rng.next() * 36) * 10) / 10,
    startedOn: starts.at(-1) ?? null,
    firstStartedOn: starts[0] ?? null,
    closedOn,
    ...host,
    reopenCount: Math.max(0, starts.length - 1),
    createdOn: dates.created,
    transitions,
  };
}

function hostResponse(rng: Rng, ts: readonly DemoTransition[]) {
  const declined = ts.find((t) => t.toStage === S.HOST_DECLINED);
  if (declined)
    return {
      hostResponse: HostResponse.DECLINED,
      hostResponseReason: declined.reason,
      hostRespondedOn: declined.effectiveOn,
    };
  const asked = ts.find((t) => t.toStage === S.HOST_COORDINATION);
  const proposed = ts.find((t) => t.fromStage === S.HOST_COORDINATION && t.toStage === S.PROPOSED);
  if (!asked || !proposed) return { hostResponse: null, hostResponseReason: null, hostRespondedOn: null };
  let on = addDays(proposed.effectiveOn, -rng.int(1, 3));
  if (on < asked.effectiveOn) on = asked.effectiveOn;
  return { hostResponse: HostResponse.ACCEPTED, hostResponseReason: null, hostRespondedOn: on };
}
