import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@tsunagu/calendar";
import { UserRole } from "../core/roles.js";
import { MatchStage } from "../matching/match.enums.js";
import { PersonTrack } from "../people/person.enums.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";

/*
 * `viewerCan` on every type that mutations act on, answered by the features' policies: the client shows the actions
 * these allow and never re-implements a rule. The policies themselves are unit-tested; this checks the wiring.
 */
let t: TestApp;
let admin: Gql;
let coordinator: Gql;
let staffViewer: Gql;
let host: Gql;
let otherHost: Gql;
let hostOrgId: string;
let coordinatorId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  const coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinatorId = coordinatorUser.id;
  coordinator = await t.asViewer(coordinatorUser);
  staffViewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
  hostOrgId = (await t.factories.organization()).id;
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: hostOrgId }));
  const otherOrgId = (await t.factories.organization()).id;
  otherHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: otherOrgId }));
});
afterAll(() => t.close());

describe("viewerCan answers from the policies", () => {
  it("Area: administrators update and delete; a coordinator and an anonymous reader may not", async () => {
    const area = await t.factories.area();
    const q = `query($id: ID!) { area(id: $id) { viewerCan { update delete } } }`;
    expect((await admin(q, { id: area.id })).data!.area.viewerCan).toEqual({ update: true, delete: true });
    expect((await coordinator(q, { id: area.id })).data!.area.viewerCan).toEqual({ update: false, delete: false });
    expect((await t.anonymous(q, { id: area.id })).data!.area.viewerCan).toEqual({ update: false, delete: false });
  });

  it("Resource: its host and staff delete it; another host and anonymous readers do not", async () => {
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const q = `query($id: ID!) { resource(id: $id) { viewerCan { update delete } } }`;
    for (const [gql, can] of [
      [host, true],
      [coordinator, true],
      [otherHost, false],
      [t.anonymous, false],
    ] as const) {
      expect((await gql(q, { id: resource.id })).data!.resource.viewerCan).toEqual({ update: can, delete: can });
    }
  });

  it("MunicipalSettings: administrators update; coordinators read but may not", async () => {
    const q = `{ municipalSettings { viewerCan { update } } }`;
    expect((await admin(q)).data!.municipalSettings.viewerCan.update).toBe(true);
    expect((await coordinator(q)).data!.municipalSettings.viewerCan.update).toBe(false);
  });

  it("ResourceGap: caseworkers move a gap along; a staff viewer reads it but may not", async () => {
    const raised = await coordinator(
      `mutation($input: RaiseResourceGapInput!) { raiseResourceGap(input: $input) { resourceGap { id viewerCan { setStatus } } } }`,
      { input: { need: "夜間の居場所" } },
    );
    expect(raised.data!.raiseResourceGap.resourceGap.viewerCan.setStatus).toBe(true);
    const id = raised.data!.raiseResourceGap.resourceGap.id;
    const listed = (await staffViewer(`{ resourceGaps { id viewerCan { setStatus } } }`)).data!.resourceGaps;
    expect(listed.find((g: { id: string }) => g.id === id).viewerCan.setStatus).toBe(false);
  });

  it("Person, Consent, SupportPlan: the caseworker who reads the person updates them; a withdrawn consent cannot be withdrawn again", async () => {
    const person = await t.factories.person({ coordinatorId });
    const withdrawn = await t.factories.consent(person.id, { withdrawnAt: new Date(), withdrawnById: coordinatorId });
    await coordinator(
      `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`,
      { input: { personId: person.id, planVersion: "NEW", goals: ["週1回外出する"] } },
    );
    const res = await coordinator(
      `query($id: ID!) { person(id: $id) { viewerCan { update } consents { id viewerCan { withdraw } } supportPlans { viewerCan { update } } } }`,
      { id: person.id },
    );
    const p = res.data!.person;
    expect(p.viewerCan.update).toBe(true);
    const withdrawOf = (id: string) => p.consents.find((c: { id: string }) => c.id === id).viewerCan.withdraw;
    expect(withdrawOf(withdrawn.id)).toBe(false);
    expect(p.consents.filter((c: { viewerCan: { withdraw: boolean } }) => c.viewerCan.withdraw)).toHaveLength(1);
    expect(p.supportPlans.map((s: { viewerCan: { update: boolean } }) => s.viewerCan.update)).toEqual([true]);
  });

  it("Person on the 支援会議 track: a member updates it (the membership is asked of the policy)", async () => {
    const group = await t.factories.supportMeetingGroup([coordinatorId]);
    const person = await t.factories.person({
      coordinatorId,
      track: PersonTrack.SUPPORT_MEETING,
      supportMeetingGroupId: group.id,
      withConsent: false,
    });
    const res = await coordinator(`query($id: ID!) { person(id: $id) { track viewerCan { update } } }`, {
      id: person.id,
    });
    expect(res.data!.person).toEqual({ track: "SUPPORT_MEETING", viewerCan: { update: true } });
  });

  it("Match and Referral: caseworkers move and follow up a match; only the host it was sent to answers the referral", async () => {
    const person = await t.factories.person({ coordinatorId });
    await t.factories.consent(person.id, { organizationId: hostOrgId });
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const match = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      coordinatorId,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    const m = await coordinator(
      `query($id: ID!) { match(id: $id) { viewerCan { transition recordFollowUp recordAttendance } } }`,
      { id: match.id },
    );
    expect(m.data!.match.viewerCan).toEqual({ transition: true, recordFollowUp: true, recordAttendance: true });
    const r = await host(`query($id: ID!) { referral(id: $id) { viewerCan { respond recordAttendance } } }`, {
      id: match.id,
    });
    expect(r.data!.referral.viewerCan).toEqual({ respond: true, recordAttendance: true });
  });
});
