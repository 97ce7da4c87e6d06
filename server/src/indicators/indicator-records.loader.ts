import { dayOf, fiscalYearRange } from "@tsunagu/calendar";
import type { EntityManager } from "typeorm";
import { ResourceChangeKind, type ResourceFieldChange } from "../resources/resource-change.entity.js";
import type { ResourceKind, ResourceStatus } from "../resources/resource.enums.js";
import { ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import { SupportPlanStatus } from "../people/person.enums.js";
import type {
  CooperationRequestFact,
  FollowUpFigures,
  GapFact,
  HostSupportFact,
  IndicatorRecords,
  IntakeFact,
  ListingFact,
  ListingState,
  MatchFact,
  MeetingFact,
  PlanFact,
} from "./indicator-records.js";

/*
 * Reads the records the indicator catalog needs for the 年度 `fromYear` … `toYear` into plain IndicatorRecords, in
 * the caller's transaction (one snapshot). Dates are cast to text in SQL (the driver would make a `date` a Date at
 * local midnight); instants become JST days with dayOf.
 *
 * Two facts have no dated history and are approximated, said here once:
 * - a CLOSED support plan's closing day is the JST day it was last updated (closing is its last change);
 * - a RESOLVED resource gap's day is the JST day it was last updated (解決 is final: nothing changes it after).
 */
export async function loadIndicatorRecords(
  tx: EntityManager,
  range: { fromYear: number; toYear: number; asOf: string; graceDays: number },
): Promise<IndicatorRecords> {
  const from = fiscalYearRange(range.fromYear).start;
  const to = fiscalYearRange(range.toYear).end;
  return {
    asOf: range.asOf,
    graceDays: range.graceDays,
    persons: await tx.query(
      `SELECT id, registered_on::text AS "registeredOn", area_id AS "areaId", age_band AS "ageBand" FROM person
        WHERE registered_on BETWEEN $1 AND $2`,
      [from, to],
    ),
    consents: await tx.query(
      `SELECT person_id AS "personId", min(given_on)::text AS "givenOn" FROM consent GROUP BY person_id
       HAVING min(given_on) <= $1`,
      [to],
    ),
    plans: await loadPlans(tx, to),
    matches: await loadMatches(tx, to),
    followUps: await loadFollowUps(tx, from, to),
    dues: await tx.query(
      `SELECT due_on::text AS "dueOn", status, done_on::text AS "doneOn" FROM follow_up_due
        WHERE due_on BETWEEN $1 AND $2 AND status <> 'CANCELLED'`,
      [from, to],
    ),
    listings: await loadListings(tx),
    gaps: await loadGaps(tx),
    intakes: await loadIntakes(tx, from, to),
    meetings: await loadMeetings(tx, from, to),
    cooperationRequests: await loadCooperationRequests(tx, from, to),
    hostSupports: await loadHostSupports(tx, from, to),
  };
}

/** tallyFollowUps in SQL. The 年度 of a day is the calendar year of the day three months before it. */
async function loadFollowUps(tx: EntityManager, from: string, to: string): Promise<FollowUpFigures> {
  const fiscalYear = `extract(year FROM f.contacted_on - interval '3 months')::int`;
  return {
    tallies: await tx.query(
      `SELECT ${fiscalYear} AS "fiscalYear", f.method, r.kind AS "resourceKind", count(*)::int AS count
         FROM follow_up_record f JOIN "match" m ON m.id = f.match_id JOIN resource r ON r.id = m.resource_id
        WHERE f.contacted_on BETWEEN $1 AND $2
        GROUP BY 1, 2, 3`,
      [from, to],
    ),
    changes: await tx.query(
      `SELECT f.person_id AS "personId", min(f.contacted_on)::text AS "contactedOn"
         FROM follow_up_record f
        WHERE f.change_observed AND f.contacted_on BETWEEN $1 AND $2
        GROUP BY f.person_id, ${fiscalYear}`,
      [from, to],
    ),
  };
}

async function loadPlans(tx: EntityManager, to: string): Promise<PlanFact[]> {
  const rows: (Omit<PlanFact, "closedOn"> & { updatedAt: Date })[] = await tx.query(
    `SELECT person_id AS "personId", plan_version AS "planVersion", agreed_on::text AS "agreedOn", status,
            updated_at AS "updatedAt"
       FROM support_plan WHERE agreed_on <= $1`,
    [to],
  );
  return rows.map(({ updatedAt, ...p }) => ({
    ...p,
    closedOn: p.status === SupportPlanStatus.CLOSED ? dayOf(updatedAt) : null,
  }));
}

/**
 * Matches with their moves up to `to`. Three plain reads rather than one join: the listing's arrays are parsed once
 * per listing, not once per move (108,000 moves of 30,000 matches took most of the load time that way). The moves
 * come in the order they took effect and were recorded in, so they carry no createdAt: orderTransitions keeps the
 * array order for moves of one day.
 */
async function loadMatches(tx: EntityManager, to: string): Promise<MatchFact[]> {
  const listings: {
    id: string;
    kind: ResourceKind;
    rolesOffered: MatchFact["rolesOffered"];
    targetGroups: MatchFact["targetGroups"];
    areaIds: string[] | null;
  }[] = await tx.query(
    `SELECT r.id, r.kind, r.roles_offered AS "rolesOffered", r.target_groups AS "targetGroups",
            (SELECT array_agg(ra.area_id::text ORDER BY ra.area_id) FROM resource_area ra WHERE ra.resource_id = r.id) AS "areaIds"
       FROM resource r WHERE r.id IN (SELECT DISTINCT resource_id FROM "match")`,
  );
  const listingOf = new Map(listings.map((l) => [l.id, l]));
  const matches: { id: string; personId: string; organizationId: string; resourceId: string }[] = await tx.query(
    `SELECT id, person_id AS "personId", organization_id AS "organizationId", resource_id AS "resourceId" FROM "match"`,
  );
  const matchOf = new Map(matches.map((m) => [m.id, m]));
  const moves: {
    matchId: string;
    fromStage: MatchFact["transitions"][number]["fromStage"];
    toStage: MatchFact["transitions"][number]["toStage"];
    effectiveOn: string;
  }[] = await tx.query(
    `SELECT match_id AS "matchId", from_stage AS "fromStage", to_stage AS "toStage", effective_on::text AS "effectiveOn"
       FROM match_transition WHERE effective_on <= $1
      ORDER BY match_id, effective_on, created_at, id`,
    [to],
  );
  const byId = new Map<string, MatchFact>();
  for (const move of moves) {
    let m = byId.get(move.matchId);
    if (!m) {
      const match = matchOf.get(move.matchId);
      const listing = match && listingOf.get(match.resourceId);
      if (!match || !listing) continue;
      m = {
        id: match.id,
        personId: match.personId,
        organizationId: match.organizationId,
        resourceId: match.resourceId,
        resourceKind: listing.kind,
        rolesOffered: listing.rolesOffered,
        targetGroups: listing.targetGroups,
        areaIds: listing.areaIds ?? [],
        transitions: [],
      };
      byId.set(move.matchId, m);
    }
    m.transitions.push(move); // the row itself (its matchId is one field more): no copy of 100,000 moves
  }
  return [...byId.values()];
}

const LISTING_FIELDS = ["status", "kind", "areaIds"] as const;

/**
 * Each listing's states, rebuilt backwards from its current row through its change history (resource_change): the
 * newest change's `before` values give the state before it, and so on down to the state it was created in.
 */
async function loadListings(tx: EntityManager): Promise<ListingFact[]> {
  const resources: {
    id: string;
    createdAt: Date;
    kind: ResourceKind;
    status: ResourceStatus;
    areaIds: string[] | null;
  }[] = await tx.query(
    `SELECT r.id, r.created_at AS "createdAt", r.kind, r.status,
              (SELECT array_agg(ra.area_id::text ORDER BY ra.area_id) FROM resource_area ra WHERE ra.resource_id = r.id) AS "areaIds"
         FROM resource r`,
  );
  const changes: { resourceId: string; changedAt: Date; kind: ResourceChangeKind; changes: ResourceFieldChange[] }[] =
    await tx.query(
      `SELECT resource_id AS "resourceId", changed_at AS "changedAt", kind, changes FROM resource_change
        WHERE kind <> 'CREATE' AND changes @? '$[*] ? (@.field == "status" || @.field == "kind" || @.field == "areaIds")'
        ORDER BY resource_id, changed_at DESC, id DESC`,
    );
  const byResource = new Map<string, typeof changes>();
  for (const c of changes) {
    const list = byResource.get(c.resourceId) ?? [];
    list.push(c);
    byResource.set(c.resourceId, list);
  }
  return resources.map((r) => {
    const createdOn = dayOf(r.createdAt);
    let state: ListingState = { from: createdOn, status: r.status, kind: r.kind, areaIds: r.areaIds ?? [] };
    const newestFirst: ListingState[] = [];
    for (const c of byResource.get(r.id) ?? []) {
      newestFirst.push({ ...state, from: dayOf(c.changedAt) });
      const before: Partial<Record<(typeof LISTING_FIELDS)[number], unknown>> = {};
      for (const f of c.changes)
        if ((LISTING_FIELDS as readonly string[]).includes(f.field))
          before[f.field as (typeof LISTING_FIELDS)[number]] = f.before;
      state = {
        from: createdOn,
        status: (before.status as ResourceStatus | undefined) ?? state.status,
        kind: (before.kind as ResourceKind | undefined) ?? state.kind,
        areaIds: Array.isArray(before.areaIds) ? (before.areaIds as string[]) : state.areaIds,
      };
    }
    return { id: r.id, createdOn, states: [state, ...newestFirst.reverse()] };
  });
}

async function loadGaps(tx: EntityManager): Promise<GapFact[]> {
  const rows: {
    id: string;
    createdAt: Date;
    updatedAt: Date;
    status: ResourceGapStatus;
    resolvedResourceId: string | null;
  }[] = await tx.query(
    `SELECT id, created_at AS "createdAt", updated_at AS "updatedAt", status, resolved_resource_id AS "resolvedResourceId"
         FROM resource_gap`,
  );
  return rows.map((g) => ({
    id: g.id,
    raisedOn: dayOf(g.createdAt),
    status: g.status,
    resolvedResourceId: g.resolvedResourceId,
    resolvedOn: g.status === ResourceGapStatus.RESOLVED ? dayOf(g.updatedAt) : null,
  }));
}

export async function loadIntakes(tx: EntityManager, from: string, to: string): Promise<IntakeFact[]> {
  return tx.query(
    `SELECT id, received_on::text AS "receivedOn", route, field, area_id AS "areaId", age_band AS "ageBand", outcome,
            person_id AS "personId"
       FROM consultation_intake WHERE received_on BETWEEN $1 AND $2`,
    [from, to],
  );
}

export async function loadMeetings(tx: EntityManager, from: string, to: string): Promise<MeetingFact[]> {
  return tx.query(
    `SELECT m.id, m.held_on::text AS "heldOn", m.kind,
            array_remove(array_agg(mo.organization_id::text ORDER BY mo.organization_id), NULL) AS "organizationIds"
       FROM meeting_record m LEFT JOIN meeting_record_organization mo ON mo.meeting_record_id = m.id
      WHERE m.held_on BETWEEN $1 AND $2
      GROUP BY m.id`,
    [from, to],
  );
}

export async function loadCooperationRequests(
  tx: EntityManager,
  from: string,
  to: string,
): Promise<CooperationRequestFact[]> {
  return tx.query(
    `SELECT id, organization_id AS "organizationId", requested_on::text AS "requestedOn", kind, answer,
            answered_on::text AS "answeredOn", person_id AS "personId", resource_gap_id AS "resourceGapId"
       FROM cooperation_request WHERE requested_on BETWEEN $1 AND $2`,
    [from, to],
  );
}

export async function loadHostSupports(tx: EntityManager, from: string, to: string): Promise<HostSupportFact[]> {
  return tx.query(
    `SELECT id, organization_id AS "organizationId", given_on::text AS "givenOn", kind, method
       FROM host_support WHERE given_on BETWEEN $1 AND $2`,
    [from, to],
  );
}
