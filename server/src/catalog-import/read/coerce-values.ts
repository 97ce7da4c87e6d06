import type { RowLog } from "./repair-log.js";
import { asciiFold, halfwidthKanaToFull, replaceLineBreakMarkers, toHalfwidthAscii } from "./text-normalise.js";

const DASH_BETWEEN_DIGITS = /(?<=[0-9０-９])[ｰーｰ－−‐―](?=[0-9０-９])/g;
const TRUE_WORDS = new Set(["有", "有り", "あり", "可", "可能", "○", "〇", "◯", "はい", "実施", "yes", "true", "y"]);
const FALSE_WORDS = new Set(["無", "無し", "なし", "不可", "×", "✕", "いいえ", "未実施", "no", "false", "n", "-"]);

/** A yes/no column: `1`/`0` as published, or 有/可/あり/○ vs 無/不可/なし/× (reported); null when blank or unclear. */
export function coerceFlag(raw: string, column: string, log: RowLog): boolean | null {
  const text = asciiFold(raw).toLowerCase();
  if (text === "") return null;
  if (text === "1") return true;
  if (text === "0") return false;
  if (TRUE_WORDS.has(text)) {
    log.repair(column, raw.trim(), "1", "FLAG_WORD");
    return true;
  }
  if (FALSE_WORDS.has(text)) {
    log.repair(column, raw.trim(), "0", "FLAG_WORD");
    return false;
  }
  log.review(`「${column}」の値「${raw.trim()}」を 有/無 として読めませんでした`);
  return null;
}

/** A whole number (定員, 料金): full-width digits, 名/人/円 and thousands separators are reported; else null. */
export function coerceInteger(raw: string, column: string, log: RowLog): number | null {
  const text = raw.trim();
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number(text);
  const folded = asciiFold(text);
  const m = /^(?:約)?(\d{1,3}(?:,\d{3})+|\d+)\s*(名|人|円|人程度|名程度|名まで|人まで)?$/.exec(folded);
  if (m) {
    const value = Number(m[1].replace(/,/g, ""));
    log.repair(column, text, String(value), /[０-９]/.test(text) ? "FULLWIDTH_DIGITS" : "NUMBER_FROM_TEXT");
    return value;
  }
  if (folded === "無料") {
    log.repair(column, text, "0", "FREE_WORD");
    return 0;
  }
  log.review(`「${column}」の値「${text}」を数値として読めませんでした`);
  return null;
}

/** A text cell: MHLW's 「（改行）」 → a line break, half-width kana → full-width; both reported. */
export function cleanText(raw: string, column: string, log: RowLog): string {
  let text = raw.trim();
  if (text.includes("改行")) {
    const replaced = replaceLineBreakMarkers(text);
    log.repair(column, text, replaced, "LINE_BREAK_MARKER");
    text = replaced;
  }
  const kana = halfwidthKanaToFull(text);
  log.repair(column, text, kana, "HALFWIDTH_KANA");
  return kana;
}

/**
 * An address: full-width digits, letters and spaces → half-width (`３番地１` + U+3000 + `瓦町ＦＬＡＧ８階`), half-width
 * kana → full-width, and a dash between digits (ｰ, ー, －, −) → "-" (`住吉1ｰ13ｰ12` is 1-13-12, not a long vowel).
 * One repair, FULLWIDTH_ADDRESS, for all of it.
 */
export function cleanAddress(raw: string, column: string, log: RowLog): string {
  let text = raw.trim();
  if (text.includes("改行")) {
    const replaced = replaceLineBreakMarkers(text);
    log.repair(column, text, replaced, "LINE_BREAK_MARKER");
    text = replaced;
  }
  const normalised = halfwidthKanaToFull(toHalfwidthAscii(text.replace(DASH_BETWEEN_DIGITS, "-")))
    .replace(DASH_BETWEEN_DIGITS, "-")
    .replace(/ {2,}/g, " ")
    .trim();
  log.repair(column, text, normalised, "FULLWIDTH_ADDRESS");
  return normalised;
}

/** A phone number: full-width digits and hyphens → ASCII. */
export function cleanPhone(raw: string, column: string, log: RowLog): string {
  const text = raw.trim();
  const ascii = toHalfwidthAscii(text).replace(/[‐－―−ー]/g, "-");
  log.repair(column, text, ascii, "FULLWIDTH_DIGITS");
  return ascii;
}

/** An e-mail address: full-width letters and ＠ → ASCII. */
export function cleanEmail(raw: string, column: string, log: RowLog): string {
  const text = raw.trim();
  const ascii = toHalfwidthAscii(text).replace(/\s/g, "");
  log.repair(column, text, ascii, "FULLWIDTH_ASCII");
  return ascii;
}
