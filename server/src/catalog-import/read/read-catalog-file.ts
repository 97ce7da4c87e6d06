import { setImmediate as nextTurnOfEventLoop } from "node:timers/promises";
import { DomainError, badInput } from "../../core/errors.js";
import type { ResourceKind } from "../../resources/resource.enums.js";
import type { ListingSource, ParsedCatalogFile, Repair, SourceEncoding } from "../imported-listing.js";
import { buildListing, type FileContext } from "./build-listing.js";
import type { ColumnMapping } from "./column-mapping.js";
import { decodeText, detectEncoding, looksLikeZip } from "./decode-bytes.js";
import { isHsdsPackage, readHsds } from "../../hsds/hsds-reader.js";
import { aliasHits, applyMapping, looksLikeHsdsHeaders, recogniseLayout, type RecognisedLayout } from "./layouts.js";
import { readCsvRows, type RawRow } from "./read-csv.js";
import { readXlsxRows } from "./read-xlsx.js";
import { DuplicateMerger } from "./merge-duplicates.js";
import { comparisonKey } from "./text-normalise.js";

export type { ColumnMapping, CatalogField } from "./column-mapping.js";
export { CATALOG_FIELDS } from "./column-mapping.js";
export { detectEncoding } from "./decode-bytes.js";
export { listSheets } from "./read-xlsx.js";

export interface ReadCatalogOptions {
  /** The uploaded file's name: `.xlsx` / `.json` decide the format when the bytes alone do not. */
  fileName: string;
  /** For `.xlsx`: the sheet to read (default: the first). */
  sheet?: string | null;
  /** The user's own column mapping; when given, it wins over header recognition (layout CUSTOM_MAPPING). */
  mapping?: ColumnMapping | null;
  /** Publisher, dataset, licence, file date… for files that do not carry them in provenance columns. */
  source?: Partial<ListingSource>;
  /** The kind of a row whose 種別 and 名称 name none (each such row gets a 要確認); default 居場所 (IBASHO). */
  defaultKind?: ResourceKind | null;
}

/** How many rows above the header a sheet may have (a title, a date line) before the header is given up on. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Rows read between two turns of the event loop. The rows come from memory (the parser's buffer), so without a turn
 * a 100,000-row file would hold the loop for seconds: requests, the search relay's connection, and the loading of the
 * reading dictionary the commit needs (prepareCommit: its file reads and decompression finish on libuv's threads, but
 * each step is started from the loop) would all wait for the whole file.
 */
const ROWS_PER_TURN = 500;

/**
 * Reads a city's file — CSV in UTF-8 (with or without BOM) or CP932, or .xlsx — into listings, repairs and the rows
 * that cannot be imported. Writes nothing. Throws BAD_USER_INPUT when the file as a whole cannot be read (unknown
 * layout, a mapped header that is not in the file, a missing sheet).
 */
export async function readCatalogFile(bytes: Uint8Array, options: ReadCatalogOptions): Promise<ParsedCatalogFile> {
  if (looksLikeZip(bytes) || /\.xlsx$/i.test(options.fileName)) {
    if (await asZip(options, () => isHsdsPackage(bytes))) return readHsdsFile(bytes, options);
    const { sheet, rows } = await asZip(options, () => readXlsxRows(bytes, options.sheet));
    return readRows(toAsync(rows), "XLSX", sheet, options);
  }
  const encoding = detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  if (/\.json$/i.test(options.fileName) || /^\s*[[{]/.test(text.slice(0, 100))) return readHsdsFile(bytes, options);
  return readRows(readCsvRows(text), encoding, null, options);
}

/** A zip that cannot be opened (cut short, not really a workbook) is the file's fault: BAD_USER_INPUT, not a 500. */
async function asZip<T>(options: ReadCatalogOptions, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badInput(
      "file",
      `「${options.fileName}」を Excel (.xlsx) または .zip として開けませんでした。ファイルが壊れていないか確かめてください`,
    );
  }
}

/** HSDS 3.0 (the API's JSON, or the tabular package as a .zip) is read by its own reader. */
function readHsdsFile(bytes: Uint8Array, options: ReadCatalogOptions): Promise<ParsedCatalogFile> {
  return readHsds(bytes, {
    fileName: options.fileName,
    source: options.source,
    defaultKind: options.defaultKind ?? undefined,
  });
}

/** A lone HSDS table (services.csv without its package) carries too little to import: say so rather than misread. */
function refuseHsdsTable(options: ReadCatalogOptions): never {
  throw badInput(
    "file",
    `「${options.fileName}」は HSDS 3.0 の表の1つのようです。CSV をまとめた .zip (datapackage.json と services.csv など) か JSON で取り込んでください`,
  );
}

/** Returns one shared copy of equal strings (bounded: a file whose texts never repeat does not keep them all). */
function interner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < 10_000) seen.set(text, text);
    return text;
  };
}

async function* toAsync(rows: RawRow[]): AsyncGenerator<RawRow> {
  yield* rows;
}

async function readRows(
  rows: AsyncGenerator<RawRow>,
  encoding: SourceEncoding,
  sheet: string | null,
  options: ReadCatalogOptions,
): Promise<ParsedCatalogFile> {
  const header = await findHeaderRow(rows, options.mapping);
  const headers = header.cells.map((h) => h.trim());
  const layout = chooseLayout(headers, options);
  const file: FileContext = {
    headers,
    columns: layout.columns,
    dataset: layout.dataset,
    datasetKind: layout.datasetKind,
    weekdaysMeanWeekly: layout.weekdaysMeanWeekly,
    defaultKind: options.defaultKind ?? null,
    source: options.source ?? {},
    fileStem: options.fileName.replace(/\.[^.]*$/, ""),
    repairs: [] as Repair[],
    intern: interner(),
  };
  const merger = new DuplicateMerger();
  let read = 0;
  for await (const row of rows) {
    if (++read % ROWS_PER_TURN === 0) await nextTurnOfEventLoop();
    if (row.cells.every((c) => c.trim() === "")) continue; // a blank line, as a spreadsheet leaves one
    merger.add(row.rowNumber, buildListing(row.cells, row.rowNumber, file));
  }
  const { listings, rejected } = merger.finish();
  return { layout: layout.layout, encoding, sheet, headers, listings, repairs: file.repairs, rejected };
}

/** The header row: the first of the top rows that names at least two known columns (or the mapping's headers). */
async function findHeaderRow(
  rows: AsyncGenerator<RawRow>,
  mapping: ColumnMapping | null | undefined,
): Promise<{ cells: string[] }> {
  const mapped = new Set(Object.values(mapping ?? {}).map((h) => comparisonKey(h ?? "")));
  const hits = (cells: string[]) =>
    mapped.size ? cells.filter((c) => mapped.has(comparisonKey(c))).length : aliasHits(cells);
  const needed = mapped.size ? Math.min(2, mapped.size) : 2;
  let seen = 0;
  // Rows above the header (a title, a date line) are not data: they are skipped. `next()` by hand: a `for await`
  // left early would close the generator, and the data rows are read from it afterwards.
  while (seen < HEADER_SEARCH_ROWS) {
    const { value: row, done } = await rows.next();
    if (done) break;
    if (hits(row.cells) >= needed) return { cells: row.cells };
    seen++;
  }
  throw badInput(
    "file",
    seen === 0
      ? "ファイルが空です"
      : "見出しの行が見つかりませんでした（先頭の行に「名称」「住所」などの列名が必要です）",
  );
}

function chooseLayout(
  headers: string[],
  options: ReadCatalogOptions,
): Omit<RecognisedLayout, "layout"> & {
  layout: ParsedCatalogFile["layout"];
} {
  if (options.mapping && Object.keys(options.mapping).length) {
    const { columns, missing } = applyMapping(headers, options.mapping);
    if (missing.length) throw badInput("mapping", `列「${missing.join("」「")}」がファイルにありません`);
    if (columns.name === undefined) throw badInput("mapping", "「名称」に当たる列を選んでください");
    return { layout: "CUSTOM_MAPPING", dataset: "施設一覧", columns, datasetKind: null, weekdaysMeanWeekly: true };
  }
  if (looksLikeHsdsHeaders(headers)) return refuseHsdsTable(options);
  const layout = recogniseLayout(headers);
  if (!layout) {
    throw badInput(
      "file",
      "列の見出しから、どの形式のファイルか判断できませんでした。列の対応（どの列が名称・住所か）を指定してください",
    );
  }
  if (layout.columns.name === undefined) throw badInput("file", "「名称」の列が見つかりません");
  return layout;
}
