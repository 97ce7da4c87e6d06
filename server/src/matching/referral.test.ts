import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { Consent } from "../people/consent.entity.js";
import { ConsentFact } from "../people/consent.enums.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { Attendance } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";

let t: TestApp;
let coordinator: Gql;
let host: Gql;
let hostOrgId: string;

const REFERRAL = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      sharedFacts
      consentActive
      person {
        displayName
        ageBand
        area {
          name
        }
        contactPreference
        contactNote
        wantedActivities
        weekdays
        timeBands
        mobility
        groupSize
        accessibility
        wishes
        strengths
        participationLevel
        householdCircumstances
      }
    }
  }
`;

/** Which ReferralPerson fields each fact releases. */
const FIELDS_OF: Record<ConsentFact, string[]> = {
  DISPLAY_NAME: ["displayName"],
  AGE_BAND: ["ageBand"],
  AREA: ["area"],
  CONTACT: ["contactPreference", "contactNote"],
  NEEDS: ["wantedActivities", "weekdays", "timeBands", "mobility", "groupSize", "accessibility"],
  WISHES_AND_STRENGTHS: ["wishes", "strengths"],
  PARTICIPATION_LEVEL: ["participationLevel"],
  HOUSEHOLD_CIRCUMSTANCES: ["householdCircumstances"],
};

async function referredPerson() {
  const area = await t.factories.area();
  const person = await t.factories.person({
    displayName: "Bさん",
    ageBand: "AGE_65_74" as never,
    areaId: area.id,
    contactPreference: "PHONE" as never,
    contactNote: "夕方に電話",
    householdNote: "母と二人暮らし",
    householdIssues: ["EIGHTY_FIFTY" as never],
    householdCircumstances: ["NEEDS_TRANSPORT" as never],
    participationLevel: "GOES_OUT" as never,
    needs: {
      wantedActivities: ["園芸"],
      weekdays: ["WED" as never],
      wishes: "土いじりがしたい",
      strengths: "植物に詳しい",
    },
  });
  const resource = await t.factories.resource({ organizationId: hostOrgId });
  const match = await t.factories.match({
    personId: person.id,
    resourceId: resource.id,
    path: [[MatchStage.HOST_COORDINATION, today()]],
  });
  return { person, match };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  hostOrgId = (await t.factories.organization()).id;
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: hostOrgId }));
});
afterAll(() => t.close());

describe("host referrals", () => {
  it("shows exactly the facts each consent releases, fact by fact", async () => {
    for (const fact of Object.values(ConsentFact)) {
      const { person, match } = await referredPerson();
      await t.factories.consent(person.id, { organizationId: hostOrgId, facts: [fact] });
      const res = await host(REFERRAL, { id: match.id });
      expect(res.errors).toBeUndefined();
      const shown = Object.entries(res.data!.referral.person)
        .filter(([, v]) => v !== null)
        .map(([k]) => k)
        .sort();
      expect(shown, fact).toEqual([...FIELDS_OF[fact]].sort());
      expect(res.data!.referral.sharedFacts).toEqual([fact]);
    }
  });

  it("hides every fact at once when the consent is withdrawn, and after it expires", async () => {
    const { person, match } = await referredPerson();
    const consent = await t.factories.consent(person.id, { organizationId: hostOrgId });
    expect((await host(REFERRAL, { id: match.id })).data!.referral.person.displayName).toBe("Bさん");

    const res = await coordinator(
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { state withdrawalReason } } }`,
      { input: { consentId: consent.id, reason: "本人から電話で撤回の申し出" } },
    );
    expect(res.data!.withdrawConsent.consent).toEqual({
      state: "WITHDRAWN",
      withdrawalReason: "本人から電話で撤回の申し出",
    });
    const after = (await host(REFERRAL, { id: match.id })).data!.referral;
    expect(after.consentActive).toBe(false);
    expect(after.sharedFacts).toEqual([]);
    expect(Object.values(after.person).every((v) => v === null)).toBe(true);
    expect(
      codesOf(
        await coordinator(
          `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { id } } }`,
          { input: { consentId: consent.id, reason: "二度目" } },
        ),
      ),
    ).toEqual(["CONFLICT"]);

    const expiring = await referredPerson();
    const c2 = await t.factories.consent(expiring.person.id, {
      organizationId: hostOrgId,
      givenOn: addDays(today(), -30),
      expiresOn: today(),
    });
    expect((await host(REFERRAL, { id: expiring.match.id })).data!.referral.consentActive).toBe(true);
    await t.db.getRepository(Consent).update(c2.id, { expiresOn: addDays(today(), -1) });
    const expired = (await host(REFERRAL, { id: expiring.match.id })).data!.referral;
    expect(expired.consentActive).toBe(false);
    expect(expired.person.displayName).toBeNull();
  });

  it("a host asking for someone else's referral, or one not yet sent, gets NOT_FOUND", async () => {
    const otherOrgMatch = await t.factories.match({ path: [[MatchStage.HOST_COORDINATION, today()]] });
    expect(codesOf(await host(REFERRAL, { id: otherOrgMatch.id }))).toEqual(["NOT_FOUND"]);
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const candidate = await t.factories.match({ resourceId: resource.id });
    expect(codesOf(await host(REFERRAL, { id: candidate.id }))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await host(REFERRAL, { id: "not-a-uuid" }))).toEqual(["NOT_FOUND"]);
    const mine = (await host(`{ myReferrals { id } }`)).data!.myReferrals.map((r: { id: string }) => r.id);
    expect(mine).not.toContain(otherOrgMatch.id);
    expect(mine).not.toContain(candidate.id);
  });

  it("declining needs a reason and ends the match as 受け入れ先辞退", async () => {
    const { match } = await referredPerson();
    const respond = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { stage hostResponse hostResponseReason canRespond } }`;
    const noReason = await host(respond, { input: { matchId: match.id, response: "DECLINED" } });
    expect(codesOf(noReason)).toEqual(["BAD_USER_INPUT"]);
    // The host's act is お断り on every screen and in every message (受け入れ先辞退 is the coordinator's stage name).
    expect(noReason.errors![0].extensions!.fields).toEqual([
      { field: "input.reason", messages: ["お断りの理由を入力してください"] },
    ]);
    const res = await host(respond, {
      input: { matchId: match.id, response: "DECLINED", reason: "今月は受け入れ枠がありません" },
    });
    expect(res.data!.respondToReferral).toEqual({
      stage: "HOST_DECLINED",
      hostResponse: "DECLINED",
      hostResponseReason: "今月は受け入れ枠がありません",
      canRespond: false,
    });
    const history = await coordinator(`query($id: ID!) { match(id: $id) { history { toStage reason } } }`, {
      id: match.id,
    });
    expect(history.data!.match.history.at(-1)).toEqual({
      toStage: "HOST_DECLINED",
      reason: "今月は受け入れ枠がありません",
    });
  });

  it("records attendance only once participation has begun, one row per day (re-recording overwrites)", async () => {
    const { match } = await referredPerson();
    const record = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { sessionOn attended note } }`;
    expect(codesOf(await host(record, { input: { matchId: match.id, sessionOn: today(), attended: true } }))).toEqual([
      "CONFLICT",
    ]);
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const active = await t.factories.match({
      resourceId: resource.id,
      path: [
        [MatchStage.HOST_COORDINATION, today()],
        [MatchStage.PROPOSED, today()],
        [MatchStage.ACTIVE_FOLLOW_UP, today()],
      ],
    });
    await host(record, { input: { matchId: active.id, sessionOn: today(), attended: false } });
    const res = await host(record, {
      input: { matchId: active.id, sessionOn: today(), attended: true, note: "遅れて参加" },
    });
    expect(res.data!.recordAttendance).toEqual({ sessionOn: today(), attended: true, note: "遅れて参加" });
    expect(await t.db.getRepository(Attendance).countBy({ matchId: active.id })).toBe(1);
    expect(
      codesOf(await host(record, { input: { matchId: active.id, sessionOn: addDays(today(), 1), attended: true } })),
    ).toEqual(["BAD_USER_INPUT"]);
  });
});
