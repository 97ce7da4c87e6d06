import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Area } from "./area.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";

let t: TestApp;
let admin: Gql;
let coordinator: Gql;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const CREATE_AREA = `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id name nameKana type parents { name } } } }`;

describe("area administration", () => {
  it("lets an ADMIN create overlapping typed areas with parents, and nobody else", async () => {
    const city = await admin(CREATE_AREA, { input: { type: "CITY", name: "テスト市", nameKana: "テストシ" } });
    const cityId = city.data!.createArea.area.id;
    const school = await admin(CREATE_AREA, {
      input: { type: "SCHOOL_DISTRICT", name: "第二小学校区", nameKana: "ダイニショウガッコウク", parentIds: [cityId] },
    });
    expect(school.data!.createArea.area).toMatchObject({ type: "SCHOOL_DISTRICT", parents: [{ name: "テスト市" }] });

    const before = await t.db.getRepository(Area).count();
    expect(codesOf(await coordinator(CREATE_AREA, { input: { type: "TOWN", name: "若葉町" } }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(CREATE_AREA, { input: { type: "TOWN", name: "若葉町" } }))).toEqual([
      "UNAUTHENTICATED",
    ]);
    const dup = await admin(CREATE_AREA, { input: { type: "CITY", name: "テスト市" } });
    expect(codesOf(dup)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(dup)).toEqual(["input.name"]);
    expect(await t.db.getRepository(Area).count()).toBe(before);
  });

  it("refuses to delete an area still used by a listing (CONFLICT) and deletes an unused one", async () => {
    const used = await t.factories.area();
    await t.factories.resource({ areaIds: [used.id] });
    expect(codesOf(await admin(`mutation($id: ID!) { deleteArea(id: $id) }`, { id: used.id }))).toEqual(["CONFLICT"]);
    const unused = await t.factories.area();
    expect((await admin(`mutation($id: ID!) { deleteArea(id: $id) }`, { id: unused.id })).data).toEqual({
      deleteArea: true,
    });
    expect(await t.db.getRepository(Area).existsBy({ id: unused.id })).toBe(false);
  });
});

describe("organizations", () => {
  const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name nameKana orgType cityRelationship viewerCan { update } } } }`;
  const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name contactPhone } } }`;

  it("creates an organization in Japanese with a suggested reading", async () => {
    const res = await coordinator(CREATE, {
      input: { name: "NPO法人 ひだまりの家", orgType: "NPO", cityRelationship: "SUBSIDIZED" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganization.organization).toMatchObject({
      name: "NPO法人 ひだまりの家",
      orgType: "NPO",
      cityRelationship: "SUBSIDIZED",
      viewerCan: { update: true },
    });
    expect(res.data!.createOrganization.organization.nameKana).toMatch(/^[ァ-ヶー\sA-Z]+$/);
  }, 30_000);

  it("lets a HOST update only its own organization, and validates contacts", async () => {
    const own = await t.factories.organization();
    const other = await t.factories.organization({ name: "よその団体" });
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: own.id }));
    expect(
      (await host(UPDATE, { input: { id: own.id, contactPhone: "042-555-0101" } })).data!.updateOrganization
        .organization.contactPhone,
    ).toBe("042-555-0101");
    expect(codesOf(await host(UPDATE, { input: { id: other.id, name: "乗っ取り" } }))).toEqual(["FORBIDDEN"]);
    expect((await t.db.getRepository(Organization).findOneByOrFail({ id: other.id })).name).toBe("よその団体");
    const bad = await host(UPDATE, { input: { id: own.id, contactPhone: "電話して", contactEmail: "not-an-email" } });
    expect(fieldsOf(bad).sort()).toEqual(["input.contactEmail", "input.contactPhone"]);
    expect(codesOf(await host(CREATE, { input: { name: "新しい団体", orgType: "NPO" } }))).toEqual(["FORBIDDEN"]);
  });
});
