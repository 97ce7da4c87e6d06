/**
 * `npm run seed` loads the demo city (みどり野市) anew: it REPLACES the catalog, users and sessions.
 *   npm run seed -- --resources 100000     a large city for benchmarks
 *   npm run seed -- --seed 42              another deterministic city
 * Refuses to run with NODE_ENV=production unless --force is given.
 */
import "reflect-metadata";
import cliProgress from "cli-progress";
import { DEMO_RESOURCE_COUNT } from "../db/seed/demo-city.js";
import { seedDemoCaseload } from "../db/seed/seed-caseload.js";
import { seedDemoRecords } from "../db/seed/seed-records.js";
import { seedDemoCity, wipeCatalog } from "../db/seed/seed-demo.js";
import { argValue, hasFlag, runScript } from "./bootstrap.js";
import { ResourceSearchIndex } from "../search/search-index.js";
import { reindexResources } from "../search/reindex.js";

void runScript("seed", async ({ config, services, db }) => {
  if (config.production && !hasFlag("force"))
    throw new Error("refusing to replace a production catalog without --force");
  const resources = Number(argValue("resources") ?? DEMO_RESOURCE_COUNT);
  const seed = argValue("seed") === undefined ? undefined : Number(argValue("seed"));
  if (!Number.isInteger(resources) || resources < 1 || resources > 1_000_000)
    throw new Error("--resources must be 1–1,000,000");
  const started = Date.now();
  await wipeCatalog(db);
  const bar = new cliProgress.SingleBar(
    { format: "seed |{bar}| {percentage}% {value}/{total} resources", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(resources, 0);
  const result = await seedDemoCity(db, { resources, seed, onProgress: (done) => bar.update(done) });
  bar.stop();
  const caseload = await seedDemoCaseload(db);
  const records = await seedDemoRecords(db);
  const index = new ResourceSearchIndex(
    { url: services.meiliUrl, key: services.meiliKey, prefix: config.meiliIndexPrefix },
    { timeoutMs: 60_000 },
  );
  const indexed = await reindexResources(db, index);
  console.log(
    `seeded ${result.resources} resources, ${result.organizations} organizations, ${result.areas} areas, ${result.users} users, a caseload of ${JSON.stringify(caseload)}, evaluation records ${JSON.stringify(records)}, indexed ${indexed} for search, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
