/**
 * npm run bench:demo-city: the cost of streaming the 100,000-listing bench catalog from the demo city's generator
 * (no services: the generator alone), and a check that every generated name is distinct at that size.
 * The only stdout line:
 *   bench:demo-city listings=100000 distinct_names=100000 ms=… heap_delta_mb=…
 * Exits 1 when names repeat.
 */
import { generateDemoCity, generateResources } from "../db/seed/demo-city.js";

const LISTINGS = 100_000;

function main(): number {
  const city = generateDemoCity();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const names = new Set<string>();
  let count = 0;
  for (const r of generateResources(city, LISTINGS)) {
    names.add(r.name);
    count++;
  }
  const elapsed = performance.now() - started;
  const heapDelta = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(
    `bench:demo-city listings=${count} distinct_names=${names.size} ms=${elapsed.toFixed(0)} heap_delta_mb=${heapDelta.toFixed(1)}`,
  );
  return count === LISTINGS && names.size === LISTINGS ? 0 : 1;
}

process.exitCode = main();
