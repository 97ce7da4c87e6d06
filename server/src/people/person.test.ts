import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { Consent } from "./consent.entity.js";
import { Person } from "./person.entity.js";
import { SupportPlan } from "./support-plan.entity.js";

let t: TestApp;
let coordinator: Gql;

const CREATE = /* GraphQL */ `
  mutation ($input: CreatePersonInput!) {
    createPerson(input: $input) {
      person {
        id
        displayName
        nameKana
        track
        homeLat
        homeLng
        ageBand
        coordinator {
          id
        }
        consents {
          purpose
          state
        }
      }
    }
  }
`;
const consent = { purpose: "HOST_REFERRAL", facts: ["DISPLAY_NAME"], method: "VERBAL", givenOn: today() };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const counts = async () => ({
  persons: await t.db.getRepository(Person).count(),
  consents: await t.db.getRepository(Consent).count(),
});

describe("persons", () => {
  it("registers a person with their consent; the home point is rounded to ~100 m", async () => {
    const res = await coordinator(CREATE, {
      input: {
        displayName: "山田 花子",
        nameKana: "ヤマダ ハナコ",
        homeLat: 35.7312345,
        homeLng: 139.2998765,
        ageBand: "AGE_75_PLUS",
        consent,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPerson.person).toMatchObject({
      track: "CONSENTED",
      homeLat: 35.731,
      homeLng: 139.3,
      ageBand: "AGE_75_PLUS",
      consents: [{ purpose: "HOST_REFERRAL", state: "ACTIVE" }],
    });
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
      [
        {
          displayName: "A",
          consent: { ...consent, purpose: "SUPPORT_PLAN", organizationId: (await t.factories.organization()).id },
        },
        "input.consent.organizationId",
      ],
      [{ displayName: "A", consent, birthYear: 1800 }, "input.birthYear"],
      [{ displayName: "A", consent, homeLat: 35.7 }, "input.homeLat"],
      [{ displayName: "A", consent, areaId: "00000000-0000-4000-8000-000000000000" }, "input.areaId"],
      [{ displayName: "A", consent, needs: { maxTravelMeters: 5 } }, "input.needs.maxTravelMeters"],
      [{ displayName: "A", consent, nameKana: "山田" }, "input.nameKana"],
      [{ displayName: "A", consent, registeredOn: addDays(today(), 1) }, "input.registeredOn"],
      [
        { displayName: "A", consent, coordinatorId: (await t.factories.user({ role: UserRole.HOST })).id },
        "input.coordinatorId",
      ],
      [{ displayName: "   　", consent }, "input.displayName"],
      [{ displayName: "A", consent, birthYear: Number(today().slice(0, 4)) + 1 }, "input.birthYear"],
      [{ displayName: "A", consent, birthYear: 1948, ageBand: "UNDER_18" }, "input.ageBand"],
      [
        { displayName: "A", consent: { ...consent, givenOn: "2025-01-01", expiresOn: "2025-12-31" } },
        "input.consent.expiresOn",
      ],
    ];
    for (const [input, field] of cases) {
      const res = await coordinator(CREATE, { input });
      expect(codesOf(res), field).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(input)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("a malformed date is told its format only, not that it lies in the future", async () => {
    for (const registeredOn of ["2026-13-45", "2026/11/01", "9999-99-99"]) {
      const res = await coordinator(CREATE, { input: { displayName: "A", consent, registeredOn } });
      const messages = (res.errors?.[0]?.extensions?.fields ?? [])
        .filter((f: { field: string }) => f.field === "input.registeredOn")
        .flatMap((f: { messages: string[] }) => f.messages);
      expect(messages, registeredOn).toEqual(["日付は YYYY-MM-DD 形式の実在する日付で入力してください"]);
    }
  });

  it("a 支援会議 person is seen only by the meeting's members; registering into a meeting needs membership", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    expect(
      fieldsOf(await coordinator(CREATE, { input: { displayName: "C", supportMeetingGroupId: group.id } })),
    ).toEqual(["input.supportMeetingGroupId"]);
    const asMember = await t.asViewer(member);
    const res = await asMember(CREATE, { input: { displayName: "Cさん", supportMeetingGroupId: group.id } });
    const id = res.data!.createPerson.person.id;
    expect(res.data!.createPerson.person.track).toBe("SUPPORT_MEETING");
    expect((await asMember(`query($id: ID!) { person(id: $id) { id } }`, { id })).data!.person.id).toBe(id);
    expect(codesOf(await coordinator(`query($id: ID!) { person(id: $id) { id } }`, { id }))).toEqual(["NOT_FOUND"]);
    expect(
      codesOf(
        await coordinator(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }`, {
          input: { id, displayName: "x" },
        }),
      ),
    ).toEqual(["NOT_FOUND"]);
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    expect(codesOf(await admin(`query($id: ID!) { person(id: $id) { id } }`, { id }))).toEqual(["NOT_FOUND"]);
    const names = (await asMember(`{ persons(first: 100) { edges { node { id } } } }`)).data!.persons.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(names).toContain(id);
  });

  it("hosts, viewers and anonymous callers never read a person", async () => {
    const person = await t.factories.person();
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }))).toEqual([
        "FORBIDDEN",
      ]);
      expect(codesOf(await gql(`{ persons { totalCount } }`))).toEqual(["FORBIDDEN"]);
    }
    expect(codesOf(await t.anonymous(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }))).toEqual([
      "UNAUTHENTICATED",
    ]);
  });

  it("updates with optimistic locking; a stale version is a CONFLICT", async () => {
    const person = await t.factories.person();
    const update = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version needs { weekdays wishes } participationLevel } } }`;
    const ok = await coordinator(update, {
      input: {
        id: person.id,
        expectedVersion: person.version,
        needs: { weekdays: ["MON"], wishes: "話し相手がほしい" },
        participationLevel: "GOES_OUT",
      },
    });
    expect(ok.data!.updatePerson.person).toEqual({
      version: person.version + 1,
      needs: { weekdays: ["MON"], wishes: "話し相手がほしい" },
      participationLevel: "GOES_OUT",
    });
    expect(
      codesOf(
        await coordinator(update, { input: { id: person.id, expectedVersion: person.version, displayName: "x" } }),
      ),
    ).toEqual(["CONFLICT"]);
  });
});

describe("the person's data is what the form allows", () => {
  const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { displayName birthYear ageBand } } }`;

  it("a display name of spaces only (half- or full-width) is no name, on update too", async () => {
    const person = await t.factories.person();
    const res = await coordinator(UPDATE, { input: { id: person.id, displayName: " 　 " } });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors![0].extensions!.fields).toEqual([
      { field: "input.displayName", messages: ["表示名を入力してください"] },
    ]);
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: person.id })).displayName).toBe(person.displayName);
  });

  it("records the 手帳 held (each once, at most the three kinds), the 介護者・家族 group, and 移動の手段 未確認 by default", async () => {
    const res = await coordinator(
      `mutation($input: CreatePersonInput!) {
        createPerson(input: $input) { person { id certificates needs { mobility targetGroups } } }
      }`,
      {
        input: {
          displayName: "手帳のある本人",
          consent,
          certificates: ["MENTAL", "MENTAL"],
          needs: { targetGroups: ["CAREGIVER"] },
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const created = res.data!.createPerson.person;
    expect(created).toMatchObject({
      certificates: ["MENTAL"],
      needs: { mobility: "UNKNOWN", targetGroups: ["CAREGIVER"] },
    });
    const tooMany = await coordinator(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { certificates } } }`,
      { input: { id: created.id, certificates: ["MENTAL", "PHYSICAL", "INTELLECTUAL", "MENTAL"] } },
    );
    expect(tooMany.errors![0].extensions!.fields).toEqual([
      { field: "input.certificates", messages: ["手帳は3種類までです"] },
    ]);
    const ok = await coordinator(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { certificates } } }`,
      { input: { id: created.id, certificates: ["PHYSICAL", "MENTAL"] } },
    );
    expect(ok.data!.updatePerson.person.certificates).toEqual(["PHYSICAL", "MENTAL"]);
  });

  it("a birth year and an age band may not contradict each other (the band is what hosts see)", async () => {
    const person = await t.factories.person({ birthYear: 1948, ageBand: "AGE_75_PLUS" as never });
    const res = await coordinator(UPDATE, { input: { id: person.id, ageBand: "UNDER_18" } });
    expect(fieldsOf(res)).toEqual(["input.ageBand"]);
    expect(res.errors![0].extensions!.fields[0].messages[0]).toMatch(/1948年.*18歳未満/);
    // Born 2008: 17 or 18 this year (the birthday is not recorded), so either neighbouring band is possible.
    const year = Number(today().slice(0, 4));
    const ok = await coordinator(UPDATE, { input: { id: person.id, birthYear: year - 18, ageBand: "UNDER_18" } });
    expect(ok.data!.updatePerson.person).toEqual({
      displayName: person.displayName,
      birthYear: year - 18,
      ageBand: "UNDER_18",
    });
    expect((await coordinator(UPDATE, { input: { id: person.id, ageBand: "AGE_18_29" } })).errors).toBeUndefined();
  });
});

describe("who sees a person follows their basis today: an active consent, or their 支援会議", () => {
  const PERSON = `query($id: ID!) { person(id: $id) { id track } }`;
  const LIST = `query($track: PersonTrack) { persons(first: 100, track: $track) { edges { node { id track } } } }`;
  const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { id state } } }`;
  const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`;
  const ids = (res: { data?: { persons: { edges: { node: { id: string } }[] } } | null }) =>
    res.data!.persons.edges.map((e) => e.node.id);

  it("withdrawing the only consent hides the person from every coordinator outside a 支援会議 (person, persons, matches, follow-ups due)", async () => {
    const owner = await t.factories.user({ role: UserRole.COORDINATOR });
    const asOwner = await t.asViewer(owner);
    const info = { purpose: "INFORMATION_SHARING", facts: [], method: "WRITTEN", givenOn: today() };
    const created = await asOwner(CREATE, { input: { displayName: "撤回 さん", consent: info } });
    const person = created.data!.createPerson.person;
    const match = await t.factories.match({ personId: person.id, coordinatorId: owner.id });
    await t.factories.followUpDue(match, { dueOn: today() });
    expect((await coordinator(PERSON, { id: person.id })).data!.person).toEqual({ id: person.id, track: "CONSENTED" });
    expect((await asOwner(`{ myFollowUpsDue { match { id } } }`)).data!.myFollowUpsDue).toEqual([
      { match: { id: match.id } },
    ]);

    const consentId = (await t.db.getRepository(Consent).findOneByOrFail({ personId: person.id })).id;
    expect(
      (await asOwner(WITHDRAW, { input: { consentId, reason: "本人の申し出" } })).data!.withdrawConsent.consent.state,
    ).toBe("WITHDRAWN");

    expect((await t.db.getRepository(Person).findOneByOrFail({ id: person.id })).track).toBe("SUPPORT_MEETING");
    for (const gql of [coordinator, asOwner]) {
      expect(codesOf(await gql(PERSON, { id: person.id }))).toEqual(["NOT_FOUND"]);
      expect(ids(await gql(LIST))).not.toContain(person.id);
      expect(codesOf(await gql(`query($id: ID!) { match(id: $id) { id } }`, { id: match.id }))).toEqual(["NOT_FOUND"]);
      expect(
        (await gql(`{ matches(first: 100) { edges { node { id } } } }`)).data!.matches.edges.map(
          (e: { node: { id: string } }) => e.node.id,
        ),
      ).not.toContain(match.id);
    }
    expect((await asOwner(`{ myFollowUpsDue { match { id } } }`)).data!.myFollowUpsDue).toEqual([]);
  });

  it("an expired consent is no basis: the person is seen only by their 支援会議, on its track", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    const person = await t.factories.person({
      coordinatorId: member.id,
      supportMeetingGroupId: group.id,
      withConsent: false,
    });
    await t.factories.consent(person.id, {
      purpose: "INFORMATION_SHARING" as never,
      facts: [],
      givenOn: addDays(today(), -400),
      expiresOn: addDays(today(), -1),
    });
    const asMember = await t.asViewer(member);
    expect(codesOf(await coordinator(PERSON, { id: person.id }))).toEqual(["NOT_FOUND"]);
    expect((await asMember(PERSON, { id: person.id })).data!.person.track).toBe("SUPPORT_MEETING");
    expect(ids(await asMember(LIST, { track: "SUPPORT_MEETING" }))).toContain(person.id);
    expect(ids(await asMember(LIST, { track: "CONSENTED" }))).not.toContain(person.id);
  });

  it("a 支援会議 person who consents is seen by every coordinator, and only by the meeting again once they withdraw", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    const asMember = await t.asViewer(member);
    const id = (await asMember(CREATE, { input: { displayName: "会議 さん", supportMeetingGroupId: group.id } })).data!
      .createPerson.person.id;
    expect(codesOf(await coordinator(PERSON, { id }))).toEqual(["NOT_FOUND"]);

    const consentId = (
      await asMember(RECORD, {
        input: { personId: id, purpose: "INFORMATION_SHARING", facts: [], method: "VERBAL", givenOn: today() },
      })
    ).data!.recordConsent.consent.id;
    expect((await coordinator(PERSON, { id })).data!.person).toEqual({ id, track: "CONSENTED" });
    expect(ids(await coordinator(LIST, { track: "CONSENTED" }))).toContain(id);

    await asMember(WITHDRAW, { input: { consentId, reason: "同意を取り消したい" } });
    expect(codesOf(await coordinator(PERSON, { id }))).toEqual(["NOT_FOUND"]);
    expect((await asMember(PERSON, { id })).data!.person).toEqual({ id, track: "SUPPORT_MEETING" });
  });

  it("another active consent keeps the person seen when one is withdrawn", async () => {
    const person = await t.factories.person();
    const referral = await t.factories.consent(person.id);
    await coordinator(WITHDRAW, { input: { consentId: referral.id, reason: "紹介は不要になった" } });
    expect((await coordinator(PERSON, { id: person.id })).data!.person.track).toBe("CONSENTED");
  });
});

describe("support plans and resource gaps", () => {
  it("a plan is agreed with the person: without a consent (支援会議) it can be drafted, not agreed", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    const asMember = await t.asViewer(member);
    const person = await t.factories.person({
      coordinatorId: member.id,
      track: "SUPPORT_MEETING" as never,
      supportMeetingGroupId: group.id,
    });
    const create = `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id status } } }`;
    const update = `mutation($input: UpdateSupportPlanInput!) { updateSupportPlan(input: $input) { supportPlan { status } } }`;

    const agreed = await asMember(create, {
      input: { personId: person.id, planVersion: "NEW", goals: ["外出"], status: "AGREED", agreedOn: today() },
    });
    expect(codesOf(agreed)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(agreed)).toEqual(["input.status"]);
    expect(await t.db.getRepository(SupportPlan).countBy({ personId: person.id })).toBe(0);

    const draft = (await asMember(create, { input: { personId: person.id, planVersion: "NEW", goals: ["外出"] } }))
      .data!.createSupportPlan.supportPlan;
    expect(draft.status).toBe("DRAFT");
    expect(fieldsOf(await asMember(update, { input: { id: draft.id, status: "AGREED", agreedOn: today() } }))).toEqual([
      "input.status",
    ]);
    expect((await t.db.getRepository(SupportPlan).findOneByOrFail({ id: draft.id })).status).toBe("DRAFT");

    await asMember(`mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`, {
      input: { personId: person.id, purpose: "SUPPORT_PLAN", facts: [], method: "WRITTEN", givenOn: today() },
    });
    expect(
      (await asMember(update, { input: { id: draft.id, status: "AGREED", agreedOn: today() } })).data!.updateSupportPlan
        .supportPlan.status,
    ).toBe("AGREED");
  });

  it("an agreed plan needs its agreement date", async () => {
    const person = await t.factories.person();
    const create = `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id status version } } }`;
    expect(
      fieldsOf(
        await coordinator(create, {
          input: { personId: person.id, planVersion: "NEW", goals: ["外出"], status: "AGREED" },
        }),
      ),
    ).toEqual(["input.agreedOn"]);
    const draft = await coordinator(create, { input: { personId: person.id, planVersion: "REPLAN", goals: ["外出"] } });
    expect(draft.data!.createSupportPlan.supportPlan.status).toBe("DRAFT");
    const agreed = await coordinator(
      `mutation($input: UpdateSupportPlanInput!) { updateSupportPlan(input: $input) { supportPlan { status } } }`,
      { input: { id: draft.data!.createSupportPlan.supportPlan.id, status: "AGREED", agreedOn: today() } },
    );
    expect(agreed.data!.updateSupportPlan.supportPlan.status).toBe("AGREED");
  });

  it("raises a gap from an empty search and walks it to 解決 with the new resource", async () => {
    const raise = await coordinator(
      `mutation($input: RaiseResourceGapInput!) { raiseResourceGap(input: $input) { resourceGap { id status nextStatuses } } }`,
      {
        input: {
          need: "平日夜に若者が集まれる場",
          targetGroups: ["YOUTH", "HIKIKOMORI"],
          searchText: "夜 居場所 若者",
        },
      },
    );
    const gap = raise.data!.raiseResourceGap.resourceGap;
    expect(gap).toMatchObject({ status: "IDENTIFIED", nextStatuses: ["DISCUSSING", "DEFERRED"] });
    const set = `mutation($input: SetResourceGapStatusInput!) { setResourceGapStatus(input: $input) { resourceGap { status statusNote resolvedResource { id } } } }`;
    expect(fieldsOf(await coordinator(set, { input: { id: gap.id, status: "RESOLVED" } }))).toEqual(["input.status"]);
    await coordinator(set, { input: { id: gap.id, status: "DISCUSSING", note: "第2層協議体で協議" } });
    expect(fieldsOf(await coordinator(set, { input: { id: gap.id, status: "RESOLVED" } }))).toEqual([
      "input.resolvedResourceId",
    ]);
    const resource = await t.factories.resource();
    const done = await coordinator(set, { input: { id: gap.id, status: "RESOLVED", resolvedResourceId: resource.id } });
    expect(done.data!.setResourceGapStatus.resourceGap).toEqual({
      status: "RESOLVED",
      statusNote: "第2層協議体で協議",
      resolvedResource: { id: resource.id },
    });
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    expect((await viewer(`{ resourceGaps(statuses: [RESOLVED]) { need } }`)).data!.resourceGaps).toEqual([
      { need: "平日夜に若者が集まれる場" },
    ]);
    expect(codesOf(await viewer(`mutation { raiseResourceGap(input: { need: "x" }) { resourceGap { id } } }`))).toEqual(
      ["FORBIDDEN"],
    );
  });
});
