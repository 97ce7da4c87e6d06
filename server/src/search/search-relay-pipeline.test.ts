import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../core/logger.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import type { ResourceDocument } from "./resource-document.js";
import { SearchHealth } from "./search-health.js";
import { ResourceSearchIndex } from "./search-index.js";
import { enqueueResources } from "./search-outbox.js";
import { SearchRelay } from "./search-relay.js";
import { normalizeSearchText } from "./text/normalize.js";

/**
 * The relay's loop keeps one batch in flight: it sends the next batch while Meilisearch is still indexing the one
 * before. Here the real index is made slow to confirm (each task is waited for 300 ms longer or more), so that the overlap,
 * and what must hold through it, can be seen.
 */
const quiet = createLogger("silent");
let t: TestApp;

/** What the relay did with Meilisearch, in order: a send of documents (with the ids sent) or a task found applied. */
type Event = { what: "send"; task: number; ids: string[] } | { what: "applied"; task: number };

class SlowIndex extends ResourceSearchIndex {
  readonly events: Event[] = [];
  constructor(
    config: ResourceSearchIndex["config"],
    private readonly delayMs = 300,
  ) {
    super(config);
  }
  override async sendDocuments(docs: ResourceDocument[], uid?: string): Promise<number | undefined> {
    const task = await super.sendDocuments(docs, uid);
    if (task !== undefined) this.events.push({ what: "send", task, ids: docs.map((d) => d.id) });
    return task;
  }
  override async waitTask(task: number | undefined, timeoutMs?: number): Promise<void> {
    if (task === undefined) return;
    await new Promise((r) => setTimeout(r, this.delayMs));
    await super.waitTask(task, timeoutMs);
    this.events.push({ what: "applied", task });
  }
}

const relayOf = (index: ResourceSearchIndex) =>
  new SearchRelay(t.db, index, new SearchHealth(quiet), quiet, {
    databaseUrl: t.databaseUrl,
    name: "pipeline",
    batchSize: 5,
    pollMs: 50,
    gatherMs: 100,
  });

const unprocessed = async () =>
  (await t.db.query("SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL"))[0].n as number;

/** Sends still waiting to be found applied, just before each send: how many batches the relay had in flight. */
function inFlightAtEachSend(events: Event[]): number[] {
  const open = new Set<number>();
  const counts: number[] = [];
  for (const e of events) {
    if (e.what === "send") {
      counts.push(open.size);
      open.add(e.task);
    } else open.delete(e.task);
  }
  return counts;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.app.searchIndex.ensure();
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe("the search relay's loop", () => {
  it("sends a batch while Meilisearch still indexes the one before, and the index still ends on the latest version", async () => {
    const org = await t.factories.organization();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await t.factories.resource({ organizationId: org.id, description: "初版" })).id);
    const index = new SlowIndex(t.app.searchIndex.config);
    const relay = relayOf(index);
    await relay.start();
    try {
      // While the first batches are in flight, each listing is changed twice more: its later rows go in later batches.
      while (!index.events.some((e) => e.what === "send")) await new Promise((r) => setTimeout(r, 10));
      for (const version of ["第2版", "第3版"]) {
        for (const id of ids) {
          await t.db.transaction(async (tx) => {
            await tx.query("UPDATE resource SET description = $2 WHERE id = $1", [id, version]);
            await enqueueResources(tx, [id]);
          });
        }
      }
      const deadline = Date.now() + 30_000;
      while ((await unprocessed()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await relay.stop(5_000);
    }
    expect(await unprocessed()).toBe(0);

    // One batch in flight at most when the next goes, and that did happen: the relay did not wait for each batch.
    const counts = inFlightAtEachSend(index.events);
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts)).toBe(1);
    // Every batch sent was found applied: the relay confirmed what it had in flight before it stopped.
    const applied = new Set(index.events.filter((e) => e.what === "applied").map((e) => e.task));
    expect(index.events.filter((e) => e.what === "send" && !applied.has(e.task))).toEqual([]);

    const { results } = await t.app.searchIndex
      .index()
      .getDocuments({ fields: ["id", "description"], limit: 100, filter: `organizationId = "${org.id}"` });
    expect(results.map((d) => d.description)).toEqual(ids.map(() => normalizeSearchText("第3版")));
    expect(results).toHaveLength(ids.length);
  }, 60_000);

  it("drain() returns only once the rows of the loop's batch in flight are marked, not as soon as none is left to claim", async () => {
    const org = await t.factories.organization();
    for (let i = 0; i < 3; i++) await t.factories.resource({ organizationId: org.id });
    // Slow enough that the rows are surely still unmarked when the test looks, even on a busy machine.
    const index = new SlowIndex(t.app.searchIndex.config, 1_500);
    const loop = relayOf(index);
    await loop.start();
    try {
      // The loop has claimed every row and sent them; Meilisearch is (slowly) confirming them.
      while (!index.events.some((e) => e.what === "send")) await new Promise((r) => setTimeout(r, 10));
      expect(await unprocessed()).toBeGreaterThan(0);
      await relayOf(new ResourceSearchIndex(t.app.searchIndex.config)).drain();
      expect(await unprocessed()).toBe(0);
    } finally {
      await loop.stop(5_000);
    }
  }, 60_000);
});
