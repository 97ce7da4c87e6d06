import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
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

const CREATE = `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id centerLat centerLng } } }`;
const UPDATE = `mutation($input: UpdateAreaInput!) { updateArea(input: $input) { area { id centerLat centerLng } } }`;
const ARCHIVE = `mutation($input: SetAreaArchivedInput!) { setAreaArchived(input: $input) { area { id archivedAt } } }`;
const LIST = `query($all: Boolean!) { areas(includeArchived: $all) { id } }`;

describe("an area's centre and 廃止", () => {
  it("keeps a centre point set by an ADMIN, both coordinates or neither", async () => {
    const created = await admin(CREATE, {
      input: { type: "WELFARE_AREA", name: "中心のある地区", centerLat: 35.68, centerLng: 139.76 },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createArea.area.id;
    expect(created.data!.createArea.area).toMatchObject({ centerLat: 35.68, centerLng: 139.76 });
    const read = await t.anonymous(`query($id: ID!) { area(id: $id) { centerLat centerLng } }`, { id });
    expect(read.data!.area).toEqual({ centerLat: 35.68, centerLng: 139.76 });

    const half = await admin(UPDATE, { input: { id, centerLng: null } });
    expect(codesOf(half)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(half)).toEqual(["input.centerLat"]);
    expect(JSON.stringify(half.errors)).toContain("中心点の緯度と経度は両方入力してください");
    const outOfRange = await admin(UPDATE, { input: { id, centerLat: 369.56 } });
    expect(fieldsOf(outOfRange)).toEqual(["input.centerLat"]);

    const cleared = await admin(UPDATE, { input: { id, centerLat: null, centerLng: null } });
    expect(cleared.data!.updateArea.area).toMatchObject({ centerLat: null, centerLng: null });
  });

  it("archives an area in use instead of deleting it: it stays on its listings and leaves the lists of choices", async () => {
    const area = await t.factories.area({ name: "廃止する地区" });
    const listing = await t.factories.resource({ areaIds: [area.id] });
    const refused = await admin(`mutation($id: ID!) { deleteArea(id: $id) }`, { id: area.id });
    expect(codesOf(refused)).toEqual(["CONFLICT"]);
    expect(JSON.stringify(refused.errors)).toContain("「廃止」にしてください");

    expect(codesOf(await coordinator(ARCHIVE, { input: { id: area.id, archived: true } }))).toEqual(["FORBIDDEN"]);
    const archived = await admin(ARCHIVE, { input: { id: area.id, archived: true } });
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.setAreaArchived.area.archivedAt).not.toBeNull();

    const offered = await t.anonymous(LIST, { all: false });
    expect(offered.data!.areas.map((a: { id: string }) => a.id)).not.toContain(area.id);
    const all = await admin(LIST, { all: true });
    expect(all.data!.areas.map((a: { id: string }) => a.id)).toContain(area.id);
    const onListing = await t.anonymous(`query($id: ID!) { resource(id: $id) { areas { id } } }`, { id: listing.id });
    expect(onListing.data!.resource.areas).toEqual([{ id: area.id }]);

    const restored = await admin(ARCHIVE, { input: { id: area.id, archived: false } });
    expect(restored.data!.setAreaArchived.area.archivedAt).toBeNull();
  });
});
