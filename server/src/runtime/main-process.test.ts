import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../test/free-port.js";

/**
 * `npm start` as a newcomer gets it: the compiled server with no DATABASE_URL / MEILI_URL, which starts embedded
 * PostgreSQL and Meilisearch itself. (npm test builds server/dist first.)
 */
const MAIN = path.resolve(__dirname, "../../dist/main.js");

interface Started {
  child: ChildProcess;
  port: number;
  pids: { postgres: number; meilisearch: number };
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

const dirs: string[] = [];
const running: Started[] = [];
afterEach(async () => {
  // A failed assertion must not leave a server (and its children) behind.
  for (const app of running.splice(0)) {
    if (app.child.exitCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function startMain(): Promise<Started> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-main-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      PORT: String(port),
      TSUNAGU_DATA_DIR: path.join(dir, "data"),
      TSUNAGU_PG_PORT: String(await freePort()),
      TSUNAGU_MEILI_PORT: String(await freePort()),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let buffer = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const entry = JSON.parse(line);
          logs.push(entry);
          if (String(entry.msg).startsWith("tsunagu ready")) resolve();
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) =>
      reject(new Error(`main exited with ${code} before it was ready: ${JSON.stringify(logs.slice(-3))}`)),
    );
  });
  await ready;
  const pidOf = (service: string) =>
    logs.find((l) => l.service === service && typeof l.pid === "number")!.pid as number;
  const started = {
    child,
    port,
    logs,
    exited,
    pids: { postgres: pidOf("postgres"), meilisearch: pidOf("meilisearch") },
  };
  running.push(started);
  return started;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
}

describe("the tsunagu process", () => {
  it("starts embedded services, serves the demo city and the web app, and stops everything on SIGTERM", async () => {
    const app = await startMain();
    // One line per service, with its address.
    expect(app.logs.filter((l) => typeof l.address === "string").map((l) => l.service)).toEqual([
      "postgres",
      "meilisearch",
      "http",
    ]);

    const res = await fetch(`http://127.0.0.1:${app.port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ resources(first: 1) { totalCount } }" }),
    });
    expect(((await res.json()) as any).data.resources.totalCount).toBeGreaterThanOrEqual(300);
    expect((await fetch(`http://127.0.0.1:${app.port}/healthz`)).status).toBe(200);

    expect(alive(app.pids.postgres) && alive(app.pids.meilisearch)).toBe(true);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(await waitUntil(() => !alive(app.pids.postgres) && !alive(app.pids.meilisearch), 5_000)).toBe(true);
  }, 120_000);

  it("reports a crashed Meilisearch and still stops cleanly on SIGINT (Ctrl-C)", async () => {
    const app = await startMain();
    process.kill(app.pids.meilisearch, "SIGKILL");
    expect(await waitUntil(() => app.logs.some((l) => l.level === 50 && l.service === "meilisearch"), 5_000)).toBe(
      true,
    );
    app.child.kill("SIGINT");
    expect(await app.exited).toBe(0);
    expect(await waitUntil(() => !alive(app.pids.postgres), 5_000)).toBe(true);
  }, 120_000);

  it("stops with status 1 and one plain log line when the configuration is wrong, before starting anything", async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        DATABASE_URL: "postgres://app@127.0.0.1:1/app",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe(60);
    expect(lines[0].msg).toContain("MEILI_URL");
    expect(stdout + stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
