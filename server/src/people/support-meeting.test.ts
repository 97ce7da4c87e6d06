import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { User } from "../auth/user.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { SupportMeetingGroup } from "./support-meeting.entity.js";

let t: TestApp;
let admin: Gql;
let adminUser: User;

const GROUPS = /* GraphQL */ `
  query ($includeArchived: Boolean) {
    supportMeetingGroups(includeArchived: $includeArchived) {
      id
      name
      archivedAt
      personCount
      members {
        id
        displayName
      }
      viewerCan {
        update
        archive
        restore
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation ($input: CreateSupportMeetingGroupInput!) {
    createSupportMeetingGroup(input: $input) {
      id
      name
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateSupportMeetingGroupInput!) {
    updateSupportMeetingGroup(input: $input) {
      supportMeetingGroup {
        id
        name
        members {
          id
        }
      }
    }
  }
`;
const ARCHIVE = `mutation ($id: ID!) { archiveSupportMeetingGroup(id: $id) { supportMeetingGroup { id archivedAt } } }`;
const RESTORE = `mutation ($id: ID!) { restoreSupportMeetingGroup(id: $id) { supportMeetingGroup { id archivedAt } } }`;
const MINE = `{ mySupportMeetingGroups { id } }`;
const PERSON = `query ($id: ID!) { person(id: $id) { id } }`;
const PERSONS = `query ($text: String) { persons(first: 100, text: $text) { edges { node { id } } } }`;
const REGISTER = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id track } } }`;

const coordinator = (displayName?: string) => t.factories.user({ role: UserRole.COORDINATOR, displayName });
const groupCount = () => t.db.getRepository(SupportMeetingGroup).count();
const auditRows = (recordId: string) =>
  t.db.query(
    `SELECT action, detail, actor_user_id AS "actorUserId" FROM audit_event
      WHERE entity_type = 'SupportMeetingGroup' AND record_id = $1 AND action <> 'READ' ORDER BY id`,
    [recordId],
  );
let serial = 0;
const uniqueName = (base: string) => `${base} ${++serial}-${Date.now()}`;

/** A person registered on the group's track by one of its members (the only way onto that track). */
async function registerOnTrack(member: Gql, groupId: string, displayName = uniqueName("支援会議の本人")) {
  const res = await member(REGISTER, {
    input: { displayName, nameKana: "シエンカイギノホンニン", supportMeetingGroupId: groupId },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createPerson.person.track).toBe("SUPPORT_MEETING");
  return { id: res.data!.createPerson.person.id as string, displayName };
}

beforeAll(async () => {
  t = await createTestApp();
  adminUser = await t.factories.user({ role: UserRole.ADMIN });
  admin = await t.asViewer(adminUser);
});
afterAll(() => t.close());

describe("支援会議 groups", () => {
  it("an administrator creates one and lists it with its members by name, its person count and what they can do", async () => {
    const [b, a] = [await coordinator("二番 花子"), await coordinator("一番 太郎")];
    const name = uniqueName("東地区 支援会議");
    const created = await admin(CREATE, { input: { name: `  ${name} `, memberIds: [b.id, a.id, a.id] } });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSupportMeetingGroup.id;

    const listed = await admin(GROUPS);
    expect(listed.errors).toBeUndefined();
    const group = listed.data!.supportMeetingGroups.find((g: { id: string }) => g.id === id);
    expect(group).toEqual({
      id,
      name,
      archivedAt: null,
      personCount: 0,
      members: [
        { id: a.id, displayName: "一番 太郎" },
        { id: b.id, displayName: "二番 花子" },
      ],
      viewerCan: { update: true, archive: true, restore: false },
    });
    const [row] = await auditRows(id);
    expect(row).toMatchObject({ action: "CREATE", actorUserId: adminUser.id });
    expect([...row.detail.memberIds].sort()).toEqual([b.id, a.id, a.id].sort());
  });

  it("refuses bad input field by field, in Japanese, and writes nothing", async () => {
    const host = await t.factories.user({ role: UserRole.HOST, organizationId: (await t.factories.organization()).id });
    const stopped = await coordinator();
    await t.db.query("UPDATE app_user SET active = false WHERE id = $1", [stopped.id]);
    const member = await coordinator();
    const taken = (await t.factories.supportMeetingGroup([member.id])).name;
    const before = await groupCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "   ", memberIds: [member.id] }, "input.name"],
      [{ name: uniqueName("会議"), memberIds: [] }, "input.memberIds"],
      [{ name: uniqueName("会議"), memberIds: [host.id] }, "input.memberIds"],
      [{ name: uniqueName("会議"), memberIds: [stopped.id] }, "input.memberIds"],
      [{ name: uniqueName("会議"), memberIds: [member.id, "00000000-0000-4000-8000-000000000000"] }, "input.memberIds"],
      [{ name: uniqueName("会議"), memberIds: ["not-a-uuid"] }, "input.memberIds"],
      [{ name: taken, memberIds: [member.id] }, "input.name"],
    ];
    for (const [input, field] of cases) {
      const res = await admin(CREATE, { input });
      expect(codesOf(res), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(input)).toContain(field);
      const messages = res.errors![0].extensions!.fields.flatMap((f: { messages: string[] }) => f.messages);
      expect(messages.join(""), JSON.stringify(input)).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    }
    expect(await groupCount()).toBe(before);

    const group = await t.factories.supportMeetingGroup([member.id]);
    for (const [input, field] of [
      [{ id: group.id, memberIds: [] }, "input.memberIds"],
      [{ id: group.id, memberIds: [host.id] }, "input.memberIds"],
      [{ id: group.id, name: "" }, "input.name"],
      [{ id: group.id, name: null }, "input.name"],
      [{ id: group.id, name: taken }, "input.name"],
    ] as const) {
      const res = await admin(UPDATE, { input });
      expect(codesOf(res), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(input)).toContain(field);
    }
    const unchanged = (await admin(GROUPS)).data!.supportMeetingGroups.find((g: { id: string }) => g.id === group.id);
    expect(unchanged.name).toBe(group.name);
    expect(unchanged.members.map((m: { id: string }) => m.id)).toEqual([member.id]);
    expect(codesOf(await admin(UPDATE, { input: { id: "00000000-0000-4000-8000-000000000000", name: "x" } }))).toEqual([
      "NOT_FOUND",
    ]);
  });

  it("is an administrator's matter: a coordinator member may neither list nor change the meetings", async () => {
    const user = await coordinator();
    const member = await t.asViewer(user);
    const group = await t.factories.supportMeetingGroup([user.id]);
    expect(codesOf(await member(GROUPS))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await member(UPDATE, { input: { id: group.id, memberIds: [user.id] } }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await member(ARCHIVE, { id: group.id }))).toEqual(["FORBIDDEN"]);
    expect((await member(MINE)).data!.mySupportMeetingGroups.map((g: { id: string }) => g.id)).toContain(group.id);
  });

  it("removing a member takes effect at once: they no longer see the meeting's persons, the new member does", async () => {
    const [leaving, staying, joining] = [await coordinator(), await coordinator(), await coordinator()];
    const [asLeaving, asJoining] = [await t.asViewer(leaving), await t.asViewer(joining)];
    const group = await t.factories.supportMeetingGroup([leaving.id, staying.id]);
    const person = await registerOnTrack(asLeaving, group.id);
    expect((await asLeaving(PERSON, { id: person.id })).data!.person.id).toBe(person.id);
    expect(codesOf(await asJoining(PERSON, { id: person.id }))).toEqual(["NOT_FOUND"]);

    const renamed = uniqueName("西地区 支援会議");
    const res = await admin(UPDATE, { input: { id: group.id, name: renamed, memberIds: [staying.id, joining.id] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateSupportMeetingGroup.supportMeetingGroup.name).toBe(renamed);

    expect(codesOf(await asLeaving(PERSON, { id: person.id }))).toEqual(["NOT_FOUND"]);
    expect(JSON.stringify((await asLeaving(PERSONS, { text: person.displayName })).data)).not.toContain(person.id);
    expect((await asLeaving(MINE)).data!.mySupportMeetingGroups.map((g: { id: string }) => g.id)).not.toContain(
      group.id,
    );
    expect((await asJoining(PERSON, { id: person.id })).data!.person.id).toBe(person.id);
    expect(await auditRows(group.id)).toEqual([
      {
        action: "UPDATE",
        actorUserId: adminUser.id,
        detail: { fields: ["memberIds", "name"], memberIds: [staying.id, joining.id] },
      },
    ]);
  });

  it("counts the persons on its track only (a consented person no longer depends on the meeting)", async () => {
    const user = await coordinator();
    const member = await t.asViewer(user);
    const group = await t.factories.supportMeetingGroup([user.id]);
    await registerOnTrack(member, group.id);
    const consented = await registerOnTrack(member, group.id);
    await t.factories.consent(consented.id);
    const listed = (await admin(GROUPS)).data!.supportMeetingGroups.find((g: { id: string }) => g.id === group.id);
    expect(listed.personCount).toBe(1);
  });

  it("an archived meeting takes no new person and leaves the choices; its members keep seeing its persons", async () => {
    const user = await coordinator();
    const member = await t.asViewer(user);
    const group = await t.factories.supportMeetingGroup([user.id]);
    const person = await registerOnTrack(member, group.id);

    const archived = await admin(ARCHIVE, { id: group.id });
    expect(archived.errors).toBeUndefined();
    const archivedAt = archived.data!.archiveSupportMeetingGroup.supportMeetingGroup.archivedAt;
    expect(archivedAt).not.toBeNull();
    // Archiving again keeps the first date.
    expect(
      (await admin(ARCHIVE, { id: group.id })).data!.archiveSupportMeetingGroup.supportMeetingGroup.archivedAt,
    ).toBe(archivedAt);

    const refused = await member(REGISTER, {
      input: { displayName: "新しい本人", nameKana: "アタラシイホンニン", supportMeetingGroupId: group.id },
    });
    expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(refused)).toEqual(["input.supportMeetingGroupId"]);
    expect((await member(MINE)).data!.mySupportMeetingGroups.map((g: { id: string }) => g.id)).not.toContain(group.id);
    expect((await member(PERSON, { id: person.id })).data!.person.id).toBe(person.id);

    const ids = async (includeArchived: boolean) =>
      (await admin(GROUPS, { includeArchived })).data!.supportMeetingGroups.map((g: { id: string }) => g.id);
    expect(await ids(false)).not.toContain(group.id);
    expect(await ids(true)).toContain(group.id);
    const listed = (await admin(GROUPS, { includeArchived: true })).data!.supportMeetingGroups.find(
      (g: { id: string }) => g.id === group.id,
    );
    expect(listed).toMatchObject({ personCount: 1, viewerCan: { update: true, archive: false, restore: true } });

    const restored = await admin(RESTORE, { id: group.id });
    expect(restored.data!.restoreSupportMeetingGroup.supportMeetingGroup.archivedAt).toBeNull();
    expect((await member(MINE)).data!.mySupportMeetingGroups.map((g: { id: string }) => g.id)).toContain(group.id);
    expect((await auditRows(group.id)).map((r: { detail: unknown }) => r.detail)).toEqual([
      { archived: true },
      { archived: true },
      { archived: false },
    ]);
    expect(codesOf(await admin(ARCHIVE, { id: "not-a-uuid" }))).toEqual(["NOT_FOUND"]);
  });

  it("loads members and counts in batches: the number of queries does not grow with the number of groups", async () => {
    const queriesFor = async () => {
      const runner = t.db.createQueryRunner();
      const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
      await runner.release();
      const original = proto.query;
      let n = 0;
      proto.query = function (this: unknown, ...args: unknown[]) {
        n++;
        return original.apply(this, args);
      };
      try {
        expect((await admin(GROUPS, { includeArchived: true })).errors).toBeUndefined();
      } finally {
        proto.query = original;
      }
      return n;
    };
    const addGroup = async () => t.factories.supportMeetingGroup([(await coordinator()).id, (await coordinator()).id]);
    await addGroup();
    const few = await queriesFor();
    expect(few).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await addGroup();
    expect(await queriesFor()).toBe(few);
  });
});
