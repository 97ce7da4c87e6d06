import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCity } from "../db/seed/seed-demo.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { enqueueResources } from "./search-outbox.js";
import { RECALL_QUERIES, formatFallbackRecall, measureFallbackRecall } from "./fallback-recall.js";

/** The demo city in this file's own database and index, searched by both engines. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.db);
  // The seed writes listings without the outbox (a started relay refills an empty index): queue them here.
  const ids: { id: string }[] = await t.db.query("SELECT id FROM resource");
  await t.db.transaction((tx) =>
    enqueueResources(
      tx,
      ids.map((r) => r.id),
    ),
  );
  await t.indexNow();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe("the PostgreSQL fallback against the main search", () => {
  it("finds at least 80% of what Meilisearch finds, on average over the query set", async () => {
    expect(RECALL_QUERIES.length).toBeGreaterThanOrEqual(20);
    const recall = await measureFallbackRecall(t.app.services.search);
    console.log(formatFallbackRecall(recall));
    // The set must exercise the fallback: most queries find something on the main path.
    expect(recall.queries.filter((q) => q.main > 0).length).toBeGreaterThanOrEqual(RECALL_QUERIES.length * 0.8);
    expect(recall.mean).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
