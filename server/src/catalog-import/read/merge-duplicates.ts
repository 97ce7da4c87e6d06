import type { ImportedListing, RejectedRow } from "../imported-listing.js";
import { placeSourceId, type RowOutcome } from "./build-listing.js";
import { comparisonKey } from "./text-normalise.js";

type Rejection = Extract<RowOutcome, { ok: false }>;

const scopeOf = (publisher: string, dataset: string) => `${publisher}\u0000${dataset}`;

/**
 * Keeps one listing per place. Two rows are the same place when they have the same ID within one publisher's
 * dataset and the same name (or the later row has no name: a city's `_tsuika` add-on repeats the main row's ID with
 * only another address), or the same name and address. The later row is reported (rejected, `duplicateOf`), and the
 * kept listing gets a 要確認 when the two addresses differ.
 *
 * An ID column that gives one ID to differently named rows (中野区 numbers its 子ども食堂 by category) is no ID: the
 * whole dataset is then keyed by name and address instead, so that next month's file still finds each listing.
 */
export class DuplicateMerger {
  private readonly rows: { rowNumber: number; outcome: RowOutcome }[] = [];

  add(rowNumber: number, outcome: RowOutcome): void {
    this.rows.push({ rowNumber, outcome });
  }

  finish(): { listings: ImportedListing[]; rejected: RejectedRow[] } {
    const rejected: RejectedRow[] = [];
    const named = this.rows.flatMap(({ outcome }) => (outcome.ok ? [outcome] : []));
    const byId = new Map<string, ImportedListing[]>();
    const unreliableScopes = new Set<string>();
    for (const { listing, idFromColumn } of named) {
      if (!idFromColumn) continue;
      const scope = scopeOf(listing.source.publisher, listing.source.dataset);
      const key = `${scope}\u0000${listing.source.sourceId}`;
      const group = byId.get(key);
      if (!group) {
        byId.set(key, [listing]);
        continue;
      }
      if (comparisonKey(group[0].values.name) !== comparisonKey(listing.values.name)) unreliableScopes.add(scope);
      group.push(listing);
    }
    for (const group of byId.values()) {
      const scope = scopeOf(group[0].source.publisher, group[0].source.dataset);
      if (!unreliableScopes.has(scope) || group.length < 2) continue;
      for (const l of group) {
        const others = group.filter((o) => o !== l).map((o) => `行${o.rowNumber}`);
        l.needsReview.push(
          `ID「${l.source.sourceId}」が別の行（${others.join("・")}）にも使われているため、このデータセットは名称と所在地で照合します`,
        );
      }
    }

    const listings: ImportedListing[] = [];
    const keptById = new Map<string, ImportedListing>();
    const keptByPlace = new Map<string, ImportedListing>();
    for (const { listing, idFromColumn } of named) {
      const scope = scopeOf(listing.source.publisher, listing.source.dataset);
      const reliableId = idFromColumn && !unreliableScopes.has(scope);
      const placeId = placeSourceId(listing.values.name, listing.values.address);
      if (!reliableId) listing.source.sourceId = placeId;
      const idKey = reliableId ? `${scope}\u0000${listing.source.sourceId}` : null;
      const placeKey = `${scope}\u0000${placeId}`;
      const sameId = idKey ? keptById.get(idKey) : undefined;
      const kept = sameId ?? keptByPlace.get(placeKey);
      if (kept) {
        const why = sameId ? `同じID「${listing.source.sourceId}」` : "同じ名称・所在地";
        const reason = `行${kept.rowNumber}（${kept.values.name}）と${why}の行です。1件にまとめました`;
        rejected.push(this.duplicate(listing.rowNumber, kept, reason, listing.values.address ?? ""));
        continue;
      }
      if (idKey) keptById.set(idKey, listing);
      keptByPlace.set(placeKey, listing);
      listings.push(listing);
    }

    for (const { rowNumber, outcome } of this.rows) {
      if (outcome.ok) continue;
      const kept = this.keptForNameless(outcome, keptById, unreliableScopes);
      if (kept) {
        const reason = `名称がなく、行${kept.rowNumber}（${kept.values.name}）と同じID「${outcome.sourceId}」の追加の行です。1件にまとめました`;
        rejected.push(this.duplicate(rowNumber, kept, reason, outcome.address));
      } else {
        rejected.push({ rowNumber, reason: outcome.reason });
      }
    }
    listings.sort((a, b) => a.rowNumber - b.rowNumber);
    rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    return { listings, rejected };
  }

  private keptForNameless(
    outcome: Rejection,
    keptById: Map<string, ImportedListing>,
    unreliableScopes: Set<string>,
  ): ImportedListing | undefined {
    if (!outcome.nameless || !outcome.sourceId) return undefined;
    const scope = scopeOf(outcome.publisher, outcome.dataset);
    return unreliableScopes.has(scope) ? undefined : keptById.get(`${scope}\u0000${outcome.sourceId}`);
  }

  private duplicate(rowNumber: number, kept: ImportedListing, reason: string, address: string): RejectedRow {
    if (address && comparisonKey(address) !== comparisonKey(kept.values.address ?? "")) {
      kept.needsReview.push(
        `行${rowNumber}に同じ場所として別の所在地「${address}」があります。別の開催場所か確認してください`,
      );
    }
    return { rowNumber, reason, duplicateOf: kept.rowNumber };
  }
}
