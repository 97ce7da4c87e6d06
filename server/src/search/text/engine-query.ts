import { isKanaWord, readingKey } from "./reading-key.js";
import { tableWordKeys } from "./synonym-table.js";

const TABLE_KEYS = tableWordKeys();
const HAN = /\p{Script=Han}/u;

/**
 * A normalized query as Meilisearch is asked it, word by word:
 *  - a word in kana only becomes its reading key, matched against the listing's readings (たいそう finds 体操);
 *  - a word of the synonyms table becomes its reading's key, so that its synonyms apply (synonym-table.ts) and it
 *    finds what the same word typed in kana finds;
 *  - another word with kanji becomes a phrase: Meilisearch cuts 介護者 into 介護 + 者, and without the quotes a
 *    listing with 介護予防 and 高齢者 matched it;
 *  - anything else (Latin, digits) is asked as typed.
 */
export function engineQuery(normalizedQuery: string): string {
  return normalizedQuery
    .split(" ")
    .filter(Boolean)
    .map((w) => {
      if (isKanaWord(w)) return readingKey(w);
      const key = TABLE_KEYS.get(w);
      if (key) return key;
      if (HAN.test(w)) {
        const phrase = w.replace(/"/g, "");
        return phrase ? `"${phrase}"` : "";
      }
      return w;
    })
    .filter(Boolean)
    .join(" ");
}
