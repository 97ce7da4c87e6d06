import { Readable } from "node:stream";
import { parse } from "csv-parse";

export interface RawRow {
  /** As a spreadsheet numbers it: the first record is row 1. */
  rowNumber: number;
  cells: string[];
}

/** Characters handed to the parser at a time. */
const SLICE_CHARS = 64 * 1024;

/**
 * The records of a CSV text, one at a time (the caller builds listings as they come instead of holding every
 * record twice). Quoted fields may hold commas, quotes and line breaks; rows may be shorter or longer than the header.
 *
 * The text goes to the parser in slices, through a pipe: the parser is given the next slice only once the records of
 * the last are taken. Given the whole text in one write, it parsed it at once and held every record of a
 * 100,000-row file in its buffer until the caller took them.
 */
export async function* readCsvRows(text: string, sliceChars = SLICE_CHARS): AsyncGenerator<RawRow> {
  const parser = Readable.from(slices(text, sliceChars), { objectMode: false }).pipe(
    parse({
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    yield { rowNumber, cells: record };
  }
}

/** The text in slices of about `size` characters; never between the two halves of a surrogate pair (an emoji). */
export function* slices(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end += 1;
    yield text.slice(at, end);
    at = end;
  }
}
