/** Shapes of the demo caseload (see demo-caseload.ts): plain data with local keys, turned into rows by seed-caseload.ts. */
import type { FollowUpRules } from "../../followups/followup.schedule.js";
import type {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  FollowUpDueStatus,
  FollowUpKind,
  RelationshipStability,
} from "../../followups/followup.enums.js";
import type { ResourceGapStatus } from "../../gaps/resource-gap.entity.js";
import type { HostResponse, MatchStage } from "../../matching/match.enums.js";
import type { ConsentFact, ConsentMethod, ConsentPurpose } from "../../people/consent.enums.js";
import type { NeedsProfile } from "../../people/needs-profile.js";
import type {
  AgeBand,
  ContactPreference,
  HouseholdIssue,
  ParticipationLevel,
  PersonTrack,
  SupportPlanStatus,
  SupportPlanVersion,
} from "../../people/person.enums.js";
import type { ResourceKind, TargetGroup } from "../../resources/resource.enums.js";
import type { Weekday } from "../../schedules/schedule.value.js";

/** The demo users the caseload refers to (admin@, coordinator@, coordinator2@, host@, host2@ example.jp). */
export type DemoUserKey = "admin" | "coordinator" | "coordinator2" | "host" | "host2";
export type CoordinatorKey = "coordinator" | "coordinator2";

/** A listing the generator may match people to; `key` and `organizationKey` are opaque (ids in the seeder). */
export interface CatalogResource {
  key: string;
  name: string;
  kind: ResourceKind;
  targetGroups: TargetGroup[];
  organizationKey: string;
  weekdays: Weekday[];
  homeBased: boolean;
}

export interface CaseloadInput {
  /** "YYYY-MM-DD": every history is dated relative to this day and nothing happens after it. */
  today: string;
  catalog: readonly CatalogResource[];
  /** organization of host@example.jp (社会福祉法人 若葉会): several referrals go there */
  hostOrganizationKey: string;
  /** organization of host2@example.jp (the hotel), if present: one work trial goes there */
  employerOrganizationKey?: string | null;
  rules?: FollowUpRules;
  /** days a follow-up may be late and still count as on time (municipal_settings.on_time_grace_days) */
  graceDays?: number;
  seed?: number;
}

export interface DemoPerson {
  key: string;
  displayName: string;
  nameKana: string;
  birthYear: number | null;
  ageBand: AgeBand;
  /** welfare-area key of the demo city (wa-north …) */
  areaKey: string;
  homeLat: number;
  homeLng: number;
  contactPreference: ContactPreference;
  contactNote: string;
  householdNote: string;
  householdIssues: HouseholdIssue[];
  needs: NeedsProfile;
  participationLevel: ParticipationLevel;
  track: PersonTrack;
  /** true: on the 支援会議 track, in the demo 支援会議 group */
  inSupportMeeting: boolean;
  coordinator: CoordinatorKey;
  registeredOn: string;
  /** archetype id (demo-caseload.people.ts), for tests and rationale texts */
  archetype: string;
}

export interface DemoSupportPlan {
  key: string;
  personKey: string;
  planVersion: SupportPlanVersion;
  goals: string[];
  agreedOn: string | null;
  reviewOn: string | null;
  status: SupportPlanStatus;
  createdBy: CoordinatorKey;
  createdOn: string;
}

export interface DemoConsent {
  key: string;
  personKey: string;
  purpose: ConsentPurpose;
  organizationKey: string | null;
  facts: ConsentFact[];
  method: ConsentMethod;
  givenOn: string;
  expiresOn: string | null;
  recordedBy: CoordinatorKey;
  note: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
}

export interface DemoTransition {
  fromStage: MatchStage | null;
  toStage: MatchStage;
  reason: string;
  actor: DemoUserKey;
  effectiveOn: string;
}

export interface DemoMatch {
  key: string;
  personKey: string;
  resourceKey: string;
  organizationKey: string;
  coordinator: CoordinatorKey;
  supportPlanKey: string | null;
  stage: MatchStage;
  heldFrom: MatchStage | null;
  rationale: string;
  score: number;
  startedOn: string | null;
  firstStartedOn: string | null;
  closedOn: string | null;
  hostResponse: HostResponse | null;
  hostResponseReason: string | null;
  hostRespondedOn: string | null;
  reopenCount: number;
  createdOn: string;
  transitions: DemoTransition[];
}

export interface DemoAttendance {
  matchKey: string;
  sessionOn: string;
  attended: boolean;
  note: string;
  recordedBy: DemoUserKey;
}

export interface DemoFollowUpRecord {
  key: string;
  matchKey: string;
  personKey: string;
  recordedBy: CoordinatorKey;
  contactedOn: string;
  method: ContactMethod;
  counterparts: Counterpart[];
  sessionsAttended: number | null;
  sessionsPlanned: number | null;
  participationLevel: ParticipationLevel | null;
  changeObserved: boolean;
  changeType: ChangeType | null;
  changeCategories: ChangeCategory[];
  narrative: string;
  relationshipStability: RelationshipStability | null;
  hostFeedback: string;
  hostGuidance: string;
  nextDueOn: string | null;
  isOutcomeEvaluation: boolean;
}

export interface DemoFollowUpDue {
  matchKey: string;
  kind: FollowUpKind;
  dueOn: string;
  status: FollowUpDueStatus;
  doneOn: string | null;
  recordKey: string | null;
  createdOn: string;
}

export interface DemoResourceGap {
  need: string;
  targetGroups: TargetGroup[];
  areaKey: string | null;
  personKey: string | null;
  searchText: string | null;
  status: ResourceGapStatus;
  statusNote: string;
  resolvedResourceKey: string | null;
  raisedBy: CoordinatorKey;
  createdOn: string;
}

export interface DemoCaseload {
  supportMeetingGroup: { name: string; members: DemoUserKey[]; createdOn: string };
  persons: DemoPerson[];
  plans: DemoSupportPlan[];
  consents: DemoConsent[];
  matches: DemoMatch[];
  attendance: DemoAttendance[];
  records: DemoFollowUpRecord[];
  dues: DemoFollowUpDue[];
  gaps: DemoResourceGap[];
}

/** The municipal_settings defaults (migration 1795341295100 inserts the row with these). */
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRules = {
  firstCheckDays: 14,
  followUpMonths: 3,
  settlingCheckMonths: [3, 6],
  postClosureIntervalMonths: 3,
  postClosureContacts: 2,
};

export const DEMO_CASELOAD_SEED = 20261122;
