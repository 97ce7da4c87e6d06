import ExcelJS from "exceljs";
import { badInput } from "../../core/errors.js";

const loadWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer over the same memory is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw badInput("file", "Excel ファイル (.xlsx) として読み込めませんでした");
  }
  return workbook;
};

/** The sheet names of an .xlsx file, in workbook order. */
export async function listSheets(bytes: Uint8Array): Promise<string[]> {
  const workbook = await loadWorkbook(bytes);
  return workbook.worksheets.map((sheet) => sheet.name);
}

/** A cell as text: rich text joined, a formula's result, a date as ISO (the coercions read it), numbers as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text);
  if ("error" in value) return "";
  return "";
}

/** The rows of one sheet (the first when `sheet` is not given) as text, row 1 first; rows keep their sheet numbers. */
export async function readXlsxRows(
  bytes: Uint8Array,
  sheet: string | null | undefined,
): Promise<{ sheet: string; rows: { rowNumber: number; cells: string[] }[] }> {
  const workbook = await loadWorkbook(bytes);
  const worksheet = sheet ? workbook.getWorksheet(sheet) : workbook.worksheets[0];
  if (!worksheet) {
    throw badInput("sheet", sheet ? `シート「${sheet}」がありません` : "シートがありません");
  }
  const rows: { rowNumber: number; cells: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    rows.push({ rowNumber, cells });
  });
  return { sheet: worksheet.name, rows };
}
