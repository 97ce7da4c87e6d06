import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

let t: TestApp;
let coordinator: Gql;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const ARCHIVE = `mutation($input: SetOrganizationArchivedInput!) { setOrganizationArchived(input: $input) { organization { id archivedAt } } }`;
const LIST = `query($text: String, $all: Boolean!) { organizations(text: $text, includeArchived: $all, first: 10) { edges { node { id } } } }`;
const ids = (r: any) => r.data.organizations.edges.map((e: any) => e.node.id);

describe("廃止 of an organization", () => {
  it("keeps it for its listings, leaves it out of the choices, and gives it no new listing", async () => {
    const org = await t.factories.organization({ name: "廃止される会" });
    const listing = await t.factories.resource({ organizationId: org.id });
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: org.id }));
    expect(codesOf(await host(ARCHIVE, { input: { id: org.id, archived: true } }))).toEqual(["FORBIDDEN"]);

    const archived = await coordinator(ARCHIVE, { input: { id: org.id, archived: true } });
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.setOrganizationArchived.organization.archivedAt).not.toBeNull();

    expect(ids(await t.anonymous(LIST, { text: "廃止される会", all: false }))).toEqual([]);
    expect(ids(await coordinator(LIST, { text: "廃止される会", all: true }))).toEqual([org.id]);
    const still = await t.anonymous(`query($id: ID!) { resource(id: $id) { organization { id } } }`, {
      id: listing.id,
    });
    expect(still.data!.resource.organization.id).toBe(org.id);

    const refused = await coordinator(
      `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      { input: { name: "新しいサロン", kind: "SALON", organizationId: org.id } },
    );
    expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(refused)).toEqual(["input.organizationId"]);
    expect(JSON.stringify(refused.errors)).toContain("この団体は廃止されています");

    const restored = await coordinator(ARCHIVE, { input: { id: org.id, archived: false } });
    expect(restored.data!.setOrganizationArchived.organization.archivedAt).toBeNull();
    expect(ids(await t.anonymous(LIST, { text: "廃止される会", all: false }))).toEqual([org.id]);
  });
});
