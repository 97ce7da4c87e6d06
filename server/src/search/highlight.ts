import type { HighlightSegment } from "./search.types.js";
import { SPELLING_FOLDS } from "./text/normalize.js";
import { isKanaWord, readingKey } from "./text/reading-key.js";
import type { ReadWord, TextReader } from "./text/readings.js";

/**
 * The parts of a listing's text a query matched, as segments, for either engine: a word typed with kanji (or Latin)
 * is found in the text in normalizeSearchText's form (so 子供 lights up 子ども), and a word typed in kana by reading
 * (たいそう lights up 体操), the way Meilisearch matched them. Computed here rather than taken from Meilisearch,
 * which only marks up what it matched in the same field: a kana query matches the reading fields, never the text.
 * `reader` is needed when the query has a word in kana only (queryNeedsReader).
 */
export function highlightSegments(
  text: string,
  query: string,
  reader: TextReader | null,
  maxLength?: number,
): HighlightSegment[] {
  const marked = new Uint8Array(text.length);
  const words = query.split(" ").filter(Boolean);
  const kana = words.filter(isKanaWord).map(readingKey);
  const surface = words.filter((w) => !isKanaWord(w));
  if (surface.length) markSurface(text, surface, marked);
  if (kana.length && reader) markReadings(reader.words(text), kana, marked);
  return toSegments(text, marked, maxLength);
}

/** Marks occurrences of normalized words in `text`, through a normalized view that maps back to the text. */
function markSurface(text: string, words: string[], marked: Uint8Array) {
  // Per code point: NFKC and lower case, each output character remembering the range of the text it came from.
  const src: ViewChar[] = [];
  for (let i = 0; i < text.length;) {
    const cp = String.fromCodePoint(text.codePointAt(i)!);
    for (const c of cp.normalize("NFKC").toLowerCase()) src.push({ c, from: i, to: i + cp.length });
    i += cp.length;
  }
  // Then the spelling folds, longest first at each position, as normalizeSearchText applies them.
  const flat = joined(src);
  const view: ViewChar[] = [];
  for (let u = 0; u < flat.text.length;) {
    const fold = SPELLING_FOLDS.find(([v]) => flat.text.startsWith(v, u));
    const first = src[flat.at[u]];
    if (!fold) {
      view.push(first);
      u += first.c.length;
      continue;
    }
    const last = src[flat.at[u + fold[0].length - 1]];
    for (const c of fold[1]) view.push({ c, from: first.from, to: last.to });
    u += fold[0].length;
  }
  const folded = joined(view);
  for (const word of words) {
    for (let at = folded.text.indexOf(word); at >= 0; at = folded.text.indexOf(word, at + 1)) {
      marked.fill(1, view[folded.at[at]].from, view[folded.at[at + word.length - 1]].to);
    }
  }
}

interface ViewChar {
  c: string;
  from: number;
  to: number;
}

/** The characters as one string, and for each of its UTF-16 units the index of the character it belongs to. */
function joined(chars: ViewChar[]): { text: string; at: number[] } {
  const at: number[] = [];
  chars.forEach((ch, k) => {
    for (let u = 0; u < ch.c.length; u++) at.push(k);
  });
  return { text: chars.map((ch) => ch.c).join(""), at };
}

/** Marks the words whose readings a kana query's keys start at (as Meilisearch matches: from a word's start). */
function markReadings(words: ReadWord[], keys: string[], marked: Uint8Array) {
  for (let i = 0; i < words.length; i++) {
    const rest = words
      .slice(i)
      .map((w) => w.key)
      .join("");
    for (const key of keys) {
      if (!rest.startsWith(key)) continue;
      let covered = 0;
      for (let j = i; j < words.length && covered < key.length; j++) {
        marked.fill(1, words[j].start, words[j].end);
        covered += words[j].key.length;
      }
    }
  }
}

/** Segments of the text (or of a window of `maxLength` around the first match, with … where it is cut). */
function toSegments(text: string, marked: Uint8Array, maxLength?: number): HighlightSegment[] {
  let from = 0;
  let to = text.length;
  if (maxLength && text.length > maxLength) {
    const first = marked.indexOf(1);
    from = first > maxLength / 2 ? Math.max(0, Math.min(first - 20, text.length - maxLength)) : 0;
    to = from + maxLength;
  }
  const out: HighlightSegment[] = [];
  for (let i = from; i < to;) {
    let j = i;
    while (j < to && marked[j] === marked[i]) j++;
    out.push({ text: text.slice(i, j), match: marked[i] === 1 });
    i = j;
  }
  if (from > 0) out.unshift({ text: "…", match: false });
  if (to < text.length) out.push({ text: "…", match: false });
  return out.reduce<HighlightSegment[]>((acc, s) => {
    const last = acc.at(-1);
    if (last && !last.match && !s.match) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

/** Whether highlighting this normalized query reads the text (it has a word in kana only). */
export const queryNeedsReader = (query: string) => query.split(" ").some(isKanaWord);
