import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";

/**
 * A listing's contact: its phones and e-mail are its public contact (the directory shows them to anyone); its
 * 担当者名 is a named person, for staff and the listing's own hosts only, on every GraphQL path to a listing.
 */
let t: TestApp;
let listingId: string;
let orgId: string;
let coordinator: Gql;
let viewer: Gql;
let ownHost: Gql;
let otherHost: Gql;

const NAME = "担当 佐々木美穂";
const PUBLIC = { contactPhone: "042-555-0123", contactPhone2: "042-555-0124", contactEmail: "salon@example.jp" };
const FIELDS = "contactName contactPhone contactPhone2 contactEmail";

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.factories.organization({ name: "はなみずき会" })).id;
  listingId = (
    await t.factories.resource({ organizationId: orgId, name: "はなみずきサロン", contactName: NAME, ...PUBLIC })
  ).id;
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
  ownHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: orgId }));
  otherHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
  await t.indexNow();
});
afterAll(() => t.close());

/** The listing as read through each way in: by id, in the list, and in search. */
async function everyPath(gql: Gql): Promise<unknown[]> {
  const one = await gql(`query($id: ID!) { resource(id: $id) { ${FIELDS} } }`, { id: listingId });
  const list = await gql(
    `query($org: ID) { resources(organizationId: $org, first: 5) { edges { node { ${FIELDS} } } } }`,
    {
      org: orgId,
    },
  );
  const search = await gql(
    `{ searchResources(input: { text: "はなみずきサロン" }, first: 5) { edges { node { ${FIELDS} } } } }`,
  );
  for (const r of [one, list, search]) expect(r.errors).toBeUndefined();
  const seen = [
    one.data!.resource,
    ...list.data!.resources.edges.map((e: any) => e.node),
    ...search.data!.searchResources.edges.map((e: any) => e.node),
  ];
  expect(seen).toHaveLength(3);
  return seen;
}

describe("a listing's contact", () => {
  it("anonymous callers and other organizations' hosts get the public phones and e-mail, and no 担当者名", async () => {
    for (const gql of [t.anonymous, otherHost]) {
      for (const r of await everyPath(gql)) expect(r).toEqual({ contactName: null, ...PUBLIC });
    }
  });

  it("staff (a coordinator, a viewer) and the listing's own hosts also get the 担当者名", async () => {
    for (const gql of [coordinator, viewer, ownHost]) {
      for (const r of await everyPath(gql)) expect(r).toEqual({ contactName: NAME, ...PUBLIC });
    }
  });

  it("an own host's edit keeps the 担当者名 it was shown, and the anonymous still do not see it", async () => {
    const saved = await ownHost(`query($id: ID!) { resource(id: $id) { version ${FIELDS} } }`, { id: listingId });
    const { version, ...contact } = saved.data!.resource;
    const updated = await ownHost(
      `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { ${FIELDS} } } }`,
      { input: { id: listingId, expectedVersion: version, ...contact, contactPhone: "042-555-0199" } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateResource.resource).toEqual({
      ...PUBLIC,
      contactName: NAME,
      contactPhone: "042-555-0199",
    });
    const anonymous = await t.anonymous(`query($id: ID!) { resource(id: $id) { ${FIELDS} } }`, { id: listingId });
    expect(anonymous.data!.resource).toEqual({ ...PUBLIC, contactName: null, contactPhone: "042-555-0199" });
  });
});
