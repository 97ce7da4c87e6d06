import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../test/free-port.js";
import { commandLine, parentOf } from "./process-tools.js";

/**
 * The compiled server (npm test builds server/dist first) as a supervisor such as systemd runs it, killed in the ways
 * a basement server sees: one of its embedded servers dies, or tsunagu itself is killed with SIGKILL.
 */
const MAIN = path.resolve(__dirname, "../../dist/main.js");

interface Folder {
  dir: string;
  ports: { http: number; postgres: number; meilisearch: number };
}

interface Started {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  url: string;
}

const folders: Folder[] = [];
const running: Started[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
  }
  for (const { dir } of folders.splice(0)) {
    // A test that failed half-way may leave a server on its folder; never leave it running.
    for (const pid of processesOn(dir)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

async function newFolder(): Promise<Folder> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-recovery-"));
  chmodSync(dir, 0o755);
  const folder = { dir, ports: { http: await freePort(), postgres: await freePort(), meilisearch: await freePort() } };
  folders.push(folder);
  return folder;
}

/** Starts main on `folder` (same data, same ports each time) and resolves once it is ready. */
async function startMain({ dir, ports }: Folder): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      // The demo city takes a quarter of a minute to load, and recovery does not depend on it.
      TSUNAGU_SEED_DEMO: "false",
      PORT: String(ports.http),
      TSUNAGU_DATA_DIR: path.join(dir, "data"),
      TSUNAGU_PG_PORT: String(ports.postgres),
      TSUNAGU_MEILI_PORT: String(ports.meilisearch),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = { child, logs, exited, url: `http://127.0.0.1:${ports.http}` };
  running.push(started);
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
    void exited.then((code) => reject(new Error(`main exited with ${code} before it was ready: ${tail(logs)}`)));
  });
  await ready;
  return started;
}

const tail = (logs: Record<string, unknown>[]) => JSON.stringify(logs.slice(-4));

/** Processes whose command line names the folder: the embedded servers (node gets the folder by environment). */
function processesOn(dir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => commandLine(pid)?.some((arg) => arg.includes(dir)));
}

/**
 * The servers among processesOn: those whose parent is not one of them. A process PostgreSQL has just forked (a
 * backend, an autovacuum worker) shows the postmaster's command line until it renames itself, and goes with it.
 */
function serversOn(dir: string): number[] {
  const all = processesOn(dir);
  return all.filter((pid) => !all.includes(parentOf(pid) ?? 0));
}

const servicePid = (app: Started, service: string) =>
  [...app.logs].reverse().find((l) => l.service === service && typeof l.pid === "number")!.pid as number;

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function healthz(app: Started): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const countResources = async (app: Started) => {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ resources(first: 1) { totalCount } }" }),
  });
  return ((await res.json()) as { data?: { resources: { totalCount: number } } }).data?.resources.totalCount;
};

describe("tsunagu recovers from killed processes", () => {
  it("restarts a SIGKILLed Meilisearch (healthz 200, search restarting meanwhile) and a SIGKILLed PostgreSQL", async () => {
    const app = await startMain(await newFolder());
    expect(await healthz(app)).toMatchObject({
      status: 200,
      body: { status: "ok", database: "ok", search: "ok", relay: { pending: 0 } },
    });

    process.kill(servicePid(app, "meilisearch"), "SIGKILL");
    const during = await waitFor(
      async () => {
        const h = await healthz(app);
        return h.body.search === "restarting" ? h : undefined;
      },
      5_000,
      "healthz to say search restarting",
    );
    // Search answers from PostgreSQL meanwhile: the app can still serve.
    expect(during).toMatchObject({ status: 200, body: { status: "degraded", database: "ok" } });
    await waitFor(async () => ((await healthz(app)).body.search === "ok" ? true : undefined), 20_000, "search ok");
    const meiliBack = await waitFor(
      async () => app.logs.find((l) => l.service === "meilisearch" && typeof l.downForMs === "number"),
      5_000,
      "the log line saying Meilisearch is back",
    );
    console.info(`main: meilisearch back in ${String(meiliBack.downForMs)} ms`);

    process.kill(servicePid(app, "postgres"), "SIGKILL");
    await waitFor(
      async () => (app.logs.some((l) => l.service === "postgres" && l.level === 50) ? true : undefined),
      5_000,
      "the crash to be logged",
    );
    await waitFor(
      async () =>
        app.logs.some((l) => l.service === "postgres" && typeof l.downForMs === "number") ? true : undefined,
      40_000,
      "PostgreSQL back",
    );
    const pgBack = app.logs.find((l) => l.service === "postgres" && typeof l.downForMs === "number")!;
    console.info(
      `main: postgres back in ${String(pgBack.downForMs)} ms`,
      JSON.stringify(app.logs.filter((l) => l.service === "postgres" && l.level === 40)),
    );
    expect(await waitFor(async () => countResources(app), 10_000, "GraphQL to answer")).toBe(0);
    expect(await healthz(app)).toMatchObject({ status: 200, body: { status: "ok", database: "ok", search: "ok" } });
    expect(app.child.exitCode).toBeNull();

    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(app.logs.at(-1)?.msg).toBe("stopped");
  }, 90_000);

  it("exits with status 1 and says why when a crashed PostgreSQL cannot come back", async () => {
    const folder = await newFolder();
    const app = await startMain(folder);
    // Another program that listens on the port (and hangs up on whoever calls).
    const squatter = net.createServer((socket) => socket.destroy());
    try {
      process.kill(servicePid(app, "postgres"), "SIGKILL");
      // Another program takes the port while PostgreSQL is down: every restart attempt must fail.
      await waitFor(
        () =>
          new Promise<true | undefined>((resolve) => {
            squatter.once("error", () => resolve(undefined));
            squatter.listen(folder.ports.postgres, "127.0.0.1", () => resolve(true));
          }),
        400,
        "the port",
      );
      expect(await app.exited).toBe(1);
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
    const fatal = app.logs.find((l) => l.level === 60)!;
    expect(fatal.msg).toMatch(
      new RegExp(
        `PostgreSQL could not be restarted after 5 attempts.*127\\.0\\.0\\.1:${folder.ports.postgres} is in use`,
      ),
    );
    expect(app.logs.at(-1)?.msg).toBe("stopped");
    expect(processesOn(folder.dir)).toEqual([]);
  }, 120_000);

  it("after tsunagu itself is SIGKILLed, the next start stops the servers it left and no orphan remains", async () => {
    const folder = await newFolder();
    const first = await startMain(folder);
    const left = { postgres: servicePid(first, "postgres"), meilisearch: servicePid(first, "meilisearch") };
    first.child.kill("SIGKILL");
    await first.exited;
    // Both servers outlive a SIGKILLed parent (nothing runs in node to stop them).
    expect(serversOn(folder.dir).sort()).toEqual([left.postgres, left.meilisearch].sort());

    const second = await startMain(folder);
    expect(second.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        "stopped the PostgreSQL left behind by an earlier run",
        "stopped the Meilisearch left behind by an earlier run",
      ]),
    );
    expect(second.logs.some((l) => /Cause: undefined|ECONNREFUSED/.test(JSON.stringify(l)))).toBe(false);
    expect(await countResources(second)).toBe(0);
    expect(serversOn(folder.dir).sort()).toEqual(
      [servicePid(second, "postgres"), servicePid(second, "meilisearch")].sort(),
    );

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(processesOn(folder.dir)).toEqual([]);
  }, 90_000);
});
