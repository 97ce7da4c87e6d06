/**
 * Name parts that carry their own reading, so a generated name and its KATAKANA よみがな are always built from
 * the same pieces (no morphological analysis over 100,000 names).
 *
 * A part is written `"表記=ヨミ"`; a part with no kanji may omit the reading (`"いきいきサロン"` → イキイキサロン).
 * Spaces, 「」 and ・ are kept in the name but have no reading.
 */

/** [text, katakana reading] */
export type Part = readonly [string, string];

const HAN = /\p{Script=Han}/u;
const SILENT = /[\s\u3000「」『』()（）・]/gu;
const HIRAGANA = /[\u3041-\u3096]/g;

export function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Parses `"表記=ヨミ"` or kana-only `"ひだまり"`; throws on kanji without a reading (caught at module load). */
export function part(spec: string): Part {
  const eq = spec.indexOf("=");
  const text = eq >= 0 ? spec.slice(0, eq) : spec;
  const reading = hiraganaToKatakana((eq >= 0 ? spec.slice(eq + 1) : spec).replace(SILENT, ""));
  if (HAN.test(reading)) throw new Error(`name part without a reading: ${spec}`);
  if (reading !== "" && !/^[\u30A0-\u30FF]+$/u.test(reading)) throw new Error(`reading is not katakana: ${spec}`);
  return [text, reading];
}

export const parts = (specs: readonly string[]): Part[] => specs.map(part);

export function joinParts(list: readonly Part[]): Part {
  let text = "";
  let kana = "";
  for (const [t, k] of list) {
    text += t;
    kana += k;
  }
  return [text, kana];
}

const DIGITS = ["", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"] as const;
const HUNDREDS: Record<number, string> = { 1: "ヒャク", 3: "サンビャク", 6: "ロッピャク", 8: "ハッピャク" };
const THOUSANDS: Record<number, string> = { 1: "セン", 3: "サンゼン", 8: "ハッセン" };

function below10000(n: number): string {
  const th = Math.floor(n / 1000);
  const h = Math.floor(n / 100) % 10;
  const t = Math.floor(n / 10) % 10;
  const o = n % 10;
  let s = "";
  if (th) s += THOUSANDS[th] ?? `${DIGITS[th]}セン`;
  if (h) s += HUNDREDS[h] ?? `${DIGITS[h]}ヒャク`;
  if (t) s += `${t === 1 ? "" : DIGITS[t]}ジュウ`;
  if (o) s += DIGITS[o];
  return s;
}

/** Reading of a non-negative integer below 10^8 as counted aloud: 12 → ジュウニ, 300 → サンビャク, 10000 → イチマン. */
export function numberToKana(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`numberToKana: ${n}`);
  if (n === 0) return "ゼロ";
  const man = Math.floor(n / 10000);
  return (man ? `${below10000(man)}マン` : "") + below10000(n % 10000);
}

/** 「第12」 / ダイジュウニ */
export function ordinalPart(n: number): Part {
  return [`第${n}`, `ダイ${numberToKana(n)}`];
}

/** 一丁目 … 五丁目 with their readings. */
export const CHOME: readonly Part[] = parts([
  "一丁目=イッチョウメ",
  "二丁目=ニチョウメ",
  "三丁目=サンチョウメ",
  "四丁目=ヨンチョウメ",
  "五丁目=ゴチョウメ",
]);
