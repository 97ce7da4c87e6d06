import { ACTION_LABELS, reportLines, type ImportPlan } from "./import-plan.js";
import type { ParsedCatalogFile } from "./imported-listing.js";

const HEADER = ["行", "処理", "列", "修正前", "修正後", "理由"];

const cell = (v: string | number | null): string => {
  const s = v == null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The preview as a CSV for Excel: UTF-8 with a BOM (Excel reads it as UTF-8 then), CRLF line ends. */
export function reportCsv(plan: ImportPlan, repairs: ParsedCatalogFile["repairs"]): Buffer {
  const lines = [HEADER.join(",")];
  for (const l of reportLines(plan, repairs)) {
    lines.push([l.rowNumber, ACTION_LABELS[l.action], l.column, l.before, l.after, l.reason].map(cell).join(","));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}
