/**
 * How to call each root field for the access matrix (docs/security/access-matrix.md).
 *
 * Adding a row? Add an entry to CALLS under the field's name:
 *
 *   myField: {
 *     query: `mutation($input: MyInput!) { myField(input: $input) { thing { id } } }`,
 *     // Fresh data for ONE cell (it runs once per role); an allowed role must get an answer without errors.
 *     call: async (w, role) => ({ vars: { input: { id: (await w.f.resource({ organizationId: w.hostOrg.id })).id } } }),
 *     // One builder per condition used in the row's cells (`○(自団体)` → 自団体, …): the same call outside the
 *     // caller's scope. For a single record the test expects the legend's code; for a list it expects `hiddenId`
 *     // not to appear anywhere in the answer.
 *     outOfScope: { 自団体: async (w) => ({ vars: { input: { id: (await w.f.resource({ organizationId: w.otherOrg.id })).id } } }) },
 *   },
 *
 * Rules that keep 5 roles × every field fast and independent:
 *  - make the data in `call` (never share a row a mutation changes between cells); `w` holds only users and the two
 *    organizations, which no call changes in a way another cell notices;
 *  - the data must be valid for every role that is allowed, so a refusal in a denied cell can only come from access;
 *  - `check` (optional) asserts more on an allowed answer; cells with 同意の範囲 need it (the redaction check).
 * Each cell runs with a new session, so `logout` does not disturb the next cell.
 */
import { expect } from "vitest";
import type { Organization } from "../organizations/organization.entity.js";
import type { User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { base32Decode, totpAt } from "../auth/totp.js";
import { today } from "@tsunagu/calendar";
import { ResourceGap, ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import { MatchStage } from "../matching/match.enums.js";
import { ConsentFact } from "../people/consent.enums.js";
import type { Person } from "../people/person.entity.js";
import { PersonTrack, SupportPlanStatus, SupportPlanVersion } from "../people/person.enums.js";
import { SupportPlan } from "../people/support-plan.entity.js";
import type { Factories } from "../test/factories.js";
import { TEST_PASSWORD } from "../test/factories.js";
import type { GqlResult, TestApp } from "../test/test-app.js";
import type { Role, Scope } from "./access-matrix.js";

export type SignedInRole = Exclude<Role, "ANONYMOUS">;
/** The `data` of an answer (loosely typed JSON). */
export type Data = NonNullable<GqlResult["data"]>;

/** What every cell may use: one user per role, the HOST user's organization and another one. */
export interface World {
  t: TestApp;
  f: Factories;
  users: Record<SignedInRole, User>;
  hostOrg: Organization;
  otherOrg: Organization;
}

export interface Call {
  vars?: Record<string, unknown>;
  /** For a list outside the caller's scope: an id that must not appear in the answer. */
  hiddenId?: string;
  /** More assertions on an allowed answer (`data` of the operation). */
  check?: (data: Data) => void;
}

export interface CallFixture {
  query: string;
  call: (w: World, role: Role) => Promise<Call>;
  outOfScope?: Partial<Record<Scope, (w: World, role: Role) => Promise<Call>>>;
}

/** A viewer for calling a service as this role's user directly (setting up a cell, not under test). */
const viewerOf = (w: World, role: SignedInRole) => ({
  userId: w.users[role].id,
  role: w.users[role].role,
  organizationId: w.users[role].organizationId,
  displayName: w.users[role].displayName,
  sessionId: "",
});

/** Starts a TOTP enrolment for the role's user (after a reset, whatever earlier cells did); the code that confirms it. */
async function pendingCode(w: World, role: Role): Promise<string> {
  const twoFactor = w.t.app.services.auth.twoFactor;
  await twoFactor.reset(w.users[role as SignedInRole].id);
  const { secret } = await twoFactor.beginEnrolment(viewerOf(w, role as SignedInRole));
  return totpAt(base32Decode(secret), Date.now());
}

/** Enrols the role's user; a code it has not used yet (the next step's, inside the accepted window). */
async function enrolledCode(w: World, role: Role): Promise<string> {
  const twoFactor = w.t.app.services.auth.twoFactor;
  await twoFactor.reset(w.users[role as SignedInRole].id);
  const { secret } = await twoFactor.beginEnrolment(viewerOf(w, role as SignedInRole));
  await twoFactor.confirmEnrolment(viewerOf(w, role as SignedInRole), totpAt(base32Decode(secret), Date.now()));
  return totpAt(base32Decode(secret), Date.now() + 30_000);
}

export async function makeWorld(t: TestApp): Promise<World> {
  const f = t.factories;
  const [hostOrg, otherOrg] = [
    await f.organization({ name: "自団体 (テスト)" }),
    await f.organization({ name: "他団体 (テスト)" }),
  ];
  const users = {
    ADMIN: await f.user({ role: UserRole.ADMIN }),
    COORDINATOR: await f.user({ role: UserRole.COORDINATOR }),
    HOST: await f.user({ role: UserRole.HOST, organizationId: hostOrg.id }),
    VIEWER: await f.user({ role: UserRole.VIEWER }),
  };
  return { t, f, users, hostOrg, otherOrg };
}

const unique = () => Math.random().toString(36).slice(2, 8);
/** 1, 2, 3 … for calls that need a number of their own (a 年度, a value). */
let counted = 0;
const nextNumber = () => ++counted;
const userOf = (w: World, role: Role): User | null => (role === "ANONYMOUS" ? null : w.users[role]);

/** A consented person, assigned to the world's coordinator, with a referral consent for `orgId` sharing `facts`. */
async function consentedPerson(
  w: World,
  orgId = w.hostOrg.id,
  facts: ConsentFact[] = Object.values(ConsentFact),
): Promise<Person> {
  const person = await w.f.person({
    coordinatorId: w.users.COORDINATOR.id,
    displayName: `見える本人 ${unique()}`,
    ageBand: "AGE_40_49" as never,
    householdNote: "家族の事情",
    householdCircumstances: ["NEEDS_TRANSPORT" as never],
    contactNote: "夕方に電話",
    needs: { wishes: "畑をやってみたい", strengths: "手先が器用" },
  });
  await w.f.consent(person.id, { organizationId: orgId, facts });
  return person;
}

/** A 支援会議 person whose meeting has one member, who is none of the world's users: out of everyone's scope. */
async function hiddenPerson(w: World): Promise<Person> {
  const member = await w.f.user({ role: UserRole.COORDINATOR });
  const group = await w.f.supportMeetingGroup([member.id]);
  return w.f.person({
    coordinatorId: member.id,
    track: PersonTrack.SUPPORT_MEETING,
    supportMeetingGroupId: group.id,
    displayName: `見えない本人 ${unique()}`,
  });
}

/** Stopped in 2019 (利用停止) with nothing since: visible to caseworkers, past its retention, so it may be erased. */
function stoppedPerson(w: World): Promise<Person> {
  return w.f.person({
    coordinatorId: w.users.COORDINATOR.id,
    displayName: `利用停止中の本人 ${unique()}`,
    registeredOn: "2019-04-01",
    stoppedOn: "2019-05-01",
    stopReason: "本人の申し出",
  });
}

const PATH_TO: Partial<Record<MatchStage, MatchStage[]>> = {
  [MatchStage.CANDIDATE]: [],
  [MatchStage.HOST_COORDINATION]: [MatchStage.HOST_COORDINATION],
  [MatchStage.ACTIVE_FOLLOW_UP]: [MatchStage.HOST_COORDINATION, MatchStage.PROPOSED, MatchStage.ACTIVE_FOLLOW_UP],
};

/** A match of `person` at a listing of `orgId`, walked to `stage` (history dated today). */
async function matchOf(
  w: World,
  person: Person,
  orgId: string,
  stage: MatchStage,
  coordinatorId = w.users.COORDINATOR.id,
) {
  const resource = await w.f.resource({ organizationId: orgId });
  return w.f.match({
    personId: person.id,
    resourceId: resource.id,
    coordinatorId,
    path: PATH_TO[stage]!.map((s) => [s, today()]),
  });
}

async function referralTo(w: World, orgId: string, stage = MatchStage.HOST_COORDINATION, facts?: ConsentFact[]) {
  return matchOf(w, await consentedPerson(w, orgId, facts), orgId, stage);
}

/** The facts a referral shares in the 同意の範囲 cells, and the check that only they have values. */
const SHARED: ConsentFact[] = [ConsentFact.DISPLAY_NAME, ConsentFact.AGE_BAND];
const REFERRAL_PERSON = "person { displayName ageBand contactNote householdCircumstances wishes strengths }";
function onlyShared(person: Record<string, unknown>) {
  expect(person).toEqual({
    displayName: expect.stringMatching(/^見える本人 /),
    ageBand: "AGE_40_49",
    contactNote: null,
    householdCircumstances: null,
    wishes: null,
    strengths: null,
  });
}

async function supportPlanOf(w: World, person: Person): Promise<SupportPlan> {
  const repo = w.t.db.getRepository(SupportPlan);
  return repo.save(
    repo.create({
      personId: person.id,
      planVersion: SupportPlanVersion.NEW,
      goals: ["週1回外出する"],
      agreedOn: null,
      reviewOn: null,
      status: SupportPlanStatus.DRAFT,
      createdById: w.users.COORDINATOR.id,
    }),
  );
}

const freshResource = (w: World, orgId?: string) => w.f.resource({ organizationId: orgId ?? w.hostOrg.id });
const idInput = (id: string) => ({ vars: { input: { id } } });

/** A small file uploaded by the coordinator (the upload route is tested in catalog-import.api.test.ts). */
async function uploadCatalogFile(w: World): Promise<string> {
  const u = w.users.COORDINATOR;
  const viewer = { userId: u.id, role: u.role, organizationId: null, displayName: u.displayName, sessionId: "matrix" };
  const upload = await w.t.app.services.catalogImports.upload(
    viewer,
    "salon.csv",
    Buffer.from("番号,名称\n1,権限表サロン\n"),
  );
  return upload.id;
}

export const CALLS: Record<string, CallFixture> = {
  // ── 目録 ────────────────────────────────────────────────────────────────────────────────────────────────────────
  areas: { query: `{ areas { id name } }`, call: async () => ({}) },
  area: {
    query: `query($id: ID!) { area(id: $id) { id name } }`,
    call: async (w) => ({ vars: { id: (await w.f.area()).id } }),
  },
  organizations: { query: `{ organizations(first: 5) { totalCount } }`, call: async () => ({}) },
  organization: {
    query: `query($id: ID!) { organization(id: $id) { id name } }`,
    call: async (w) => ({ vars: { id: w.otherOrg.id } }),
  },
  resources: { query: `{ resources(first: 5) { totalCount edges { node { id } } } }`, call: async () => ({}) },
  resource: {
    query: `query($id: ID!) { resource(id: $id) { id name } }`,
    call: async (w) => ({ vars: { id: (await freshResource(w)).id } }),
  },
  searchResources: {
    query: `{ searchResources(first: 5, input: { text: "テスト" }) { totalCount degraded } }`,
    call: async () => ({}),
  },
  searchStatus: { query: `{ searchStatus { pending degraded } }`, call: async () => ({}) },
  catalogImport: {
    query: `query($id: ID!) { catalogImport(id: $id) { id fileName state } }`,
    call: async (w) => ({ vars: { id: await uploadCatalogFile(w) } }),
  },
  savedColumnMappings: { query: `{ savedColumnMappings { name } }`, call: async () => ({}) },
  importResources: {
    query: `mutation($input: ImportResourcesInput!) { importResources(input: $input) { catalogImport { id } } }`,
    call: async (w) => ({
      vars: {
        input: {
          importId: await uploadCatalogFile(w),
          mapping: [
            { field: "sourceId", column: "番号" },
            { field: "name", column: "名称" },
          ],
          publisher: "権限表市",
          dataset: `サロン一覧 ${unique()}`,
        },
      },
    }),
  },
  createArea: {
    query: `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } } }`,
    call: async () => ({
      vars: { input: { type: "WELFARE_AREA", name: `新しい地区 ${unique()}`, nameKana: "アタラシイチク" } },
    }),
  },
  updateArea: {
    query: `mutation($input: UpdateAreaInput!) { updateArea(input: $input) { area { id name } } }`,
    call: async (w) => ({ vars: { input: { id: (await w.f.area()).id, name: `改名した地区 ${unique()}` } } }),
  },
  deleteArea: {
    query: `mutation($id: ID!) { deleteArea(id: $id) }`,
    call: async (w) => ({ vars: { id: (await w.f.area()).id } }),
  },
  setAreaArchived: {
    query: `mutation($input: SetAreaArchivedInput!) { setAreaArchived(input: $input) { area { id archivedAt } } }`,
    call: async (w) => ({ vars: { input: { id: (await w.f.area()).id, archived: true } } }),
  },
  setOrganizationArchived: {
    query: `mutation($input: SetOrganizationArchivedInput!) { setOrganizationArchived(input: $input) { organization { id } } }`,
    call: async (w) => ({ vars: { input: { id: (await w.f.organization()).id, archived: true } } }),
  },
  staleResources: { query: `{ staleResources(first: 5) { totalCount } }`, call: async () => ({}) },
  requestResourceVerification: {
    query: `mutation($input: RequestVerificationInput!) { requestResourceVerification(input: $input) { requestedCount } }`,
    call: async (w) => ({ vars: { input: { resourceIds: [(await freshResource(w)).id] } } }),
  },
  createOrganization: {
    query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    call: async () => ({
      vars: { input: { name: `新しい団体 ${unique()}`, nameKana: "アタラシイダンタイ", orgType: "NPO" } },
    }),
  },
  updateOrganization: {
    query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id contactName } } }`,
    call: async (w) => ({ vars: { input: { id: w.hostOrg.id, contactName: "連絡 太郎" } } }),
    outOfScope: { 自団体: async (w) => ({ vars: { input: { id: w.otherOrg.id, contactName: "連絡 太郎" } } }) },
  },
  createResource: {
    query: `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id organization { id } } } }`,
    call: async (w) => ({
      vars: {
        input: {
          organizationId: w.hostOrg.id,
          name: `新しい居場所 ${unique()}`,
          nameKana: "アタラシイイバショ",
          kind: "IBASHO",
        },
      },
    }),
    outOfScope: {
      自団体: async (w) => ({
        vars: {
          input: {
            organizationId: w.otherOrg.id,
            name: "他団体の居場所",
            nameKana: "タダンタイノイバショ",
            kind: "IBASHO",
          },
        },
      }),
    },
  },
  updateResource: {
    query: `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id description } } }`,
    call: async (w) => ({ vars: { input: { id: (await freshResource(w)).id, description: "説明を直しました" } } }),
    outOfScope: {
      自団体: async (w) => ({
        vars: { input: { id: (await freshResource(w, w.otherOrg.id)).id, description: "書き換え" } },
      }),
    },
  },
  setResourceStatus: {
    query: `mutation($input: SetResourceStatusInput!) { setResourceStatus(input: $input) { resource { id status } } }`,
    call: async (w) => ({ vars: { input: { id: (await freshResource(w)).id, status: "PAUSED" } } }),
    outOfScope: {
      自団体: async (w) => ({ vars: { input: { id: (await freshResource(w, w.otherOrg.id)).id, status: "ENDED" } } }),
    },
  },
  verifyResource: {
    query: `mutation($input: VerifyResourceInput!) { verifyResource(input: $input) { resource { id verifiedAt } } }`,
    call: async (w) => idInput((await freshResource(w)).id),
    outOfScope: { 自団体: async (w) => idInput((await freshResource(w, w.otherOrg.id)).id) },
  },
  deleteResource: {
    query: `mutation($input: DeleteResourceInput!) { deleteResource(input: $input) { deletedId } }`,
    call: async (w) => idInput((await freshResource(w)).id),
    outOfScope: { 自団体: async (w) => idInput((await freshResource(w, w.otherOrg.id)).id) },
  },

  // ── 本人・同意・支援プラン ─────────────────────────────────────────────────────────────────────────────────────
  person: {
    query: `query($id: ID!) { person(id: $id) { id displayName consents { id } } }`,
    call: async (w) => ({ vars: { id: (await consentedPerson(w)).id } }),
    outOfScope: { 見える本人: async (w) => ({ vars: { id: (await hiddenPerson(w)).id } }) },
  },
  persons: {
    // Filtered by the person's own name, so that only visibility (not paging) decides whether they are listed.
    query: `query($text: String) { persons(first: 100, text: $text) { totalCount edges { node { id displayName } } } }`,
    call: async (w) => {
      const { id, displayName } = await consentedPerson(w);
      return { vars: { text: displayName }, check: (data) => expect(JSON.stringify(data)).toContain(id) };
    },
    outOfScope: {
      見える本人: async (w) => {
        const { id, displayName } = await hiddenPerson(w);
        return { vars: { text: displayName }, hiddenId: id };
      },
    },
  },
  supportMeetingGroups: {
    query: `{ supportMeetingGroups { id name personCount members { id } viewerCan { update archive } } }`,
    call: async (w) => {
      const group = await w.f.supportMeetingGroup([w.users.COORDINATOR.id]);
      return {
        check: (data) => expect(data.supportMeetingGroups.map((g: { id: string }) => g.id)).toContain(group.id),
      };
    },
  },
  mySupportMeetingGroups: {
    query: `{ mySupportMeetingGroups { id name } }`,
    call: async (w, role) => {
      const group = await w.f.supportMeetingGroup(userOf(w, role) ? [userOf(w, role)!.id] : []);
      return {
        check: (data) => expect(data.mySupportMeetingGroups.map((g: { id: string }) => g.id)).toContain(group.id),
      };
    },
    outOfScope: { 自分: async (w) => ({ hiddenId: (await w.f.supportMeetingGroup([(await w.f.user()).id])).id }) },
  },
  createPerson: {
    query: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
    call: async () => ({
      vars: {
        input: {
          displayName: `新しい本人 ${unique()}`,
          nameKana: "アタラシイホンニン",
          consent: { purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME"], method: "WRITTEN", givenOn: today() },
        },
      },
    }),
  },
  updatePerson: {
    query: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id participationLevel } } }`,
    call: async (w) => ({ vars: { input: { id: (await consentedPerson(w)).id, participationLevel: "GOES_OUT" } } }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { id: (await hiddenPerson(w)).id, participationLevel: "GOES_OUT" } },
      }),
    },
  },
  correctPerson: {
    query: `mutation($input: CorrectPersonInput!) { correctPerson(input: $input) { person { id } } }`,
    call: async (w) => ({
      vars: { input: { id: (await consentedPerson(w)).id, contactNote: "午前に電話", reason: "本人の訂正請求" } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { id: (await hiddenPerson(w)).id, contactNote: "午前に電話", reason: "本人の訂正請求" } },
      }),
    },
  },
  stopPersonUse: {
    query: `mutation($input: StopPersonUseInput!) { stopPersonUse(input: $input) { person { id stoppedOn } } }`,
    call: async (w) => ({ vars: { input: { personId: (await consentedPerson(w)).id, reason: "本人の申し出" } } }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: { personId: (await hiddenPerson(w)).id, reason: "本人の申し出" } } }),
    },
  },
  resumePersonUse: {
    query: `mutation($input: ResumePersonUseInput!) { resumePersonUse(input: $input) { person { id stoppedOn } } }`,
    call: async (w) => ({ vars: { input: { personId: (await stoppedPerson(w)).id } } }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: { personId: (await hiddenPerson(w)).id } } }),
    },
  },
  erasePerson: {
    query: `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id erasedAt } } }`,
    call: async (w) => ({ vars: { input: { personId: (await stoppedPerson(w)).id } } }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: { personId: (await hiddenPerson(w)).id } } }),
    },
  },
  recordConsent: {
    query: `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id state } } }`,
    call: async (w) => ({ vars: { input: consentInput((await consentedPerson(w)).id) } }),
    outOfScope: { 見える本人: async (w) => ({ vars: { input: consentInput((await hiddenPerson(w)).id) } }) },
  },
  consentPreview: {
    query: `query($input: ConsentPreviewInput!) { consentPreview(input: $input) { displayName householdCircumstances contactNote } }`,
    call: async (w) => ({
      vars: { input: { personId: (await consentedPerson(w)).id, facts: ["DISPLAY_NAME", "HOUSEHOLD_CIRCUMSTANCES"] } },
      check: (data) =>
        expect(data.consentPreview).toEqual({
          displayName: expect.stringMatching(/^見える本人 /),
          householdCircumstances: ["NEEDS_TRANSPORT"],
          contactNote: null,
        }),
    }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: { personId: (await hiddenPerson(w)).id, facts: ["DISPLAY_NAME"] } } }),
    },
  },
  withdrawConsent: {
    query: `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { id state } } }`,
    call: async (w) => ({
      vars: { input: { consentId: (await w.f.consent((await consentedPerson(w)).id)).id, reason: "本人の申し出" } },
    }),
    // An active consent would make the person visible to every caseworker: the hidden person's consent has expired.
    outOfScope: {
      見える本人: async (w) => ({
        vars: {
          input: {
            consentId: (
              await w.f.consent((await hiddenPerson(w)).id, { givenOn: "2024-04-01", expiresOn: "2025-03-31" })
            ).id,
            reason: "本人の申し出",
          },
        },
      }),
    },
  },
  createSupportPlan: {
    query: `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`,
    call: async (w) => ({
      vars: { input: { personId: (await consentedPerson(w)).id, planVersion: "NEW", goals: ["週1回外出する"] } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { personId: (await hiddenPerson(w)).id, planVersion: "NEW", goals: ["週1回外出する"] } },
      }),
    },
  },
  updateSupportPlan: {
    query: `mutation($input: UpdateSupportPlanInput!) { updateSupportPlan(input: $input) { supportPlan { id goals } } }`,
    call: async (w) => ({
      vars: { input: { id: (await supportPlanOf(w, await consentedPerson(w))).id, goals: ["月2回サロンに行く"] } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { id: (await supportPlanOf(w, await hiddenPerson(w))).id, goals: ["x"] } },
      }),
    },
  },
  createSupportMeetingGroup: {
    query: `mutation($input: CreateSupportMeetingGroupInput!) { createSupportMeetingGroup(input: $input) { id } }`,
    call: async (w) => ({ vars: { input: { name: `支援会議 ${unique()}`, memberIds: [w.users.COORDINATOR.id] } } }),
  },
  updateSupportMeetingGroup: {
    query: `mutation($input: UpdateSupportMeetingGroupInput!) { updateSupportMeetingGroup(input: $input) { supportMeetingGroup { id members { id } } } }`,
    call: async (w) => ({
      vars: {
        input: {
          id: (await w.f.supportMeetingGroup([w.users.ADMIN.id])).id,
          name: `支援会議 ${unique()}`,
          memberIds: [w.users.COORDINATOR.id],
        },
      },
    }),
  },
  archiveSupportMeetingGroup: {
    query: `mutation($id: ID!) { archiveSupportMeetingGroup(id: $id) { supportMeetingGroup { id archivedAt } } }`,
    call: async (w) => ({ vars: { id: (await w.f.supportMeetingGroup([w.users.COORDINATOR.id])).id } }),
  },
  restoreSupportMeetingGroup: {
    query: `mutation($id: ID!) { restoreSupportMeetingGroup(id: $id) { supportMeetingGroup { id archivedAt } } }`,
    call: async (w) => ({
      vars: { id: (await w.f.supportMeetingGroup([w.users.COORDINATOR.id], undefined, { archived: true })).id },
    }),
  },

  // ── マッチング・紹介・フォローアップ・資源の不足 ───────────────────────────────────────────────────────────────
  match: {
    query: `query($id: ID!) { match(id: $id) { id stage person { id } } }`,
    call: async (w) => ({
      vars: { id: (await matchOf(w, await consentedPerson(w), w.hostOrg.id, MatchStage.CANDIDATE)).id },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { id: (await matchOf(w, await hiddenPerson(w), w.hostOrg.id, MatchStage.CANDIDATE)).id },
      }),
    },
  },
  matches: {
    // Filtered by person, so that only visibility (not paging) decides whether the match is listed.
    query: `query($personId: ID) { matches(first: 100, personId: $personId) { totalCount edges { node { id person { id } } } } }`,
    call: async (w) => {
      const person = await consentedPerson(w);
      const { id } = await matchOf(w, person, w.hostOrg.id, MatchStage.CANDIDATE);
      return { vars: { personId: person.id }, check: (data) => expect(JSON.stringify(data)).toContain(id) };
    },
    outOfScope: {
      見える本人: async (w) => {
        const person = await hiddenPerson(w);
        return {
          vars: { personId: person.id },
          hiddenId: (await matchOf(w, person, w.hostOrg.id, MatchStage.CANDIDATE)).id,
        };
      },
    },
  },
  suggestResources: {
    query: `query($personId: ID!) { suggestResources(personId: $personId, first: 3) { totalCandidates } }`,
    call: async (w) => ({ vars: { personId: (await consentedPerson(w)).id } }),
    outOfScope: { 見える本人: async (w) => ({ vars: { personId: (await hiddenPerson(w)).id } }) },
  },
  myFollowUpsDue: {
    query: `{ myFollowUpsDue(withinDays: 7) { due { id } match { id } } }`,
    call: async (w, role) => {
      const coordinatorId = userOf(w, role)?.id ?? w.users.COORDINATOR.id;
      const match = await matchOf(
        w,
        await consentedPerson(w),
        w.hostOrg.id,
        MatchStage.ACTIVE_FOLLOW_UP,
        coordinatorId,
      );
      const due = await w.f.followUpDue(match);
      return {
        check: (data) => expect(data.myFollowUpsDue.map((d: { due: { id: string } }) => d.due.id)).toContain(due.id),
      };
    },
    outOfScope: {
      自分: async (w) => {
        const other = await w.f.user({ role: UserRole.COORDINATOR });
        return {
          hiddenId: (
            await w.f.followUpDue(
              await matchOf(w, await consentedPerson(w), w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP, other.id),
            )
          ).id,
        };
      },
    },
  },
  myReferrals: {
    query: `{ myReferrals { id sharedFacts ${REFERRAL_PERSON} } }`,
    call: async (w) => {
      const { id } = await referralTo(w, w.hostOrg.id, MatchStage.HOST_COORDINATION, SHARED);
      return {
        check: (data) => {
          const mine = data.myReferrals.find((r: { id: string }) => r.id === id);
          expect(mine, "the referral sent to the host is listed").toBeDefined();
          onlyShared(mine.person);
        },
      };
    },
    outOfScope: { 自団体宛て: async (w) => ({ hiddenId: (await referralTo(w, w.otherOrg.id)).id }) },
  },
  referral: {
    query: `query($id: ID!) { referral(id: $id) { id sharedFacts ${REFERRAL_PERSON} } }`,
    call: async (w) => ({
      vars: { id: (await referralTo(w, w.hostOrg.id, MatchStage.HOST_COORDINATION, SHARED)).id },
      check: (data) => onlyShared(data.referral.person),
    }),
    outOfScope: { 自団体宛て: async (w) => ({ vars: { id: (await referralTo(w, w.otherOrg.id)).id } }) },
  },
  createMatch: {
    query: `mutation($input: CreateMatchInput!) { createMatch(input: $input) { match { id stage } } }`,
    call: async (w) => ({
      vars: { input: { personId: (await consentedPerson(w)).id, resourceId: (await freshResource(w)).id } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { personId: (await hiddenPerson(w)).id, resourceId: (await freshResource(w)).id } },
      }),
    },
  },
  transitionMatch: {
    query: `mutation($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { id stage } } }`,
    call: async (w) => {
      const m = await matchOf(w, await consentedPerson(w), w.hostOrg.id, MatchStage.CANDIDATE);
      return { vars: { input: { matchId: m.id, to: "HOST_COORDINATION", expectedVersion: m.version } } };
    },
    outOfScope: {
      見える本人: async (w) => {
        const m = await matchOf(w, await hiddenPerson(w), w.hostOrg.id, MatchStage.CANDIDATE);
        return { vars: { input: { matchId: m.id, to: "NOT_A_FIT", reason: "x", expectedVersion: m.version } } };
      },
    },
  },
  respondToReferral: {
    query: `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { id hostResponse ${REFERRAL_PERSON} } }`,
    call: async (w) => ({
      vars: {
        input: {
          matchId: (await referralTo(w, w.hostOrg.id, MatchStage.HOST_COORDINATION, SHARED)).id,
          response: "ACCEPTED",
        },
      },
      check: (data) => onlyShared(data.respondToReferral.person),
    }),
    outOfScope: {
      自団体宛て: async (w) => ({
        vars: { input: { matchId: (await referralTo(w, w.otherOrg.id)).id, response: "ACCEPTED" } },
      }),
    },
  },
  recordAttendance: {
    query: `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id attended } }`,
    call: async (w) => ({
      vars: {
        input: {
          matchId: (await referralTo(w, w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP)).id,
          sessionOn: today(),
          attended: true,
        },
      },
    }),
    outOfScope: {
      自団体宛て: async (w) => ({
        vars: {
          input: {
            matchId: (await referralTo(w, w.otherOrg.id, MatchStage.ACTIVE_FOLLOW_UP)).id,
            sessionOn: today(),
            attended: true,
          },
        },
      }),
      見える本人: async (w) => ({
        vars: {
          input: {
            matchId: (await matchOf(w, await hiddenPerson(w), w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP)).id,
            sessionOn: today(),
            attended: true,
          },
        },
      }),
    },
  },
  recordFollowUp: {
    query: `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { followUp { id } } }`,
    call: async (w) => ({
      vars: {
        input: followUpInput(
          (await matchOf(w, await consentedPerson(w), w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP)).id,
        ),
      },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: {
          input: followUpInput((await matchOf(w, await hiddenPerson(w), w.hostOrg.id, MatchStage.ACTIVE_FOLLOW_UP)).id),
        },
      }),
    },
  },
  resourceGaps: { query: `{ resourceGaps { id need } }`, call: async () => ({}) },
  searchMisses: { query: `{ searchMisses { query times } }`, call: async () => ({}) },
  raiseResourceGap: {
    query: `mutation($input: RaiseResourceGapInput!) { raiseResourceGap(input: $input) { resourceGap { id } } }`,
    call: async (w) => ({
      vars: { input: { need: "平日夜に若者が集まれる場", personId: (await consentedPerson(w)).id } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { need: "平日夜に若者が集まれる場", personId: (await hiddenPerson(w)).id } },
      }),
    },
  },
  setResourceGapStatus: {
    query: `mutation($input: SetResourceGapStatusInput!) { setResourceGapStatus(input: $input) { resourceGap { id status } } }`,
    call: async (w) => {
      const repo = w.t.db.getRepository(ResourceGap);
      const gap = await repo.save(
        repo.create({
          need: "送迎のある通いの場",
          targetGroups: [],
          areaId: null,
          personId: null,
          searchText: null,
          status: ResourceGapStatus.IDENTIFIED,
          statusNote: "",
          resolvedResourceId: null,
          raisedById: w.users.COORDINATOR.id,
        }),
      );
      return { vars: { input: { id: gap.id, status: "DISCUSSING" } } };
    },
  },

  // ── 実施状況の記録 ──────────────────────────────────────────────────────────────────────────────────────────
  consultationIntakes: {
    query: `query($fiscalYear: Int) { consultationIntakes(fiscalYear: $fiscalYear, first: 5) { totalCount edges { node { id ageBand } } } }`,
    call: async () => ({ vars: { fiscalYear: 2026 } }),
  },
  createConsultationIntake: {
    query: `mutation($input: CreateConsultationIntakeInput!) { createConsultationIntake(input: $input) { consultationIntake { id } } }`,
    call: async () => ({ vars: { input: intakeInput() } }),
  },
  updateConsultationIntake: {
    query: `mutation($input: UpdateConsultationIntakeInput!) { updateConsultationIntake(input: $input) { consultationIntake { id outcome } } }`,
    call: async (w) => {
      const intake = await intakeRow(w, "PENDING");
      return { vars: { input: { ...intakeInput(), outcome: "CLOSED", id: intake.id, expectedVersion: 1 } } };
    },
  },
  linkIntakeToPerson: {
    query: `mutation($input: LinkIntakeToPersonInput!) { linkIntakeToPerson(input: $input) { consultationIntake { id person { id } } } }`,
    call: async (w) => ({
      vars: { input: { id: (await intakeRow(w, "CONSENTED")).id, personId: (await consentedPerson(w)).id } },
    }),
    outOfScope: {
      見える本人: async (w) => ({
        vars: { input: { id: (await intakeRow(w, "CONSENTED")).id, personId: (await hiddenPerson(w)).id } },
      }),
    },
  },
  cooperationRequests: {
    query: `query($fiscalYear: Int) { cooperationRequests(fiscalYear: $fiscalYear, first: 100) { totalCount edges { node { id person { id } } } } }`,
    call: async (w) => {
      const request = await cooperationRow(w, (await consentedPerson(w)).id);
      return {
        vars: { fiscalYear: 2026 },
        check: (data) =>
          expect(data.cooperationRequests.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(request.id),
      };
    },
    outOfScope: {
      見える本人: async (w) => ({
        vars: { fiscalYear: 2026 },
        hiddenId: (await cooperationRow(w, (await hiddenPerson(w)).id)).id,
      }),
    },
  },
  createCooperationRequest: {
    query: `mutation($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { cooperationRequest { id } } }`,
    call: async (w) => ({ vars: { input: cooperationInput(w, (await consentedPerson(w)).id) } }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: cooperationInput(w, (await hiddenPerson(w)).id) } }),
    },
  },
  updateCooperationRequest: {
    query: `mutation($input: UpdateCooperationRequestInput!) { updateCooperationRequest(input: $input) { cooperationRequest { id answer } } }`,
    call: async (w) => {
      const personId = (await consentedPerson(w)).id;
      const request = await cooperationRow(w, personId);
      return {
        vars: {
          input: {
            ...cooperationInput(w, personId),
            answer: "ACCEPTED",
            answeredOn: "2026-06-02",
            id: request.id,
            expectedVersion: 1,
          },
        },
      };
    },
    outOfScope: {
      見える本人: async (w) => {
        const personId = (await hiddenPerson(w)).id;
        const request = await cooperationRow(w, personId);
        return { vars: { input: { ...cooperationInput(w, null), id: request.id, expectedVersion: 1 } } };
      },
    },
  },
  hostSupports: {
    query: `query($fiscalYear: Int) { hostSupports(fiscalYear: $fiscalYear, first: 5) { totalCount edges { node { id } } } }`,
    call: async () => ({ vars: { fiscalYear: 2026 } }),
  },
  createHostSupport: {
    query: `mutation($input: CreateHostSupportInput!) { createHostSupport(input: $input) { hostSupport { id } } }`,
    call: async (w) => ({ vars: { input: hostSupportInput(w) } }),
  },
  updateHostSupport: {
    query: `mutation($input: UpdateHostSupportInput!) { updateHostSupport(input: $input) { hostSupport { id kind } } }`,
    call: async (w) => {
      const [row] = await w.t.db.query(
        `INSERT INTO host_support (organization_id, given_on, kind, method, recorded_by_id) VALUES ($1, '2026-06-01', 'VISIT', 'VISIT', $2) RETURNING id`,
        [w.hostOrg.id, w.users.COORDINATOR.id],
      );
      return { vars: { input: { ...hostSupportInput(w), kind: "ADVICE", id: row.id, expectedVersion: 1 } } };
    },
  },

  meetingRecords: {
    query: `query($fiscalYear: Int) { meetingRecords(fiscalYear: $fiscalYear, first: 100) { totalCount edges { node { id restricted title personCount } } } }`,
    call: async (w) => {
      const id = await meetingRow(w, "NETWORK", null, [(await consentedPerson(w)).id]);
      return {
        vars: { fiscalYear: 2026 },
        check: (data) =>
          expect(data.meetingRecords.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id),
      };
    },
  },
  createMeetingRecord: {
    query: `mutation($input: CreateMeetingRecordInput!) { createMeetingRecord(input: $input) { meetingRecord { id personCount } } }`,
    call: async (w) => ({ vars: { input: meetingInput([(await consentedPerson(w)).id]) } }),
    outOfScope: {
      見える本人: async (w) => ({ vars: { input: meetingInput([(await hiddenPerson(w)).id]) } }),
    },
  },
  updateMeetingRecord: {
    query: `mutation($input: UpdateMeetingRecordInput!) { updateMeetingRecord(input: $input) { meetingRecord { id title } } }`,
    call: async (w) => {
      const id = await meetingRow(w, "NETWORK", null, []);
      return { vars: { input: { ...meetingInput([(await consentedPerson(w)).id]), id, expectedVersion: 1 } } };
    },
    outOfScope: {
      見える本人: async (w) => {
        const id = await meetingRow(w, "NETWORK", null, []);
        return { vars: { input: { ...meetingInput([(await hiddenPerson(w)).id]), id, expectedVersion: 1 } } };
      },
    },
  },

  // ── 設定・集計・ログイン ─────────────────────────────────────────────────────────────────────────────────────
  me: { query: `{ me { id role } }`, call: async () => ({}) },
  signInOptions: { query: `{ signInOptions { oidcEnabled staySignedInHours } }`, call: async () => ({}) },
  login: {
    query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
    call: async (w) => ({
      vars: { input: { email: (await w.f.user({ role: UserRole.VIEWER })).email, password: TEST_PASSWORD } },
    }),
  },
  logout: { query: `mutation { logout }`, call: async () => ({}) },
  logoutEverywhere: { query: `mutation { logoutEverywhere }`, call: async () => ({}) },
  changePassword: {
    // Each role's user changes its password once in the run; cells sign in by session, never by password.
    query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`,
    call: async () => ({
      vars: { input: { currentPassword: TEST_PASSWORD, newPassword: `kawaru-aikotoba-${unique()}-2026` } },
    }),
  },
  createUser: {
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id role } } }`,
    call: async () => ({
      vars: {
        input: {
          email: `staff-${unique()}@example.jp`,
          displayName: "新しい職員",
          role: "VIEWER",
          password: `atarashii-shokuin-${unique()}-26`,
        },
      },
    }),
  },
  users: { query: `{ users(first: 5) { totalCount } }`, call: async () => ({}) },
  beginTwoFactorEnrolment: {
    // A pending key only: the cell's user signs in (by session) as before.
    query: `mutation { beginTwoFactorEnrolment { otpauthUri } }`,
    call: async (w, role) => {
      // Whatever an earlier cell left (an enrolled user would get CONFLICT).
      if (role !== "ANONYMOUS") await w.t.app.services.auth.twoFactor.reset(w.users[role].id);
      return {};
    },
  },
  confirmTwoFactorEnrolment: {
    // The code of a key started for this role's user just before (an earlier cell may have enrolled it: reset first).
    query: `mutation($input: TwoFactorCodeInput!) { confirmTwoFactorEnrolment(input: $input) { user { twoFactorEnabled } } }`,
    call: async (w, role) => ({
      vars: { input: { code: role === "ANONYMOUS" ? "000000" : await pendingCode(w, role) } },
    }),
  },
  disableTwoFactor: {
    query: `mutation($input: TwoFactorCodeInput!) { disableTwoFactor(input: $input) { user { twoFactorEnabled } } }`,
    call: async (w, role) => ({
      vars: { input: { code: role === "ANONYMOUS" ? "000000" : await enrolledCode(w, role) } },
    }),
  },
  resetTwoFactor: {
    query: `mutation($input: UserIdInput!) { resetTwoFactor(input: $input) { user { id } } }`,
    call: async (w) => ({ vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id } } }),
  },
  deactivateUser: {
    query: `mutation($input: UserIdInput!) { deactivateUser(input: $input) { user { id active } } }`,
    call: async (w) => ({ vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id } } }),
  },
  reactivateUser: {
    query: `mutation($input: UserIdInput!) { reactivateUser(input: $input) { user { id active } } }`,
    call: async (w) => ({ vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id } } }),
  },
  changeUserRole: {
    query: `mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id role } } }`,
    call: async (w) => ({
      vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id, role: "COORDINATOR" } },
    }),
  },
  issueTemporaryPassword: {
    query: `mutation($input: UserIdInput!) { issueTemporaryPassword(input: $input) { user { id } } }`,
    call: async (w) => ({ vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id } } }),
  },
  signOutUser: {
    query: `mutation($input: UserIdInput!) { signOutUser(input: $input) { sessionsEnded } }`,
    call: async (w) => ({ vars: { input: { userId: (await w.f.user({ role: UserRole.VIEWER })).id } } }),
  },
  auditLog: { query: `{ auditLog(first: 5) { totalCount } }`, call: async () => ({}) },
  auditChainStatus: { query: `{ auditChainStatus { intact checkedCount } }`, call: async () => ({}) },
  municipalSettings: {
    query: `{ municipalSettings { followUpMonths requireSupportPlanForMatch } }`,
    call: async () => ({}),
  },
  updateMunicipalSettings: {
    // The value every other cell relies on (no plan needed for a match), written again: the cell changes nothing.
    query: `mutation($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { requireSupportPlanForMatch } }`,
    call: async () => ({ vars: { input: { requireSupportPlanForMatch: false } } }),
  },
  outcomeSummary: {
    query: `{ outcomeSummary(fiscalYear: 2026) { matchingCount startedCount } }`,
    call: async () => ({}),
  },
  evaluationReport: {
    query: `{ evaluationReport(fiscalYear: 2026) { fiscalYear funnel { intakes } } }`,
    call: async () => ({}),
  },
  indicatorTargets: { query: `{ indicatorTargets(fiscalYear: 2026) { indicatorId value } }`, call: async () => ({}) },
  indicatorValueHistory: {
    query: `{ indicatorValueHistory(indicatorId: "matchings", fiscalYear: 2026) { value changedAt } }`,
    call: async () => ({}),
  },
  setIndicatorTargets: {
    query: `mutation($input: SetIndicatorValuesInput!) { setIndicatorTargets(input: $input) { targets { id } } }`,
    // A year of its own per call: each allowed cell sets a first target (a write), never repeats one.
    call: async () => ({
      vars: { input: { fiscalYear: 2000 + nextNumber(), values: [{ indicatorId: "matchings", value: 12 }] } },
    }),
  },
  carryTargetsForward: {
    query: `mutation($input: CarryTargetsForwardInput!) { carryTargetsForward(input: $input) { targets { id } } }`,
    call: async () => ({ vars: { input: { fromYear: 2026, toYear: 2027 } } }),
  },
  setIndicatorEnteredValues: {
    query: `mutation($input: SetIndicatorValuesInput!) { setIndicatorEnteredValues(input: $input) { values { id } } }`,
    call: async () => ({
      vars: {
        input: { fiscalYear: 2026, values: [{ indicatorId: "kaigo-yobo-leader-trainees", value: nextNumber() }] },
      },
    }),
  },
  setReportNarrative: {
    query: `mutation($input: SetReportNarrativeInput!) { setReportNarrative(input: $input) { narrative { id } } }`,
    call: async () => ({
      vars: {
        input: { fiscalYear: 2026, jigyo: 2, achievementEvaluation: `評価 ${unique()}`, issuesAndDirection: "" },
      },
    }),
  },
};

function consentInput(personId: string) {
  return { personId, purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME", "NEEDS"], method: "VERBAL", givenOn: today() };
}

function followUpInput(matchId: string) {
  return { matchId, contactedOn: today(), method: "VISIT", counterparts: ["PERSON"], changeObserved: false };
}

// 2026-06-01 is in the past for every run of these tests (they were written in 2026年度).
function intakeInput() {
  return { receivedOn: "2026-06-01", route: "PHONE", field: "ALL", outcome: "INFO_ONLY" };
}

async function intakeRow(w: World, outcome: string): Promise<{ id: string }> {
  const [row] = await w.t.db.query(
    `INSERT INTO consultation_intake (received_on, route, field, outcome, recorded_by_id) VALUES ('2026-06-01', 'PHONE', 'ALL', $1, $2) RETURNING id`,
    [outcome, w.users.COORDINATOR.id],
  );
  return row;
}

function cooperationInput(w: World, personId: string | null) {
  return { organizationId: w.hostOrg.id, requestedOn: "2026-06-01", kind: "ACCEPT_PERSON", personId };
}

async function cooperationRow(w: World, personId: string | null): Promise<{ id: string }> {
  const [row] = await w.t.db.query(
    `INSERT INTO cooperation_request (organization_id, requested_on, kind, person_id, recorded_by_id) VALUES ($1, '2026-06-01', 'ACCEPT_PERSON', $2, $3) RETURNING id`,
    [w.hostOrg.id, personId, w.users.COORDINATOR.id],
  );
  return row;
}

function hostSupportInput(w: World) {
  return { organizationId: w.hostOrg.id, givenOn: "2026-06-01", kind: "VISIT", method: "VISIT" };
}

function meetingInput(personIds: string[]) {
  return { heldOn: "2026-06-01", kind: "NETWORK", title: "協議体", personIds };
}

async function meetingRow(w: World, kind: string, groupId: string | null, personIds: string[]): Promise<string> {
  const [row] = await w.t.db.query(
    `INSERT INTO meeting_record (held_on, kind, title, support_meeting_group_id, recorded_by_id) VALUES ('2026-06-01', $1, '協議体', $2, $3) RETURNING id`,
    [kind, groupId, w.users.COORDINATOR.id],
  );
  for (const personId of personIds)
    await w.t.db.query("INSERT INTO meeting_record_person (meeting_record_id, person_id) VALUES ($1, $2)", [
      row.id,
      personId,
    ]);
  return row.id;
}
