/**
 * Search documents handed from the catalog import to the search relay of the same process, so that the relay does not
 * read back and rebuild, moments later, the documents the import has just made from the values it wrote
 * (resource.service.ts, insertImported). Each is the document's JSON in UTF-8, as the relay sends it.
 *
 * A document is handed over for one outbox row: the row its listing was queued with, in the transaction that wrote
 * the listing. The relay takes it only for a listing whose one row in its batch is that row (takeFor). Any later
 * change to the listing queues a newer row: in the same batch, the relay reads the listing as it is now; in a later
 * batch, that newer version is sent after this one. So the index ends where PostgreSQL is, as when the relay reads
 * every document itself. A rolled-back import leaves rows nobody will claim (sequence values and new listings' ids
 * are never used again): they wait to be let go with the oldest.
 *
 * Bounded: past LIMIT the oldest are let go, and the relay reads those listings from PostgreSQL as usual (a relay in
 * another process always does).
 */
export class DocumentHandover {
  private readonly documents = new Map<string, Buffer>();

  constructor(private readonly limit = DocumentHandover.LIMIT) {}

  /** About 1.2 KB each: at most ~50 MB. */
  static readonly LIMIT = 40_000;

  put(entries: { outboxId: string; resourceId: string; json: Buffer }[]): void {
    for (const { outboxId, resourceId, json } of entries) this.documents.set(keyOf(resourceId, outboxId), json);
    let over = this.documents.size - this.limit;
    for (const key of this.documents.keys()) {
      if (over-- <= 0) break;
      this.documents.delete(key);
    }
  }

  /**
   * The handed-over documents a batch of outbox rows can use, by listing id, each taken (it is never sent twice): for
   * a listing with exactly one row in the batch and a document handed over for that row.
   */
  takeFor(rows: { id: string; entity_id: string }[]): Map<string, Buffer> {
    const rowsOf = new Map<string, number>();
    for (const r of rows) rowsOf.set(r.entity_id, (rowsOf.get(r.entity_id) ?? 0) + 1);
    const out = new Map<string, Buffer>();
    for (const r of rows) {
      const key = keyOf(r.entity_id, String(r.id));
      const json = this.documents.get(key);
      if (json === undefined) continue;
      this.documents.delete(key);
      if (rowsOf.get(r.entity_id) === 1) out.set(r.entity_id, json);
    }
    return out;
  }

  get size(): number {
    return this.documents.size;
  }
}

/** Keyed by listing and row: a row id alone could repeat across the databases one process talks to (tests). */
const keyOf = (resourceId: string, outboxId: string) => `${resourceId}/${outboxId}`;

/** The process's: the import puts, the relay takes. */
export const documentHandover = new DocumentHandover();
