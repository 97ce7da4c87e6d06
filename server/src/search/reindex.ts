import type { DataSource } from "typeorm";
import { loadResourceDocuments } from "./resource-document.js";
import type { ResourceSearchIndex } from "./search-index.js";

const BATCH = 5_000;

/**
 * Rebuilds the resources index from PostgreSQL into a new index and swaps it in atomically: searches keep hitting
 * the old index until the swap, then the complete new one. Changes committed meanwhile still have their outbox rows,
 * which the relay applies to the live index afterwards (upserts are idempotent), so nothing is missed.
 */
export async function reindexResources(
  db: DataSource,
  index: ResourceSearchIndex,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const building = `${index.uid}_build_${Date.now()}`;
  const [{ total }] = await db.query("SELECT count(*)::int AS total FROM resource");
  await index.ensure(building);
  let done = 0;
  try {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows: { id: string }[] = await db.query("SELECT id FROM resource WHERE id > $1 ORDER BY id LIMIT $2", [
        after,
        BATCH,
      ]);
      if (!rows.length) break;
      after = rows.at(-1)!.id;
      const { docs } = await loadResourceDocuments(
        db.manager,
        rows.map((r) => r.id),
      );
      await index.upsert(docs, building);
      done += docs.length;
      onProgress?.(done, total);
    }
    await index.ensure(index.uid);
    await index.wait(index.client.swapIndexes([{ indexes: [index.uid, building], rename: false }]));
  } finally {
    // After the swap this name holds the old index; on failure, the half-built one. The deletion is waited for: a
    // Meilisearch task, it would otherwise still be queued when the caller lists the indexes.
    if (await index.exists(building)) await index.wait(index.client.deleteIndex(building));
  }
  return done;
}
