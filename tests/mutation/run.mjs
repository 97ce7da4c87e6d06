#!/usr/bin/env node
// npm run test:mutation [-- <part of a module path> ...]
//
// StrykerJS (vitest runner, TypeScript checker) over each module of modules.mjs, against that module's unit tests
// only (vitest.mutation.mts with MUTATION_TESTS). Prints a table per module and one line:
//   mutation: modules=… mutants=… score=…% lowest=<module>:<score>%
// Exits 1 when a module is under TARGET.module or the whole under TARGET.overall. Not part of `npm test` (minutes).
// The JSON of each run is kept in reports/mutation/<module>.json for a closer look at the survivors.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Stryker } from "@stryker-mutator/core";
import { MODULES, TARGET } from "./modules.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REPORTS = path.join(ROOT, "reports/mutation");
const VALID = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);
const DETECTED = new Set(["Killed", "Timeout"]);

const only = process.argv.slice(2);
const selected = MODULES.filter((m) => !only.length || only.some((part) => m.module.includes(part)));
if (!selected.length) {
  console.error(`test:mutation: no module matches ${only.join(", ")}`);
  process.exit(2);
}

const short = (file) => file.replace(/^server\/src\//, "").replace(/^packages\/([^/]+)\/src\//, "$1/");
const pct = (x) => (x * 100).toFixed(1);

function isEquivalent(module, mutant) {
  return module.equivalent.find(
    (e) =>
      e.line === mutant.location.start.line &&
      e.mutator === mutant.mutatorName &&
      (e.replacement === undefined || (mutant.replacement ?? "").includes(e.replacement)),
  );
}

async function mutate(module) {
  process.env.MUTATION_TESTS = module.tests.join(",");
  const stryker = new Stryker({
    mutate: [module.module],
    testRunner: "vitest",
    vitest: { configFile: "tests/mutation/vitest.mutation.mts", related: false },
    checkers: ["typescript"],
    // The TypeScript checker drops mutants that do not compile, in the project the module belongs to.
    tsconfigFile: module.module.startsWith("packages/")
      ? `${module.module.split("/src/")[0]}/tsconfig.json`
      : "server/tsconfig.json",
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    concurrency: 2,
    timeoutMS: 10_000,
    reporters: ["json"],
    jsonReporter: { fileName: path.join("reports/mutation", `${short(module.module).replaceAll("/", "_")}.json`) },
    ignorePatterns: [
      "web",
      "docs",
      "tests/e2e",
      "tests/api",
      "tests/fixtures",
      "server/dist",
      "web/dist",
      "packages/*/dist",
      ".data",
      ".bench-data",
      "test-results",
      "/reports",
    ],
    tempDirName: ".stryker-tmp",
    cleanTempDir: true,
    logLevel: "warn",
    allowEmpty: false,
  });
  const results = await stryker.runMutationTest();
  const counts = {
    Killed: 0,
    Timeout: 0,
    Survived: 0,
    NoCoverage: 0,
    CompileError: 0,
    RuntimeError: 0,
    Ignored: 0,
    equivalent: 0,
  };
  const survivors = [];
  for (const m of results) {
    if ((m.status === "Survived" || m.status === "NoCoverage") && isEquivalent(module, m)) {
      counts.equivalent++;
      continue;
    }
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === "Survived" || m.status === "NoCoverage") survivors.push(m);
  }
  const valid = results.filter((m) => VALID.has(m.status)).length - counts.equivalent;
  const detected = results.filter((m) => DETECTED.has(m.status)).length;
  return { module: short(module.module), counts, valid, detected, score: valid ? detected / valid : 1, survivors };
}

mkdirSync(REPORTS, { recursive: true });
const rows = [];
for (const module of selected) {
  process.stderr.write(`[mutation] ${short(module.module)} against ${module.tests.length} test file(s)…\n`);
  const started = Date.now();
  const row = await mutate(module);
  rows.push(row);
  process.stderr.write(
    `[mutation] ${row.module}: ${pct(row.score)}% (${row.detected}/${row.valid}) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  for (const m of row.survivors) {
    process.stderr.write(
      `    ${m.status} ${short(m.fileName ?? module.module)}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${JSON.stringify((m.replacement ?? "").slice(0, 80))}\n`,
    );
  }
}

console.log("| module | mutants (valid) | killed + timeout | survived | no coverage | equivalent | score |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| \`${r.module}\` | ${r.valid} | ${r.detected} | ${r.counts.Survived} | ${r.counts.NoCoverage} | ${r.counts.equivalent} | ${pct(r.score)}% |`,
  );
}
const valid = rows.reduce((n, r) => n + r.valid, 0);
const detected = rows.reduce((n, r) => n + r.detected, 0);
const overall = valid ? detected / valid : 1;
const lowest = rows.reduce((a, b) => (b.score < a.score ? b : a));
writeFileSync(
  path.join(REPORTS, "summary.json"),
  JSON.stringify(
    { rows: rows.map(({ survivors, ...r }) => ({ ...r, survivors: survivors.length })), overall },
    null,
    2,
  ),
);
console.log(
  `mutation: modules=${rows.length} mutants=${valid} score=${pct(overall)}% lowest=${lowest.module}:${pct(lowest.score)}%`,
);
process.exitCode = overall >= TARGET.overall && rows.every((r) => r.score >= TARGET.module) ? 0 : 1;
