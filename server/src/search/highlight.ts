import type { HighlightSegment } from "./search.types.js";

/** Markers that cannot occur in listing text; Meilisearch wraps matches in them. */
export const PRE = "\u0002";
export const POST = "\u0003";
const MARKERS = new RegExp(`([${PRE}${POST}])`);

/** Splits Meilisearch's marked-up text into segments, so the client never has to trust HTML from the index. */
export function segmentsFromMarked(marked: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let match = false;
  for (const part of marked.split(MARKERS)) {
    if (part === PRE) match = true;
    else if (part === POST) match = false;
    else if (part) out.push({ text: part, match });
  }
  return out;
}

/** The fallback's highlight: case-insensitive occurrences of the query's words in plain text. */
export function segmentsFromText(text: string, query: string, maxLength?: number): HighlightSegment[] {
  const shown = maxLength && text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  const words = query
    .split(" ")
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!words.length) return shown ? [{ text: shown, match: false }] : [];
  const splitter = new RegExp(`(${words.join("|")})`, "i");
  const whole = new RegExp(`^(?:${words.join("|")})$`, "i");
  return shown
    .split(splitter)
    .filter(Boolean)
    .map((part) => ({ text: part, match: whole.test(part) }));
}
