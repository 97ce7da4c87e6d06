import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { Area } from "../areas/area.entity.js";
import { AreaType } from "../areas/area.enums.js";
import { AuthService } from "../auth/auth.service.js";
import { User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { Organization } from "../organizations/organization.entity.js";
import { CityRelationship, OrgType } from "../organizations/organization.enums.js";
import { normalizeReading } from "../readings/reading.js";
import { ResourceKind, ResourceStatus } from "../resources/resource.enums.js";
import { Resource } from "../resources/resource.entity.js";
import { EMPTY_SCHEDULE } from "../schedules/schedule.value.js";
import { deriveScheduleColumns } from "../resources/resource.derived.js";
import { enqueueResources } from "../search/search-outbox.js";
import { Person } from "../people/person.entity.js";
import { SupportMeetingGroup } from "../people/support-meeting.entity.js";
import { EMPTY_NEEDS, type NeedsProfile } from "../people/needs-profile.js";
import { PersonTrack } from "../people/person.enums.js";
import { Consent } from "../people/consent.entity.js";
import { ConsentFact, ConsentMethod, ConsentPurpose } from "../people/consent.enums.js";
import { Match, MatchTransition } from "../matching/match.entity.js";
import { MatchStage } from "../matching/match.enums.js";
import { FollowUpDue, FollowUpRecord } from "../followups/followup.entity.js";
import { ContactMethod, FollowUpDueStatus, FollowUpKind } from "../followups/followup.enums.js";
import { today } from "@tsunagu/calendar";

const suffix = () => randomBytes(3).toString("hex");
export const TEST_PASSWORD = "correct horse battery staple";

/**
 * Real rows in the test's own database; each builder creates the parents it needs, so a test states only what it
 * cares about. Readings default to katakana that pass `isReading`.
 */
export class Factories {
  constructor(private readonly db: DataSource) {}

  async organization(overrides: Partial<Organization> = {}): Promise<Organization> {
    const repo = this.db.getRepository(Organization);
    return repo.save(
      repo.create({
        name: `テスト団体 ${suffix()}`,
        nameKana: "テストダンタイ",
        orgType: OrgType.NPO,
        cityRelationship: CityRelationship.INDEPENDENT,
        contactName: null,
        contactPhone: null,
        contactEmail: null,
        publicPhone: null,
        publicEmail: null,
        publicContactNote: null,
        address: null,
        ...overrides,
      }),
    );
  }

  async area(overrides: Partial<Area> & { parentIds?: string[] } = {}): Promise<Area> {
    const { parentIds = [], ...fields } = overrides;
    const repo = this.db.getRepository(Area);
    const area = await repo.save(
      repo.create({
        type: AreaType.WELFARE_AREA,
        name: `テスト地区 ${suffix()}`,
        nameKana: "テストチク",
        code: null,
        ...fields,
      }),
    );
    for (const parentId of parentIds)
      await this.db.query("INSERT INTO area_parent (area_id, parent_id) VALUES ($1, $2)", [area.id, parentId]);
    return area;
  }

  async resource(overrides: Partial<Resource> & { areaIds?: string[] } = {}): Promise<Resource> {
    const { areaIds = [], ...fields } = overrides;
    const organizationId = fields.organizationId ?? (await this.organization()).id;
    const nameKana = fields.nameKana ?? "テストシゲン";
    const repo = this.db.getRepository(Resource);
    const resource = await repo.save(
      repo.create({
        name: `テスト資源 ${suffix()}`,
        kind: ResourceKind.KAYOI_NO_BA,
        description: "",
        status: ResourceStatus.ACTIVE,
        targetGroups: [],
        rolesOffered: [],
        activities: [],
        accessibility: [],
        transportOptions: [],
        schedule: EMPTY_SCHEDULE,
        eligibility: {
          ageMin: null,
          ageMax: null,
          certificateRequired: false,
          residenceRequired: false,
          requiresSupportPlan: false,
          referredCasesOnly: false,
        },
        ...fields,
        organizationId,
        nameKana,
        readingKey: normalizeReading(nameKana),
        ...deriveScheduleColumns(fields.schedule ?? EMPTY_SCHEDULE),
      }),
    );
    if (areaIds.length) {
      await this.db.query("INSERT INTO resource_area (resource_id, area_id) SELECT $1, unnest($2::uuid[])", [
        resource.id,
        areaIds,
      ]);
    }
    await this.db.transaction((tx) => enqueueResources(tx, [resource.id]));
    return resource;
  }

  /** A user who can sign in with TEST_PASSWORD. HOST users get an organization unless one is given. */
  async user(
    overrides: { role?: UserRole; organizationId?: string | null; email?: string; displayName?: string } = {},
  ): Promise<User> {
    const role = overrides.role ?? UserRole.COORDINATOR;
    const organizationId =
      overrides.organizationId !== undefined
        ? overrides.organizationId
        : role === UserRole.HOST
          ? (await this.organization()).id
          : null;
    return new AuthService(this.db, 12).createUser({
      email: overrides.email ?? `${role.toLowerCase()}-${suffix()}@example.jp`,
      displayName: overrides.displayName ?? `テスト ${role}`,
      role,
      organizationId,
      password: TEST_PASSWORD,
    });
  }

  /**
   * A person on the consented track, assigned to `coordinatorId` (a new coordinator when omitted). A consented person
   * gets the consent that is their basis (関係機関での情報共有, no facts for hosts, given on the day they were
   * registered) unless `withConsent: false`; without one only their 支援会議 members would see them.
   */
  async person(
    overrides: Partial<Omit<Person, "needs">> & { needs?: Partial<NeedsProfile>; withConsent?: boolean } = {},
  ): Promise<Person> {
    const { needs, withConsent = true, ...fields } = overrides;
    const coordinatorId = fields.coordinatorId !== undefined ? fields.coordinatorId : (await this.user()).id;
    const repo = this.db.getRepository(Person);
    const person = await repo.save(
      repo.create({
        displayName: `テスト本人 ${suffix()}`,
        nameKana: "テストホンニン",
        readingKey: "てすとほんにん",
        birthYear: null,
        ageBand: null,
        areaId: null,
        homeLat: null,
        homeLng: null,
        contactPreference: null,
        contactNote: "",
        householdNote: "",
        householdIssues: [],
        householdCircumstances: [],
        certificates: [],
        track: PersonTrack.CONSENTED,
        supportMeetingGroupId: null,
        registeredOn: today(),
        ...fields,
        coordinatorId,
        needs: { ...EMPTY_NEEDS, ...needs },
      }),
    );
    if (withConsent && person.track === PersonTrack.CONSENTED) {
      const givenOn = person.registeredOn < today() ? person.registeredOn : today();
      await this.consent(person.id, {
        purpose: ConsentPurpose.INFORMATION_SHARING,
        facts: [],
        givenOn,
        ...(coordinatorId ? { recordedById: coordinatorId } : {}),
      });
    }
    return person;
  }

  /** A consent for referral to any host (or `organizationId`), sharing every fact unless `facts` says otherwise. */
  async consent(personId: string, overrides: Partial<Consent> = {}): Promise<Consent> {
    const repo = this.db.getRepository(Consent);
    const recordedById = overrides.recordedById ?? (await this.user()).id;
    return repo.save(
      repo.create({
        personId,
        purpose: ConsentPurpose.HOST_REFERRAL,
        organizationId: null,
        facts: Object.values(ConsentFact),
        method: ConsentMethod.WRITTEN,
        givenOn: today(),
        expiresOn: null,
        note: "",
        withdrawnAt: null,
        withdrawnById: null,
        withdrawalReason: null,
        ...overrides,
        recordedById,
      }),
    );
  }

  /**
   * A match with its history written as if it had happened: `path` lists the stages after 候補 with their dates.
   * The match ends in the last stage of the path.
   */
  async match(overrides: Partial<Match> & { createdOn?: string; path?: [MatchStage, string][] } = {}): Promise<Match> {
    const { path = [], createdOn = path[0]?.[1] ?? today(), ...fields } = overrides;
    const personId = fields.personId ?? (await this.person()).id;
    const resource = fields.resourceId
      ? await this.db.getRepository(Resource).findOneByOrFail({ id: fields.resourceId })
      : await this.resource();
    const coordinatorId = fields.coordinatorId ?? (await this.user()).id;
    const stage = path.at(-1)?.[0] ?? MatchStage.CANDIDATE;
    const starts = path.filter(([s]) => s === MatchStage.ACTIVE_FOLLOW_UP).map(([, on]) => on);
    const closed = path.filter(([s]) => s === MatchStage.CLOSED).map(([, on]) => on);
    const match = await this.db.getRepository(Match).save(
      this.db.getRepository(Match).create({
        personId,
        resourceId: resource.id,
        organizationId: resource.organizationId,
        coordinatorId,
        supportPlanId: null,
        stage,
        heldFrom: null,
        rationale: "",
        score: null,
        startedOn: starts.at(-1) ?? null,
        firstStartedOn: starts[0] ?? null,
        closedOn: closed.at(-1) ?? null,
        hostResponse: null,
        hostResponseReason: null,
        hostRespondedAt: null,
        reopenCount: Math.max(0, starts.length - 1),
        ...fields,
      }),
    );
    const transitions = this.db.getRepository(MatchTransition);
    let from: MatchStage | null = null;
    for (const [to, on] of [[MatchStage.CANDIDATE, createdOn] as [MatchStage, string], ...path]) {
      await transitions.save(
        transitions.create({
          matchId: match.id,
          fromStage: from,
          toStage: to,
          reason: "",
          actorId: coordinatorId,
          effectiveOn: on,
        }),
      );
      from = to;
    }
    return match;
  }

  async followUpRecord(match: Match, overrides: Partial<FollowUpRecord> = {}): Promise<FollowUpRecord> {
    const repo = this.db.getRepository(FollowUpRecord);
    return repo.save(
      repo.create({
        matchId: match.id,
        personId: match.personId,
        recordedById: match.coordinatorId,
        contactedOn: today(),
        method: ContactMethod.VISIT,
        counterparts: [],
        sessionsAttended: null,
        sessionsPlanned: null,
        participationLevel: null,
        changeObserved: false,
        changeType: null,
        changeCategories: [],
        narrative: "",
        relationshipStability: null,
        hostFeedback: "",
        hostGuidance: "",
        nextDueOn: null,
        isOutcomeEvaluation: false,
        ...overrides,
      }),
    );
  }

  async followUpDue(match: Match, overrides: Partial<FollowUpDue> = {}): Promise<FollowUpDue> {
    const repo = this.db.getRepository(FollowUpDue);
    return repo.save(
      repo.create({
        matchId: match.id,
        kind: FollowUpKind.MONTHLY,
        dueOn: today(),
        status: FollowUpDueStatus.PLANNED,
        doneOn: null,
        recordId: null,
        ...overrides,
      }),
    );
  }

  async supportMeetingGroup(
    memberIds: string[],
    name = `支援会議 ${suffix()}`,
    { archived = false }: { archived?: boolean } = {},
  ): Promise<SupportMeetingGroup> {
    const group = await this.db
      .getRepository(SupportMeetingGroup)
      .save({ name, archivedAt: archived ? new Date() : null });
    for (const id of memberIds)
      await this.db.query("INSERT INTO support_meeting_member (group_id, user_id) VALUES ($1, $2)", [group.id, id]);
    return group;
  }
}
