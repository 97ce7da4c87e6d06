import type { RowLog } from "./repair-log.js";
import { asciiFold } from "./text-normalise.js";

/** First year of each era (元年 = that year). */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
const ERA_LETTERS: Record<string, string> = { M: "明治", T: "大正", S: "昭和", H: "平成", R: "令和" };

const WAREKI = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/i;
const SEIREKI = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** exceljs reads a date cell as a Date at UTC midnight of that calendar day. */
const ISO_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/;
/** An Excel date serial (days since 1899-12-30) of a plausible year (1950–2100). */
const EXCEL_SERIAL = /^\d{5}$/;

const pad = (n: number): string => String(n).padStart(2, "0");

const validDate = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
};

/** "YYYY-MM-DD" from 和暦 (令和6年4月1日, R6.4.1, 令和元年…), 2024/4/1, 2024年4月1日, an Excel serial or cell date. */
export function coerceDate(raw: string, column: string, log: RowLog): string | null {
  const text = raw.trim();
  if (text === "") return null;
  if (ISO_DATE.test(text)) return validDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8)));
  const midnight = ISO_MIDNIGHT.exec(text);
  if (midnight) {
    log.repair(column, text, midnight[1], "EXCEL_DATE");
    return midnight[1];
  }
  const folded = asciiFold(text);
  let m = WAREKI.exec(folded);
  if (m) {
    const era = ERA_LETTERS[m[1].toUpperCase()] ?? m[1];
    const year = ERAS[era] + (m[2] === "元" ? 1 : Number(m[2])) - 1;
    const value = validDate(year, Number(m[3]), Number(m[4]));
    if (value) log.repair(column, text, value, "WAREKI_DATE");
    return value;
  }
  m = SEIREKI.exec(folded);
  if (m) {
    const value = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value) log.repair(column, text, value, "DATE_FORMAT");
    return value;
  }
  if (EXCEL_SERIAL.test(folded)) {
    const serial = Number(folded);
    if (serial >= 18264 && serial <= 73051) {
      const value = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
      log.repair(column, text, value, "EXCEL_SERIAL_DATE");
      return value;
    }
  }
  return null;
}
