import { normalizeReading } from "../../readings/reading.js";
import { normalizeQuery } from "../search.conditions.js";
import { fixedVocabulary, UnderstoodKind, type UnderstoodMeaning } from "./query-words.js";

/** One filter read from the search box, with the word it was read from (as typed, width-folded). */
export interface UnderstoodWord extends UnderstoodMeaning {
  word: string;
}

export interface UnderstoodQuery {
  /** The words left as text, in the order typed, one space apart. */
  text: string;
  understood: UnderstoodWord[];
}

/** An area of the city, as the parser needs it. */
export interface AreaName {
  id: string;
  name: string;
  nameKana: string;
}

/** The comparison form of a word: NFKC, katakana → hiragana, lower case. It keeps the length of NFKC'd text. */
const foldWord = (word: string) => normalizeReading(word);

const FIXED = fixedVocabulary();

/** The generic part of an area's name: 「若葉小学校区」 is also written 「若葉地区」 or 「わかば校区」. */
const AREA_SUFFIXES = [
  "地域包括支援センター担当区域",
  "地域包括支援センター",
  "小学校区",
  "中学校区",
  "エリア",
  "地区",
  "区域",
  "学区",
  "校区",
  "地域",
].flatMap((s) => [foldWord(s), foldWord(readingOfSuffix(s))]);

function readingOfSuffix(suffix: string): string {
  const readings: Record<string, string> = {
    地域包括支援センター担当区域: "ちいきほうかつしえんせんたーたんとうくいき",
    地域包括支援センター: "ちいきほうかつしえんせんたー",
    小学校区: "しょうがっこうく",
    中学校区: "ちゅうがっこうく",
    エリア: "えりあ",
    地区: "ちく",
    区域: "くいき",
    学区: "がっく",
    校区: "こうく",
    地域: "ちいき",
  };
  return readings[suffix];
}

/** The words that name an area: its name and reading, and its stem with any of the area suffixes (not alone). */
function areaVocabulary(areas: readonly AreaName[]): Map<string, UnderstoodMeaning[]> {
  const words = new Map<string, UnderstoodMeaning[]>();
  const add = (word: string, meaning: UnderstoodMeaning) => {
    const list = words.get(word) ?? [];
    if (!list.some((m) => m.value === meaning.value)) list.push(meaning);
    words.set(word, list);
  };
  for (const area of areas) {
    const meaning = { kind: UnderstoodKind.AREA, value: area.id, label: area.name };
    for (const full of [foldWord(area.name), foldWord(area.nameKana)]) {
      if (!full) continue;
      add(full, meaning);
      const suffix = AREA_SUFFIXES.find((s) => full.endsWith(s) && full.length - s.length >= 2);
      if (!suffix) continue;
      const stem = full.slice(0, -suffix.length);
      for (const s of AREA_SUFFIXES) add(stem + s, meaning);
    }
  }
  return words;
}

const DIGITS = "(\\d{1,2})(?::(\\d{2})|時(半|\\d{1,2}分)?)";
const TIME = new RegExp(
  `^(午前|午後|ごぜん|ごご|am|pm)?${DIGITS}(?:(?:〜|~|-|から)(午前|午後|ごぜん|ごご|am|pm)?${DIGITS}(?:まで)?|(から|以降|まで))?`,
);

const minutesOf = (ampm: string | undefined, hour: string, mm: string | undefined, part: string | undefined) => {
  let h = Number(hour);
  if (ampm && /午後|ごご|pm/.test(ampm) && h < 12) h += 12;
  const m = mm ? Number(mm) : part === "半" ? 30 : part ? Number(part.replace("分", "")) : 0;
  return h <= 23 && m <= 59 ? h * 60 + m : null;
};
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 「10時」 → sessions starting 10:00–10:59; 「14:00〜16:00」, 「10時から」, 「午後3時まで」 → those ranges. */
function timeAt(folded: string, at: number): { length: number; meaning: UnderstoodMeaning } | null {
  const m = TIME.exec(folded.slice(at));
  if (!m) return null;
  const from = minutesOf(m[1], m[2], m[3], m[4]);
  if (from == null) return null;
  let window: [number, number];
  if (m[6] !== undefined) {
    const to = minutesOf(m[5] ?? m[1], m[6], m[7], m[8]);
    if (to == null || to < from) return null;
    window = [from, to];
  } else if (m[9] === "まで") window = [0, from];
  else if (m[9]) window = [from, 23 * 60 + 59];
  else window = [from, Math.min(from + 59, 23 * 60 + 59)];
  const value = `${hhmm(window[0])}-${hhmm(window[1])}`;
  return {
    length: m[0].length,
    meaning: { kind: UnderstoodKind.TIME_WINDOW, value, label: `${hhmm(window[0])}〜${hhmm(window[1])}` },
  };
}

/** Little words that may join filter words inside one typed word: 「火曜の午前」, 「月曜と水曜」. */
const JOINERS = new Set(["の", "に", "で", "も", "と", "・", "や"]);

interface Piece {
  start: number;
  end: number;
  meanings: UnderstoodMeaning[];
}

/**
 * Splits one typed word into filter words, all of it or nothing: 「火曜午前」 → 火曜 + 午前, 「火曜体操」 stays text.
 * Longest word first at each position, backtracking when the rest does not split.
 */
function segment(folded: string, vocabulary: Map<string, UnderstoodMeaning[]>, longest: number): Piece[] | null {
  const memo = new Map<number, Piece[] | null>();
  const from = (at: number): Piece[] | null => {
    if (at === folded.length) return [];
    if (memo.has(at)) return memo.get(at)!;
    let found: Piece[] | null = null;
    const candidates: Piece[] = [];
    const time = timeAt(folded, at);
    if (time) candidates.push({ start: at, end: at + time.length, meanings: [time.meaning] });
    for (let len = Math.min(longest, folded.length - at); len >= 1; len--) {
      const meanings = vocabulary.get(folded.slice(at, at + len)) ?? FIXED.get(folded.slice(at, at + len));
      if (meanings) candidates.push({ start: at, end: at + len, meanings });
    }
    candidates.sort((a, b) => b.end - a.end);
    for (const piece of candidates) {
      // A joiner only between or after filter words, never the whole of a word.
      const rest = from(piece.end) ?? (JOINERS.has(folded[piece.end]) ? from(piece.end + 1) : null);
      if (rest) {
        found = [piece, ...rest];
        break;
      }
    }
    memo.set(at, found);
    return found;
  };
  return from(0);
}

/**
 * Reads the search box: words that name a weekday, a time of day or a time, an area of the city, 無料, 送迎, 見学 or
 * 体験 become filters, the rest stays text. Words are read one by one, so their order never changes the result.
 */
export function understandQuery(text: string | null | undefined, areas: readonly AreaName[]): UnderstoodQuery {
  const words = normalizeQuery(text)
    .split(/[ 、,]+/)
    .filter(Boolean);
  const vocabulary = areaVocabulary(areas);
  const longest = Math.max(...[...vocabulary.keys(), ...FIXED.keys()].map((k) => k.length));
  const rest: string[] = [];
  const understood: UnderstoodWord[] = [];
  for (const word of words) {
    const folded = foldWord(word);
    // normalizeReading folds case and kana one character for one, so positions in `folded` are positions in `word`.
    const pieces = folded.length === word.length ? segment(folded, vocabulary, longest) : null;
    if (!pieces?.length) {
      rest.push(word);
      continue;
    }
    for (const piece of pieces) {
      for (const meaning of piece.meanings) {
        if (understood.some((u) => u.kind === meaning.kind && u.value === meaning.value)) continue;
        understood.push({ ...meaning, word: word.slice(piece.start, piece.end) });
      }
    }
  }
  return { text: rest.join(" "), understood };
}
