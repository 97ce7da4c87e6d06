import { createRequire } from "node:module";
import path from "node:path";
import * as kuromoji from "kuromoji";
import { registerDecorator, type ValidationArguments, type ValidationOptions } from "class-validator";
import { buildTokenizerFromDictionary } from "./kuromoji-dictionary.js";

/**
 * よみがな (kana readings) for names of organizations and resources.
 *
 *  - `normalizeReading`  — the search / sort key (hiragana, half-width alphanumerics, lower case, single spaces).
 *  - `suggestReading`    — a KATAKANA suggestion from kuromoji (IPADIC, bundled offline). It is only a suggestion:
 *                          proper names are often misread (翠光会 → ミドリヒカリカイ), so the kana stays user-editable.
 *  - `isReading` / `@IsReading()` — input validation for user-entered readings.
 */

// ---------------------------------------------------------------------------------------------------------------
// normalize

const KATAKANA_TO_SHIFT = /[\u30A1-\u30F6]/g; // ァ..ヶ (ー U+30FC, ・ U+30FB and ヽヾ are not shifted)
const HIRAGANA_TO_SHIFT = /[\u3041-\u3096\u309D\u309E]/g; // ぁ..ゖ, ゝゞ
const KANA_SHIFT = 0x60;
const WHITESPACE_RUN = /\s+/gu; // JS \s includes U+3000 (IDEOGRAPHIC SPACE)

function katakanaToHiragana(text: string): string {
  return text.replace(KATAKANA_TO_SHIFT, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_SHIFT));
}

export function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA_TO_SHIFT, (c) => String.fromCharCode(c.charCodeAt(0) + KANA_SHIFT));
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Search / sort key for a reading: NFKC (ｶﾀｶﾅ→カタカナ, ＡＢＣ１→ABC1, U+3000→space), katakana→hiragana
 * (code-point shift; ー is kept), Latin lower-cased, whitespace collapsed to one ASCII space, trimmed.
 */
export function normalizeReading(text: string): string {
  return collapseWhitespace(katakanaToHiragana(text.normalize("NFKC")).toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// suggest (kuromoji)

export type KuromojiTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/**
 * A lazily built, process-wide value: built on first `get()`, concurrent callers share the one promise, and a failed
 * build is forgotten so the next call retries. With `idleMs`, the value is let go after that long without a `get()`
 * (callers holding it keep it until they are done): the dictionary is ~270 MB, and a city's server suggests a
 * reading a few times a day.
 */
export interface LazyTokenizer {
  get(): Promise<KuromojiTokenizer>;
  /** Whether a build is held (pending or done). */
  readonly held: boolean;
  /** How many times the build function was started (for tests / diagnostics). */
  readonly builds: number;
}

export function createLazyTokenizer(
  build: () => Promise<KuromojiTokenizer>,
  options: { idleMs?: number } = {},
): LazyTokenizer {
  let pending: Promise<KuromojiTokenizer> | undefined;
  let builds = 0;
  let idle: NodeJS.Timeout | undefined;
  return {
    get builds() {
      return builds;
    },
    get held() {
      return pending !== undefined;
    },
    get() {
      if (!pending) {
        builds += 1;
        const attempt = Promise.resolve().then(build);
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = undefined; // do not cache a failure
        });
      }
      if (options.idleMs !== undefined) {
        clearTimeout(idle);
        idle = setTimeout(() => (pending = undefined), options.idleMs);
        idle.unref();
      }
      return pending;
    },
  };
}

const requireFromHere = createRequire(__filename);

/** `node_modules/kuromoji/dict` — the IPADIC shipped inside the kuromoji package (no download). */
export function kuromojiDictPath(): string {
  return path.join(path.dirname(requireFromHere.resolve("kuromoji")), "..", "dict");
}

/** A tokenizer of its own (the dictionary decompressed on a worker thread: kuromoji-dictionary.ts). */
export function buildKuromojiTokenizer(dicPath: string = kuromojiDictPath()): Promise<KuromojiTokenizer> {
  return buildTokenizerFromDictionary(dicPath);
}

const TOKENIZER_IDLE_MS = 5 * 60_000;
const sharedTokenizer = createLazyTokenizer(() => buildKuromojiTokenizer(), { idleMs: TOKENIZER_IDLE_MS });

/**
 * The process-wide kuromoji tokenizer (~270 MB: 80 MB of heap, the rest in buffers), kept while in use and let go
 * after five idle minutes. Its dictionary loads in about 1.3 s, 0.6 s of it on the main thread (kuromoji-dictionary.ts).
 */
export function getTokenizer(): Promise<KuromojiTokenizer> {
  return sharedTokenizer.get();
}

/** Number of times the process-wide tokenizer build was started (1 after any number of successful calls). */
export function tokenizerBuildCount(): number {
  return sharedTokenizer.builds;
}

// Half-width katakana (U+FF65–U+FF9F, incl. ｰ ﾞ ﾟ) runs are folded to full width before tokenizing so that
// kuromoji can read ｶﾀｶﾅ. The rest of the input is NOT NFKC-folded up front: IPADIC knows full-width words such as
// ＮＰＯ (エヌピーオー) but not their half-width forms.
const HALFWIDTH_KATAKANA_RUN = /[\uFF65-\uFF9F]+/g;

function prepareForTokenizer(text: string): string {
  return collapseWhitespace(text.replace(HALFWIDTH_KATAKANA_RUN, (run) => run.normalize("NFKC")));
}

function tokenReading(token: kuromoji.IpadicFeatures): string {
  const reading = token.reading;
  if (reading && reading !== "*") return reading;
  // No reading (spaces, Latin, digits, unknown words): keep the surface, NFKC-folded, hiragana → katakana.
  return hiraganaToKatakana(token.surface_form.normalize("NFKC"));
}

/**
 * Suggest a KATAKANA reading, e.g. 「地域活動支援センター ひまわり」→「チイキカツドウシエンセンター ヒマワリ」.
 * Words separated by spaces (ASCII or U+3000) in the input stay separated by one ASCII space.
 */
export async function suggestReading(text: string): Promise<string> {
  const input = prepareForTokenizer(text);
  if (input === "") return "";
  return readWith(await getTokenizer(), input);
}

function readWith(tokenizer: KuromojiTokenizer, input: string): string {
  const reading = tokenizer.tokenize(input).map(tokenReading).join("");
  return collapseWhitespace(reading.normalize("NFKC"));
}

/**
 * Suggestions for many names at once (a catalog import's new organizations and unread listings), name → reading.
 * Uses the process-wide tokenizer when it is loaded; otherwise loads one for this call alone and lets it go at the
 * end, so an import's long commit does not carry the dictionary. Nothing is loaded when no name needs reading.
 */
export async function suggestReadings(names: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const inputs = names.map((name) => [name, prepareForTokenizer(name)] as const);
  if (!inputs.some(([, input]) => input !== "")) return new Map(names.map((n) => [n, ""]));
  const tokenizer = sharedTokenizer.held ? await getTokenizer() : await buildKuromojiTokenizer();
  for (const [name, input] of inputs) out.set(name, input === "" ? "" : readWith(tokenizer, input));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// validate

const READING_CHARS =
  "[" +
  "\\u3041-\\u3096\\u309D\\u309E" + // hiragana, ゝゞ
  "\\u30A1-\\u30FA\\u30FB\\u30FC\\u30FD\\u30FE" + // katakana, ・, ー, ヽヾ
  "\\uFF65-\\uFF9F" + // half-width katakana (･ ｦ..ﾝ ｰ ﾞ ﾟ)
  " \\u3000" + // spaces
  "0-9\\uFF10-\\uFF19" + // digits
  "A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A" + // Latin letters
  "\\-\\uFF0D()\\uFF08\\uFF09" + // - － ( ) （ ）
  "]";
const READING_PATTERN = new RegExp(`^${READING_CHARS}+$`, "u");
const HAS_CONTENT = /[^\s\-\uFF0D()\uFF08\uFF09\u30FB\uFF65]/u; // something other than spaces / punctuation

/**
 * True when `text` is a plausible よみがな: only kana (hiragana, katakana incl. half-width, ー ・ ヽヾゝゞ),
 * spaces (ASCII / U+3000), digits and Latin letters (full or half width) and - ・ ( ) （ ）.
 * False for kanji (\p{Script=Han}), other symbols, and for empty / blank / punctuation-only strings.
 */
export function isReading(text: string): boolean {
  if (typeof text !== "string") return false;
  return READING_PATTERN.test(text) && HAS_CONTENT.test(text);
}

export const IS_READING_MESSAGE = "よみがなは、ひらがな・カタカナで入力してください";

/**
 * class-validator decorator: null / undefined pass (combine with @IsOptional() or @IsNotEmpty() as needed);
 * any other value must be a string accepted by `isReading`.
 */
export function IsReading(validationOptions?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) => {
    registerDecorator({
      name: "isReading",
      target: object.constructor,
      propertyName: propertyName as string,
      options: { message: IS_READING_MESSAGE, ...validationOptions },
      validator: {
        validate(value: unknown, _args?: ValidationArguments): boolean {
          if (value === null || value === undefined) return true;
          return typeof value === "string" && isReading(value);
        },
      },
    });
  };
}
