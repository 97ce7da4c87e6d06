import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import type { Organization } from "./organization.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

/** 公開用の連絡先 for everyone, 職員向けの連絡先 (named person, phone, e-mail) for staff and the organization's hosts. */
let t: TestApp;
let org: Organization;
let listingId: string;
let coordinator: Gql;
let viewer: Gql;
let ownHost: Gql;
let otherHost: Gql;

const PRIVATE = {
  contactName: "担当 山本直樹",
  contactPhone: "090-1111-2222",
  contactEmail: "naoki@private.example.jp",
};
const PUBLIC = {
  publicPhone: "042-555-0199",
  publicEmail: "info@wakaba.example.jp",
  publicContactNote: "平日 9時〜17時",
};
const FIELDS = "contactName contactPhone contactEmail publicPhone publicEmail publicContactNote";

beforeAll(async () => {
  t = await createTestApp();
  org = await t.factories.organization({ name: "若葉会", ...PRIVATE, ...PUBLIC });
  listingId = (await t.factories.resource({ organizationId: org.id, name: "若葉サロン" })).id;
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  viewer = await t.asViewer(await t.factories.user({ role: UserRole.VIEWER }));
  ownHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: org.id }));
  otherHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
  await t.indexNow();
});
afterAll(() => t.close());

/** Every GraphQL path to an organization that an anonymous caller may take. */
async function everyPublicPath(gql: Gql): Promise<unknown[]> {
  const one = await gql(`query($id: ID!) { organization(id: $id) { ${FIELDS} } }`, { id: org.id });
  const list = await gql(`{ organizations(text: "若葉会", first: 5) { edges { node { ${FIELDS} } } } }`);
  const listing = await gql(`query($id: ID!) { resource(id: $id) { organization { ${FIELDS} } } }`, { id: listingId });
  const search = await gql(
    `{ searchResources(input: { text: "若葉サロン" }, first: 5) { edges { node { organization { ${FIELDS} } } } } }`,
  );
  for (const r of [one, list, listing, search]) expect(r.errors).toBeUndefined();
  return [
    one.data!.organization,
    ...list.data!.organizations.edges.map((e: any) => e.node),
    listing.data!.resource.organization,
    ...search.data!.searchResources.edges.map((e: any) => e.node.organization),
  ];
}

describe("an organization's contact data", () => {
  it("anonymous callers and other hosts get the public contact only, on every path", async () => {
    for (const gql of [t.anonymous, otherHost]) {
      const seen = await everyPublicPath(gql);
      expect(seen.length).toBeGreaterThanOrEqual(4);
      for (const o of seen) {
        expect(o).toEqual({ contactName: null, contactPhone: null, contactEmail: null, ...PUBLIC });
      }
    }
  });

  it("staff and the organization's own hosts see both groups", async () => {
    for (const gql of [coordinator, viewer, ownHost]) {
      for (const o of await everyPublicPath(gql)) expect(o).toEqual({ ...PRIVATE, ...PUBLIC });
    }
  });

  it("the public fields are entered on their own, checked, and never filled from the private ones", async () => {
    const create = await coordinator(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id ${FIELDS} } } }`,
      { input: { name: "新しい会", orgType: "NPO", ...PRIVATE } },
    );
    expect(create.errors).toBeUndefined();
    expect(create.data!.createOrganization.organization).toMatchObject({
      ...PRIVATE,
      publicPhone: null,
      publicEmail: null,
      publicContactNote: null,
    });
    const id = create.data!.createOrganization.organization.id;
    const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { ${FIELDS} } } }`;
    const bad = await coordinator(UPDATE, {
      input: { id, publicPhone: "電話", publicEmail: "not-an-email", publicContactNote: "x".repeat(201) },
    });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(bad).sort()).toEqual(["input.publicContactNote", "input.publicEmail", "input.publicPhone"]);
    const [row] = await t.db.query(
      "SELECT public_phone, public_email, public_contact_note FROM organization WHERE id = $1",
      [id],
    );
    expect(row).toEqual({ public_phone: null, public_email: null, public_contact_note: null });

    const ok = await coordinator(UPDATE, { input: { id, ...PUBLIC } });
    expect(ok.data!.updateOrganization.organization).toEqual({ ...PRIVATE, ...PUBLIC });
    expect(
      (await t.anonymous(`query($id: ID!) { organization(id: $id) { ${FIELDS} } }`, { id })).data!.organization,
    ).toEqual({ contactName: null, contactPhone: null, contactEmail: null, ...PUBLIC });
  });
});
