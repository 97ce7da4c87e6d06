import type { RowLog } from "./repair-log.js";
import { asciiFold } from "./text-normalise.js";

const HH_MM = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const HOUR_ONLY = /^(\d{1,2})$/;
const KANJI_TIME = /^(午前|午後)?(\d{1,2})時(?:(\d{1,2})分|半)?$/;
const HHMM_DIGITS = /^(\d{2})(\d{2})$/;
const EXCEL_FRACTION = /^0?\.\d+$|^0$/;
/** exceljs gives a time-only cell as a Date on Excel's day zero. */
const EXCEL_DAY_ZERO = /^1899-12-(?:30|31)T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

const pad = (n: number): string => String(n).padStart(2, "0");
const hhmm = (h: number, m: number): string | null => (h <= 23 && m <= 59 ? `${pad(h)}:${pad(m)}` : null);

/**
 * "HH:MM" (24h) from what cities write: `10:00`, `10：00`, `7:00`, `9`, `24` (the end of the day, 23:59),
 * `10時30分`, `午後1時`, Excel's day fraction `0.395833…` or a time cell read as `1899-12-30T09:30:00.000Z`.
 * Every change is reported; a value that is not a time gives null and the caller keeps the text.
 */
export function coerceTime(raw: string, column: string, log: RowLog, isEnd = false): string | null {
  const text = raw.trim();
  if (text === "") return null;
  const excel = EXCEL_DAY_ZERO.exec(text);
  if (excel) {
    // Seconds round to the nearest minute: Excel stores 9:30 as 0.395833…, which can come back as 09:29:59.999.
    const total = Number(excel[1]) * 60 + Number(excel[2]) + (Number(excel[3]) >= 30 ? 1 : 0);
    const value = hhmm(Math.floor(total / 60) % 24, total % 60);
    if (value) log.repair(column, text, value, "EXCEL_DATE_TIME");
    return value;
  }
  const folded = asciiFold(text);
  if (folded !== text && /[０-９：]/.test(text)) log.repair(column, text, folded, "FULLWIDTH_DIGITS");
  let m = HH_MM.exec(folded);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h === 24 && min === 0 && isEnd) return endOfDay(folded, column, log);
    const value = hhmm(h, min);
    if (value && value !== folded) log.repair(column, folded, value, m[3] ? "TIME_SECONDS_DROPPED" : "TIME_PADDED");
    return value;
  }
  m = HOUR_ONLY.exec(folded);
  if (m) {
    const h = Number(m[1]);
    if (h === 24 && isEnd) return endOfDay(folded, column, log);
    const value = hhmm(h, 0);
    if (value) log.repair(column, folded, value, "HOUR_ONLY");
    return value;
  }
  m = KANJI_TIME.exec(folded);
  if (m) {
    const h = Number(m[2]) + (m[1] === "午後" && Number(m[2]) < 12 ? 12 : 0);
    const value = hhmm(h, folded.endsWith("半") ? 30 : Number(m[3] ?? 0));
    if (value) log.repair(column, folded, value, "KANJI_TIME");
    return value;
  }
  m = HHMM_DIGITS.exec(folded);
  if (m) {
    const value = hhmm(Number(m[1]), Number(m[2]));
    if (value) log.repair(column, folded, value, "HHMM_DIGITS");
    return value;
  }
  if (EXCEL_FRACTION.test(folded)) {
    const minutes = Math.round(Number(folded) * 1440);
    const value = hhmm(Math.floor(minutes / 60), minutes % 60);
    if (value) log.repair(column, folded, value, "EXCEL_SERIAL_TIME");
    return value;
  }
  return null;
}

/** `24` / `24:00` as an end time: tsunagu's times stop at 23:59. */
function endOfDay(before: string, column: string, log: RowLog): string {
  log.repair(column, before, "23:59", "END_OF_DAY");
  return "23:59";
}
