import type { IpadicFeatures } from "kuromoji";
import { getTokenizer, type KuromojiTokenizer } from "../../readings/reading.js";
import { readingKey } from "./reading-key.js";

/** One word of a text with its reading key; `start`/`end` are offsets in the text that was read. */
export interface ReadWord {
  start: number;
  end: number;
  key: string;
}

/** Particles and auxiliaries: they end a compound (but for の: 通いの場 → kayoinoba). */
const FUNCTION_WORDS = new Set(["助詞", "助動詞"]);

/**
 * Reads texts into reading keys with kuromoji (IPADIC). One reader is made per batch of documents or per search
 * page: it holds the process-wide tokenizer while in use.
 */
export class TextReader {
  constructor(private readonly tokenizer: KuromojiTokenizer) {}

  /** The words of `text` with their reading keys (a word kuromoji cannot read keeps its own letters). */
  words(text: string): ReadWord[] {
    return this.tokenizer.tokenize(text).flatMap((t: IpadicFeatures) => {
      const start = t.word_position - 1;
      const reading = t.reading && t.reading !== "*" ? t.reading : t.surface_form;
      const key = readingKey(reading).trim();
      return key ? [{ start, end: start + t.surface_form.length, key }] : [];
    });
  }

  /**
   * What a listing's field holds for search by reading: each word's key, then each run of two
   * or more words not broken by a symbol, space or particle other than の as one key as well (地域活動支援センター → tiiki katudou sienn sennta
   * tiikikatudousiennsennta), so that a query of three or more words' reading (ちいきかつどうしえん) still matches as
   * a prefix. Remembered by text: activities, hosts, labels and many descriptions repeat across listings.
   */
  keys(text: string): string {
    if (!text) return "";
    const memo = MEMO.get(text);
    if (memo !== undefined) return memo;
    // Sentence by sentence, each remembered: listings repeat sentences (「初めての方も歓迎です」) more than whole texts.
    // A text of one sentence is remembered once, as that sentence.
    const sentences = text.split(SENTENCE_END);
    if (sentences.length === 1) return this.sentenceKeys(text).join(" ");
    const out = sentences.flatMap((sentence) => this.sentenceKeys(sentence)).join(" ");
    remember(text, out);
    return out;
  }

  private sentenceKeys(sentence: string): string[] {
    if (!sentence.trim()) return [];
    const memo = MEMO.get(sentence);
    if (memo !== undefined) return memo ? memo.split(" ") : [];
    const words: string[] = [];
    const compounds: string[] = [];
    let run: string[] = [];
    const close = () => {
      if (run.filter((k) => k !== "no").length > 1) compounds.push(run.join(""));
      run = [];
    };
    for (const t of this.tokenizer.tokenize(sentence)) {
      const reading = t.reading && t.reading !== "*" ? t.reading : t.surface_form;
      const key = readingKey(reading).trim();
      if (!key || t.pos === "記号" || /\s/.test(key)) close();
      else if (FUNCTION_WORDS.has(t.pos)) {
        // Kept as a word too: it keeps 地域 and 活動 apart in 地域の活動, which ちいきかつどう must not match.
        words.push(key);
        if (t.surface_form === "の" && run.length) run.push(key);
        else close();
      } else {
        words.push(key);
        run.push(key);
      }
    }
    close();
    // Words in order (Meilisearch matches a query's two-word split only on neighbours), then the compounds.
    const out = [...words, ...new Set(compounds)];
    remember(sentence, out.join(" "));
    return out;
  }
}

const SENTENCE_END = /(?<=[。！？!?\n])/u;

/**
 * Bounded, so that an import of unique descriptions does not grow it without limit. When full, the older half is
 * let go and the newer kept: a listing is read twice within seconds (its search text in the write's transaction,
 * then its document in the relay), and an import's unique names would otherwise be read twice by kuromoji.
 */
const MEMO = new Map<string, string>();
export const READING_MEMO_LIMIT = 60_000;
function remember(text: string, keys: string) {
  if (MEMO.size >= READING_MEMO_LIMIT) {
    let drop = READING_MEMO_LIMIT / 2;
    for (const key of MEMO.keys()) {
      if (drop-- <= 0) break;
      MEMO.delete(key);
    }
  }
  MEMO.set(text, keys);
}

/** A reader on the process-wide tokenizer (loaded on first use). */
export async function textReader(): Promise<TextReader> {
  return new TextReader(await getTokenizer());
}
