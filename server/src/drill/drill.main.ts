/**
 * npm run drill: the fault drill of issue #16, against a real tsunagu started the way `npm start` starts it (its own
 * data folder `.drill-data`, the demo city, embedded PostgreSQL and Meilisearch, free loopback ports).
 *
 * While bounded write loops update listings through GraphQL, it kills in turn (SIGKILL) Meilisearch, PostgreSQL and
 * tsunagu itself, restarts what a supervisor would restart (tsunagu, when it has exited), and then checks every
 * acknowledged write against PostgreSQL and the index. The one stdout line:
 *
 *   drill: meili_kill=recovered_in_ms:… pg_kill=recovered_in_ms:… app_kill=recovered_in_ms:… lost_writes=0 stale_index=0 orphans=0 fallback_recall=0.xx
 *
 * A scenario that does not come back within RECOVERY_TIMEOUT_MS prints `failed` instead of `recovered_in_ms:…`, and
 * the process exits 1. Progress and tsunagu's own log (app-N.log in the data folder) go to stderr / the data folder.
 */
import "reflect-metadata";
import { runDrill, type Scenario } from "./drill.js";

// DRILL_SCENARIOS=meili_kill,app_kill runs only those (default: all three, in order).
const ALL: readonly Scenario[] = ["meili_kill", "pg_kill", "app_kill"];
const asked = process.env.DRILL_SCENARIOS?.split(",").filter(Boolean);
const unknown = asked?.filter((s) => !ALL.includes(s as Scenario)) ?? [];
if (unknown.length) throw new Error(`DRILL_SCENARIOS: unknown ${unknown.join(", ")} (known: ${ALL.join(", ")})`);
const scenarios = asked as Scenario[] | undefined;

runDrill({ dataDir: process.env.DRILL_DATA_DIR ?? ".drill-data", writers: 4, writeMs: 2_000, scenarios })
  .then((result) => {
    process.stdout.write(`${result.line}\n`);
    process.exitCode = result.ok ? 0 : 1;
  })
  .catch((err: unknown) => {
    process.stderr.write(`[drill] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
