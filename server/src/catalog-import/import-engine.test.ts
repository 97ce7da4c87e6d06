import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { Resource } from "../resources/resource.entity.js";
import { ResourceKind, ResourceStatus, TargetGroup } from "../resources/resource.enums.js";
import { documentHandover } from "../search/document-handover.js";
import { loadResourceDocuments } from "../search/resource-document.js";
import { enqueueResources } from "../search/search-outbox.js";
import { writeSearchText } from "../search/search-text.js";
import { ScheduleFrequency, Weekday } from "../schedules/schedule.value.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { ResourceSource } from "./catalog-import.entity.js";
import type { ImportedListing, ImportedListingValues, ParsedCatalogFile } from "./imported-listing.js";
import { commitImport, previewImport } from "./import-engine.js";
import { reportCsv } from "./report-csv.js";

/* The engine on hand-made parsed files (the readers are tested on bytes in read/): what it plans, what it writes. */

let t: TestApp;
let coordinator: Gql;
let dataset: string;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const SATURDAY_LUNCH = {
  rules: [
    {
      frequency: ScheduleFrequency.MONTHLY_NTH_WEEKDAY,
      weekdays: [Weekday.SAT],
      nthWeeks: [3],
      dates: [],
      startTime: "11:30",
      endTime: "13:30",
    },
  ],
  closedOnHolidays: false,
  closedYearEnd: false,
  closedDates: [],
  note: null,
};

/** A row of a 子ども食堂一覧 file, by its ID column; each test uses a dataset of its own. */
const row = (id: string, values: Partial<ImportedListingValues> = {}, rowNumber = 2): ImportedListing => ({
  rowNumber,
  source: {
    publisher: "武蔵村山市",
    dataset,
    sourceId: id,
    licence: "CC BY 4.0",
    attribution: `出典：武蔵村山市 ${dataset} (CC BY 4.0)`,
    fileDate: "2026-11-01",
  },
  organizationName: "特定非営利活動法人 むらやま食堂",
  values: {
    name: `むらやまこども食堂 ${id}`,
    nameKana: "ムラヤマコドモショクドウ",
    kind: ResourceKind.KODOMO_SHOKUDO,
    address: `東京都武蔵村山市本町${id}`,
    lat: 35.754,
    lng: 139.387,
    schedule: SATURDAY_LUNCH,
    targetGroups: [],
    contactPhone: "042-000-0000",
    ...values,
  },
  kindGuess: { from: "KIND_COLUMN", text: "子ども食堂" },
  needsReview: [],
});

const file = (listings: ImportedListing[], extra: Partial<ParsedCatalogFile> = {}): ParsedCatalogFile => ({
  layout: "KODOMO_SHOKUDO",
  encoding: "CP932",
  sheet: null,
  headers: ["ID", "名称"],
  listings: listings.map((l, i) => ({ ...l, rowNumber: l.rowNumber === 2 ? i + 2 : l.rowNumber })),
  repairs: [],
  rejected: [],
  ...extra,
});

const newDataset = () => {
  dataset = `子ども食堂一覧 ${++n}`;
};
const sourcesOfDataset = () => t.db.getRepository(ResourceSource).findBy({ dataset });
const resourcesOfDataset = async () => {
  const ids = (await sourcesOfDataset()).map((s) => s.resourceId);
  return ids.length
    ? t.db.getRepository(Resource).find({ where: ids.map((id) => ({ id })), order: { name: "ASC" } })
    : [];
};

describe("catalog import engine", () => {
  it("previews creates, rejected rows, duplicates and repairs without writing anything", async () => {
    newDataset();
    const before = await t.db.getRepository(Resource).count();
    const plan = await previewImport(
      t.db,
      file([row("1"), row("2"), { ...row("1"), rowNumber: 9 }], {
        rejected: [{ rowNumber: 5, reason: "名称がありません" }],
        repairs: [{ rowNumber: 2, column: "開始時間", before: "１１：３０", after: "11:30", rule: "FULLWIDTH_DIGITS" }],
      }),
    );
    expect(plan.counts).toMatchObject({ total: 4, create: 2, duplicate: 1, rejected: 1, repairs: 1, update: 0 });
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, "CREATE"],
      [3, "CREATE"],
      [5, "REJECTED"],
      [9, "DUPLICATE"],
    ]);
    expect(await t.db.getRepository(Resource).count()).toBe(before);
  });

  it("works out each listing's schedule columns from its own schedule, when rows of a batch share one", async () => {
    newDataset();
    const weekdayMornings = {
      ...SATURDAY_LUNCH,
      rules: [
        {
          frequency: ScheduleFrequency.WEEKLY,
          weekdays: [Weekday.MON, Weekday.WED],
          nthWeeks: [],
          dates: [],
          startTime: "09:30",
          endTime: "12:00",
        },
      ],
    };
    await commitImport(
      t.db,
      await previewImport(t.db, file([row("S1"), row("S2", { schedule: weekdayMornings }, 3), row("S3", {}, 4)])),
    );
    const byName = new Map((await resourcesOfDataset()).map((r) => [r.name.split(" ")[1], r]));
    for (const id of ["S1", "S3"])
      expect(byName.get(id)).toMatchObject({ weekdays: ["SAT"], startMinutes: [690], timeBands: ["MORNING"] });
    expect(byName.get("S2")).toMatchObject({ weekdays: ["MON", "WED"], startMinutes: [570], timeBands: ["MORNING"] });
    for (const r of byName.values()) expect(r.nextSessionAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(byName.get("S1")!.nextSessionAt).toEqual(byName.get("S3")!.nextSessionAt);
    expect(new Date(byName.get("S1")!.nextSessionAt!).getDay()).not.toBe(
      new Date(byName.get("S2")!.nextSessionAt!).getDay(),
    );
  });

  it("writes each new listing's search text from the values it inserts, as reading the listing back gives it", async () => {
    newDataset();
    const full = {
      description: "毎月第3土曜日に開催。\n初めての方も歓迎です",
      activities: ["食事", "学習支援"],
      venueName: "本町地区会館",
      targetGroups: [TargetGroup.CHILDREN, TargetGroup.CHILD_REARING],
    };
    await commitImport(
      t.db,
      await previewImport(t.db, file([row("T1", full), row("T2", { nameKana: null, address: null }, 3)])),
    );
    const ids = (await sourcesOfDataset()).map((s) => s.resourceId);
    const searchText = (): Promise<{ resource_id: string; text: string; reading: string }[]> =>
      t.db.query(
        "SELECT resource_id, text, reading FROM resource_search_text WHERE resource_id = ANY($1::uuid[]) ORDER BY resource_id",
        [ids],
      );
    const written = await searchText();
    expect(written).toHaveLength(2);
    const t1 = written.find((w) => w.text.startsWith("むらやまこども食堂 t1"))!;
    for (const part of ["本町地区会館", "学習支援", "特定非営利活動法人 むらやま食堂", "初めての方も歓迎です"])
      expect(t1.text).toContain(part);
    expect(t1.reading).toContain(" muraya");
    // What the generic path (every other write) makes from the stored listing and its host.
    await t.db.transaction((tx) => writeSearchText(tx, ids));
    expect(await searchText()).toEqual(written);
  });

  it("hands each new listing's document to this process's relay as the relay would make it from the stored listing", async () => {
    newDataset();
    await commitImport(
      t.db,
      await previewImport(
        t.db,
        file([row("H1", { activities: ["食事"], venueName: "本町地区会館" }), row("H2", {}, 3)]),
      ),
    );
    const ids = (await sourcesOfDataset()).map((s) => s.resourceId);
    const queued: { id: string; entity_id: string }[] = await t.db.query(
      "SELECT id, entity_id FROM search_outbox WHERE entity_id = ANY($1::uuid[]) AND processed_at IS NULL",
      [ids],
    );
    expect(queued).toHaveLength(2);
    // Taken here, so the relay of this test reads these two itself.
    const handedOver = documentHandover.takeFor(queued);
    expect([...handedOver.keys()].sort()).toEqual([...ids].sort());
    const { docs } = await loadResourceDocuments(t.db.manager, ids);
    for (const doc of docs) expect(JSON.parse(handedOver.get(doc.id)!.toString("utf8"))).toEqual(doc);
  });

  it("the relay sends a listing changed after its import as it is now, not as the import handed it over", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("R1"), row("R2", {}, 3)])));
    const [first, second] = await resourcesOfDataset();
    // A change queued behind the import's row, as every write queues one (search-outbox.ts).
    await t.db.transaction(async (tx) => {
      await tx.query("UPDATE resource SET name = 'むらやまこども食堂 改名', updated_at = now() WHERE id = $1", [
        first.id,
      ]);
      await enqueueResources(tx, [first.id]);
    });
    const [secondRow]: { id: string; entity_id: string }[] = await t.db.query(
      "SELECT id, entity_id FROM search_outbox WHERE entity_id = $1",
      [second.id],
    );
    await t.indexNow();
    const index = t.app.searchIndex.index();
    expect((await index.getDocument(first.id)).name).toBe("むらやまこども食堂 改名");
    // The other one went as handed over: the same document the relay would have made.
    const { docs } = await loadResourceDocuments(t.db.manager, [second.id]);
    expect(await index.getDocument(second.id)).toEqual(docs[0]);
    expect(documentHandover.takeFor([secondRow]).size).toBe(0); // taken by the relay
  });

  it("commits in batches with progress, keeps each listing's source, and makes the rows searchable", async () => {
    newDataset();
    const listings = Array.from({ length: 5 }, (_, i) => row(`A${i}`));
    const progress: number[] = [];
    const result = await commitImport(t.db, await previewImport(t.db, file(listings)), {
      batchSize: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ created: 5, updated: 0 });
    expect(progress).toEqual([0, 2, 4, 5]);
    const sources = await sourcesOfDataset();
    expect(sources).toHaveLength(5);
    expect(sources[0]).toMatchObject({ publisher: "武蔵村山市", licence: "CC BY 4.0", fileDate: "2026-11-01" });
    const resources = await resourcesOfDataset();
    expect(new Set(resources.map((r) => r.organizationId)).size).toBe(1);
    expect(resources[0]).toMatchObject({ kind: "KODOMO_SHOKUDO", weekdays: ["SAT"], status: "ACTIVE" });

    await t.indexNow();
    const found = await t.anonymous(
      `query($input: SearchResourcesInput!) { searchResources(input: $input, first: 10) { totalCount edges { node { name source { publisher licence attribution } } } } }`,
      { input: { text: "むらやまこども食堂 A3" } },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchResources.edges[0].node).toEqual({
      name: "むらやまこども食堂 A3",
      source: { publisher: "武蔵村山市", licence: "CC BY 4.0", attribution: `出典：武蔵村山市 ${dataset} (CC BY 4.0)` },
    });
  });

  it("re-importing the same file changes nothing; next month's file updates, adds and reports what disappeared", async () => {
    newDataset();
    const first = [row("1"), row("2"), row("3")];
    await commitImport(t.db, await previewImport(t.db, file(first)));
    const versions = (await resourcesOfDataset()).map((r) => r.version);

    const again = await previewImport(t.db, file(first));
    expect(again.counts).toMatchObject({ unchanged: 3, create: 0, update: 0, disappeared: 0 });
    expect(await commitImport(t.db, again)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await resourcesOfDataset()).map((r) => r.version)).toEqual(versions);

    const nextMonth = [row("1", { address: "東京都武蔵村山市学園1-1" }), row("2"), row("4")];
    const plan = await previewImport(t.db, file(nextMonth));
    expect(plan.counts).toMatchObject({ update: 1, unchanged: 1, create: 1, disappeared: 1 });
    const update = plan.rows.find((r) => r.action === "UPDATE")!;
    expect(update.changes.map((c) => [c.field, JSON.parse(c.before!), JSON.parse(c.after)])).toEqual([
      ["address", "東京都武蔵村山市本町1", "東京都武蔵村山市学園1-1"],
    ]);
    expect(plan.disappeared).toEqual([
      expect.objectContaining({ sourceId: "3", name: "むらやまこども食堂 3", status: "ACTIVE" }),
    ]);

    await commitImport(t.db, plan);
    const after = await resourcesOfDataset();
    expect(after).toHaveLength(4); // never deleted, never duplicated
    expect(after.find((r) => r.name.endsWith(" 1"))!.address).toBe("東京都武蔵村山市学園1-1");
    expect(after.find((r) => r.name.endsWith(" 3"))!.status).toBe(ResourceStatus.ACTIVE);

    // The user chooses to end the listing that left the file: its status changes, it stays.
    const archived = await commitImport(t.db, await previewImport(t.db, file(nextMonth)), { archiveDisappeared: true });
    expect(archived.archived).toBe(1);
    expect((await resourcesOfDataset()).find((r) => r.name.endsWith(" 3"))!.status).toBe(ResourceStatus.ENDED);
    expect(await previewImport(t.db, file(nextMonth)).then((p) => p.counts)).toMatchObject({ unchanged: 3 });
  });

  it("does not overwrite an edit made in tsunagu unless told to, and keeps edits the file does not touch", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("1"), row("2")])));
    const [one, two] = await resourcesOfDataset();
    for (const [r, phone] of [
      [one, "042-111-1111"],
      [two, "042-222-2222"],
    ] as const) {
      const edit = await coordinator(
        `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
        { input: { id: r.id, contactPhone: phone } },
      );
      expect(edit.errors).toBeUndefined();
    }
    // Row 1: the city changed the phone too (a conflict). Row 2: the city changed only the address.
    const next = [row("1", { contactPhone: "042-999-9999" }), row("2", { address: "東京都武蔵村山市緑が丘2" })];
    const plan = await previewImport(t.db, file(next));
    expect(plan.rows.map((r) => r.action)).toEqual(["CONFLICT", "UPDATE"]);
    expect(plan.rows[0].reason).toContain("電話番号");
    expect(plan.rows[1].changes.map((c) => c.field)).toEqual(["address"]);

    await commitImport(t.db, plan);
    let [a, b] = await resourcesOfDataset();
    expect(a.contactPhone).toBe("042-111-1111");
    expect([b.contactPhone, b.address]).toEqual(["042-222-2222", "東京都武蔵村山市緑が丘2"]);

    const again = await previewImport(t.db, file(next));
    expect(again.counts).toMatchObject({ conflict: 1, unchanged: 1 });
    expect(await commitImport(t.db, again, { overwriteEdited: true })).toMatchObject({ overwritten: 1 });
    [a, b] = await resourcesOfDataset();
    expect([a.contactPhone, b.contactPhone]).toEqual(["042-999-9999", "042-222-2222"]);
    expect(await previewImport(t.db, file(next)).then((p) => p.counts)).toMatchObject({ unchanged: 2, conflict: 0 });
  });

  it("writes the report as UTF-8 CSV with a BOM: row, action, column, before, after, reason", async () => {
    newDataset();
    await commitImport(t.db, await previewImport(t.db, file([row("1"), row("2")])));
    const plan = await previewImport(
      t.db,
      file(
        [
          row("1", { address: "東京都武蔵村山市中原3" }),
          { ...row("5"), rowNumber: 3, kindGuess: { from: "NAME", text: "食堂" } },
        ],
        {
          rejected: [{ rowNumber: 4, reason: "名称がありません" }],
          repairs: [{ rowNumber: 3, column: "開催時間", before: "11：30", after: "11:30", rule: "FULLWIDTH_DIGITS" }],
        },
      ),
    );
    const csv = reportCsv(plan, plan.file.repairs);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines).toEqual([
      "行,処理,列,修正前,修正後,理由",
      "2,更新,住所,東京都武蔵村山市本町1,東京都武蔵村山市中原3,",
      "3,新規,,,むらやまこども食堂 5,",
      "3,種類の判定,種類,食堂,KODOMO_SHOKUDO,名称から",
      "3,修正,開催時間,11：30,11:30,FULLWIDTH_DIGITS",
      "4,取り込めない行,,,,名称がありません",
      `,ファイルから消えた資源,,むらやまこども食堂 2,,武蔵村山市 ${dataset} のID 2 が新しいファイルにありません (削除はしません)`,
    ]);
  });
});
