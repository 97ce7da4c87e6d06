import type { EntityManager } from "typeorm";
import { ResourceService } from "../resources/resource.service.js";
import { FIELD_LABELS } from "./listing-values.js";
import { planKnownRow, type PlannedRow, type ReportLine, type RowAction } from "./import-plan.js";

/**
 * The commit's second look at a batch, inside the batch's transaction, before anything is written. The preview may
 * be minutes old (and a 100,000-row commit takes a while): since then a listing may have been edited in tsunagu, or
 * created, updated or deleted by another import. A row whose listing is no longer as the preview saw it is planned
 * again against the listing as it is now (the same rules as the preview: import-plan.ts):
 * - a field edited since the preview that the file also changes is kept, even when the user chose to overwrite the
 *   preview's conflicts: they did not see this edit;
 * - other changes are written, and a listing another import created meanwhile is updated, not duplicated;
 * - a listing deleted since the preview is not brought back.
 * Every such row is reported in the result, with what was done with it.
 */
export interface RecheckedBatch {
  /** The rows to write, as planned or as planned again. */
  writes: PlannedRow[];
  /** Rows whose listing changed since the preview, and what the commit did instead (for the result). */
  changed: ReportLine[];
  /** How the re-planned rows end: counted in the result instead of their planned action. */
  outcomes: Partial<Record<RowAction | "GONE", number>>;
}

interface Current {
  resourceId: string;
  importedValues: Record<string, string>;
  version: number;
}

export async function recheckBatch(tx: EntityManager, batch: PlannedRow[]): Promise<RecheckedBatch> {
  const rows = batch.filter((r) => r.listing);
  // Each row's listing as it is now, found by the row's source key, locked until the batch commits so that no
  // edit slips in between this look and the write. One query for the batch.
  const found: { i: number; resource_id: string; imported_values: Record<string, string>; version: number }[] =
    await tx.query(
      `SELECT k.i::int AS i, s.resource_id, s.imported_values, r.version
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(publisher, dataset, source_id, i)
       JOIN resource_source s USING (publisher, dataset, source_id)
       JOIN resource r ON r.id = s.resource_id
       ORDER BY r.id
       FOR UPDATE OF r`,
      [
        rows.map((r) => r.listing!.source.publisher),
        rows.map((r) => r.listing!.source.dataset),
        rows.map((r) => r.listing!.source.sourceId),
      ],
    );
  const now = new Map<PlannedRow, Current>(
    found.map((f) => [
      rows[f.i - 1],
      { resourceId: f.resource_id, importedValues: f.imported_values, version: f.version },
    ]),
  );
  const writes: PlannedRow[] = [];
  const stale: PlannedRow[] = [];
  const changed: ReportLine[] = [];
  const outcomes: RecheckedBatch["outcomes"] = {};
  for (const row of rows) {
    const current = now.get(row);
    if (row.action === "CREATE" ? !current : current?.version === row.version) writes.push(row);
    else if (current) stale.push(row);
    else {
      outcomes.GONE = (outcomes.GONE ?? 0) + 1;
      changed.push(line(row, "", "プレビューの後に資源が削除されています。取り込みませんでした"));
    }
  }
  if (!stale.length) return { writes, changed, outcomes };

  const resources = new Map(
    (
      await ResourceService.byIds(
        tx,
        stale.map((r) => now.get(r)!.resourceId),
      )
    ).map((r) => [r.id, r]),
  );
  for (const row of stale) {
    const { resourceId, importedValues } = now.get(row)!;
    const again = planKnownRow(row.listing!, {
      resourceId,
      importedValues,
      current: resources.get(resourceId)! as unknown as Record<string, unknown>,
    });
    outcomes[again.action] = (outcomes[again.action] ?? 0) + 1;
    const fields = (again.action === "CONFLICT" ? again.editedFields : again.changes.map((c) => c.field))
      .map((f) => FIELD_LABELS[f])
      .join("・");
    if (again.action === "UPDATE") {
      writes.push(again);
      changed.push(
        line(
          row,
          fields,
          "プレビューの後に資源が変わっています。つなぐでの編集は残し、ファイルで変わった項目だけ更新しました",
        ),
      );
    } else if (again.action === "CONFLICT") {
      changed.push(
        line(row, fields, "プレビューの後につなぐで編集されています。その編集を残し、この行は取り込みませんでした"),
      );
    } else {
      changed.push(line(row, "", "プレビューの後に、ファイルと同じ内容になっています"));
    }
  }
  return { writes, changed, outcomes };
}

const line = (row: PlannedRow, column: string, reason: string): ReportLine => ({
  rowNumber: row.rowNumber,
  action: row.action,
  column,
  before: "",
  after: row.listing?.values.name ?? "",
  reason,
});
