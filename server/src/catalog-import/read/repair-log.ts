import type { Repair } from "../imported-listing.js";

/** The repairs and review notes of one row, as its fields are read. */
export class RowLog {
  readonly needsReview: string[] = [];
  /** A cell read twice (備考 is both a description and, in MHLW's file, schedule text) is repaired once. */
  private readonly seen = new Set<string>();

  constructor(
    readonly rowNumber: number,
    private readonly repairs: Repair[],
  ) {}

  repair(column: string, before: string, after: string, rule: string): void {
    if (before === after) return;
    const key = `${column}\u0000${rule}\u0000${before}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.repairs.push({ rowNumber: this.rowNumber, column, before, after, rule });
  }

  review(message: string): void {
    if (!this.needsReview.includes(message)) this.needsReview.push(message);
  }
}
