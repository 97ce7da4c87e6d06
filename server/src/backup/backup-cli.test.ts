import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ResourceSearchIndex } from "../search/search-index.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { dropDatabase } from "../test/test-backing-services.js";

/**
 * The compiled scripts as an operator runs them (npm test builds server/dist first), against the run's servers
 * through DATABASE_URL / MEILI_URL so that they start none of their own.
 */
const DIST = path.resolve(__dirname, "../../dist/scripts");

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(DIST, script), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.once("exit", (code) => resolve({ code, out }));
  });
}

let dir: string;
let source: TestApp;
const restored = `r_${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-cli-"));
  chmodSync(dir, 0o755);
  source = await createTestApp();
  const org = await source.factories.organization();
  for (let i = 0; i < 3; i++)
    await source.factories.resource({ organizationId: org.id, name: `コマンド復元テスト ${i}` });
});

afterAll(async () => {
  await new ResourceSearchIndex({ url: inject("meiliUrl"), key: inject("meiliKey"), prefix: `${restored}_` }).client
    .deleteIndexIfExists(`${restored}_resources`)
    .catch(() => undefined);
  await dropDatabase(inject("pgServerUrl"), restored);
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup / npm run restore", () => {
  it("backs up, refuses the non-empty app database with advice, and restores into a new database with its own index", async () => {
    const env = {
      DATABASE_URL: source.databaseUrl,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      TSUNAGU_DATA_DIR: dir,
    };
    const out = path.join(dir, "cli.jsonl.gz");
    const backup = await run("backup.js", ["--out", out], env);
    expect(backup.out).toMatch(/backup: \d+ tables, \d+ rows, [\d.]+ kB in [\d.]+ s/);
    expect(backup.code).toBe(0);
    expect(existsSync(`${out}.sha256`)).toBe(true);
    expect((await run("backup.js", ["--out", out], env)).out).toMatch(/exists already/);

    const refused = await run("restore.js", [out], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/is not empty: .*organization \(1\)/);
    expect(refused.out).toContain(`npm run restore -- ${out} --database tsunagu_restored`);

    const restore = await run("restore.js", [out, "--database", restored], env);
    expect(restore.out).toMatch(new RegExp(`restore: \\d+ tables, \\d+ rows into database "${restored}"`));
    expect(restore.out).toContain(`3 listings indexed into ${restored}_resources`);
    expect(restore.code).toBe(0);
    const client = new pg.Client({ connectionString: `${inject("pgServerUrl")}/${restored}` });
    await client.connect();
    const { rows } = await client.query("SELECT name FROM resource ORDER BY name");
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(["コマンド復元テスト 0", "コマンド復元テスト 1", "コマンド復元テスト 2"]);

    const usage = await run("restore.js", [], env);
    expect(usage.code).toBe(1);
    expect(usage.out).toMatch(/usage: npm run restore -- <backup.jsonl.gz>/);
  });
});
