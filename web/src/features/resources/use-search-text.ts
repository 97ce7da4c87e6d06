import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "../../ui/use-debounced-value";

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box's own text, and the URL's: typing changes the box at once and the URL (hence the results) once
 * typing pauses; a URL change from elsewhere (back/forward, 条件をクリア) puts its text back in the box.
 */
export function useSearchText(urlText: string, commit: (text: string) => void) {
  const [text, setText] = useState(urlText);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const lastUrlText = useRef(urlText);

  useEffect(() => {
    if (urlText === lastUrlText.current) return;
    lastUrlText.current = urlText;
    setText(urlText);
  }, [urlText]);

  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed === lastUrlText.current.trim()) return;
    lastUrlText.current = trimmed;
    commit(trimmed);
    // Only a settled change of the box commits; `commit` is a new function on every render.
  }, [debounced]);

  return [text, setText] as const;
}
