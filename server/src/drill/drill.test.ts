import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDrill } from "./drill.js";

/*
 * npm run drill's scenarios with smaller write loops, on the compiled server (npm test builds server/dist first):
 * Meilisearch, PostgreSQL and tsunagu itself are SIGKILLed in turn while listings are written; every scenario must
 * come back, no acknowledged write may be lost, the index must hold what PostgreSQL holds, and no process of the
 * killed run may be left behind.
 */

// Under the system temp folder, whose parents embedded PostgreSQL's `postgres` user can traverse.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-drill-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the fault drill", () => {
  it("recovers from each killed process with no lost write, no stale index entry and no orphan", async () => {
    const result = await runDrill({ dataDir, writers: 2, writeMs: 500 });
    expect(result.scenarios.map((s) => s.scenario)).toEqual(["meili_kill", "pg_kill", "app_kill"]);
    for (const s of result.scenarios) {
      expect(s.recoveredInMs, s.scenario).not.toBeNull();
      expect(s.writesAcknowledged, s.scenario).toBeGreaterThan(0);
    }
    // A killed tsunagu is started again by the supervisor (the drill, as systemd would); the servers heal inside.
    expect(result.scenarios.map((s) => s.appRestarted)).toEqual([false, false, true]);
    expect({ lost: result.lostWrites, stale: result.staleIndex, orphans: result.orphans }).toEqual({
      lost: 0,
      stale: 0,
      orphans: 0,
    });
    expect(result.fallbackRecall).toBeGreaterThanOrEqual(0.8);
    expect(result.line).toMatch(/^drill: meili_kill=recovered_in_ms:\d+ pg_kill=recovered_in_ms:\d+ app_kill=/);
  }, 600_000);
});
