/** `npm run reindex`: rebuilds the search index from PostgreSQL and swaps it in atomically, with a progress bar. */
import "reflect-metadata";
import cliProgress from "cli-progress";
import { ResourceSearchIndex } from "../search/search-index.js";
import { reindexResources } from "../search/reindex.js";
import { runScript } from "./bootstrap.js";

void runScript("reindex", async ({ config, services, db }) => {
  const index = new ResourceSearchIndex(
    { url: services.meiliUrl, key: services.meiliKey, prefix: config.meiliIndexPrefix },
    { timeoutMs: 60_000 },
  );
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: "reindex |{bar}| {percentage}% {value}/{total} listings", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  const done = await reindexResources(db, index, (n, total) => {
    bar.setTotal(Math.max(total, 1));
    bar.update(n);
  });
  bar.stop();
  console.log(`reindexed ${done} listings into ${index.uid} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
