import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { ResourceGap } from "../gaps/resource-gap.entity.js";
import { PersonTrack } from "../people/person.enums.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

let t: TestApp;
let coord: Gql;
let coordId: string;

const COOP = `id organization { id } requestedOn kind answer answeredOn person { id } resourceGapId note version recordedBy { id }`;
const CREATE_COOP = `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { cooperationRequest { ${COOP} } } }`;
const UPDATE_COOP = `mutation ($input: UpdateCooperationRequestInput!) { updateCooperationRequest(input: $input) { cooperationRequest { ${COOP} } } }`;
const LIST_COOP = `query ($fiscalYear: Int, $first: Int) { cooperationRequests(fiscalYear: $fiscalYear, first: $first) { totalCount edges { node { id requestedOn } } } }`;
const SUPPORT = `id organization { id } givenOn kind method note version recordedBy { id }`;
const CREATE_SUPPORT = `mutation ($input: CreateHostSupportInput!) { createHostSupport(input: $input) { hostSupport { ${SUPPORT} } } }`;
const UPDATE_SUPPORT = `mutation ($input: UpdateHostSupportInput!) { updateHostSupport(input: $input) { hostSupport { ${SUPPORT} } } }`;
const LIST_SUPPORT = `query ($fiscalYear: Int) { hostSupports(fiscalYear: $fiscalYear, first: 100) { totalCount edges { node { id givenOn kind } } } }`;

const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const japanese = (res: { errors?: readonly { extensions?: Record<string, any> }[] }) =>
  res.errors![0].extensions!.fields.flatMap((f: { messages: string[] }) => f.messages).join("");

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordId = user.id;
  coord = await t.asViewer(user);
});
afterAll(() => t.close());

describe("協力依頼", () => {
  it("is recorded whatever the answer, then answered, with audit rows naming the person it concerns", async () => {
    const org = await t.factories.organization();
    const person = await t.factories.person({ coordinatorId: coordId });
    const created = await coord(CREATE_COOP, {
      input: {
        organizationId: org.id,
        requestedOn: "2026-06-01",
        kind: "ACCEPT_PERSON",
        personId: person.id,
        note: " 見学の相談 ",
      },
    });
    expect(created.errors).toBeUndefined();
    const request = created.data!.createCooperationRequest.cooperationRequest;
    expect(request).toMatchObject({
      organization: { id: org.id },
      requestedOn: "2026-06-01",
      kind: "ACCEPT_PERSON",
      answer: "PENDING",
      answeredOn: null,
      person: { id: person.id },
      note: "見学の相談",
      version: 1,
      recordedBy: { id: coordId },
    });
    const declined = await coord(UPDATE_COOP, {
      input: {
        id: request.id,
        expectedVersion: 1,
        organizationId: org.id,
        requestedOn: "2026-06-01",
        kind: "ACCEPT_PERSON",
        personId: person.id,
        answer: "DECLINED",
        answeredOn: "2026-06-10",
      },
    });
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.updateCooperationRequest.cooperationRequest).toMatchObject({
      answer: "DECLINED",
      answeredOn: "2026-06-10",
      version: 2,
    });
    const audit = await t.db.query(
      `SELECT action, person_id AS "personId" FROM audit_event WHERE entity_type = 'CooperationRequest' AND record_id = $1 AND action <> 'READ' ORDER BY id`,
      [request.id],
    );
    expect(audit).toEqual([
      { action: "CREATE", personId: person.id },
      { action: "UPDATE", personId: person.id },
    ]);
    const stale = await coord(UPDATE_COOP, {
      input: { id: request.id, expectedVersion: 1, organizationId: org.id, requestedOn: "2026-06-01", kind: "OTHER" },
    });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
  });

  it("refuses bad input field by field, in Japanese, and writes nothing", async () => {
    const org = await t.factories.organization();
    const base = { organizationId: org.id, requestedOn: "2026-06-01", kind: "ACCEPT_PERSON" };
    const gap = await t.db
      .getRepository(ResourceGap)
      .save({ need: "夜の居場所", targetGroups: [], raisedById: coordId });
    const before = await count("cooperation_request");
    const cases: [Record<string, unknown>, string][] = [
      [{ requestedOn: "2026-13-01" }, "input.requestedOn"],
      [{ requestedOn: "2999-01-01" }, "input.requestedOn"],
      [{ answer: "ACCEPTED" }, "input.answeredOn"],
      [{ answer: "ACCEPTED", answeredOn: "2026-05-31" }, "input.answeredOn"],
      [{ answeredOn: "2026-06-02" }, "input.answeredOn"],
      [{ organizationId: "00000000-0000-4000-8000-000000000000" }, "input.organizationId"],
      [{ resourceGapId: gap.id }, "input.resourceGapId"],
      [{ kind: "CREATE_PLACE", resourceGapId: "00000000-0000-4000-8000-000000000000" }, "input.resourceGapId"],
    ];
    for (const [overrides, field] of cases) {
      const res = await coord(CREATE_COOP, { input: { ...base, ...overrides } });
      expect(codesOf(res), JSON.stringify(overrides)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(overrides)).toContain(field);
      expect(japanese(res), JSON.stringify(overrides)).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    }
    expect(await count("cooperation_request")).toBe(before);
    const place = await coord(CREATE_COOP, { input: { ...base, kind: "CREATE_PLACE", resourceGapId: gap.id } });
    expect(place.errors).toBeUndefined();
    expect(place.data!.createCooperationRequest.cooperationRequest.resourceGapId).toBe(gap.id);
  });

  it("about a person the caller may not see: cannot be recorded, is not listed, and does not exist for an update", async () => {
    const member = await t.factories.user();
    const group = await t.factories.supportMeetingGroup([member.id]);
    const hidden = await t.factories.person({
      coordinatorId: member.id,
      track: PersonTrack.SUPPORT_MEETING,
      supportMeetingGroupId: group.id,
    });
    const org = await t.factories.organization();
    const input = { organizationId: org.id, requestedOn: "2019-06-01", kind: "ACCEPT_PERSON", personId: hidden.id };
    const before = await count("cooperation_request");
    expect(codesOf(await coord(CREATE_COOP, { input }))).toEqual(["NOT_FOUND"]);
    expect(await count("cooperation_request")).toBe(before);

    const asMember = await t.asViewer(member);
    const made = await asMember(CREATE_COOP, { input });
    expect(made.errors).toBeUndefined();
    const id = made.data!.createCooperationRequest.cooperationRequest.id;
    const open = await asMember(CREATE_COOP, { input: { ...input, personId: null } });
    const openId = open.data!.createCooperationRequest.cooperationRequest.id;

    const memberList = await asMember(LIST_COOP, { fiscalYear: 2019, first: 100 });
    const memberIds = memberList.data!.cooperationRequests.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(memberIds).toEqual(expect.arrayContaining([id, openId]));
    const list = await coord(LIST_COOP, { fiscalYear: 2019, first: 100 });
    const ids = list.data!.cooperationRequests.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(openId);
    expect(ids).not.toContain(id);
    expect(list.data!.cooperationRequests.totalCount).toBe(memberList.data!.cooperationRequests.totalCount - 1);
    const update = await coord(UPDATE_COOP, { input: { ...input, personId: null, id, expectedVersion: 1 } });
    expect(codesOf(update)).toEqual(["NOT_FOUND"]);
  });

  it("is refused to hosts and viewers", async () => {
    const org = await t.factories.organization();
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      const res = await gql(CREATE_COOP, {
        input: { organizationId: org.id, requestedOn: "2026-06-01", kind: "OTHER" },
      });
      expect(codesOf(res), role).toEqual(["FORBIDDEN"]);
      expect(codesOf(await gql(LIST_COOP, {})), role).toEqual(["FORBIDDEN"]);
    }
  });
});

describe("受け入れ先支援", () => {
  it("is recorded for an organization outside any match, corrected, and listed by 年度", async () => {
    const org = await t.factories.organization();
    const created = await coord(CREATE_SUPPORT, {
      input: {
        organizationId: org.id,
        givenOn: "2018-10-01",
        kind: "PROBLEM",
        method: "VISIT",
        note: "利用者どうしのトラブル",
      },
    });
    expect(created.errors).toBeUndefined();
    const support = created.data!.createHostSupport.hostSupport;
    expect(support).toMatchObject({
      organization: { id: org.id },
      givenOn: "2018-10-01",
      kind: "PROBLEM",
      method: "VISIT",
      version: 1,
      recordedBy: { id: coordId },
    });
    const fixed = await coord(UPDATE_SUPPORT, {
      input: {
        id: support.id,
        expectedVersion: 1,
        organizationId: org.id,
        givenOn: "2018-10-02",
        kind: "ADVICE",
        method: "PHONE",
      },
    });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data!.updateHostSupport.hostSupport).toMatchObject({
      givenOn: "2018-10-02",
      kind: "ADVICE",
      method: "PHONE",
      note: "",
      version: 2,
    });
    const listed = await coord(LIST_SUPPORT, { fiscalYear: 2018 });
    expect(listed.data!.hostSupports.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(support.id);
    const other = await coord(LIST_SUPPORT, { fiscalYear: 2017 });
    expect(other.data!.hostSupports.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(support.id);
    const audit = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'HostSupport' AND record_id = $1 ORDER BY id`,
      [support.id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(["CREATE", "UPDATE"]);
  });

  it("refuses bad input field by field and writes nothing; hosts and viewers are refused", async () => {
    const org = await t.factories.organization();
    const base = { organizationId: org.id, givenOn: "2026-06-01", kind: "VISIT", method: "VISIT" };
    const before = await count("host_support");
    for (const [overrides, field] of [
      [{ givenOn: "2026-02-29" }, "input.givenOn"],
      [{ givenOn: "2999-01-01" }, "input.givenOn"],
      [{ organizationId: "00000000-0000-4000-8000-000000000000" }, "input.organizationId"],
      [{ note: "あ".repeat(2001) }, "input.note"],
    ] as [Record<string, unknown>, string][]) {
      const res = await coord(CREATE_SUPPORT, { input: { ...base, ...overrides } });
      expect(codesOf(res), JSON.stringify(overrides)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(overrides)).toContain(field);
      expect(japanese(res)).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    }
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(CREATE_SUPPORT, { input: base })), role).toEqual(["FORBIDDEN"]);
      expect(codesOf(await gql(LIST_SUPPORT, {})), role).toEqual(["FORBIDDEN"]);
    }
    expect(await count("host_support")).toBe(before);
  });
});
