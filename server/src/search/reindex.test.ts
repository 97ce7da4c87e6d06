import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness.js";
import { RESOURCE_INDEX_SETTINGS } from "./search.settings.js";
import { reindexResources } from "./reindex.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("reindex", () => {
  it("rebuilds the index from PostgreSQL into a fresh index, swaps it in and removes the old one", async () => {
    const org = await t.factories.organization();
    for (let i = 0; i < 12; i++)
      await t.factories.resource({ organizationId: org.id, name: `再構築テスト ${i}`, description: "ことばあそび" });
    const index = t.app.searchIndex;
    // An index that has drifted: settings wiped and a document that no longer exists in PostgreSQL.
    await index.ensure();
    await index.wait(index.index().resetSettings());
    await index.wait(index.index().addDocuments([{ id: "ghost" } as never]));

    const progress: number[] = [];
    expect(await reindexResources(t.db, index, (done) => progress.push(done))).toBe(12);
    expect(progress.at(-1)).toBe(12);
    expect(await index.documentCount()).toBe(12);
    const settings = await index.index().getSettings();
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(RESOURCE_INDEX_SETTINGS.filterableAttributes as string[]),
    );
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["jpn"] }]);
    const { results } = await index.client.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(index.uid))).toEqual([index.uid]);

    const res = await t.anonymous(`{ searchResources(input: { text: "ことばあそび" }) { totalCount degraded } }`);
    expect(res.data!.searchResources).toEqual({ totalCount: 12, degraded: false });
  });
});
