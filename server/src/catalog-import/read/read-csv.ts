import { parse } from "csv-parse";

export interface RawRow {
  /** As a spreadsheet numbers it: the first record is row 1. */
  rowNumber: number;
  cells: string[];
}

/**
 * The records of a CSV text, one at a time (the caller builds listings as they come instead of holding every
 * record twice). Quoted fields may hold commas, quotes and line breaks; rows may be shorter or longer than the header.
 */
export async function* readCsvRows(text: string): AsyncGenerator<RawRow> {
  const parser = parse(text, {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    yield { rowNumber, cells: record };
  }
}
