import synonymsFile from "../synonyms.json";
import { normalizeSearchText } from "./normalize.js";
import { isKanaWord, readingKey } from "./reading-key.js";

/**
 * The table as synonyms.json holds it: a word, or a word with kanji and its reading after `|` (and, after another
 * `|`, the reading kuromoji gives the listings' text when it differs).
 */
export interface SynonymTable {
  mutual: string[][];
  oneWay: { from: string; to: string[] }[];
}

export const SYNONYM_TABLE: SynonymTable = synonymsFile;

/** The word of a table entry, without its reading. */
export const synonymWord = (entry: string) => entry.split("|")[0];

/** Every entry of the table. */
export const tableEntries = (table: SynonymTable) => [
  ...table.mutual.flat(),
  ...table.oneWay.flatMap((row) => [row.from, ...row.to]),
];

/**
 * The reading keys of a table entry: a kana word's own, a word with kanji its readings' (the first is the one a
 * query is asked by). Synonyms are given to Meilisearch by these keys (engineSynonyms): it does not apply synonyms
 * keyed by a word of kanji alone (居場所 → たまり場 never fired), while a Latin key is one word to it, whatever the
 * script the query was typed in.
 */
export function entryKeys(entry: string): string[] {
  const [word, ...readings] = entry.split("|").map(normalizeSearchText);
  if (readings.length) return readings.map(readingKey);
  return isKanaWord(word) ? [readingKey(word)] : [];
}

/** Normalized table word → its reading key, for the words with kanji (the query asks Meilisearch by the key). */
export function tableWordKeys(table: SynonymTable = SYNONYM_TABLE): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of tableEntries(table)) {
    const [key] = entryKeys(entry);
    const word = normalizeSearchText(synonymWord(entry));
    if (key && !isKanaWord(word)) out.set(word, key);
  }
  return out;
}

/**
 * The words a word stands for by the table, itself first (normalized): the others of its `mutual` groups, and the
 * `to` of a `oneWay` row it is the `from` of. Suggestions read wishes and wanted activities with it, so that the
 * same reviewed table decides what search and suggestions take for one thing (運動 finds 体操; 体操 is not 運動).
 */
export function wordsMeant(word: string, table: SynonymTable = SYNONYM_TABLE): string[] {
  const w = normalizeSearchText(word);
  return (table === SYNONYM_TABLE ? (MEANT ??= meaningsOf(table)) : meaningsOf(table)).get(w) ?? [w];
}

/** Each normalized word of the table → the words it stands for (itself first), built once for the shipped table. */
let MEANT: Map<string, string[]> | undefined;
function meaningsOf(table: SynonymTable): Map<string, string[]> {
  const norm = (entry: string) => normalizeSearchText(synonymWord(entry));
  const out = new Map<string, Set<string>>();
  const add = (word: string, meant: string[]) => {
    const set = out.get(word) ?? out.set(word, new Set([word])).get(word)!;
    meant.forEach((m) => set.add(m));
  };
  for (const group of table.mutual) {
    const words = group.map(norm);
    for (const w of words) add(w, words);
  }
  for (const row of table.oneWay) add(norm(row.from), row.to.map(norm));
  return new Map([...out].map(([w, set]) => [w, [...set]]));
}
