import { today } from "@tsunagu/calendar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { ConsentFact } from "../people/consent.enums.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { MatchStage } from "./match.enums.js";

/**
 * 「この受け入れ先には次の内容が表示されます」: the preview a coordinator sees while ticking a consent's facts is the
 * host's own view (same projection), writes nothing, and is audited as a read; 世帯の状況 never reaches a host.
 */
let t: TestApp;
let coordinatorUser: User;
let coordinator: Gql;
let hostOrgId: string;
let host: Gql;

const PERSON_FIELDS = `displayName ageBand area { id } contactPreference contactNote wantedActivities weekdays timeBands
  mobility groupSize accessibility wishes strengths participationLevel householdCircumstances`;
const PREVIEW = `query($input: ConsentPreviewInput!) { consentPreview(input: $input) { ${PERSON_FIELDS} } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { sharedFacts person { ${PERSON_FIELDS} } } }`;
const MESSY_ROOM = "室内にごみがたまっている";

async function personWithHousehold() {
  const area = await t.factories.area();
  return t.factories.person({
    coordinatorId: coordinatorUser.id,
    displayName: "Dさん",
    ageBand: "AGE_75_PLUS" as never,
    areaId: area.id,
    contactNote: "午前中に電話",
    householdNote: MESSY_ROOM,
    householdIssues: ["EIGHTY_FIFTY" as never],
    householdCircumstances: ["NEEDS_TRANSPORT" as never, "CARING_FOR_FAMILY" as never],
    needs: { wantedActivities: ["手芸"], wishes: "人と話したい" },
  });
}

const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

beforeAll(async () => {
  t = await createTestApp();
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  hostOrgId = (await t.factories.organization()).id;
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: hostOrgId }));
});
afterAll(() => t.close());

describe("consentPreview", () => {
  it("is exactly what the host then sees, for each set of ticked facts", async () => {
    const sets: ConsentFact[][] = [
      [ConsentFact.DISPLAY_NAME, ConsentFact.HOUSEHOLD_CIRCUMSTANCES],
      [ConsentFact.AGE_BAND, ConsentFact.AREA, ConsentFact.NEEDS],
      [ConsentFact.CONTACT, ConsentFact.WISHES_AND_STRENGTHS, ConsentFact.PARTICIPATION_LEVEL],
      Object.values(ConsentFact),
      [],
    ];
    for (const facts of sets) {
      const person = await personWithHousehold();
      const preview = await coordinator(PREVIEW, { input: { personId: person.id, facts } });
      expect(preview.errors).toBeUndefined();

      const resource = await t.factories.resource({ organizationId: hostOrgId });
      const match = await t.factories.match({
        personId: person.id,
        resourceId: resource.id,
        path: [[MatchStage.HOST_COORDINATION, today()]],
      });
      await t.factories.consent(person.id, { organizationId: hostOrgId, facts });
      const seen = await host(REFERRAL, { id: match.id });
      expect(seen.errors).toBeUndefined();
      expect(preview.data!.consentPreview, facts.join(",")).toEqual(seen.data!.referral.person);
    }
  });

  it("shows the structured 世帯の事情 with HOUSEHOLD_CIRCUMSTANCES and never the free-text 世帯の状況", async () => {
    const person = await personWithHousehold();
    const res = await coordinator(PREVIEW, {
      input: { personId: person.id, facts: [ConsentFact.HOUSEHOLD_CIRCUMSTANCES] },
    });
    expect(res.data!.consentPreview).toMatchObject({
      householdCircumstances: ["NEEDS_TRANSPORT", "CARING_FOR_FAMILY"],
      displayName: null,
      contactNote: null,
    });
    // A host cannot even ask for them: they are not fields of the host's view.
    for (const field of ["householdNote", "householdIssues"]) {
      const asked = await coordinator(
        `query($input: ConsentPreviewInput!) { consentPreview(input: $input) { ${field} } }`,
        { input: { personId: person.id, facts: Object.values(ConsentFact) } },
      );
      expect(codesOf(asked)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    }
    // With every fact consented, the host's view holds no trace of the note.
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const match = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    await t.factories.consent(person.id, { organizationId: hostOrgId, facts: Object.values(ConsentFact) });
    const seen = await host(REFERRAL, { id: match.id });
    expect(seen.data!.referral.person.householdCircumstances).toEqual(["NEEDS_TRANSPORT", "CARING_FOR_FAMILY"]);
    expect(JSON.stringify(seen.data)).not.toContain(MESSY_ROOM);
    expect(JSON.stringify(seen.data)).not.toContain("EIGHTY_FIFTY");
  });

  it("writes nothing but its audit row: a READ of the host view under the person", async () => {
    const person = await personWithHousehold();
    const tables = ["consent", "person", "match"];
    const before = await Promise.all(tables.map(count));
    const res = await coordinator(PREVIEW, { input: { personId: person.id, facts: [ConsentFact.DISPLAY_NAME] } });
    expect(res.data!.consentPreview.displayName).toBe("Dさん");
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const rows = await t.db.query(
      "SELECT action, entity_type, record_id, person_id, actor_user_id FROM audit_event WHERE operation = 'consentPreview' AND person_id = $1",
      [person.id],
    );
    expect(rows).toEqual([
      {
        action: "READ",
        entity_type: "ReferralPerson",
        record_id: person.id,
        person_id: person.id,
        actor_user_id: coordinatorUser.id,
      },
    ]);
  });

  it("is for coordinators who see the person: others are refused, bad input is BAD_USER_INPUT", async () => {
    const person = await personWithHousehold();
    const input = { personId: person.id, facts: [ConsentFact.DISPLAY_NAME] };
    expect(codesOf(await host(PREVIEW, { input }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(PREVIEW, { input }))).toEqual(["UNAUTHENTICATED"]);
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    expect(codesOf(await viewer(PREVIEW, { input }))).toEqual(["FORBIDDEN"]);
    // A person of a 支援会議 the coordinator does not sit on: not found, as for `person`.
    const other = await t.factories.user({ role: UserRole.COORDINATOR });
    const meeting = await t.factories.supportMeetingGroup([other.id]);
    const hidden = await t.factories.person({
      coordinatorId: other.id,
      supportMeetingGroupId: meeting.id,
      track: "SUPPORT_MEETING" as never,
      withConsent: false,
    });
    expect(codesOf(await coordinator(PREVIEW, { input: { ...input, personId: hidden.id } }))).toEqual(["NOT_FOUND"]);
    const bad = await coordinator(PREVIEW, { input: { personId: "not-a-uuid", facts: [] } });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(bad)).toEqual(["input.personId"]);
  });
});
