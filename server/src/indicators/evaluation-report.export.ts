import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import { BUCKETS, type BucketTableRow, type EvaluationReport, type IndicatorRow } from "./evaluation-report.js";
import { JIGYO_LABELS, type Jigyo } from "./indicator-catalog.js";
import type { ReportNarrative } from "./indicator-value.entity.js";

/*
 * The report as files, laid out like a city's 実施状況報告: a summary sheet (the bucket tables by 事業 and 分野, the
 * 参加支援 funnel) and one sheet per 事業 (№, indicator, unit, 分野, target and actual per 年度, 達成率, bucket, then the
 * two narratives); and the rows as CSV. Numbers stay numbers: 達成率 is stored as a fraction (0.286) with the format
 * 0.0%, so a spreadsheet can compute with it and shows 28.6%.
 */

export const SUMMARY_SHEET = "総括";
export const sheetNameOf = (jigyo: Jigyo) => `第${jigyo}号 ${JIGYO_LABELS[jigyo].replace(/事業$/, "")}`.slice(0, 31);

const PERCENT = "0.0%";
const formatOf = (value: number) => (Number.isInteger(value) ? "#,##0" : "#,##0.0");

function numberCell(cell: ExcelJS.Cell, value: number | null, format?: string) {
  if (value === null) return;
  cell.value = value;
  cell.numFmt = format ?? formatOf(value);
}

function bucketTable(sheet: ExcelJS.Worksheet, title: string, head: string, rows: readonly BucketTableRow[]) {
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([head, "指標数", ...BUCKETS, "目標なし"]).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow([r.label, r.total, ...BUCKETS.map((b) => r.counts[b]), r.noTarget]);
    row.eachCell((c, i) => {
      if (i > 1) c.numFmt = "0";
    });
    if (r.key === "TOTAL") row.font = { bold: true };
  }
  sheet.addRow([]);
}

export async function writeEvaluationXlsx(
  report: EvaluationReport,
  narratives: readonly ReportNarrative[],
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet(SUMMARY_SHEET, { pageSetup: { paperSize: 9, orientation: "portrait" } });
  summary.columns = [{ width: 34 }, ...Array.from({ length: 8 }, () => ({ width: 10 }))];
  summary.addRow([`${report.fiscalYear}年度 実施状況報告`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  bucketTable(summary, "事業別の達成状況", "事業", report.byJigyo);
  bucketTable(summary, "分野別の達成状況", "分野", report.byBunya);
  summary.addRow(["参加支援の状況"]).font = { bold: true };
  const f = report.funnel;
  for (const [label, value] of [
    ["相談受付件数", f.intakes],
    ["同意者数", f.consents],
    ["支援人数 (繰越を含む)", f.supportedPersons],
    ["うち前年度からの繰越", f.carriedOverPersons],
    ["支援プラン策定人数", f.planPersons],
    ["うち新規", f.newPlanPersons],
    ["うち再プラン", f.replanPersons],
    ["協力依頼機関数", f.cooperationOrganizations],
    ["マッチング件数", f.matchings],
  ] as const) {
    const row = summary.addRow([label]);
    numberCell(row.getCell(2), value, "#,##0");
  }

  const jigyos = [...new Set(report.rows.map((r) => r.jigyo))].sort();
  for (const jigyo of jigyos) {
    const sheet = workbook.addWorksheet(sheetNameOf(jigyo), {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: "frozen", ySplit: 2 }],
    });
    sheet.columns = [
      { width: 5 },
      { width: 40 },
      { width: 8 },
      { width: 12 },
      ...report.years.flatMap(() => [{ width: 11 }, { width: 11 }]),
      { width: 9 },
      { width: 10 },
      { width: 60 },
    ];
    sheet.addRow([`${report.fiscalYear}年度 ${JIGYO_LABELS[jigyo]}`]).font = { bold: true, size: 13 };
    sheet.addRow([
      "№",
      "指標",
      "単位",
      "分野",
      ...report.years.flatMap((y) => [`${y}年度 目標`, `${y}年度 実績`]),
      `${report.fiscalYear}年度 達成率`,
      "区分",
      "定義",
    ]).font = { bold: true };
    report.rows.filter((r) => r.jigyo === jigyo).forEach((r, i) => addIndicatorRow(sheet, r, i + 1));
    const narrative = narratives.find((n) => n.jigyo === jigyo);
    sheet.addRow([]);
    for (const [label, text] of [
      ["【達成度評価】", narrative?.achievementEvaluation ?? ""],
      ["【今後の課題と方向性】", narrative?.issuesAndDirection ?? ""],
    ]) {
      sheet.addRow([label]).font = { bold: true };
      const row = sheet.addRow([text]);
      sheet.mergeCells(row.number, 1, row.number, 4 + report.years.length * 2 + 3);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    }
  }
  await workbook.xlsx.write(out);
}

function addIndicatorRow(sheet: ExcelJS.Worksheet, r: IndicatorRow, no: number) {
  const row = sheet.addRow([no, r.entered ? `${r.name} (手入力)` : r.name, r.unit, r.bunya.join("・")]);
  r.years.forEach((y, i) => {
    numberCell(row.getCell(5 + i * 2), y.target);
    numberCell(row.getCell(6 + i * 2), y.actual);
  });
  const after = 5 + r.years.length * 2;
  numberCell(row.getCell(after), r.rate === null ? null : r.rate / 100, PERCENT);
  row.getCell(after + 1).value = r.bucket ?? "目標なし";
  row.getCell(after + 2).value = r.definition;
  row.getCell(after + 2).alignment = { wrapText: true, vertical: "top" };
}

/** A CSV field (RFC 4180); a leading = + - @ is prefixed with ' so that a spreadsheet does not run it as a formula. */
function csvField(v: string | number | null): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every indicator as one CSV row, in UTF-8 with a BOM (so that Excel reads the Japanese right). */
export function evaluationCsv(report: EvaluationReport): string {
  const head = [
    "事業",
    "№",
    "指標ID",
    "指標",
    "単位",
    "分野",
    "手入力",
    ...report.years.flatMap((y) => [`${y}年度 目標`, `${y}年度 実績`, `${y}年度 達成率(%)`]),
    "区分",
    "定義",
  ];
  const lines = [head];
  const numbers = new Map<Jigyo, number>();
  for (const r of report.rows) {
    const no = (numbers.get(r.jigyo) ?? 0) + 1;
    numbers.set(r.jigyo, no);
    lines.push([
      JIGYO_LABELS[r.jigyo],
      String(no),
      r.indicatorId,
      r.name,
      r.unit,
      r.bunya.join("・"),
      r.entered ? "はい" : "いいえ",
      ...r.years.flatMap((y) => [y.target, y.actual, y.rate].map((v) => (v === null ? "" : String(v)))),
      r.bucket ?? "目標なし",
      r.definition,
    ]);
  }
  return "\uFEFF" + lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n";
}
