/**
 * `npm run fuzz`: property-based random and malformed input for every mutation and every query with arguments (the
 * search input most), as each kind of caller, against the real app on its own PostgreSQL and Meilisearch (started
 * here and stopped at the end).
 *
 *   FUZZ_SEED=123 FUZZ_CASES=20000 npm run fuzz      (FUZZ_VERBOSE=1 adds cases and successes per field)
 *
 * FUZZ_INJECT_FAULT=<table>[,<table>…] makes every write to those tables fail inside PostgreSQL (a trigger that
 * raises), so the server answers INTERNAL_SERVER_ERROR: a self-test proving that a run which finds internal errors
 * says so and exits 1 (server/src/runtime/exit-status.test.ts).
 *
 * stdout: `fuzz: cases=… internal_errors=… partial_writes=…` and a line with the seed and the answers; progress and
 * the first failures (operation, variables, request id, the server's error) go to stderr. Exits 1 on any internal
 * error, partial write or invalid generated document.
 */
import "reflect-metadata";
import { startTestBackingServices, type TestBackingServices } from "../../test/test-backing-services.js";
import { createTestAppOn, type TestApp } from "../../test/test-app.js";
import { describeFailure, detailLine, runFuzz, summaryLine } from "./fuzz-runner.js";
import { capturingLogger, prepareFuzzWorld } from "./fuzz-world.js";

const DEFAULT_CASES = 10_000;
const log = (message: string) => process.stderr.write(`[fuzz] ${message}\n`);

async function main(): Promise<number> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  const cases = process.env.FUZZ_CASES ? Number(process.env.FUZZ_CASES) : DEFAULT_CASES;
  if (!Number.isInteger(seed) || !Number.isInteger(cases) || cases < 1) {
    log("FUZZ_SEED and FUZZ_CASES must be integers (FUZZ_CASES ≥ 1)");
    return 2;
  }
  log(`seed=${seed} cases=${cases} (FUZZ_SEED=${seed} reproduces this run)`);
  const started = Date.now();
  let services: TestBackingServices | undefined;
  let t: TestApp | undefined;
  const stop = async () => {
    await t?.close().catch(() => undefined);
    await services?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the test services`);
    void stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    services = await startTestBackingServices();
    const capture = capturingLogger();
    t = await createTestAppOn(services, { logger: capture.logger });
    const world = await prepareFuzzWorld(t, capture.serverErrorFor);
    const faulty = process.env.FUZZ_INJECT_FAULT?.split(",").filter(Boolean) ?? [];
    if (faulty.length) {
      await injectWriteFault(t, faulty);
      log(`injected a write fault into ${faulty.join(", ")}: internal errors are expected`);
    }
    log(`services and the demo city ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const stats = await runFuzz(world, {
      seed,
      cases,
      keepFailures: 10,
      only: process.env.FUZZ_ONLY?.split(",").filter(Boolean),
      onProgress: (done, s) =>
        log(
          `${done}/${cases} internal_errors=${s.internalErrors} partial_writes=${s.partialWrites} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        ),
    });
    for (const f of stats.failures.slice(0, 5)) log(`failure ${describeFailure(f)}`);
    const untried = Object.entries(stats.targets)
      .filter(([, v]) => v.cases === 0)
      .map(([k]) => k);
    if (untried.length) log(`never generated: ${untried.join(", ")}`);
    if (process.env.FUZZ_VERBOSE)
      for (const [field, v] of Object.entries(stats.targets))
        log(
          `  ${field}: ${v.cases} cases, ${v.success} succeeded, ${(v.ms / Math.max(1, v.cases)).toFixed(1)} ms each`,
        );
    console.log(summaryLine(stats));
    console.log(detailLine(stats, seed));
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return stats.internalErrors || stats.partialWrites || stats.validationFailed ? 1 : 0;
  } finally {
    await stop();
  }
}

/** A trigger on each table that raises on every write: a fault in a real server, no change to the app's code. */
async function injectWriteFault(t: TestApp, tables: string[]): Promise<void> {
  await t.db.query(`CREATE FUNCTION fuzz_injected_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'fault injected by FUZZ_INJECT_FAULT'; END $$`);
  for (const table of tables) {
    await t.db.query(`CREATE TRIGGER fuzz_injected_fault BEFORE INSERT OR UPDATE OR DELETE ON ${pgIdentifier(table)}
      FOR EACH ROW EXECUTE FUNCTION fuzz_injected_fault()`);
  }
}

const pgIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  },
);
