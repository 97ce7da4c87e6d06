import { fiscalYearOf } from "@tsunagu/calendar";
import type { ContactMethod } from "../followups/followup.enums.js";
import type { ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import type { AgeBand, SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import type { TransitionFact } from "../reports/outcome.compute.js";
import type { FollowUpDueStatus } from "../followups/followup.enums.js";
import type { ParticipationRole, ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";

/*
 * Everything the indicator catalog reads, as plain data (no TypeORM): indicator-records.loader.ts fills it from the
 * database, the unit tests build it by hand. Dates are JST "YYYY-MM-DD". The four record kinds of the intake,
 * meeting, cooperation-request and host-support features (相談受付・会議・協力依頼・受け入れ先支援) are shaped like
 * their tables' rows: consultation_intake, meeting_record, cooperation_request, host_support.
 */

export interface PersonFact {
  id: string;
  /** 相談受付日 (person.registered_on). */
  registeredOn: string;
  areaId: string | null;
  ageBand: AgeBand | null;
}

export interface ConsentFact {
  personId: string;
  givenOn: string;
}

export interface PlanFact {
  personId: string;
  planVersion: SupportPlanVersion;
  /** 本人と合意した日; a plan never agreed (作成中) is not 策定. */
  agreedOn: string | null;
  status: SupportPlanStatus;
  /** The day a CLOSED plan was closed (null while it is in force). */
  closedOn: string | null;
}

export interface MatchFact {
  id: string;
  personId: string;
  organizationId: string;
  resourceId: string;
  /** The matched listing's kind and participation roles (what decides 就労支援: isEmploymentSupport). */
  resourceKind: ResourceKind;
  rolesOffered: ParticipationRole[];
  /** The listing's 地区 (empty: citywide or unknown). */
  areaIds: string[];
  /** The matched listing's target groups (the breakdown by 対象). */
  targetGroups: TargetGroup[];
  transitions: TransitionFact[];
}

/** One follow-up record (follow_up_record), as a fixture writes it; the catalog reads them tallied (FollowUpFigures). */
export interface FollowUpFact {
  matchId: string;
  personId: string;
  contactedOn: string;
  method: ContactMethod;
  changeObserved: boolean;
}

/** The follow-ups of one 年度 made by one method on matches with one kind of listing. */
export interface FollowUpTally {
  fiscalYear: number;
  method: ContactMethod;
  /** The kind of the listing the follow-up's match is with. */
  resourceKind: ResourceKind;
  count: number;
}

/** The first follow-up of a 年度 that observed a change in the person (行動や気持ちの変化). */
export interface ChangeObservation {
  personId: string;
  contactedOn: string;
}

/**
 * What the catalog reads of the follow-up records. A city writes hundreds of thousands of them and every figure is a
 * count per 年度, so they are tallied: the loader does it in SQL, fixtures with tallyFollowUps. A person's change is
 * kept once per 年度 (its first day): the change rate asks only whether there was one in the year.
 */
export interface FollowUpFigures {
  tallies: FollowUpTally[];
  changes: ChangeObservation[];
}

/** The loader's two queries over plain rows: follow-ups tallied with the kind of their match's listing. */
export function tallyFollowUps(followUps: readonly FollowUpFact[], matches: readonly MatchFact[]): FollowUpFigures {
  const kindOf = new Map(matches.map((m) => [m.id, m.resourceKind]));
  const tallies = new Map<string, FollowUpTally>();
  const changes = new Map<string, ChangeObservation>();
  for (const f of followUps) {
    const resourceKind = kindOf.get(f.matchId);
    if (!resourceKind) continue; // as the loader's join to its match would leave it out
    const fiscalYear = fiscalYearOf(f.contactedOn);
    const key = `${fiscalYear}|${f.method}|${resourceKind}`;
    const tally = tallies.get(key) ?? { fiscalYear, method: f.method, resourceKind, count: 0 };
    tally.count++;
    tallies.set(key, tally);
    if (!f.changeObserved) continue;
    const seen = changes.get(`${fiscalYear}|${f.personId}`);
    if (!seen || f.contactedOn < seen.contactedOn)
      changes.set(`${fiscalYear}|${f.personId}`, { personId: f.personId, contactedOn: f.contactedOn });
  }
  return { tallies: [...tallies.values()], changes: [...changes.values()] };
}

export interface FollowUpDueFact {
  dueOn: string;
  status: FollowUpDueStatus;
  doneOn: string | null;
}

/** One state of a listing, from the day `from` until the next state's `from` (exclusive). */
export interface ListingState {
  from: string;
  status: ResourceStatus;
  kind: ResourceKind;
  areaIds: string[];
}

/** A listing's history: created on `createdOn`, its states in date order (the first one from createdOn). */
export interface ListingFact {
  id: string;
  createdOn: string;
  states: ListingState[];
}

export interface GapFact {
  id: string;
  raisedOn: string;
  status: ResourceGapStatus;
  /** The day it was marked 解決 (null unless RESOLVED). */
  resolvedOn: string | null;
  resolvedResourceId: string | null;
}

export type IntakeField = "ALL" | "ELDERLY" | "DISABILITY" | "CHILD" | "POVERTY" | "OTHER";
export type IntakeOutcome = "CONSENTED" | "INFO_ONLY" | "REFERRED" | "CLOSED" | "PENDING";

export interface IntakeFact {
  id: string;
  receivedOn: string;
  route: string;
  field: IntakeField;
  areaId: string | null;
  ageBand: string | null;
  outcome: IntakeOutcome;
  personId: string | null;
}

export type MeetingKind = "SHIEN_KAIGI" | "JUSOTEKI" | "OTHER_CASE" | "REGULAR" | "NETWORK";

export interface MeetingFact {
  id: string;
  heldOn: string;
  kind: MeetingKind;
  /** The organizations that attended (meeting_record_organization). */
  organizationIds: string[];
}

export type CooperationKind = "ACCEPT_PERSON" | "CREATE_PLACE" | "OTHER";
export type CooperationAnswer = "PENDING" | "ACCEPTED" | "DECLINED" | "CONDITIONAL";

export interface CooperationRequestFact {
  id: string;
  organizationId: string;
  requestedOn: string;
  kind: CooperationKind;
  answer: CooperationAnswer;
  answeredOn: string | null;
  personId: string | null;
  resourceGapId: string | null;
}

export type HostSupportKind = "VISIT" | "ADVICE" | "PROBLEM" | "TRAINING" | "OTHER";

export interface HostSupportFact {
  id: string;
  organizationId: string;
  givenOn: string;
  kind: HostSupportKind;
  method: ContactMethod;
}

export interface IndicatorRecords {
  /** 集計日 (JST): marks and due dates after it are not reached yet (as in outcome.compute.ts). */
  asOf: string;
  /** MunicipalSettings.onTimeGraceDays. */
  graceDays: number;
  persons: PersonFact[];
  consents: ConsentFact[];
  plans: PlanFact[];
  matches: MatchFact[];
  followUps: FollowUpFigures;
  dues: FollowUpDueFact[];
  listings: ListingFact[];
  gaps: GapFact[];
  intakes: IntakeFact[];
  meetings: MeetingFact[];
  cooperationRequests: CooperationRequestFact[];
  hostSupports: HostSupportFact[];
}

/** No records at all, as of `asOf`: the start of every fixture. */
export const emptyRecords = (asOf: string, graceDays = 7): IndicatorRecords => ({
  asOf,
  graceDays,
  persons: [],
  consents: [],
  plans: [],
  matches: [],
  followUps: { tallies: [], changes: [] },
  dues: [],
  listings: [],
  gaps: [],
  intakes: [],
  meetings: [],
  cooperationRequests: [],
  hostSupports: [],
});

/** The listing's state on `day`, or null when it did not exist yet. */
export function listingStateOn(listing: ListingFact, day: string): ListingState | null {
  if (listing.createdOn > day) return null;
  let state: ListingState | null = null;
  for (const s of listing.states) {
    if (s.from > day) break;
    state = s;
  }
  return state ?? listing.states[0] ?? null;
}
