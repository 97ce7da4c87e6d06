import type { RowLog } from "./repair-log.js";
import { asciiFold } from "./text-normalise.js";

/** Japan, generously: 沖ノ鳥島 (20.4°N) to 択捉島 (45.6°N), 与那国島 (122.9°E) to 南鳥島 (154.0°E). */
const LAT_RANGE = [20, 46] as const;
const LNG_RANGE = [122, 154] as const;
const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

export type CoordinatesResult = { ok: true; lat: number | null; lng: number | null } | { ok: false; reason: string };

/**
 * 緯度・経度 as numbers inside Japan. Both blank (or both 0, a placeholder) → no position. Swapped columns are
 * swapped back; a value no reading can place in Japan (`369.56`) makes the row unimportable: a listing put in the
 * wrong place is worse than one the city must fix.
 */
export function coerceCoordinates(
  rawLat: string,
  rawLng: string,
  columns: { lat: string; lng: string },
  log: RowLog,
): CoordinatesResult {
  const latText = asciiFold(rawLat);
  const lngText = asciiFold(rawLng);
  if (latText !== rawLat.trim()) log.repair(columns.lat, rawLat.trim(), latText, "FULLWIDTH_DIGITS");
  if (lngText !== rawLng.trim()) log.repair(columns.lng, rawLng.trim(), lngText, "FULLWIDTH_DIGITS");
  if (latText === "" && lngText === "") return { ok: true, lat: null, lng: null };
  if (latText === "" || lngText === "") {
    return { ok: false, reason: `緯度・経度の片方だけが入力されています（緯度「${latText}」経度「${lngText}」）` };
  }
  if (!NUMBER.test(latText) || !NUMBER.test(lngText)) {
    return { ok: false, reason: `緯度・経度を数値として読めません（緯度「${latText}」経度「${lngText}」）` };
  }
  const lat = Number(latText);
  const lng = Number(lngText);
  if (lat === 0 && lng === 0) {
    log.repair(`${columns.lat}/${columns.lng}`, "0,0", "", "ZERO_COORDINATES");
    return { ok: true, lat: null, lng: null };
  }
  if (inRange(lat, LAT_RANGE) && inRange(lng, LNG_RANGE)) return { ok: true, lat, lng };
  if (inRange(lng, LAT_RANGE) && inRange(lat, LNG_RANGE)) {
    log.repair(
      `${columns.lat}/${columns.lng}`,
      `${latText},${lngText}`,
      `${lngText},${latText}`,
      "SWAPPED_COORDINATES",
    );
    return { ok: true, lat: lng, lng: lat };
  }
  return {
    ok: false,
    reason: `緯度・経度が日本の範囲外です（緯度「${latText}」経度「${lngText}」）。位置を確認してください`,
  };
}

const PREFECTURES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
  "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
  "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]; // prettier-ignore

/** JIS X 0402's check digit of a 5-digit 地方公共団体コード (weights 6…2, modulus 11). */
export function lgCheckDigit(five: string): string {
  const sum = [...five].reduce((acc, d, i) => acc + Number(d) * (6 - i), 0);
  return String((11 - (sum % 11)) % 10);
}

const validPrefecture = (code: string) => Number(code.slice(0, 2)) >= 1 && Number(code.slice(0, 2)) <= 47;
const isValidSix = (six: string) =>
  /^\d{6}$/.test(six) && validPrefecture(six) && lgCheckDigit(six.slice(0, 5)) === six[5];

/**
 * The 6-digit 全国地方公共団体コード (with check digit) from what a spreadsheet left of it: 6 digits as published;
 * 5 digits either the code without its check digit (`13208`) or a 6-digit code whose leading zero was lost
 * (`11002` = 北海道 `011002`); 4 digits a 5-digit code that lost its zero. When both readings of 5 digits are valid,
 * the row's address or prefecture decides; when nothing decides, the code is kept as written and flagged.
 */
export function coerceLgCode(raw: string, column: string, context: string, log: RowLog): string | null {
  const text = asciiFold(raw);
  if (text === "") return null;
  if (!/^\d{4,6}$/.test(text)) {
    log.review(`「${column}」の値「${raw.trim()}」は地方公共団体コードとして読めませんでした`);
    return null;
  }
  if (text.length === 6) return text;
  if (text.length === 4) {
    const five = `0${text}`;
    const six = five + lgCheckDigit(five);
    log.repair(column, text, six, "LEADING_ZERO");
    return six;
  }
  const lostZero = `0${text}`;
  const withCheck = text + lgCheckDigit(text);
  const lostZeroValid = isValidSix(lostZero);
  const withCheckValid = validPrefecture(text);
  let choice: "LOST_ZERO" | "CHECK" | null = null;
  if (lostZeroValid && !withCheckValid) choice = "LOST_ZERO";
  else if (!lostZeroValid && withCheckValid) choice = "CHECK";
  else if (lostZeroValid && withCheckValid) {
    const prefectureOf = (code: string) => PREFECTURES[Number(code.slice(0, 2)) - 1];
    if (context.includes(prefectureOf(lostZero))) choice = "LOST_ZERO";
    else if (context.includes(prefectureOf(withCheck))) choice = "CHECK";
  }
  if (choice === "LOST_ZERO") {
    log.repair(column, text, lostZero, "LEADING_ZERO");
    return lostZero;
  }
  if (choice === "CHECK") {
    log.repair(column, text, withCheck, "LG_CODE_CHECK_DIGIT");
    return withCheck;
  }
  log.review(`「${column}」の値「${text}」は地方公共団体コードの先頭の0が落ちたものか判断できません`);
  return text;
}
