import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { today } from "@tsunagu/calendar";
import { Resource } from "../resources/resource.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { RowCounter, diffCounts } from "./row-counts.js";

// One test per INTERNAL_SERVER_ERROR that `npm run fuzz` found, so that each stays fixed.
let t: TestApp;
let admin: Gql;
let coordinator: Gql;
let counter: RowCounter;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  counter = new RowCounter(t.db);
});
afterAll(() => t?.close());

describe("inputs the fuzzer found answered with INTERNAL_SERVER_ERROR", () => {
  it("deleteArea with a malformed id is NOT_FOUND (PostgreSQL refused the uuid cast)", async () => {
    for (const id of ["-1125286157", "not-a-uuid", ""]) {
      expect(codesOf(await admin(`mutation($id: ID!) { deleteArea(id: $id) }`, { id })), id).toEqual(["NOT_FOUND"]);
    }
  });

  it("deleteResource of a listing that has matches is a CONFLICT (a foreign key refused it); one without is deleted", async () => {
    const used = await t.factories.resource();
    await t.factories.match({ resourceId: used.id });
    const del = `mutation($input: DeleteResourceInput!) { deleteResource(input: $input) { deletedId } }`;
    const before = await counter.counts();
    expect(codesOf(await coordinator(del, { input: { id: used.id } }))).toEqual(["CONFLICT"]);
    expect(diffCounts(before, await counter.counts())).toEqual([]);
    const unused = await t.factories.resource();
    expect((await coordinator(del, { input: { id: unused.id } })).data?.deleteResource.deletedId).toBe(unused.id);
    expect(await t.db.getRepository(Resource).existsBy({ id: unused.id })).toBe(false);
  });

  it("a NUL character in any string argument is BAD_USER_INPUT for that field, at any depth (PostgreSQL cannot store it)", async () => {
    const person = await t.factories.person();
    const org = await t.factories.organization();
    const before = await counter.counts();
    const consent = await coordinator(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      {
        input: {
          personId: person.id,
          purpose: "HOST_REFERRAL",
          facts: ["DISPLAY_NAME"],
          method: "VERBAL",
          givenOn: today(),
          note: "a\u0000b",
        },
      },
    );
    expect(codesOf(consent)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(consent)).toEqual(["input.note"]);
    const area = await admin(`mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } } }`, {
      input: { type: "TOWN", name: "\u0000", parentIds: [] },
    });
    expect(fieldsOf(area)).toEqual(["input.name"]);
    const resource = await coordinator(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      {
        input: {
          organizationId: org.id,
          name: "居場所",
          nameKana: "イバショ",
          kind: "IBASHO",
          activities: ["体操", "畑\u0000"],
        },
      },
    );
    expect(fieldsOf(resource)).toEqual(["input.activities.1"]);
    expect(fieldsOf(await admin(`mutation($id: ID!) { deleteArea(id: $id) }`, { id: "\u0000" }))).toEqual(["id"]);
    expect(
      codesOf(
        await t.anonymous(`query($input: SearchResourcesInput!) { searchResources(input: $input) { totalCount } }`, {
          input: { text: "サロン\u0000" },
        }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(diffCounts(before, await counter.counts())).toEqual([]);
  });

  it("a lone surrogate (ill-formed UTF-16) in a string is BAD_USER_INPUT; validator.js's isEmail threw a URIError on it", async () => {
    const res = await coordinator(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: "団体", nameKana: "ダンタイ", orgType: "NPO", contactEmail: "a\ud800@example.jp" } },
    );
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(res)).toEqual(["input.contactEmail"]);
    // A well-formed pair (an emoji) is fine.
    const ok = await coordinator(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { name } } }`,
      { input: { name: "団体😀", nameKana: "ダンタイ", orgType: "NPO" } },
    );
    expect(ok.data?.createOrganization.organization.name).toBe("団体😀");
  });

  it("a forged page cursor whose values PostgreSQL cannot cast is BAD_USER_INPUT (uuid and timestamptz casts failed)", async () => {
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const uuid = "e01130d6-991d-417a-b155-c024f151a205";
    // Bad for every keyset list (an empty or malformed uuid, NUL in the text) and of the wrong length for the search's.
    const forged = [cursor(["テスト", ""]), cursor(["テスト", "g"]), cursor(["a\u0000", uuid])];
    const lists = [
      `query($after: String) { resources(first: 2, after: $after) { totalCount } }`,
      `query($after: String) { organizations(first: 2, after: $after) { totalCount } }`,
      `query($after: String) { persons(first: 2, after: $after) { totalCount } }`,
      `query($after: String) { matches(first: 2, after: $after) { totalCount } }`,
      `query($after: String) { searchResources(first: 2, after: $after) { totalCount } }`,
    ];
    for (const query of lists) {
      for (const after of forged)
        expect(codesOf(await admin(query, { after })), `${query} ${after}`).toEqual(["BAD_USER_INPUT"]);
    }
    // The match board's cursor holds a timestamp: only one Date#toISOString could have written.
    for (const at of ["not a date", "1e10", "2026-02-30T00:00:00.000Z", "2026-01-01"]) {
      expect(codesOf(await admin(lists[3], { after: cursor([at, uuid]) })), at).toEqual(["BAD_USER_INPUT"]);
    }
    // A cursor the server wrote still pages.
    for (let i = 0; i < 3; i++) await t.factories.match();
    const page = await admin(
      `query($after: String) { matches(first: 1, after: $after) { edges { cursor node { id } } } }`,
      {},
    );
    const next = await admin(`query($after: String) { matches(first: 1, after: $after) { edges { node { id } } } }`, {
      after: page.data!.matches.edges[0].cursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data!.matches.edges[0].node.id).not.toBe(page.data!.matches.edges[0].node.id);
  });

  it("more than 50 bad values in the variables is BAD_USER_INPUT throughout (graphql-js's error limit was INTERNAL)", async () => {
    const res = await t.anonymous(
      `query($input: SearchResourcesInput!) { searchResources(input: $input) { totalCount } }`,
      { input: { kinds: Array.from({ length: 60 }, (_, i) => `NOT_A_KIND_${i}`) } },
    );
    expect(res.errors!.length).toBeGreaterThan(50);
    expect(new Set(codesOf(res))).toEqual(new Set(["BAD_USER_INPUT"]));
  });
  it("an ADMIN's account operations on a user id that does not exist are NOT_FOUND (resetTwoFactor was INTERNAL)", async () => {
    const input = { userId: "7f83ffe4-b8ac-42b9-8235-1d7b2cec615e" };
    for (const op of ["resetTwoFactor", "deactivateUser", "reactivateUser", "issueTemporaryPassword", "signOutUser"]) {
      const res = await admin(`mutation($input: UserIdInput!) { ${op}(input: $input) { __typename } }`, { input });
      expect(codesOf(res), op).toEqual(["NOT_FOUND"]);
    }
    const role = `mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }`;
    expect(codesOf(await admin(role, { input: { ...input, role: "VIEWER" } }))).toEqual(["NOT_FOUND"]);
  });
});
