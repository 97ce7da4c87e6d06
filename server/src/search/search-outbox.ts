import type { EntityManager } from "typeorm";
import { documentHandover } from "./document-handover.js";
import type { ResourceDocument } from "./resource-document.js";
import { writeSearchText, writeSearchTextOf } from "./search-text.js";

export const OUTBOX_CHANNEL = "tsunagu_search_outbox";

/**
 * Records that these listings must be re-indexed, inside the caller's transaction. The NOTIFY is delivered only if
 * the transaction commits, and wakes the relay at once; the relay also polls, so a lost notification costs a second.
 */
export async function enqueueResources(tx: EntityManager, resourceIds: string[]): Promise<void> {
  if (!resourceIds.length) return;
  await writeSearchText(tx, resourceIds);
  await queue(tx, resourceIds);
}

/**
 * enqueueResources for listings whose documents the caller made from the values it has just written in this
 * transaction (the catalog import's new listings): their search text comes from those documents, not read back.
 */
export async function enqueueResourceDocuments(tx: EntityManager, docs: ResourceDocument[]): Promise<void> {
  if (!docs.length) return;
  await writeSearchTextOf(tx, docs);
  const rows = await queue(
    tx,
    docs.map((d) => d.id),
  );
  // And to this process's relay, which then sends them as they are (document-handover.ts).
  const json = new Map(docs.map((d) => [d.id, Buffer.from(JSON.stringify(d))]));
  documentHandover.put(
    rows.map((r) => ({ outboxId: String(r.id), resourceId: r.entity_id, json: json.get(r.entity_id)! })),
  );
}

/** The outbox rows, and the relay woken when the transaction commits. */
async function queue(tx: EntityManager, resourceIds: string[]): Promise<{ id: string; entity_id: string }[]> {
  const rows: { id: string; entity_id: string }[] = await tx.query(
    "INSERT INTO search_outbox (entity, entity_id) SELECT 'resource', unnest($1::uuid[]) RETURNING id, entity_id",
    [resourceIds],
  );
  await tx.query(`NOTIFY ${OUTBOX_CHANNEL}`);
  return rows;
}

/** For changes to something every listing of an organization shows (its name). */
export async function enqueueResourcesOfOrganization(tx: EntityManager, organizationId: string): Promise<void> {
  const ids: { id: string }[] = await tx.query("SELECT id FROM resource WHERE organization_id = $1", [organizationId]);
  await writeSearchText(
    tx,
    ids.map((r) => r.id),
  );
  await tx.query(
    "INSERT INTO search_outbox (entity, entity_id) SELECT 'resource', id FROM resource WHERE organization_id = $1",
    [organizationId],
  );
  await tx.query(`NOTIFY ${OUTBOX_CHANNEL}`);
}
