import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConsentFact } from "../people/consent.enums.js";
import type { Person } from "../people/person.entity.js";
import {
  AgeBand,
  ContactPreference,
  GroupSizePreference,
  HouseholdCircumstance,
  Mobility,
  ParticipationLevel,
} from "../people/person.enums.js";
import { Accessibility } from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";
import { Attendance } from "./match.entity.js";
import { HostResponse, MatchStage } from "./match.enums.js";
import { Resource } from "../resources/index.js";
import { LocalDate } from "../core/local-date.scalar.js";

/**
 * What a host may know about the person: each field is filled only when an active consent covering this host lists
 * its fact, and is null otherwise. There is deliberately no id: a host cannot correlate people across referrals.
 */
@ObjectType({ description: "受け入れ先に伝えてよいと本人が同意した事柄 (同意のない項目は空)" })
export class ReferralPerson {
  /** Not GraphQL fields: kept on the object only so the audit trail can record whose facts a host was shown. */
  personId: string;
  matchId: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand: AgeBand | null;

  areaId: string | null;

  @Field(() => ContactPreference, { nullable: true })
  contactPreference: ContactPreference | null;

  @Field(() => String, { nullable: true })
  contactNote: string | null;

  @Field(() => [String], { nullable: true })
  wantedActivities: string[] | null;

  @Field(() => [Weekday], { nullable: true })
  weekdays: Weekday[] | null;

  @Field(() => [TimeBand], { nullable: true })
  timeBands: TimeBand[] | null;

  @Field(() => Mobility, { nullable: true })
  mobility: Mobility | null;

  @Field(() => GroupSizePreference, { nullable: true })
  groupSize: GroupSizePreference | null;

  @Field(() => [Accessibility], { nullable: true })
  accessibility: Accessibility[] | null;

  @Field(() => String, { nullable: true })
  wishes: string | null;

  @Field(() => String, { nullable: true })
  strengths: string | null;

  @Field(() => ParticipationLevel, { nullable: true })
  participationLevel: ParticipationLevel | null;

  /**
   * 世帯の事情 only. The free-text 世帯の状況 (householdNote) and the 世帯の課題 (householdIssues) are not fields of
   * this type at all: no consent releases them to a host.
   */
  @Field(() => [HouseholdCircumstance], { nullable: true, description: "世帯の事情 (送迎が必要・家族の介護中 …)" })
  householdCircumstances: HouseholdCircumstance[] | null;
}

/**
 * Pure: the person as this host may see them, given the facts the active consents release. The one projection of a
 * person for hosts: the referrals (ReferralService) and the coordinator's preview before a consent is recorded
 * (PersonService.consentPreview) both use it. `matchId` is what the audit trail records the view under.
 */
export function redactForHost(person: Person, facts: ReadonlySet<ConsentFact>, matchId: string): ReferralPerson {
  const has = (f: ConsentFact) => facts.has(f);
  const needs = has(ConsentFact.NEEDS);
  const wishes = has(ConsentFact.WISHES_AND_STRENGTHS);
  const contact = has(ConsentFact.CONTACT);
  return {
    personId: person.id,
    matchId,
    displayName: has(ConsentFact.DISPLAY_NAME) ? person.displayName : null,
    ageBand: has(ConsentFact.AGE_BAND) ? person.ageBand : null,
    areaId: has(ConsentFact.AREA) ? person.areaId : null,
    contactPreference: contact ? person.contactPreference : null,
    contactNote: contact ? person.contactNote : null,
    wantedActivities: needs ? person.needs.wantedActivities : null,
    weekdays: needs ? person.needs.weekdays : null,
    timeBands: needs ? person.needs.timeBands : null,
    mobility: needs ? person.needs.mobility : null,
    groupSize: needs ? person.needs.groupSize : null,
    accessibility: needs ? person.needs.accessibility : null,
    wishes: wishes ? person.needs.wishes : null,
    strengths: wishes ? person.needs.strengths : null,
    participationLevel: has(ConsentFact.PARTICIPATION_LEVEL) ? person.participationLevel : null,
    householdCircumstances: has(ConsentFact.HOUSEHOLD_CIRCUMSTANCES) ? person.householdCircumstances : null,
  };
}

/**
 * 「この受け入れ先には次の内容が表示されます」: what a host would see of the person if a consent released exactly
 * `facts`, by the same projection as the referrals. Recorded by the audit trail as a ReferralPerson read under the
 * person's id (there is no match yet).
 */
export function previewForHost(person: Person, facts: readonly ConsentFact[]): ReferralPerson {
  return redactForHost(person, new Set(facts), person.id);
}

/** 紹介: a match as its host sees it. */
@ObjectType({ description: "受け入れ先への紹介 (受け入れ先から見たマッチング)" })
export class Referral {
  @Field(() => ID, { description: "マッチングの id" })
  id: string;

  /** The host organization it was sent to (not a field: the host knows its own). */
  organizationId: string;

  @Field(() => MatchStage)
  stage: MatchStage;

  @Field(() => Int, { description: "楽観的ロック用" })
  version: number;

  @Field(() => Resource)
  resource: Resource;

  @Field(() => LocalDate, { nullable: true, description: "紹介を受けた日" })
  referredOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "参加開始日" })
  startedOn: string | null;

  @Field(() => HostResponse, { nullable: true })
  hostResponse: HostResponse | null;

  @Field(() => String, { nullable: true })
  hostResponseReason: string | null;

  @Field(() => ReferralPerson)
  person: ReferralPerson;

  @Field(() => [ConsentFact], { description: "同意により伝えられている事柄 (空なら同意が撤回・失効している)" })
  sharedFacts: ConsentFact[];

  @Field(() => Boolean, { description: "今この受け入れ先への同意が有効か" })
  consentActive: boolean;

  @Field(() => [Attendance], { description: "出欠の記録 (新しい順)" })
  attendance: Attendance[];

  @Field(() => Boolean, { description: "出欠を記録できる段階か" })
  canRecordAttendance: boolean;

  @Field(() => Boolean, { description: "受け入れ可否を回答できる段階か" })
  canRespond: boolean;
}
