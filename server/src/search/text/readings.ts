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
    // A space ends a compound anyway, so the parts between spaces are read one by one, each remembered: names
    // repeat their parts more than their whole (「本町子育てひろば 第2会場」, 「社会福祉法人 みどり会 本町事業所」).
    const words: string[] = [];
    const compounds: string[] = [];
    for (const part of sentence.split(SPACES)) {
      if (!part) continue;
      const read = this.partKeys(part);
      words.push(...read.words);
      compounds.push(...read.compounds);
    }
    // Words in order (Meilisearch matches a query's two-word split only on neighbours), then the compounds.
    const out = [...words, ...new Set(compounds)];
    remember(sentence, out.join(" "));
    return out;
  }

  /** The words of a text without spaces, and its runs of two or more words as compounds. */
  private partKeys(part: string): PartKeys {
    const memo = PARTS.get(part);
    if (memo) return memo;
    // A number alone is one word to kuromoji, read as itself: no need to ask it (an import's 100,000 numbered names).
    if (DIGITS.test(part)) return { words: [readingKey(part).trim()], compounds: [] };
    const words: string[] = [];
    const compounds: string[] = [];
    let run: string[] = [];
    const close = () => {
      if (run.filter((k) => k !== "no").length > 1) compounds.push(run.join(""));
      run = [];
    };
    for (const t of this.tokenizer.tokenize(part)) {
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
    const read = { words, compounds };
    PARTS.set(part, read);
    return read;
  }
}

interface PartKeys {
  words: string[];
  compounds: string[];
}

const SPACES = /\s+/u;
const DIGITS = /^[0-9]+$/;

const SENTENCE_END = /(?<=[。！？!?\n])/u;

/**
 * A map that stays bounded, so that an import of unique descriptions does not grow it without limit. When full, the
 * older half is let go and the newer kept: a listing is read twice within seconds (its search text in the write's
 * transaction, then its document in the relay), and an import's unique names would otherwise be read twice by kuromoji.
 */
class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V) {
    if (this.entries.size >= this.limit) {
      let drop = this.limit / 2;
      for (const old of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(old);
      }
    }
    this.entries.set(key, value);
  }
}

export const READING_MEMO_LIMIT = 60_000;
/** Texts and sentences, by their keys as one string. */
const MEMO = new BoundedMemo<string>(READING_MEMO_LIMIT);
/** The parts of a sentence between spaces, by their words and compounds. */
const PARTS = new BoundedMemo<PartKeys>(READING_MEMO_LIMIT);
const remember = (text: string, keys: string) => MEMO.set(text, keys);

/** A reader on the process-wide tokenizer (loaded on first use). */
export async function textReader(): Promise<TextReader> {
  return new TextReader(await getTokenizer());
}
