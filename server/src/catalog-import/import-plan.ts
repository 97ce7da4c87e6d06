import type { ResourceStatus } from "../resources/resource.enums.js";
import type { ImportedListing, ParsedCatalogFile } from "./imported-listing.js";
import { canonicalValues, currentValues, FIELD_LABELS, displayValue, type ImportedField } from "./listing-values.js";

/** What the import does with one row of the file. */
export type RowAction = "CREATE" | "UPDATE" | "UNCHANGED" | "CONFLICT" | "REJECTED" | "DUPLICATE";

export interface FieldChange {
  field: ImportedField;
  /** Canonical JSON (listing-values.ts); shown through displayValue. */
  before: string | undefined;
  after: string;
}

export interface PlannedRow {
  rowNumber: number;
  action: RowAction;
  listing: ImportedListing | null;
  /** The listing this row updates (UPDATE, UNCHANGED, CONFLICT). */
  resourceId: string | null;
  changes: FieldChange[];
  /** CONFLICT: the fields edited in tsunagu since the last import. */
  editedFields: ImportedField[];
  reason: string | null;
  /** The listing's version when planned (UPDATE, UNCHANGED, CONFLICT): the commit re-plans a row whose listing moved on. */
  version?: number;
}

/** A host the file names whose only organization of that name is 廃止: the import registers a new one (import-hosts.ts). */
export interface ArchivedHost {
  name: string;
  /** The rows that would be attached to it. */
  rows: number;
}

/** A listing imported before from the same publisher and dataset, which the new file no longer has. */
export interface DisappearedListing {
  resourceId: string;
  name: string;
  publisher: string;
  dataset: string;
  sourceId: string;
  status: ResourceStatus;
}

export interface ImportCounts {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  conflict: number;
  rejected: number;
  duplicate: number;
  repairs: number;
  disappeared: number;
  needsReview: number;
}

export interface ImportPlan {
  file: Omit<ParsedCatalogFile, "listings" | "rejected">;
  rows: PlannedRow[];
  disappeared: DisappearedListing[];
  counts: ImportCounts;
  /** Filled in by the preview (import-engine.ts), which reads the organizations. */
  archivedHosts?: ArchivedHost[];
}

/** A listing imported before: its source row and its current values. */
export interface KnownListing {
  resourceId: string;
  importedValues: Record<string, string>;
  current: Record<string, unknown>;
}

export const sourceKey = (publisher: string, dataset: string, sourceId: string) =>
  JSON.stringify([publisher, dataset, sourceId]);

/**
 * Decides, row by row, what an import would do, from the file and what the earlier imports left (`known`, by
 * sourceKey). Pure: the preview shows it and the commit carries it out.
 *
 * A row whose listing was changed in tsunagu since the last import (its current values differ from what that import
 * wrote) is a CONFLICT when the file changes it too; it keeps tsunagu's values unless the user chooses to overwrite.
 */
export function planImport(
  parsed: ParsedCatalogFile,
  known: Map<string, KnownListing>,
  disappeared: DisappearedListing[],
): ImportPlan {
  const rows: PlannedRow[] = parsed.rejected.map((r) => ({
    rowNumber: r.rowNumber,
    // The reader found the same place earlier in the file (a merged file's add-on, say): that row is the one kept.
    action: r.duplicateOf === undefined ? "REJECTED" : "DUPLICATE",
    listing: null,
    resourceId: null,
    changes: [],
    editedFields: [],
    reason: r.reason,
  }));
  const seen = new Map<string, number>();
  for (const listing of parsed.listings) {
    const { publisher, dataset, sourceId } = listing.source;
    const key = sourceKey(publisher, dataset, sourceId);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const reason = `同じID (${sourceId}) の行が ${earlier} 行目にあります。先の行を取り込みます`;
      rows.push(plannedRow(listing, "DUPLICATE", null, [], [], reason));
      continue;
    }
    seen.set(key, listing.rowNumber);
    const before = known.get(key);
    // A new listing's values are the file's: nothing to compare (and 100,000 of them need no copy here).
    if (!before) {
      rows.push(plannedRow(listing, "CREATE", null, [], [], null));
      continue;
    }
    rows.push(planKnownRow(listing, before));
  }
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
  const { listings: _l, rejected: _r, ...file } = parsed;
  return {
    file,
    rows,
    disappeared,
    counts: {
      total: rows.length,
      create: count("CREATE"),
      update: count("UPDATE"),
      unchanged: count("UNCHANGED"),
      conflict: count("CONFLICT"),
      rejected: count("REJECTED"),
      duplicate: count("DUPLICATE"),
      repairs: parsed.repairs.length,
      disappeared: disappeared.length,
      needsReview: parsed.listings.filter((l) => l.needsReview.length).length,
    },
  };
}

/** What a row of the file does to a listing imported before (the preview, and the commit's re-check). */
export function planKnownRow(listing: ImportedListing, before: KnownListing): PlannedRow {
  const next = canonicalValues(listing.values);
  const fields = [...new Set([...Object.keys(next), ...Object.keys(before.importedValues)])];
  const current = currentValues(before.current, fields);
  const edited = Object.keys(before.importedValues).filter((f) => before.importedValues[f] !== current[f]);
  // Only what the city changed since the last import is written; an edit made in tsunagu to a field the file
  // did not change is kept without asking.
  const changes = Object.entries(next)
    .filter(([field, after]) => before.importedValues[field] !== after && current[field] !== after)
    .map(([field, after]) => ({ field: field as ImportedField, before: current[field], after }));
  const clashing = changes.filter((c) => edited.includes(c.field)).map((c) => c.field);
  const action: RowAction = !changes.length ? "UNCHANGED" : clashing.length ? "CONFLICT" : "UPDATE";
  const reason =
    action === "CONFLICT"
      ? `つなぐで編集されています (${clashing.map((f) => FIELD_LABELS[f]).join("・")})。上書きを選ばない限り、そのままにします`
      : null;
  const row = plannedRow(listing, action, before.resourceId, action === "UNCHANGED" ? [] : changes, clashing, reason);
  row.version = before.current.version as number;
  return row;
}

/**
 * A row of the plan, every field set in one literal. Not `{ ...base, action }`: on Node 20's V8 an object spread
 * followed by more properties gives each object a hidden class of its own, and a plan of 100,000 rows held ~100 MB
 * of them through the whole commit (a heap snapshot in #14's benchmark), besides being several times slower to make.
 */
function plannedRow(
  listing: ImportedListing,
  action: RowAction,
  resourceId: string | null,
  changes: FieldChange[],
  editedFields: ImportedField[],
  reason: string | null,
): PlannedRow {
  return {
    rowNumber: listing.rowNumber,
    action,
    listing,
    resourceId,
    changes,
    editedFields,
    reason,
    version: undefined,
  };
}

/** One line of the report (preview table and CSV): a row's action, or one of its changes, repairs or flags. */
export interface ReportLine {
  rowNumber: number | null;
  action: RowAction | "REPAIR" | "NEEDS_REVIEW" | "KIND_GUESS" | "ARCHIVED_HOST" | "DISAPPEARED";
  column: string;
  before: string;
  after: string;
  reason: string;
}

export const ACTION_LABELS: Record<ReportLine["action"], string> = {
  CREATE: "新規",
  UPDATE: "更新",
  UNCHANGED: "変更なし",
  CONFLICT: "つなぐで編集済み",
  REJECTED: "取り込めない行",
  DUPLICATE: "重複",
  REPAIR: "修正",
  NEEDS_REVIEW: "要確認",
  KIND_GUESS: "種類の判定",
  ARCHIVED_HOST: "廃止された団体",
  DISAPPEARED: "ファイルから消えた資源",
};

const KIND_GUESS_LABELS = { KIND_COLUMN: "種別の列から", NAME: "名称から", DEFAULT: "既定の種類" } as const;

/** Every line of the report, in row order: unchanged rows are counted, not listed. */
export function* reportLines(plan: ImportPlan, repairs: ParsedCatalogFile["repairs"]): Generator<ReportLine> {
  const repairsByRow = new Map<number, ParsedCatalogFile["repairs"]>();
  for (const r of repairs) repairsByRow.set(r.rowNumber, [...(repairsByRow.get(r.rowNumber) ?? []), r]);
  const emittedRepairs = new Set<number>();
  for (const row of plan.rows) {
    // Each line made whole (see plannedRow for why not `{ ...line, action }`).
    const line = (action: ReportLine["action"], column = "", before = "", after = "", reason = row.reason ?? "") => ({
      rowNumber: row.rowNumber,
      action,
      column,
      before,
      after,
      reason,
    });
    if (row.action !== "UNCHANGED") {
      if (row.action === "CREATE") yield line("CREATE", "", "", row.listing?.values.name ?? "");
      else if (row.action === "REJECTED" || row.action === "DUPLICATE") yield line(row.action);
      else
        for (const c of row.changes)
          yield line(
            row.action,
            FIELD_LABELS[c.field],
            displayValue(c.field, c.before),
            displayValue(c.field, c.after),
          );
    }
    if (row.listing && row.action === "CREATE" && row.listing.kindGuess.from !== "KIND_COLUMN") {
      const guess = row.listing.kindGuess;
      yield line("KIND_GUESS", FIELD_LABELS.kind, guess.text, row.listing.values.kind, KIND_GUESS_LABELS[guess.from]);
    }
    for (const note of row.listing?.needsReview ?? []) yield line("NEEDS_REVIEW", "", "", "", note);
    if (!emittedRepairs.has(row.rowNumber)) {
      emittedRepairs.add(row.rowNumber);
      for (const r of repairsByRow.get(row.rowNumber) ?? []) yield line("REPAIR", r.column, r.before, r.after, r.rule);
    }
  }
  for (const h of plan.archivedHosts ?? []) {
    yield {
      rowNumber: null,
      action: "ARCHIVED_HOST",
      column: "",
      before: h.name,
      after: h.name,
      reason: `団体「${h.name}」は廃止されています。この団体の ${h.rows} 行は同じ名前の新しい団体に登録します (廃止した団体はそのまま)`,
    };
  }
  for (const d of plan.disappeared) {
    yield {
      rowNumber: null,
      action: "DISAPPEARED",
      column: "",
      before: d.name,
      after: "",
      reason: `${d.publisher} ${d.dataset} のID ${d.sourceId} が新しいファイルにありません (削除はしません)`,
    };
  }
}
