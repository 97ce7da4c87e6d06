/**
 * bench:relevance runs in a world of its own (data folder, ports, index prefix), so it never disturbs the 100,000
 * listings of bench:search / bench:freshness. Imported before bench-env.ts, whose defaults then stay unused.
 */
import { rmSync } from "node:fs";
import path from "node:path";

process.env.TSUNAGU_DATA_DIR ??= ".bench-relevance-data";
process.env.TSUNAGU_PG_PORT ??= "54341";
process.env.TSUNAGU_MEILI_PORT ??= "7721";
process.env.MEILI_INDEX_PREFIX ??= "relevance_";

// The judgements name listings of the current demo city: seed it anew on every run (320 listings, about a second),
// so a catalog left by an older generator is never judged.
rmSync(path.join(process.env.TSUNAGU_DATA_DIR, "bench-catalog.json"), { force: true });
