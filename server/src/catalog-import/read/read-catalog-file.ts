import { badInput } from "../../core/errors.js";
import type { ListingSource, ParsedCatalogFile } from "../imported-listing.js";
import type { ColumnMapping } from "./column-mapping.js";
import { detectEncoding, looksLikeZip } from "./decode-bytes.js";

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
}

/** Reads a city's file (CSV in UTF-8/CP932, .xlsx) into listings, repairs and rejected rows. Writes nothing. */
export async function readCatalogFile(bytes: Uint8Array, options: ReadCatalogOptions): Promise<ParsedCatalogFile> {
  const encoding = detectEncoding(bytes);
  void encoding;
  void looksLikeZip;
  void options;
  throw badInput("file", "ファイルの読み込みはまだ実装されていません");
}
