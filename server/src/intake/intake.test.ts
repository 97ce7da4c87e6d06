import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@tsunagu/calendar";
import { UserRole } from "../core/roles.js";
import { PersonTrack } from "../people/person.enums.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { ConsultationIntake } from "./consultation-intake.entity.js";

let t: TestApp;
let coord: Gql;
let coordId: string;

const FIELDS = `id receivedOn route field ageBand outcome note version linked area { id } person { id } recordedBy { id } viewerCan { update link }`;
const CREATE = `mutation ($input: CreateConsultationIntakeInput!) { createConsultationIntake(input: $input) { consultationIntake { ${FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateConsultationIntakeInput!) { updateConsultationIntake(input: $input) { consultationIntake { ${FIELDS} } } }`;
const LINK = `mutation ($input: LinkIntakeToPersonInput!) { linkIntakeToPerson(input: $input) { consultationIntake { ${FIELDS} } } }`;
const LIST = `query ($fiscalYear: Int, $first: Int, $after: String) {
  consultationIntakes(fiscalYear: $fiscalYear, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id receivedOn } }
  }
}`;

const intakeCount = () => t.db.getRepository(ConsultationIntake).count();
const input = (overrides: Record<string, unknown> = {}) => ({
  receivedOn: "2026-05-12",
  route: "PHONE",
  field: "POVERTY",
  ageBand: "AGE_40_49",
  outcome: "INFO_ONLY",
  note: "  家計の相談。名前は書かない  ",
  ...overrides,
});

async function create(gql: Gql, overrides: Record<string, unknown> = {}) {
  const res = await gql(CREATE, { input: input(overrides) });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createConsultationIntake.consultationIntake;
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordId = user.id;
  coord = await t.asViewer(user);
});
afterAll(() => t.close());

describe("相談受付", () => {
  it("a coordinator records one without any person or consent, and the write and the read are audited", async () => {
    const area = await t.factories.area();
    const created = await create(coord, { areaId: area.id });
    expect(created).toMatchObject({
      receivedOn: "2026-05-12",
      route: "PHONE",
      field: "POVERTY",
      ageBand: "AGE_40_49",
      outcome: "INFO_ONLY",
      note: "家計の相談。名前は書かない",
      version: 1,
      linked: false,
      area: { id: area.id },
      person: null,
      recordedBy: { id: coordId },
      viewerCan: { update: true, link: false },
    });
    const rows = await t.db.query(
      `SELECT action, actor_user_id AS "actor" FROM audit_event WHERE entity_type = 'ConsultationIntake' AND record_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(["CREATE", "READ"]);
    expect(rows[0].actor).toBe(coordId);
  });

  it("refuses bad input field by field, in Japanese, and writes nothing", async () => {
    const before = await intakeCount();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, string][] = [
      [{ receivedOn: "2026-02-30" }, "input.receivedOn"],
      [{ receivedOn: tomorrow }, "input.receivedOn"],
      [{ areaId: "not-an-id" }, "input.areaId"],
      [{ areaId: "00000000-0000-4000-8000-000000000000" }, "input.areaId"],
      [{ note: "あ".repeat(2001) }, "input.note"],
    ];
    for (const [overrides, field] of cases) {
      const res = await coord(CREATE, { input: input(overrides) });
      expect(codesOf(res), JSON.stringify(overrides)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(overrides)).toContain(field);
      const messages = res.errors![0].extensions!.fields.flatMap((f: { messages: string[] }) => f.messages);
      expect(messages.join(""), JSON.stringify(overrides)).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    }
    expect(await intakeCount()).toBe(before);
  });

  it("hosts and viewers can neither record nor list them", async () => {
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      const before = await intakeCount();
      expect(codesOf(await gql(CREATE, { input: input() })), role).toEqual(["FORBIDDEN"]);
      expect(codesOf(await gql(LIST, { fiscalYear: 2026 })), role).toEqual(["FORBIDDEN"]);
      expect(await intakeCount()).toBe(before);
    }
    expect(codesOf(await t.anonymous(LIST, {}))).toEqual(["UNAUTHENTICATED"]);
  });

  it("is corrected with the version it was read at; a stale version is a CONFLICT", async () => {
    const created = await create(coord);
    const { id, version } = created;
    const fixed = await coord(UPDATE, {
      input: { ...input({ outcome: "REFERRED", route: "WALK_IN" }), id, expectedVersion: version },
    });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data!.updateConsultationIntake.consultationIntake).toMatchObject({
      outcome: "REFERRED",
      route: "WALK_IN",
      version: 2,
    });
    const stale = await coord(UPDATE, { input: { ...input({ outcome: "CLOSED" }), id, expectedVersion: version } });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
    const [row] = await t.db.query("SELECT outcome FROM consultation_intake WHERE id = $1", [id]);
    expect(row.outcome).toBe("REFERRED");
    expect(
      codesOf(
        await coord(UPDATE, { input: { ...input(), id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1 } }),
      ),
    ).toEqual(["NOT_FOUND"]);
  });

  it("links to the person it became only when it ended in consent, and only to a person the caller sees", async () => {
    const person = await t.factories.person({ coordinatorId: coordId });
    const info = await create(coord, { outcome: "INFO_ONLY" });
    const refused = await coord(LINK, { input: { id: info.id, personId: person.id } });
    expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(refused)).toContain("input.id");

    const consented = await create(coord, { outcome: "CONSENTED" });
    expect(consented.viewerCan.link).toBe(true);
    // A 支援会議 person of a meeting the coordinator does not sit on does not exist for them.
    const member = await t.factories.user();
    const group = await t.factories.supportMeetingGroup([member.id]);
    const hidden = await t.factories.person({
      coordinatorId: member.id,
      track: PersonTrack.SUPPORT_MEETING,
      supportMeetingGroupId: group.id,
    });
    expect(codesOf(await coord(LINK, { input: { id: consented.id, personId: hidden.id } }))).toEqual(["NOT_FOUND"]);
    const [unlinked] = await t.db.query("SELECT person_id FROM consultation_intake WHERE id = $1", [consented.id]);
    expect(unlinked.person_id).toBeNull();

    const linked = await coord(LINK, { input: { id: consented.id, personId: person.id } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkIntakeToPerson.consultationIntake).toMatchObject({
      linked: true,
      person: { id: person.id },
    });
    const audit = await t.db.query(
      `SELECT person_id AS "personId", detail FROM audit_event WHERE entity_type = 'ConsultationIntake' AND record_id = $1 AND action = 'UPDATE'`,
      [consented.id],
    );
    expect(audit).toEqual([{ personId: person.id, detail: { linked: true } }]);

    // The outcome that allowed the link stays until the link is undone.
    const version = linked.data!.linkIntakeToPerson.consultationIntake.version;
    const change = await coord(UPDATE, {
      input: { ...input({ outcome: "CLOSED" }), id: consented.id, expectedVersion: version },
    });
    expect(codesOf(change)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(change)).toContain("input.outcome");

    // Another coordinator, who does not see the person, sees that it is linked but not to whom.
    const other = await t.asViewer(await t.factories.user());
    await t.db.query("UPDATE consent SET withdrawn_at = now() WHERE person_id = $1", [person.id]);
    const seen = await other(
      `query { consultationIntakes(first: 100) { edges { node { id linked person { id } } } } }`,
    );
    expect(seen.errors).toBeUndefined();
    const node = seen
      .data!.consultationIntakes.edges.map((e: { node: unknown }) => e.node)
      .find((n: { id: string }) => n.id === consented.id);
    expect(node).toEqual({ id: consented.id, linked: true, person: null });
  });

  it("lists one 年度 (April to March), newest first, page by page", async () => {
    const lister = await t.asViewer(await t.factories.user());
    // A 年度 nobody else writes into: 2019 (April 2019 – March 2020).
    const days = ["2019-04-01", "2019-12-31", "2020-03-31", "2019-03-31", "2020-04-01"];
    for (const receivedOn of days) await create(lister, { receivedOn });
    const first = await lister(LIST, { fiscalYear: 2019, first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.consultationIntakes;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: { node: { receivedOn: string } }) => e.node.receivedOn)).toEqual([
      "2020-03-31",
      "2019-12-31",
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await lister(LIST, { fiscalYear: 2019, first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data!.consultationIntakes;
    expect(page2.edges.map((e: { node: { receivedOn: string } }) => e.node.receivedOn)).toEqual(["2019-04-01"]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    expect(codesOf(await lister(LIST, { fiscalYear: 1999 }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await lister(LIST, { after: "bm90LWEtY3Vyc29y" }))).toEqual(["BAD_USER_INPUT"]);
    expect(today() >= "2026-01-01").toBe(true);
  });
});
