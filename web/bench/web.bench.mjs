// `npm run bench:web`: builds the web client, then prints one line with the gzip size of the JavaScript a first visit
// downloads before anything renders (the entry script and its static imports) and of all the JavaScript (every page).
//   bench:web initial_js_gzip_kb=… total_js_gzip_kb=…
// Target: initial JS ≤ 200 KB gzip. Pages are lazy routes (web/src/app/routes.tsx), so they count only in the total.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(webDir, "dist");

await build({ root: webDir, logLevel: "error" });

/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
const html = readFileSync(path.join(dist, "index.html"), "utf8");

// What index.html loads itself: its module script(s) and modulepreload links…
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1],
  ),
);
// …and, from the manifest, every chunk the entry imports statically (not the lazy pages: dynamicImports).
const seen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return;
  seen.add(key);
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
const allJs = readdirSync(path.join(dist, "assets"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => `assets/${f}`);
const sum = (files) => [...files].reduce((total, f) => total + gzipKb(f), 0);

console.log(`bench:web initial_js_gzip_kb=${sum(initial).toFixed(1)} total_js_gzip_kb=${sum(allJs).toFixed(1)}`);
