#!/usr/bin/env node
// npm run test:mutation [-- [--incremental] <part of a module path> ...]
//
// StrykerJS (vitest runner, TypeScript checker) over each module of modules.mjs, against that module's unit tests
// only (vitest.mutation.mts with MUTATION_TESTS). Prints a table per module and one line:
//   mutation: modules=… mutants=… score=…% lowest=<module>:<score>%
// Exits 1 when a module is under TARGET.module or the whole under TARGET.overall. Not part of `npm test` (minutes).
// The JSON of each run is kept in reports/mutation/<module>.json for a closer look at the survivors.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Stryker } from "@stryker-mutator/core";
import { MODULES, TARGET } from "./modules.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REPORTS = path.join(ROOT, "reports/mutation");
const VALID = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);
const DETECTED = new Set(["Killed", "Timeout"]);

// --incremental: Stryker reuses the result of every mutant whose code and covering tests did not change since the
// last incremental run (kept in reports/mutation/<module>.incremental.json), and runs the rest.
const incremental = process.argv.includes("--incremental");
const only = process.argv.slice(2).filter((arg) => arg !== "--incremental");
const selected = MODULES.filter((m) => !only.length || only.some((part) => m.module.includes(part)));
if (!selected.length) {
  console.error(`test:mutation: no module matches ${only.join(", ")}`);
  process.exit(2);
}

const short = (file) => file.replace(/^server\/src\//, "").replace(/^packages\/([^/]+)\/src\//, "$1/");
const pct = (x) => (x * 100).toFixed(1);

const collapse = (text) => text.replace(/\s+/g, " ").trim();

/** The source text a mutant replaces (Stryker's locations: lines and columns from 1). */
function originalText(source, { start, end }) {
  const lines = source.split("\n");
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join("\n");
}

/**
 * Pairs each listed equivalent with the one mutant it names: same mutator, same original code (whitespace aside),
 * the replacement containing `replacement` and the line containing `in` when given. An entry that names no mutant, several, or one the tests
 * kill is a mistake in the list, not a result: the run stops and says which.
 */
function matchEquivalents(module, results) {
  const source = readFileSync(path.join(ROOT, module.module), "utf8");
  const equivalentIds = new Set();
  const problems = [];
  for (const e of module.equivalent) {
    const hits = results.filter(
      (m) =>
        m.mutatorName === e.mutator &&
        collapse(originalText(source, m.location)) === collapse(e.code) &&
        (e.in === undefined || collapse(source.split("\n")[m.location.start.line - 1]).includes(collapse(e.in))) &&
        (e.replacement === undefined || (m.replacement ?? "").includes(e.replacement)),
    );
    const where = `${short(module.module)}: ${e.mutator} of ${JSON.stringify(e.code)}${e.replacement ? ` → …${e.replacement}…` : ""}`;
    if (hits.length !== 1) problems.push(`${where} names ${hits.length} mutants, not one`);
    else if (DETECTED.has(hits[0].status)) problems.push(`${where} is killed by the tests: it is not equivalent`);
    else equivalentIds.add(hits[0].id);
  }
  return { equivalentIds, problems };
}

/**
 * The TypeScript checker type-checks each mutant in a project of the module and its tests only (and what they
 * import), not the whole server: about 6 s a check instead of 50 on this machine, with the same compiler options.
 */
const TSCONFIG = "tests/mutation/.tsconfig.run.json";
function writeTsconfig(module) {
  const config = {
    extends: "../../server/tsconfig.json",
    compilerOptions: { noEmit: true, rootDir: "../.." },
    include: [],
    files: [module.module, ...module.tests].map((file) => `../../${file}`),
  };
  writeFileSync(path.join(ROOT, TSCONFIG), JSON.stringify(config, null, 2) + "\n");
}

async function mutate(module) {
  process.env.MUTATION_TESTS = module.tests.join(",");
  writeTsconfig(module);
  const stryker = new Stryker({
    mutate: [module.module],
    testRunner: "vitest",
    vitest: { configFile: "tests/mutation/vitest.mutation.mts", related: false },
    checkers: ["typescript"],
    tsconfigFile: TSCONFIG,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    concurrency: 2,
    timeoutMS: 10_000,
    reporters: ["json", "progress-append-only"],
    incremental,
    incrementalFile: path.join("reports/mutation", `${short(module.module).replaceAll("/", "_")}.incremental.json`),
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
  const { equivalentIds, problems } = matchEquivalents(module, results);
  for (const m of results) {
    if (equivalentIds.has(m.id)) {
      counts.equivalent++;
      continue;
    }
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === "Survived" || m.status === "NoCoverage") survivors.push(m);
  }
  const valid = results.filter((m) => VALID.has(m.status)).length - counts.equivalent;
  const detected = results.filter((m) => DETECTED.has(m.status)).length;
  const source = readFileSync(path.join(ROOT, module.module), "utf8");
  for (const m of survivors) m.original = collapse(originalText(source, m.location));
  return {
    module: short(module.module),
    counts,
    valid,
    detected,
    score: valid ? detected / valid : 1,
    survivors,
    problems,
  };
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
      `    ${m.status} ${row.module}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ` +
        `${JSON.stringify(m.original.slice(0, 80))} → ${JSON.stringify((m.replacement ?? "").slice(0, 80))}\n`,
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
const problems = rows.flatMap((r) => r.problems);
if (problems.length) console.error(`test:mutation: the equivalent lists are wrong:\n  ${problems.join("\n  ")}`);
process.exitCode = problems.length
  ? 2
  : overall >= TARGET.overall && rows.every((r) => r.score >= TARGET.module)
    ? 0
    : 1;
