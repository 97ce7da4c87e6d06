import { useLocation } from "react-router";

/** What a page passes to `navigate(to, { state: flashState("…") })` to confirm an action on the page it lands on. */
export interface FlashState {
  flash: string;
}

export const flashState = (flash: string): FlashState => ({ flash });

function flashOf(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const value = (state as Partial<FlashState>).flash;
  return typeof value === "string" ? value : null;
}

/**
 * The confirmation of what was just done elsewhere (「フォローアップを記録しました」), announced once where the user
 * lands. It lives in the history entry, so it does not come back on a reload of another page.
 */
export function FlashStatus() {
  const location = useLocation();
  const flash = flashOf(location.state);
  if (!flash) return null;
  return (
    <p className="notice notice--success" role="status">
      {flash}
    </p>
  );
}
