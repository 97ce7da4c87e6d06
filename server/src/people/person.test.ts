import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../auth/user.entity.js";
import { addDays, today } from "../core/calendar.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { Consent } from "./consent.entity.js";
import { Person } from "./person.entity.js";

let t: TestApp;
let coordinator: Gql;

const CREATE = /* GraphQL */ `
  mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id displayName nameKana track homeLat homeLng ageBand coordinator { id } consents { purpose state } } } }`;
const consent = { purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME"], method: "VERBAL", givenOn: today() };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const counts = async () => ({ persons: await t.db.getRepository(Person).count(), consents: await t.db.getRepository(Consent).count() });

describe("persons", () => {
  it("registers a person with their consent; the home point is rounded to ~100 m", async () => {
    const res = await coordinator(CREATE, { input: { displayName: "山田 花子", nameKana: "ヤマダ ハナコ", homeLat: 35.7312345, homeLng: 139.2998765, ageBand: "AGE_75_PLUS", consent } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPerson.person).toMatchObject({ track: "CONSENTED", homeLat: 35.731, homeLng: 139.3, ageBand: "AGE_75_PLUS", consents: [{ purpose: "HOST_REFERRAL", state: "ACTIVE" }] });
    expect(res.data!.createPerson.person.coordinator).not.toBeNull();
  });

  it("refuses bad input with per-field messages and writes nothing", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: "A" }, "input.consent"],
      [{ displayName: "", consent }, "input.displayName"],
      [{ displayName: "A", consent: { ...consent, givenOn: addDays(today(), 3) } }, "input.consent.givenOn"],
      [{ displayName: "A", consent: { ...consent, givenOn: "2026-02-30" } }, "input.consent.givenOn"],
      [{ displayName: "A", consent: { ...consent, expiresOn: "2020-01-01" } }, "input.consent.expiresOn"],
      [{ displayName: "A", consent: { ...consent, purpose: "SUPPORT_PLAN", organizationId: (await t.factories.organization()).id } }, "input.consent.organizationId"],
      [{ displayName: "A", consent, birthYear: 1800 }, "input.birthYear"],
      [{ displayName: "A", consent, homeLat: 35.7 }, "input.homeLat"],
      [{ displayName: "A", consent, areaId: "00000000-0000-4000-8000-000000000000" }, "input.areaId"],
      [{ displayName: "A", consent, needs: { maxTravelMeters: 5 } }, "input.needs.maxTravelMeters"],
      [{ displayName: "A", consent, nameKana: "山田" }, "input.nameKana"],
      [{ displayName: "A", consent, registeredOn: addDays(today(), 1) }, "input.registeredOn"],
      [{ displayName: "A", consent, coordinatorId: (await t.factories.user({ role: UserRole.HOST })).id }, "input.coordinatorId"],
    ];
    for (const [input, field] of cases) {
      const res = await coordinator(CREATE, { input });
      expect(codesOf(res), field).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(input)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("a 支援会議 person is seen only by the meeting's members; registering into a meeting needs membership", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    expect(fieldsOf(await coordinator(CREATE, { input: { displayName: "C", supportMeetingGroupId: group.id } }))).toEqual(["input.supportMeetingGroupId"]);
    const asMember = await t.asViewer(member);
    const res = await asMember(CREATE, { input: { displayName: "Cさん", supportMeetingGroupId: group.id } });
    const id = res.data!.createPerson.person.id;
    expect(res.data!.createPerson.person.track).toBe("SUPPORT_MEETING");
    expect((await asMember(`query($id: ID!) { person(id: $id) { id } }`, { id })).data!.person.id).toBe(id);
    expect(codesOf(await coordinator(`query($id: ID!) { person(id: $id) { id } }`, { id }))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await coordinator(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }`, { input: { id, displayName: "x" } }))).toEqual(["NOT_FOUND"]);
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    expect(codesOf(await admin(`query($id: ID!) { person(id: $id) { id } }`, { id }))).toEqual(["NOT_FOUND"]);
    const names = (await asMember(`{ persons(first: 100) { edges { node { id } } } }`)).data!.persons.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(names).toContain(id);
  });

  it("hosts, viewers and anonymous callers never read a person", async () => {
    const person = await t.factories.person();
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }))).toEqual(["FORBIDDEN"]);
      expect(codesOf(await gql(`{ persons { totalCount } }`))).toEqual(["FORBIDDEN"]);
    }
    expect(codesOf(await t.anonymous(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("updates with optimistic locking; a stale version is a CONFLICT", async () => {
    const person = await t.factories.person();
    const update = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version needs { weekdays wishes } participationLevel } } }`;
    const ok = await coordinator(update, { input: { id: person.id, expectedVersion: person.version, needs: { weekdays: ["MON"], wishes: "話し相手がほしい" }, participationLevel: "GOES_OUT" } });
    expect(ok.data!.updatePerson.person).toEqual({ version: person.version + 1, needs: { weekdays: ["MON"], wishes: "話し相手がほしい" }, participationLevel: "GOES_OUT" });
    expect(codesOf(await coordinator(update, { input: { id: person.id, expectedVersion: person.version, displayName: "x" } }))).toEqual(["CONFLICT"]);
  });
});

describe("support plans and resource gaps", () => {
  it("an agreed plan needs its agreement date", async () => {
    const person = await t.factories.person();
    const create = `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id status version } } }`;
    expect(fieldsOf(await coordinator(create, { input: { personId: person.id, planVersion: "NEW", goals: ["外出"], status: "AGREED" } }))).toEqual(["input.agreedOn"]);
    const draft = await coordinator(create, { input: { personId: person.id, planVersion: "REPLAN", goals: ["外出"] } });
    expect(draft.data!.createSupportPlan.supportPlan.status).toBe("DRAFT");
    const agreed = await coordinator(`mutation($input: UpdateSupportPlanInput!) { updateSupportPlan(input: $input) { supportPlan { status } } }`,
      { input: { id: draft.data!.createSupportPlan.supportPlan.id, status: "AGREED", agreedOn: today() } });
    expect(agreed.data!.updateSupportPlan.supportPlan.status).toBe("AGREED");
  });

  it("raises a gap from an empty search and walks it to 解決 with the new resource", async () => {
    const raise = await coordinator(`mutation($input: RaiseResourceGapInput!) { raiseResourceGap(input: $input) { resourceGap { id status nextStatuses } } }`,
      { input: { need: "平日夜に若者が集まれる場", targetGroups: ["YOUTH", "HIKIKOMORI"], searchText: "夜 居場所 若者" } });
    const gap = raise.data!.raiseResourceGap.resourceGap;
    expect(gap).toMatchObject({ status: "IDENTIFIED", nextStatuses: ["DISCUSSING", "DEFERRED"] });
    const set = `mutation($input: SetResourceGapStatusInput!) { setResourceGapStatus(input: $input) { resourceGap { status statusNote resolvedResource { id } } } }`;
    expect(fieldsOf(await coordinator(set, { input: { id: gap.id, status: "RESOLVED" } }))).toEqual(["input.status"]);
    await coordinator(set, { input: { id: gap.id, status: "DISCUSSING", note: "第2層協議体で協議" } });
    expect(fieldsOf(await coordinator(set, { input: { id: gap.id, status: "RESOLVED" } }))).toEqual(["input.resolvedResourceId"]);
    const resource = await t.factories.resource();
    const done = await coordinator(set, { input: { id: gap.id, status: "RESOLVED", resolvedResourceId: resource.id } });
    expect(done.data!.setResourceGapStatus.resourceGap).toEqual({ status: "RESOLVED", statusNote: "第2層協議体で協議", resolvedResource: { id: resource.id } });
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    expect((await viewer(`{ resourceGaps(statuses: [RESOLVED]) { need } }`)).data!.resourceGaps).toEqual([{ need: "平日夜に若者が集まれる場" }]);
    expect(codesOf(await viewer(`mutation { raiseResourceGap(input: { need: "x" }) { resourceGap { id } } }`))).toEqual(["FORBIDDEN"]);
  });
});
