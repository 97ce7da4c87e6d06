import { SPELLING_VARIANTS } from "./spelling-variants.js";

const WHITESPACE_RUN = /\s+/gu; // JS \s includes U+3000 (IDEOGRAPHIC SPACE)

/**
 * Each spelling → the form kept, longest first, the kept forms included: at one position the longest spelling wins,
 * so 見守り stays 見守り instead of its prefix 見守 being folded into 見守りり.
 */
export const SPELLING_FOLDS: readonly (readonly [variant: string, kept: string])[] = SPELLING_VARIANTS.flatMap(
  ([kept, ...folded]) => [kept, ...folded].map((v) => [v.normalize("NFKC").toLowerCase(), kept] as const),
).sort((a, b) => b[0].length - a[0].length);
const FOLD_PATTERN = new RegExp(SPELLING_FOLDS.map(([v]) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
const KEPT_OF = new Map(SPELLING_FOLDS);

/** The spelling-variant fold alone (text already NFKC and lower case). */
export function foldSpellings(text: string): string {
  return text.replace(FOLD_PATTERN, (v) => KEPT_OF.get(v)!);
}

/**
 * The one normalisation of search text, for listings when they are indexed and for queries when they are read:
 * NFKC (half-width ｻﾛﾝ → サロン, full-width ＡＢＣ１ → abc1, U+3000 → space), Latin lower-cased, one ASCII space
 * between words, and spelling variants folded to one form (子供/こども → 子ども, 障がい → 障害; spelling-variants.ts).
 * Kana is left as written: a query's kana words are matched by reading (reading-key.ts).
 */
export function normalizeSearchText(text: string): string {
  return foldSpellings(text.normalize("NFKC").toLowerCase().replace(WHITESPACE_RUN, " ").trim());
}

/** Every spelling a normalized word may have in stored text: itself and, when it holds a kept form, its variants. */
export function spellingsOf(word: string): string[] {
  const out = new Set([word]);
  for (const [kept, ...folded] of SPELLING_VARIANTS) {
    if (!word.includes(kept)) continue;
    for (const f of folded) out.add(word.split(kept).join(f));
  }
  return [...out];
}
