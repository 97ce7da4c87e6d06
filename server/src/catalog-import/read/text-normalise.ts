/**
 * Text clean-ups shared by the readers. Each returns the new text; the caller decides whether the change is a
 * repair to report (it always is when a value the user will see changes).
 */

const FULLWIDTH_ASCII = /[\uFF01-\uFF5E\u3000]/g;
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]+/g;
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70]/g;
const SPACES = /\s+/g;
/** MHLW's 通いの場 file writes line breaks inside a cell as the text 「（改行）」 (or with half-width brackets). */
const LINE_BREAK_MARKER = /[（(]改行[）)]/g;

/** Full-width ASCII letters, digits, signs and the ideographic space → their ASCII forms. */
export const toHalfwidthAscii = (text: string): string =>
  text.replace(FULLWIDTH_ASCII, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** Half-width katakana (ｺﾐｭﾆﾃｨ) → full-width (コミュニティ); NFKC also joins ｶﾞ into ガ. */
export const halfwidthKanaToFull = (text: string): string =>
  text.replace(HALFWIDTH_KANA, (run) => run.normalize("NFKC"));

export const replaceLineBreakMarkers = (text: string): string => text.replace(LINE_BREAK_MARKER, "\n");

/**
 * A header as compared with the layouts' aliases: NFKC (half-width kana, full-width brackets and letters), every
 * kind of dash as "-", no spaces, lower case (the English headers).
 */
export const normaliseHeader = (header: string): string =>
  header.normalize("NFKC").replace(DASHES, "-").replace(SPACES, "").toLowerCase();

/** Headers that name no column: blank, or Excel's 「列1」 for a column it had to name. */
export const isIgnoredHeader = (normalised: string): boolean => normalised === "" || /^列\d+$/.test(normalised);

/** Digits, letters, colons and spaces of a value read as a number, time or code (NFKC, trimmed). */
export const asciiFold = (text: string): string => text.normalize("NFKC").trim();

/** A name or address for comparing two rows: NFKC, no spaces, one kind of dash. */
export const comparisonKey = (text: string): string => normaliseHeader(text);
