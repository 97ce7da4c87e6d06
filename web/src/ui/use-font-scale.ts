import { useCallback, useEffect, useState } from "react";

/** Root font size steps (percent of the browser's own setting); kept per device, since a tablet at a salon is shared. */
export const FONT_SCALES = [87.5, 100, 112.5, 125, 150] as const;
const KEY = "tsunagu.fontScale";

function initial(): number {
  const saved = Number(globalThis.localStorage?.getItem(KEY));
  return FONT_SCALES.includes(saved as (typeof FONT_SCALES)[number]) ? saved : 100;
}

export function useFontScale() {
  const [scale, setScale] = useState(initial);
  useEffect(() => {
    document.documentElement.style.fontSize = `${scale}%`;
    globalThis.localStorage?.setItem(KEY, String(scale));
  }, [scale]);
  const step = useCallback((direction: -1 | 1) => {
    setScale((current) => {
      const i = FONT_SCALES.indexOf(current as (typeof FONT_SCALES)[number]);
      return FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, i + direction))];
    });
  }, []);
  return { scale, smaller: () => step(-1), larger: () => step(1), reset: () => setScale(100) };
}
