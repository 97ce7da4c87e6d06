import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe("an index of documents of an older shape", () => {
  it("is noticed at boot and refilled from PostgreSQL, so an upgrade needs no manual reindex", async () => {
    const org = await t.factories.organization();
    const listings = [
      await t.factories.resource({ organizationId: org.id, name: "形の体操教室", lat: null, lng: null }),
      await t.factories.resource({ organizationId: org.id, name: "形のサロン" }),
    ];
    await t.indexNow();
    const index = t.app.searchIndex;
    // Documents as the code makes them today, null fields included.
    expect(await index.holdsCurrentShape()).toBe(true);

    // As if indexed by an older version: a field this version no longer writes.
    const older = { id: listings[0].id, readingKatakana: "カタノタイソウキョウシツ" };
    await index.wait(index.client.index(index.uid).updateDocuments([older]));
    expect(await index.holdsCurrentShape()).toBe(false);

    await t.app.jobs.searchRelay.start();
    try {
      expect(await until(() => index.holdsCurrentShape())).toBe(true);
    } finally {
      await t.app.jobs.searchRelay.stop();
    }
    const stats = await index.index().getStats();
    expect(stats.numberOfDocuments).toBe(
      await t.db.query("SELECT count(*)::int AS n FROM resource").then((r) => r[0].n),
    );
  });
});
