import { TIME_BAND_LABELS, TRANSPORT_OPTION_LABELS } from "@tsunagu/labels";
import { TransportOption } from "../../resources/resource.enums.js";
import { TimeBand, Weekday } from "../../schedules/schedule.value.js";

/** What a word of the search box can mean besides text. */
export enum UnderstoodKind {
  WEEKDAY = "WEEKDAY",
  TIME_BAND = "TIME_BAND",
  TIME_WINDOW = "TIME_WINDOW",
  AREA = "AREA",
  FREE = "FREE",
  TRANSPORT = "TRANSPORT",
  VISIT = "VISIT",
  TRIAL = "TRIAL",
}

/** A filter read from the text: `value` is a code (Weekday, TimeBand, area id, "HH:MM-HH:MM", "true"). */
export interface UnderstoodMeaning {
  kind: UnderstoodKind;
  value: string;
  label: string;
}

const WEEKDAY_WORDS: readonly [Weekday, string, string][] = [
  [Weekday.SUN, "日", "にち"],
  [Weekday.MON, "月", "げつ"],
  [Weekday.TUE, "火", "か"],
  [Weekday.WED, "水", "すい"],
  [Weekday.THU, "木", "もく"],
  [Weekday.FRI, "金", "きん"],
  [Weekday.SAT, "土", "ど"],
];

const band = (b: TimeBand): UnderstoodMeaning => ({
  kind: UnderstoodKind.TIME_BAND,
  value: b,
  label: TIME_BAND_LABELS[b],
});
const flag = (kind: UnderstoodKind, label: string): UnderstoodMeaning => ({ kind, value: "true", label });

/**
 * The fixed vocabulary, keyed by the word's folded form (`foldWord`: NFKC, hiragana, lower case). Only whole words
 * (or a run of them, 「火曜午前」) are read as filters: 「月」 alone is Monday, 「月例会」 stays text.
 */
export function fixedVocabulary(): Map<string, UnderstoodMeaning[]> {
  const words = new Map<string, UnderstoodMeaning[]>();
  const add = (meaning: UnderstoodMeaning, ...forms: string[]) => forms.forEach((f) => words.set(f, [meaning]));
  for (const [code, kanji, reading] of WEEKDAY_WORDS) {
    const meaning = { kind: UnderstoodKind.WEEKDAY, value: code, label: `${kanji}曜` };
    add(meaning, kanji, `${kanji}曜`, `${kanji}曜日`, `毎週${kanji}曜`, `毎週${kanji}曜日`);
    add(meaning, `${reading}よう`, `${reading}ようび`, `${reading}よーび`);
  }
  add(band(TimeBand.MORNING), "午前", "午前中", "ごぜん", "ごぜんちゅう", "朝", "あさ", "am");
  add(band(TimeBand.AFTERNOON), "午後", "ごご", "昼", "ひる", "昼間", "ひるま", "pm");
  add(band(TimeBand.EVENING), "夕方", "ゆうがた", "夜", "よる", "夜間", "やかん", "夕", "晩", "ばん");
  add(flag(UnderstoodKind.FREE, "無料"), "無料", "むりょう", "0円", "参加費無料", "費用なし", "無償");
  const pickup = {
    kind: UnderstoodKind.TRANSPORT,
    value: TransportOption.PICKUP,
    label: TRANSPORT_OPTION_LABELS[TransportOption.PICKUP],
  };
  add(pickup, "送迎", "送迎あり", "送迎有", "送迎有り", "そうげい", "そうげいあり", "送り迎え", "おくりむかえ");
  add(
    flag(UnderstoodKind.VISIT, "見学可"),
    "見学",
    "見学可",
    "見学可能",
    "見学ok",
    "見学できる",
    "見学あり",
    "けんがく",
    "けんがくか",
  );
  add(
    flag(UnderstoodKind.TRIAL, "体験可"),
    "体験",
    "体験可",
    "体験可能",
    "体験ok",
    "体験できる",
    "体験あり",
    "お試し",
    "おためし",
    "たいけん",
  );
  return words;
}
