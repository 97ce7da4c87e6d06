import { formatFiscalYear, reportMessages as m } from "../../messages";
import { followUpCounts, monthlyCounts, outcomeFigures, type OutcomeSummaryData } from "./outcome-model";

/** UTF-8 byte order mark: without it, Excel on Japanese Windows reads the file as Shift_JIS and garbles it. */
const BOM = "\uFEFF";
const CRLF = "\r\n";

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double the quotes inside. */
function field(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The figures as a CSV a municipal office can open in Excel: BOM, CRLF, a Japanese header row, one row per figure
 * (rates in percent with their numerator and denominator), two per month (matchings, starts; empty for a month not
 * reached yet by `today`), the period and the 集計日 at the end.
 */
export function outcomeCsv(summary: OutcomeSummaryData, today: string): string {
  const year = formatFiscalYear(summary.fiscalYear);
  const rows: (string | number | null)[][] = [[...m.csv.header]];
  for (const f of outcomeFigures(summary)) {
    if (f.kind === "count") rows.push([year, f.label, f.value, m.csv.unitCount, null, null]);
    else rows.push([year, f.label, f.rate === null ? null : m.percentNumber(f.rate), m.csv.unitPercent, f.numerator, f.denominator]);
  }
  for (const c of followUpCounts(summary)) {
    rows.push([year, `${m.followUps.title}: ${c.label}`, c.value, m.csv.unitCount, null, null]);
  }
  for (const row of monthlyCounts(summary, today)) {
    rows.push([year, m.csvMonthly(m.monthlyColumns.matching, row.month), row.matchingCount, m.csv.unitCount, null, null]);
    rows.push([year, m.csvMonthly(m.monthlyColumns.started, row.month), row.startedCount, m.csv.unitCount, null, null]);
  }
  rows.push([year, m.csv.periodStart, summary.periodStart, null, null, null]);
  rows.push([year, m.csv.periodEnd, summary.periodEnd, null, null, null]);
  rows.push([year, m.csv.asOf, summary.asOf, null, null, null]);
  return BOM + rows.map((row) => row.map(field).join(",")).join(CRLF) + CRLF;
}

/** Saves the text as a file through a temporary link (no server round trip; works offline). */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: revoking during the click can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
