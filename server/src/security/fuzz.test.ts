import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness.js";
import { describeFailure, runFuzz, type FuzzStats } from "./fuzz/fuzz-runner.js";
import { capturingLogger, prepareFuzzWorld } from "./fuzz/fuzz-world.js";
import { RowCounter, diffCounts } from "./row-counts.js";

// A short, seeded run of `npm run fuzz` (which runs ≥ 10,000 cases with a random seed): the same generators, the
// same checks, on the demo city. A failure prints the operation, the variables and what the server logged.
const SEED = 20260417;
// About seven cases per target (70 of them), as when the run had 57 targets and 400 cases.
const CASES = 490;

let t: TestApp;
let stats: FuzzStats;

beforeAll(async () => {
  const capture = capturingLogger();
  t = await createTestApp({ logger: capture.logger });
  const world = await prepareFuzzWorld(t, capture.serverErrorFor);
  stats = await runFuzz(world, { seed: SEED, cases: CASES, keepFailures: 5 });
}, 120_000);
afterAll(() => t?.close());

describe(`fuzzing every mutation and every query with arguments (seed ${SEED}, ${CASES} cases)`, () => {
  it("answers only BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT or success, and a refusal writes nothing", () => {
    const report = stats.failures.map(describeFailure).join("\n\n");
    expect(stats.cases).toBe(CASES);
    expect(
      {
        internalErrors: stats.internalErrors,
        partialWrites: stats.partialWrites,
        validationFailed: stats.validationFailed,
      },
      report,
    ).toEqual({ internalErrors: 0, partialWrites: 0, validationFailed: 0 });
  });

  it("reaches every target and gets past validation often enough to test the services", () => {
    const targets = Object.entries(stats.targets);
    expect(
      targets.filter(([, v]) => v.cases === 0).map(([k]) => k),
      "targets never generated",
    ).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(28);
    expect(stats.answers.success ?? 0).toBeGreaterThan(CASES / 10);
    expect(targets.filter(([, v]) => v.success > 0).length, JSON.stringify(stats.targets)).toBeGreaterThanOrEqual(15);
    for (const code of ["BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND", "CONFLICT"])
      expect(stats.answers[code] ?? 0, code).toBeGreaterThan(0);
  });
});

describe("the partial-write check", () => {
  it("counts every table but sessions, logs, the outbox and migrations, and reports a changed count", async () => {
    const counter = new RowCounter(t.db);
    const tables = await counter.tables;
    expect(tables).toEqual(
      expect.arrayContaining([
        "person",
        "consent",
        "match",
        "match_transition",
        "resource",
        "organization",
        "app_user",
        "attendance",
      ]),
    );
    expect(tables.filter((name) => /session|outbox|migrations/.test(name))).toEqual([]);
    const before = await counter.counts();
    await t.factories.area();
    expect(diffCounts(before, await counter.counts())).toEqual([`area: ${before.area}→${before.area + 1}`]);
  });
});
