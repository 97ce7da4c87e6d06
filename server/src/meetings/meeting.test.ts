import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { User } from "../auth/user.entity.js";
import { PersonTrack } from "../people/person.enums.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

let t: TestApp;

const FIELDS = `id heldOn kind title decisions restricted personCount supportMeetingGroupId version
  persons { id } organizations { id } attendees { id } recordedBy { id } viewerCan { update }`;
const CREATE = `mutation ($input: CreateMeetingRecordInput!) { createMeetingRecord(input: $input) { meetingRecord { ${FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateMeetingRecordInput!) { updateMeetingRecord(input: $input) { meetingRecord { ${FIELDS} } } }`;
const LIST = `query ($fiscalYear: Int) { meetingRecords(fiscalYear: $fiscalYear, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;

const count = async () => Number((await t.db.query("SELECT count(*) AS n FROM meeting_record"))[0].n);
const nodeOf = async (gql: Gql, id: string, fiscalYear: number) => {
  const res = await gql(LIST, { fiscalYear });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res
    .data!.meetingRecords.edges.map((e: { node: { id: string } }) => e.node)
    .find((n: { id: string }) => n.id === id);
};

/** A 支援会議 with one member, who registered a person on its track. */
async function meeting() {
  const member = await t.factories.user({ role: UserRole.COORDINATOR });
  const group = await t.factories.supportMeetingGroup([member.id]);
  const person = await t.factories.person({
    coordinatorId: member.id,
    track: PersonTrack.SUPPORT_MEETING,
    supportMeetingGroupId: group.id,
  });
  return { member, group, person, gql: await t.asViewer(member) };
}

let outsider: User;
let asOutsider: Gql;
let asAdmin: Gql;

beforeAll(async () => {
  t = await createTestApp();
  outsider = await t.factories.user({ role: UserRole.COORDINATOR });
  asOutsider = await t.asViewer(outsider);
  asAdmin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
});
afterAll(() => t.close());

describe("会議の記録", () => {
  it("a 支援会議 that discussed a person: members read it all, others see only that it was held and how many", async () => {
    const { member, group, person, gql } = await meeting();
    const org = await t.factories.organization();
    const created = await gql(CREATE, {
      input: {
        heldOn: "2025-07-10",
        kind: "SHIEN_KAIGI",
        title: " 7月 支援会議 ",
        decisions: "地域活動支援センターの見学を提案する",
        supportMeetingGroupId: group.id,
        organizationIds: [org.id],
        attendeeIds: [member.id],
        personIds: [person.id],
      },
    });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const record = created.data!.createMeetingRecord.meetingRecord;
    expect(record).toMatchObject({
      heldOn: "2025-07-10",
      kind: "SHIEN_KAIGI",
      title: "7月 支援会議",
      decisions: "地域活動支援センターの見学を提案する",
      restricted: false,
      personCount: 1,
      persons: [{ id: person.id }],
      organizations: [{ id: org.id }],
      attendees: [{ id: member.id }],
      recordedBy: { id: member.id },
      viewerCan: { update: true },
    });

    expect(await nodeOf(asOutsider, record.id, 2025)).toMatchObject({
      kind: "SHIEN_KAIGI",
      heldOn: "2025-07-10",
      restricted: true,
      title: null,
      decisions: null,
      personCount: 1,
      persons: [],
      organizations: [],
      attendees: [],
      viewerCan: { update: false },
    });
    // The administrator reads it in full, but the person is still one only the members see: a count, not a name.
    expect(await nodeOf(asAdmin, record.id, 2025)).toMatchObject({
      restricted: false,
      title: "7月 支援会議",
      personCount: 1,
      persons: [],
      viewerCan: { update: true },
    });

    const refused = await asOutsider(UPDATE, {
      input: { id: record.id, expectedVersion: 1, heldOn: "2025-07-10", kind: "NETWORK", title: "上書き" },
    });
    expect(codesOf(refused)).toEqual(["FORBIDDEN"]);
    const [row] = await t.db.query("SELECT kind, title FROM meeting_record WHERE id = $1", [record.id]);
    expect(row).toEqual({ kind: "SHIEN_KAIGI", title: "7月 支援会議" });
  });

  it("keeps, on an administrator's save, the persons the administrator cannot see", async () => {
    const { group, person, gql } = await meeting();
    const made = await gql(CREATE, {
      input: {
        heldOn: "2025-08-01",
        kind: "SHIEN_KAIGI",
        title: "8月",
        supportMeetingGroupId: group.id,
        personIds: [person.id],
      },
    });
    const id = made.data!.createMeetingRecord.meetingRecord.id;
    const saved = await asAdmin(UPDATE, {
      input: {
        id,
        expectedVersion: 1,
        heldOn: "2025-08-02",
        kind: "SHIEN_KAIGI",
        title: "8月 (日付訂正)",
        supportMeetingGroupId: group.id,
      },
    });
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
    expect(saved.data!.updateMeetingRecord.meetingRecord).toMatchObject({
      heldOn: "2025-08-02",
      personCount: 1,
      version: 2,
    });
    expect(await nodeOf(gql, id, 2025)).toMatchObject({ persons: [{ id: person.id }], title: "8月 (日付訂正)" });
    const stale = await gql(UPDATE, {
      input: {
        id,
        expectedVersion: 1,
        heldOn: "2025-08-02",
        kind: "SHIEN_KAIGI",
        title: "古い版",
        supportMeetingGroupId: group.id,
      },
    });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
  });

  it("refuses bad input field by field, in Japanese, and writes nothing", async () => {
    const { group } = await meeting();
    const host = await t.factories.user({ role: UserRole.HOST });
    const base = { heldOn: "2025-09-01", kind: "JUSOTEKI", title: "重層的支援会議" };
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: "2025-09-31" }, "input.heldOn"],
      [{ heldOn: "2999-01-01" }, "input.heldOn"],
      [{ title: "   " }, "input.title"],
      [{ kind: "SHIEN_KAIGI" }, "input.supportMeetingGroupId"],
      [{ supportMeetingGroupId: group.id }, "input.supportMeetingGroupId"],
      // A 支援会議 the caller does not sit on.
      [{ kind: "SHIEN_KAIGI", supportMeetingGroupId: group.id }, "input.supportMeetingGroupId"],
      [{ organizationIds: ["00000000-0000-4000-8000-000000000000"] }, "input.organizationIds"],
      [{ attendeeIds: [host.id] }, "input.attendeeIds"],
      [{ attendeeIds: ["not-a-uuid"] }, "input.attendeeIds"],
    ];
    for (const [overrides, field] of cases) {
      const res = await asOutsider(CREATE, { input: { ...base, ...overrides } });
      expect(codesOf(res), JSON.stringify(overrides)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(overrides)).toContain(field);
      const messages = res.errors![0].extensions!.fields.flatMap((f: { messages: string[] }) => f.messages);
      expect(messages.join(""), JSON.stringify(overrides)).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    }
    // A person the caller may not see does not exist for them.
    const { person: hidden } = await meeting();
    expect(codesOf(await asOutsider(CREATE, { input: { ...base, personIds: [hidden.id] } }))).toEqual(["NOT_FOUND"]);
    expect(await count()).toBe(before);
  });

  it("lists a 年度's meetings of every kind to caseworkers, audits the writes and refuses hosts and viewers", async () => {
    const consented = await t.factories.person({ coordinatorId: outsider.id });
    const made = await asOutsider(CREATE, {
      input: { heldOn: "2016-11-20", kind: "NETWORK", title: "協議体", personIds: [consented.id] },
    });
    const id = made.data!.createMeetingRecord.meetingRecord.id;
    const listed = await asAdmin(LIST, { fiscalYear: 2016 });
    expect(listed.data!.meetingRecords.totalCount).toBe(1);
    expect(listed.data!.meetingRecords.edges[0].node).toMatchObject({
      id,
      restricted: false,
      title: "協議体",
      personCount: 1,
    });
    expect((await asAdmin(LIST, { fiscalYear: 2017 })).data!.meetingRecords.totalCount).toBe(0);
    const audit = await t.db.query(
      `SELECT action, detail FROM audit_event WHERE entity_type = 'MeetingRecord' AND record_id = $1 AND action <> 'READ'`,
      [id],
    );
    expect(audit).toEqual([{ action: "CREATE", detail: { kind: "NETWORK", personCount: 1 } }]);
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(LIST, { fiscalYear: 2016 })), role).toEqual(["FORBIDDEN"]);
      expect(
        codesOf(await gql(CREATE, { input: { heldOn: "2016-11-20", kind: "REGULAR", title: "定例" } })),
        role,
      ).toEqual(["FORBIDDEN"]);
    }
  });
});
