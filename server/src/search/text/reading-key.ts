/**
 * Reading keys: kana spelled in Latin letters, one fixed spelling per kana (し → si, しょ → sixyo, ん → nn).
 *
 * Why Latin: Meilisearch cuts Japanese text into words with a dictionary, and a run of kana is cut differently
 * depending on what surrounds it (いばしょ alone is い + ばしょ, so 「いばしょ」 matched every listing with 場所 and
 * any い). A Latin word is never cut, so a query's kana word meets exactly the keys the listing's readings were
 * written in, and Meilisearch's own prefix and two-word split matching still apply. The keys are never shown.
 */

const KANA_KEYS: Record<string, string> = Object.fromEntries(
  [
    "あa いi うu えe おo かka きki くku けke こko さsa しsi すsu せse そso たta ちti つtu てte とto なna にni ぬnu",
    "ねne のno はha ひhi ふhu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo らra りri るru れre ろro わwa ゐwi",
    "ゑwe をwo んnn がga ぎgi ぐgu げge ごgo ざza じzi ずzu ぜze ぞzo だda ぢdi づdu でde どdo ばba びbi ぶbu べbe",
    "ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ゔvu ぁxa ぃxi ぅxu ぇxe ぉxo ゃxya ゅxyu ょxyo っxtu ゎxwa ゕka ゖke ーq",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => [pair[0], pair.slice(1)]),
);

const KATAKANA = /[\u30A1-\u30F6]/g;
const KANA_SHIFT = 0x60;

/** Katakana → hiragana by code point (ー and ・ are kept). */
export function toHiragana(text: string): string {
  return text.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_SHIFT));
}

/** A whole word written in kana only (after NFKC): hiragana, katakana, ー. */
const KANA_WORD = /^[\u3041-\u3096\u30A1-\u30FA\u30FC]+$/u;
export const isKanaWord = (word: string) => KANA_WORD.test(word);

/** The reading key of kana text; anything that is not kana (digits, Latin, an unread kanji) is kept, lower-cased. */
export function readingKey(kana: string): string {
  let out = "";
  for (const c of toHiragana(kana.normalize("NFKC")).toLowerCase()) out += c === "・" ? " " : (KANA_KEYS[c] ?? c);
  return out;
}
