import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Resource } from "../resources/resource.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateResourceInput!) {
    createResource(input: $input) {
      resource {
        id
        name
        nameKana
        kind
        description
        targetGroups
        status
        version
        eligibility {
          ageMin
          ageMax
        }
        organization {
          id
          name
        }
        areas {
          id
          name
        }
        scheduleText
        viewerCan {
          update
          verify
        }
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateResourceInput!) {
    updateResource(input: $input) {
      resource {
        id
        name
        nameKana
        openings
        capacity
        version
      }
    }
  }
`;

let t: TestApp;
let coordinator: Gql;
let orgId: string;
let areaId: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  orgId = (await t.factories.organization({ name: "社会福祉法人 若葉会" })).id;
  areaId = (await t.factories.area({ name: "みどり野北エリア" })).id;
});
afterAll(() => t.close());

const validInput = (overrides: Record<string, unknown> = {}) => ({
  name: "桜ケ丘いきいきサロン",
  nameKana: "サクラガオカイキイキサロン",
  kind: "SALON",
  organizationId: orgId,
  description: "体操と茶話会を行う高齢者の集いの場です。",
  targetGroups: ["ELDERLY", "SINGLE_ELDERLY"],
  areaIds: [areaId],
  eligibility: { ageMin: 65 },
  capacity: 20,
  openings: 5,
  lat: 35.74,
  lng: 139.25,
  schedule: {
    rules: [
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["TUE"], nthWeeks: [2, 4], startTime: "10:00", endTime: "11:30" },
    ],
    closedOnHolidays: true,
  },
  ...overrides,
});

const resourceCount = () => t.db.getRepository(Resource).count();

describe("resource catalog", () => {
  it("creates, reads back and updates a listing in Japanese", async () => {
    const created = await coordinator(CREATE, { input: validInput() });
    expect(created.errors).toBeUndefined();
    const r = created.data!.createResource.resource;
    expect(r).toMatchObject({
      name: "桜ケ丘いきいきサロン",
      nameKana: "サクラガオカイキイキサロン",
      kind: "SALON",
      status: "ACTIVE",
      version: 1,
      targetGroups: ["ELDERLY", "SINGLE_ELDERLY"],
      eligibility: { ageMin: 65, ageMax: null },
      organization: { id: orgId, name: "社会福祉法人 若葉会" },
      areas: [{ id: areaId, name: "みどり野北エリア" }],
      viewerCan: { update: true, verify: true },
    });
    expect(r.scheduleText).toContain("第2・第4火曜 10:00〜11:30");

    const read = await t.anonymous(
      `query($id: ID!) { resource(id: $id) { name description nextSessions(count: 2) { date startTime } viewerCan { update } } }`,
      { id: r.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.resource).toMatchObject({
      name: "桜ケ丘いきいきサロン",
      description: "体操と茶話会を行う高齢者の集いの場です。",
      viewerCan: { update: false },
    });
    expect(read.data!.resource.nextSessions).toHaveLength(2);

    const updated = await coordinator(UPDATE, {
      input: {
        id: r.id,
        name: "桜ケ丘ふれあいサロン",
        nameKana: "さくらがおかふれあいさろん",
        openings: 0,
        expectedVersion: 1,
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateResource.resource).toMatchObject({
      name: "桜ケ丘ふれあいサロン",
      openings: 0,
      capacity: 20,
      version: 2,
    });
    const row = await t.db.getRepository(Resource).findOneByOrFail({ id: r.id });
    expect(row.readingKey).toBe("さくらがおかふれあいさろん");
  });

  it("suggests a reading from the name when none is given", async () => {
    const res = await coordinator(CREATE, {
      input: validInput({ name: "地域活動支援センター ひまわり", nameKana: undefined, kind: "CHIKATSU_I" }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createResource.resource.nameKana).toBe("チイキカツドウシエンセンター ヒマワリ");
  }, 30_000);

  it("answers a stale expectedVersion with CONFLICT and keeps the newer data", async () => {
    const { id } = await t.factories.resource({ organizationId: orgId, capacity: 10 });
    expect((await coordinator(UPDATE, { input: { id, capacity: 12, expectedVersion: 1 } })).errors).toBeUndefined();
    const stale = await coordinator(UPDATE, { input: { id, capacity: 99, expectedVersion: 1 } });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
    expect((await t.db.getRepository(Resource).findOneByOrFail({ id })).capacity).toBe(12);
  });

  const badInputs: [string, Record<string, unknown>, string][] = [
    ["an empty name", { name: "" }, "input.name"],
    ["a blank name", { name: "　 " }, "input.name"],
    ["latitude out of range", { lat: 95 }, "input.lat"],
    ["longitude out of range", { lng: -200 }, "input.lng"],
    ["a reading with kanji", { nameKana: "桜ケ丘サロン" }, "input.nameKana"],
    ["a negative capacity", { capacity: -1 }, "input.capacity"],
    ["openings above capacity", { capacity: 3, openings: 4 }, "input.openings"],
    ["an age range upside down", { eligibility: { ageMin: 70, ageMax: 60 } }, "input.eligibility.ageMax"],
    [
      "an end time before the start",
      { schedule: { rules: [{ frequency: "WEEKLY", weekdays: ["MON"], startTime: "11:00", endTime: "10:00" }] } },
      "input.schedule.rules.0.endTime",
    ],
    ["an unknown area", { areaIds: ["00000000-0000-4000-8000-000000000000"] }, "input.areaIds"],
    ["an unknown organization", { organizationId: "00000000-0000-4000-8000-000000000000" }, "input.organizationId"],
    ["only one coordinate", { lat: 35.7, lng: null }, "input.lat"],
  ];
  it.each(badInputs)(
    "rejects %s with BAD_USER_INPUT on the field and writes nothing",
    async (_what, overrides, field) => {
      const before = await resourceCount();
      const res = await coordinator(CREATE, { input: validInput(overrides) });
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res)).toContain(field);
      expect(
        res.errors![0].extensions!.fields.every((f: { messages: string[] }) =>
          f.messages.every((m) => /[ぁ-んァ-ヶ一-龠]/.test(m)),
        ),
      ).toBe(true);
      expect(await resourceCount()).toBe(before);
    },
  );

  it("rejects an unknown kind before anything runs", async () => {
    const before = await resourceCount();
    const res = await coordinator(CREATE, { input: validInput({ kind: "CASINO" }) });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(await resourceCount()).toBe(before);
  });

  it("rejects null for a field that must have a value on update", async () => {
    const { id } = await t.factories.resource({ organizationId: orgId, description: "元の説明" });
    const res = await coordinator(UPDATE, { input: { id, description: null } });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(res)).toContain("input.description");
    expect((await t.db.getRepository(Resource).findOneByOrFail({ id })).description).toBe("元の説明");
  });

  it("caps the page size", async () => {
    const res = await t.anonymous(`{ resources(first: 101) { totalCount } }`);
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(res)).toContain("first");
  });

  it("answers NOT_FOUND for a missing or malformed id", async () => {
    expect(codesOf(await t.anonymous(`{ resource(id: "00000000-0000-4000-8000-000000000000") { id } }`))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codesOf(await t.anonymous(`{ resource(id: "nope") { id } }`))).toEqual(["NOT_FOUND"]);
  });

  it("requires sign-in to write", async () => {
    const before = await resourceCount();
    expect(codesOf(await t.anonymous(CREATE, { input: validInput() }))).toEqual(["UNAUTHENTICATED"]);
    expect(await resourceCount()).toBe(before);
  });

  it("sets status and stamps verification", async () => {
    const { id } = await t.factories.resource({ organizationId: orgId });
    const paused = await coordinator(
      `mutation($input: SetResourceStatusInput!) { setResourceStatus(input: $input) { resource { status } } }`,
      { input: { id, status: "PAUSED" } },
    );
    expect(paused.data!.setResourceStatus.resource.status).toBe("PAUSED");
    const verified = await coordinator(
      `mutation($input: VerifyResourceInput!) { verifyResource(input: $input) { resource { verifiedAt } } }`,
      { input: { id } },
    );
    expect(Date.now() - Date.parse(verified.data!.verifyResource.resource.verifiedAt)).toBeLessThan(60_000);
  });
});

describe("host isolation", () => {
  it("lets a HOST edit its own organization's listings and no one else's", async () => {
    const own = await t.factories.organization();
    const other = await t.factories.organization();
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: own.id }));
    const mine = await t.factories.resource({ organizationId: own.id, capacity: 10 });
    const theirs = await t.factories.resource({ organizationId: other.id, capacity: 10 });

    const ok = await host(UPDATE, { input: { id: mine.id, openings: 3 } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateResource.resource.openings).toBe(3);

    const denied = await host(UPDATE, { input: { id: theirs.id, openings: 3 } });
    expect(codesOf(denied)).toEqual(["FORBIDDEN"]);
    expect((await t.db.getRepository(Resource).findOneByOrFail({ id: theirs.id })).openings).toBeNull();

    expect(codesOf(await host(CREATE, { input: validInput({ organizationId: other.id }) }))).toEqual(["FORBIDDEN"]);
    expect(
      codesOf(
        await host(`mutation($input: VerifyResourceInput!) { verifyResource(input: $input) { resource { id } } }`, {
          input: { id: theirs.id },
        }),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      (
        await host(`mutation($input: VerifyResourceInput!) { verifyResource(input: $input) { resource { id } } }`, {
          input: { id: mine.id },
        })
      ).errors,
    ).toBeUndefined();

    const seen = await host(
      `query($a: ID!, $b: ID!) { a: resource(id: $a) { viewerCan { update } } b: resource(id: $b) { viewerCan { update } } }`,
      { a: mine.id, b: theirs.id },
    );
    expect(seen.data).toEqual({ a: { viewerCan: { update: true } }, b: { viewerCan: { update: false } } });
  });

  it("gives a VIEWER read access only", async () => {
    const viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
    const { id } = await t.factories.resource({ organizationId: orgId });
    expect(codesOf(await viewer(UPDATE, { input: { id, openings: 1 } }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await viewer(CREATE, { input: validInput() }))).toEqual(["FORBIDDEN"]);
  });
});
