import type { Repair } from "../imported-listing.js";

/** The repairs and review notes of one row, as its fields are read. */
export class RowLog {
  readonly needsReview: string[] = [];

  constructor(
    readonly rowNumber: number,
    private readonly repairs: Repair[],
  ) {}

  repair(column: string, before: string, after: string, rule: string): void {
    if (before === after) return;
    this.repairs.push({ rowNumber: this.rowNumber, column, before, after, rule });
  }

  review(message: string): void {
    if (!this.needsReview.includes(message)) this.needsReview.push(message);
  }
}
