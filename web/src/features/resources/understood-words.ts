/** Little words that may join filter words inside one typed word (「火曜の午前」); the server reads them the same way. */
const JOINERS = /^[のにでもと・や]+|[のにでもと・や]+$/g;

/**
 * The search box without one understood word: the word as the server read it (width-folded), removed from the typed
 * word that holds it — the whole typed word when it is nothing else, else only that part (「火曜午前」 → 「火曜」).
 */
export function removeWord(text: string, word: string): string {
  const typed = text.trim().split(/\s+/).filter(Boolean);
  const folded = typed.map((t) => t.normalize("NFKC"));
  const whole = folded.indexOf(word);
  if (whole >= 0) return typed.filter((_, i) => i !== whole).join(" ");
  const part = folded.findIndex((t) => t.includes(word));
  if (part < 0) return typed.join(" ");
  const rest = folded[part].replace(word, "").replace(JOINERS, "");
  return [...typed.slice(0, part), ...(rest ? [rest] : []), ...typed.slice(part + 1)].join(" ");
}
