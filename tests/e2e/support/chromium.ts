/** Debian's Chromium, as every browser test starts it (global-setup.ts, and stay-signed-in.test.ts's own restarts). */
export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
