import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { DataSource } from "typeorm";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceService } from "../resources/resource.service.js";
import type { SearchResourcesInput } from "../search/search.inputs.js";
import type { SearchService } from "../search/search.service.js";
import { EXPORT_COLUMNS, type Cell } from "./directory-export.columns.js";

export type CsvEncoding = "utf8" | "cp932";

const BATCH = 1_000;

/**
 * Characters Unicode text has in their JIS form that CP932 only has in its own (Windows) form: without this, 〜 in
 * 「10:00〜11:30」 and − in a phone number would become "?" in a CP932 file.
 */
const CP932_FORMS: Record<string, string> = {
  "\u301c": "\uff5e", // 〜 WAVE DASH → ～
  "\u2212": "\uff0d", // − MINUS SIGN → －
  "\u2016": "\u2225", // ‖ → ∥
  "\u2014": "\u2015", // — EM DASH → ―
  "\u00a2": "\uffe0", // ¢
  "\u00a3": "\uffe1", // £
  "\u00ac": "\uffe2", // ¬
};
const JIS_ONLY = new RegExp(`[${Object.keys(CP932_FORMS).join("")}]`, "g");

export const toCp932 = (text: string): Buffer =>
  iconv.encode(
    text.replace(JIS_ONLY, (c) => CP932_FORMS[c]),
    "cp932",
  );

/** A CSV field (RFC 4180); a leading = + - @ is prefixed with ' so that Excel does not run it as a formula. */
function csvField(v: Cell): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (cells: Cell[]) => cells.map(csvField).join(",") + "\r\n";

/**
 * The directory as a file: every listing the search matches (not one page), in あいうえお順, read in batches of
 * 1,000 and written as they come, so a 100,000-row export streams in bounded memory.
 */
export class DirectoryExportService {
  constructor(
    private readonly db: DataSource,
    private readonly search: SearchService,
  ) {}

  private async *listings(input: SearchResourcesInput): AsyncGenerator<Resource[]> {
    for await (const ids of this.search.matchingIdBatches(input, {}, BATCH)) {
      const rows = await ResourceService.byIds(this.db.manager, ids, { withHost: true });
      const byId = new Map(rows.map((r) => [r.id, r]));
      yield ids.flatMap((id) => byId.get(id) ?? []);
    }
  }

  /** CSV with CRLF lines: UTF-8 with a BOM (Excel then reads it as UTF-8), or CP932 for older Excel. */
  async writeCsv(input: SearchResourcesInput, encoding: CsvEncoding, out: Writable): Promise<number> {
    const encode = (text: string) => (encoding === "cp932" ? toCp932(text) : Buffer.from(text, "utf8"));
    const send = async (chunk: Buffer) => {
      if (!out.write(chunk)) await once(out, "drain");
    };
    if (encoding === "utf8") await send(Buffer.from([0xef, 0xbb, 0xbf]));
    await send(encode(csvLine(EXPORT_COLUMNS.map((c) => c.header))));
    let count = 0;
    for await (const batch of this.listings(input)) {
      await send(encode(batch.map((r) => csvLine(EXPORT_COLUMNS.map((c) => c.value(r)))).join("")));
      count += batch.length;
    }
    out.end();
    return count;
  }

  /** .xlsx through exceljs's streaming writer: rows are committed as they are written. */
  async writeXlsx(input: SearchResourcesInput, out: Writable): Promise<number> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet("社会資源", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let count = 0;
    for await (const batch of this.listings(input)) {
      for (const r of batch) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(r))).commit();
      count += batch.length;
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }
}
