import type { DataSource, EntityManager } from "typeorm";
import { jsonRows } from "../core/sql.js";
import { OrganizationService } from "../organizations/organization.service.js";
import { ResourceStatus } from "../resources/resource.enums.js";
import { getTokenizer, suggestReadings } from "../readings/reading.js";
import { ResourceService } from "../resources/resource.service.js";
import { ResourceSource } from "./catalog-import.entity.js";
import type { ImportedListing, ParsedCatalogFile } from "./imported-listing.js";
import { archivedHostsOf, findHosts, hostNamesOf, organizationNameOf } from "./import-hosts.js";
import {
  planImport,
  sourceKey,
  type DisappearedListing,
  type ImportPlan,
  type KnownListing,
  type ReportLine,
} from "./import-plan.js";
import { recheckBatch } from "./import-recheck.js";
import { canonicalValues, toImportableFields } from "./listing-values.js";

/**
 * The one import engine, for the web app (catalog-import.service.ts), `npm run import` and `npm run bench:import`:
 * preview what a parsed file would change, then commit it in batches, one transaction each.
 */

export interface CommitOptions {
  /** Write over listings edited in tsunagu since the last import (the preview's conflicts). */
  overwriteEdited?: boolean;
  /** Set the listings that left the file to 終了 (they are never deleted). */
  archiveDisappeared?: boolean;
  /** Rows per transaction (default 2,000). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Who imports (null: a system job, `npm run import`): the listings' history names them. */
  actorUserId?: string | null;
  /** The file's name, for the listings' history. */
  fileName?: string | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  conflictsKept: number;
  overwritten: number;
  rejected: number;
  duplicate: number;
  archived: number;
  /** Rows whose listing changed between the preview and the commit, and what was done (import-recheck.ts). */
  changedSincePreview: ReportLine[];
}

/** What earlier imports of the same publishers' datasets left: by source key, and those the file no longer has. */
async function loadKnown(
  db: DataSource,
  parsed: ParsedCatalogFile,
): Promise<{ known: Map<string, KnownListing>; disappeared: DisappearedListing[] }> {
  const pairs = new Map<string, [string, string]>();
  for (const l of parsed.listings)
    pairs.set(JSON.stringify([l.source.publisher, l.source.dataset]), [l.source.publisher, l.source.dataset]);
  const known = new Map<string, KnownListing>();
  const disappeared: DisappearedListing[] = [];
  if (!pairs.size) return { known, disappeared };
  const sources: ResourceSource[] = await db
    .getRepository(ResourceSource)
    .createQueryBuilder("s")
    .where("(s.publisher, s.dataset) IN (SELECT * FROM unnest(:publishers::text[], :datasets::text[]))", {
      publishers: [...pairs.values()].map((p) => p[0]),
      datasets: [...pairs.values()].map((p) => p[1]),
    })
    .getMany();
  const inFile = new Set(
    parsed.listings.map((l) => sourceKey(l.source.publisher, l.source.dataset, l.source.sourceId)),
  );
  for (let i = 0; i < sources.length; i += 1_000) {
    const chunk = sources.slice(i, i + 1_000);
    const resources = new Map(
      (
        await ResourceService.byIds(
          db.manager,
          chunk.map((s) => s.resourceId),
        )
      ).map((r) => [r.id, r]),
    );
    for (const s of chunk) {
      const resource = resources.get(s.resourceId);
      if (!resource) continue;
      const key = sourceKey(s.publisher, s.dataset, s.sourceId);
      if (inFile.has(key)) {
        known.set(key, {
          resourceId: s.resourceId,
          importedValues: s.importedValues as Record<string, string>,
          current: resource as unknown as Record<string, unknown>,
        });
      } else {
        disappeared.push({
          resourceId: s.resourceId,
          name: resource.name,
          publisher: s.publisher,
          dataset: s.dataset,
          sourceId: s.sourceId,
          status: resource.status,
        });
      }
    }
  }
  return { known, disappeared };
}

/**
 * For a file read, previewed and committed in one go (`npm run import`): starts loading the reading dictionary the
 * commit needs (new listings' search text), so that its decompression, on libuv's threads, overlaps the parsing of
 * the file instead of following it. A failed load is retried by the commit.
 */
export function prepareCommit(): void {
  getTokenizer().catch(() => undefined);
}

/** The preview: what the import would do. Writes nothing. */
export async function previewImport(db: DataSource, parsed: ParsedCatalogFile): Promise<ImportPlan> {
  const { known, disappeared } = await loadKnown(db, parsed);
  const plan = planImport(parsed, known, disappeared);
  plan.archivedHosts = await archivedHostsOf(db.manager, plan.rows);
  return plan;
}

const sourceRow = (listing: ImportedListing, resourceId: string, importedAt: Date) => ({
  resourceId,
  publisher: listing.source.publisher,
  dataset: listing.source.dataset,
  sourceId: listing.source.sourceId,
  licence: listing.source.licence,
  attribution: listing.source.attribution,
  fileDate: listing.source.fileDate,
  importedValues: canonicalValues(listing.values),
  importedAt,
});

/**
 * Carries out a plan: one transaction per batch of rows (listings, their sources, their organizations and the
 * search outbox together), so a failure leaves whole batches; re-running the same file then finds them unchanged.
 * The written rows' `listing` is set to null as each batch commits (their report lines are made before the commit).
 */
export async function commitImport(
  db: DataSource,
  plan: ImportPlan,
  options: CommitOptions = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 2_000;
  const writes = plan.rows.filter(
    (r) => r.action === "CREATE" || r.action === "UPDATE" || (r.action === "CONFLICT" && options.overwriteEdited),
  );
  const archive = options.archiveDisappeared
    ? plan.disappeared.filter((d) => d.status !== ResourceStatus.ENDED).map((d) => d.resourceId)
    : [];
  const total = writes.length + archive.length;
  // The hosts, looked up once for the whole file (import-hosts.ts). Readings for the new hosts and for new listings
  // the file gives none, suggested in one go before the batches. New listings' search text is read with the
  // process-wide tokenizer (resource.service.ts): loaded first, so that the suggestions use it too rather than load
  // a dictionary of their own for a moment (two loads, and two dictionaries in memory at once).
  if (writes.some((r) => r.action === "CREATE")) await getTokenizer();
  const hosts = await findHosts(db.manager, hostNamesOf(writes));
  const organizations = hosts.ids;
  const readings = await suggestReadings([
    ...hosts.missing,
    ...writes
      .filter((r) => r.action === "CREATE" && !r.listing!.values.nameKana?.trim())
      .map((r) => nameOf(r.listing!)),
  ]);
  const tally = { created: 0, updated: 0, overwritten: 0, kept: 0, unchanged: 0 };
  const changedSincePreview: ReportLine[] = [];
  let done = 0;
  options.onProgress?.(0, total);
  for (let i = 0; i < writes.length; i += batchSize) {
    const planned = writes.slice(i, i + batchSize);
    await db.transaction(async (tx) => {
      const { writes: batch, changed, outcomes } = await recheckBatch(tx, planned);
      changedSincePreview.push(...changed);
      tally.kept += outcomes.CONFLICT ?? 0;
      tally.unchanged += outcomes.UNCHANGED ?? 0;
      const names = hostNamesOf(batch).filter((n) => !organizations.has(n));
      for (const [name, id] of await OrganizationService.createNamed(tx, names, readings)) organizations.set(name, id);
      const now = new Date();
      const creates = batch.filter((r) => r.action === "CREATE");
      tally.created += creates.length;
      const ids = await ResourceService.insertImported(
        tx,
        creates.map((r) => ({
          organizationId: organizations.get(organizationNameOf(r.listing!))!,
          // Added to the fresh object rather than spread into a new one (see import-plan.ts, plannedRow).
          fields: Object.assign(toImportableFields(r.listing!.values), {
            name: r.listing!.values.name,
            nameKana: r.listing!.values.nameKana?.trim() || readings.get(nameOf(r.listing!)),
            kind: r.listing!.values.kind,
          }),
          importedFrom: importedFrom(r.listing!, options.fileName),
        })),
        options.actorUserId ?? null,
      );
      await insertSources(
        tx,
        creates.map((r, k) => sourceRow(r.listing!, ids[k], now)),
      );
      const updates = batch.filter((r) => r.action !== "CREATE");
      tally.updated += updates.filter((r) => r.action === "UPDATE").length;
      tally.overwritten += updates.filter((r) => r.action === "CONFLICT").length;
      await ResourceService.updateImported(
        tx,
        updates.map((r) => ({
          id: r.resourceId!,
          fields: Object.fromEntries(r.changes.map((c) => [c.field, r.listing!.values[c.field]])),
          importedFrom: importedFrom(r.listing!, options.fileName),
        })),
        options.actorUserId ?? null,
      );
      await updateSources(
        tx,
        updates.map((r) => sourceRow(r.listing!, r.resourceId!, now)),
      );
    });
    // Written: the plan lets go of these rows' listings, so a 100,000-row file leaves memory as it is committed.
    for (const r of planned) r.listing = null;
    done += planned.length;
    options.onProgress?.(done, total);
  }
  if (archive.length) {
    await db.transaction((tx) => ResourceService.setStatusOf(tx, archive, ResourceStatus.ENDED));
    done += archive.length;
    options.onProgress?.(done, total);
  }
  const c = plan.counts;
  // What was done, which differs from the plan's counts when listings changed since the preview.
  return {
    created: tally.created,
    updated: tally.updated,
    unchanged: c.unchanged + tally.unchanged,
    conflictsKept: (options.overwriteEdited ? 0 : c.conflict) + tally.kept,
    overwritten: tally.overwritten,
    rejected: c.rejected,
    duplicate: c.duplicate,
    archived: archive.length,
    changedSincePreview,
  };
}

async function insertSources(tx: EntityManager, rows: ReturnType<typeof sourceRow>[]): Promise<void> {
  if (!rows.length) return;
  // One JSON parameter for the batch: as fast as COPY for a thousand rows, without its plumbing.
  await tx.query(
    `INSERT INTO resource_source (resource_id, publisher, dataset, source_id, licence, attribution, file_date,
       imported_values, imported_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(resource_id uuid, publisher text, dataset text, source_id text,
       licence text, attribution text, file_date date, imported_values jsonb, imported_at timestamptz)`,
    [jsonRows(rows.map(sourceJson), "jsonb")],
  );
}

const nameOf = (l: ImportedListing) => l.values.name.trim();

const sourceJson = (r: ReturnType<typeof sourceRow>) => ({
  resource_id: r.resourceId,
  publisher: r.publisher,
  dataset: r.dataset,
  source_id: r.sourceId,
  licence: r.licence,
  attribution: r.attribution,
  file_date: r.fileDate,
  imported_values: r.importedValues,
  imported_at: r.importedAt.toISOString(),
});

/** The sources of listings imported again: one UPDATE for the batch, as insertSources. */
async function updateSources(tx: EntityManager, rows: ReturnType<typeof sourceRow>[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `UPDATE resource_source s SET publisher = x.publisher, dataset = x.dataset, source_id = x.source_id,
       licence = x.licence, attribution = x.attribution, file_date = x.file_date, imported_values = x.imported_values,
       imported_at = x.imported_at
     FROM jsonb_to_recordset($1::jsonb) AS x(resource_id uuid, publisher text, dataset text, source_id text,
       licence text, attribution text, file_date date, imported_values jsonb, imported_at timestamptz)
     WHERE s.resource_id = x.resource_id`,
    [jsonRows(rows.map(sourceJson), "jsonb")],
  );
}

/** What a listing's history says an import's change came from: 「武蔵村山市 子ども食堂一覧 (kodomo.csv)」. */
const importedFrom = (l: ImportedListing, fileName: string | null | undefined) =>
  `${l.source.publisher} ${l.source.dataset}${fileName ? ` (${fileName})` : ""}`;
