import type { Logger } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Organization } from "../organizations/organization.entity.js";
import { Resource } from "../resources/resource.entity.js";
import { ResourceKind } from "../resources/resource.enums.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { ResourceSource } from "./catalog-import.entity.js";
import type { ImportedListing, ImportedListingValues, ParsedCatalogFile } from "./imported-listing.js";
import { commitImport, previewImport } from "./import-engine.js";
import { reportLines } from "./import-plan.js";

/*
 * What a commit must not get wrong: the listings' history, hosts that were 廃止, and listings that changed between
 * the preview and the commit. On hand-made parsed files, against the real database.
 */

let t: TestApp;
let coordinator: Gql;
let coordinatorId: string;
let dataset: string;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinatorId = user.id;
  coordinator = await t.asViewer(user);
});
afterAll(() => t.close());

const row = (id: string, values: Partial<ImportedListingValues> = {}, host = "特定非営利活動法人 むらやま食堂") =>
  ({
    rowNumber: 2,
    source: {
      publisher: "武蔵村山市",
      dataset,
      sourceId: id,
      licence: "CC BY 4.0",
      attribution: `出典：武蔵村山市 ${dataset} (CC BY 4.0)`,
      fileDate: "2026-11-01",
    },
    organizationName: host,
    values: {
      name: `むらやまこども食堂 ${id}`,
      kind: ResourceKind.KODOMO_SHOKUDO,
      address: `東京都武蔵村山市本町${id}`,
      contactPhone: "042-000-0000",
      ...values,
    },
    kindGuess: { from: "KIND_COLUMN", text: "子ども食堂" },
    needsReview: [],
  }) satisfies ImportedListing;

const file = (listings: ImportedListing[]): ParsedCatalogFile => ({
  layout: "KODOMO_SHOKUDO",
  encoding: "UTF8",
  sheet: null,
  headers: ["ID", "名称"],
  listings: listings.map((l, i) => ({ ...l, rowNumber: i + 2 })),
  repairs: [],
  rejected: [],
});

const newDataset = () => {
  dataset = `子ども食堂一覧 commit ${++n}`;
};
const resourcesOfDataset = async () => {
  const ids = (await t.db.getRepository(ResourceSource).findBy({ dataset })).map((s) => s.resourceId);
  return ids.length
    ? t.db.getRepository(Resource).find({ where: ids.map((id) => ({ id })), order: { name: "ASC" } })
    : [];
};
const historyOf = async (id: string) => {
  const res = await coordinator(
    `query($id: ID!) { resource(id: $id) { changeHistory { kind actorName importedFrom changes { field before after } } } }`,
    { id },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.resource.changeHistory as {
    kind: string;
    actorName: string | null;
    importedFrom: string | null;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];
};
const edit = async (id: string, input: Record<string, unknown>) => {
  const res = await coordinator(
    `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
    { input: { id, ...input } },
  );
  expect(res.errors).toBeUndefined();
};

describe("catalog import commit", () => {
  it("records each created and updated listing in its history as the importing user's, with the dataset and file", async () => {
    newDataset();
    const user = await t.factories.user({ role: UserRole.COORDINATOR, displayName: "取込 花子" });
    await commitImport(t.db, await previewImport(t.db, file([row("1"), row("2")])), {
      actorUserId: user.id,
      fileName: "kodomo.csv",
      batchSize: 1,
    });
    const [one, two] = await resourcesOfDataset();
    for (const r of [one, two]) {
      const [created] = await historyOf(r.id);
      expect(created).toMatchObject({
        kind: "CREATE",
        actorName: "取込 花子",
        importedFrom: `武蔵村山市 ${dataset} (kodomo.csv)`,
      });
      expect(created.changes).toEqual(
        expect.arrayContaining([
          { field: "name", before: null, after: r.name },
          { field: "address", before: null, after: r.address },
          { field: "contactPhone", before: null, after: "042-000-0000" },
        ]),
      );
    }

    // Next month: row 1's address changes (an update); row 2 is the same (no entry).
    await commitImport(
      t.db,
      await previewImport(t.db, file([row("1", { address: "東京都武蔵村山市学園1-1" }), row("2")])),
      { actorUserId: user.id, fileName: "kodomo-12.csv" },
    );
    const history = await historyOf(one.id);
    expect(history.map((h) => h.kind)).toEqual(["UPDATE", "CREATE"]);
    expect(history[0]).toEqual({
      kind: "UPDATE",
      actorName: "取込 花子",
      importedFrom: `武蔵村山市 ${dataset} (kodomo-12.csv)`,
      changes: [{ field: "address", before: "東京都武蔵村山市本町1", after: "東京都武蔵村山市学園1-1" }],
    });
    expect((await historyOf(two.id)).map((h) => h.kind)).toEqual(["CREATE"]);

    // An edit in the app is not marked as an import.
    await edit(two.id, { contactName: "山田" });
    expect(await historyOf(two.id).then((h) => h[0])).toMatchObject({ kind: "UPDATE", importedFrom: null });
  });

  it("keeps a second phone number (電話番号2) on the listing, in its history, and updates it", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("1", { contactPhone2: "090-0000-0002" })])));
    const [one] = await resourcesOfDataset();
    expect([one.contactPhone, one.contactPhone2]).toEqual(["042-000-0000", "090-0000-0002"]);
    expect((await historyOf(one.id))[0].changes).toContainEqual({
      field: "contactPhone2",
      before: null,
      after: "090-0000-0002",
    });
    const plan = await previewImport(t.db, file([row("1", { contactPhone2: "090-0000-0003" })]));
    expect(plan.rows[0].changes.map((c) => c.field)).toEqual(["contactPhone2"]);
    await commitImport(t.db, plan);
    expect((await resourcesOfDataset())[0].contactPhone2).toBe("090-0000-0003");
  });

  it("writes a batch's history in one statement", async () => {
    newDataset();
    const plan = await previewImport(t.db, file(Array.from({ length: 30 }, (_, i) => row(`B${i}`))));
    const statements: string[] = [];
    const counter: Logger = {
      logQuery: (query: string) => void statements.push(query),
      logQueryError() {},
      logQuerySlow() {},
      logSchemaBuild() {},
      logMigration() {},
      log() {},
    };
    const logger = t.db.logger;
    t.db.setOptions({ logger: counter });
    try {
      await commitImport(t.db, plan, { actorUserId: coordinatorId, batchSize: 1_000 });
    } finally {
      t.db.setOptions({ logger });
    }
    const inserts = statements.filter((q) => /INSERT INTO "?resource_change"?/.test(q));
    expect(inserts).toHaveLength(1);
    const count: { n: number }[] = await t.db.query(
      "SELECT count(*)::int AS n FROM resource_change WHERE resource_id = ANY($1)",
      [(await resourcesOfDataset()).map((r) => r.id)],
    );
    expect(count[0].n).toBe(30);
  });

  it("does not attach listings to a 廃止 organization: the preview says so and the commit makes a new one", async () => {
    newDataset();
    const host = `社会福祉法人 廃止テスト会 ${n}`;
    const old = await t.factories.organization({ name: host, archivedAt: new Date() });
    const plan = await previewImport(t.db, file([row("1", {}, host), row("2", {}, host), row("3")]));
    expect(plan.archivedHosts).toEqual([{ name: host, rows: 2 }]);
    const lines = [...reportLines(plan, [])].filter((l) => l.action === "ARCHIVED_HOST");
    expect(lines).toEqual([
      expect.objectContaining({ before: host, reason: expect.stringContaining("廃止されています") }),
    ]);

    await commitImport(t.db, plan);
    const resources = await resourcesOfDataset();
    const hosts = new Set(resources.slice(0, 2).map((r) => r.organizationId));
    expect(hosts.size).toBe(1);
    const [hostId] = hosts;
    expect(hostId).not.toBe(old.id);
    const organizations = await t.db.getRepository(Organization).findBy({ name: host });
    expect(organizations.map((o) => [o.id === old.id, o.archivedAt === null]).sort()).toEqual([
      [false, true],
      [true, false],
    ]);

    // Once it exists, the next file's rows go to the new organization and the preview has nothing to say.
    newDataset();
    const next = await previewImport(t.db, file([row("9", {}, host)]));
    expect(next.archivedHosts).toEqual([]);
    await commitImport(t.db, next);
    expect((await resourcesOfDataset())[0].organizationId).toBe(hostId);
  });

  it("re-checks the plan at commit: an edit made after the preview is kept and reported", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("1"), row("2"), row("3")])));
    const [one, two, three] = await resourcesOfDataset();
    // The city changes rows 1 and 2's phone and row 3's address; the preview plans three updates.
    const next = file([
      row("1", { contactPhone: "042-999-0001" }),
      row("2", { contactPhone: "042-999-0002" }),
      row("3", { address: "東京都武蔵村山市中藤3" }),
      row("4"),
    ]);
    const plan = await previewImport(t.db, next);
    expect(plan.rows.map((r) => r.action)).toEqual(["UPDATE", "UPDATE", "UPDATE", "CREATE"]);

    // Between the preview and the commit: row 1's phone is edited in tsunagu, row 3's contact name too (a field
    // the file does not change), and row 4 is created by another import of the same file.
    await edit(one.id, { contactPhone: "042-111-1111" });
    await edit(three.id, { contactName: "中藤 太郎" });
    await commitImport(t.db, await previewImport(t.db, file([row("4")])));
    const fourId = (await resourcesOfDataset()).find((r) => r.name.endsWith(" 4"))!.id;

    const result = await commitImport(t.db, plan, { overwriteEdited: true });
    expect(result).toMatchObject({ created: 0, updated: 2, conflictsKept: 1, overwritten: 0, unchanged: 1 });
    expect(result.changedSincePreview.map((l) => [l.rowNumber, l.action, l.column])).toEqual([
      [2, "UPDATE", "電話番号"],
      [4, "UPDATE", "住所"],
      [5, "CREATE", ""],
    ]);
    expect(result.changedSincePreview[0].reason).toContain("編集を残し");

    const after = await resourcesOfDataset();
    expect(after).toHaveLength(4); // row 4 not duplicated
    const byName = (s: string) => after.find((r) => r.name.endsWith(s))!;
    expect(byName(" 1").contactPhone).toBe("042-111-1111"); // the edit made after the preview is kept
    expect(byName(" 2").contactPhone).toBe("042-999-0002");
    expect([byName(" 3").address, byName(" 3").contactName]).toEqual(["東京都武蔵村山市中藤3", "中藤 太郎"]);
    expect(byName(" 4").id).toBe(fourId);
    expect(two.id).toBe(byName(" 2").id);
  });

  it("does not bring back a listing deleted after the preview", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("1")])));
    const [one] = await resourcesOfDataset();
    const plan = await previewImport(t.db, file([row("1", { address: "東京都武蔵村山市三ツ木1" })]));
    expect(plan.rows[0].action).toBe("UPDATE");
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    const removed = await admin(
      `mutation($input: DeleteResourceInput!) { deleteResource(input: $input) { deletedId } }`,
      {
        input: { id: one.id },
      },
    );
    expect(removed.errors).toBeUndefined();

    const result = await commitImport(t.db, plan);
    expect(result).toMatchObject({ created: 0, updated: 0 });
    expect(result.changedSincePreview).toEqual([
      expect.objectContaining({ rowNumber: 2, reason: expect.stringContaining("削除されています") }),
    ]);
    expect(await resourcesOfDataset()).toEqual([]);
  });
});
