import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_DATABASE } from "../../../server/src/runtime/backing-services";
import { embeddedServerUrl } from "../../../server/src/runtime/embedded-postgres";
import { freePort } from "../../../server/src/test/free-port";

const ROOT = path.resolve(__dirname, "../../..");
const MAIN = path.join(ROOT, "server/dist/main.js");
const WEB_INDEX = path.join(ROOT, "web/dist/index.html");

export interface RunningServer {
  baseUrl: string;
  /**
   * The app's database on the server's own embedded PostgreSQL (loopback), for the few tests that must act under the
   * API as someone with access to PostgreSQL would (support/database.ts).
   */
  databaseUrl: string;
  logFile: string;
  /** SIGINT, as Ctrl-C would: the server stops PostgreSQL and Meilisearch itself. Safe to call twice. */
  stop(): Promise<void>;
}

function assertBuilt() {
  const missing = [MAIN, WEB_INDEX].filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `The browser tests run the built app, but ${missing.map((f) => path.relative(ROOT, f)).join(" and ")} ` +
        "is missing. Run `npm run build` first (`npm test` does it in pretest).",
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `node server/dist/main.js` on free ports with a fresh data folder, so the demo city is seeded anew for every run.
 * Resolves once /healthz answers; on any failure the process (and with it PostgreSQL and Meilisearch) is stopped.
 */
export async function startServer(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  assertBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-e2e-"));
  // Embedded PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
  chmodSync(dir, 0o755);
  const logFile = path.join(dir, "server.log");
  const port = options.port ?? (await freePort());
  const pgPort = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      PORT: String(port),
      TSUNAGU_DATA_DIR: path.join(dir, "data"),
      TSUNAGU_PG_PORT: String(pgPort),
      TSUNAGU_MEILI_PORT: String(await freePort()),
      // Every browser test signs in and browses from 127.0.0.1 against this one server: the per-client limits would
      // refuse the run itself (they have their own tests, server/src/ratelimit/rate-limit.test.ts).
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: "1000000",
      RATE_LIMIT_USER_PER_MINUTE: "1000000",
      RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000000",
      RATE_LIMIT_OIDC_PER_MINUTE: "1000000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // If the test runner itself goes away, do not leave the server (and its database) behind.
  const onExit = () => child.exitCode === null && child.kill("SIGINT");
  process.once("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= stopChild(child, exited, logFile).finally(() => {
      process.off("exit", onExit);
      rmSync(dir, { recursive: true, force: true });
    }));

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, logFile);
    await waitForSearchIndex(baseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  const databaseUrl = options.env?.DATABASE_URL ?? `${embeddedServerUrl(pgPort)}/${APP_DATABASE}`;
  return { baseUrl, databaseUrl, logFile, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`tsunagu exited with ${child.exitCode} before it was ready:\n${tail(logFile)}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`tsunagu did not answer /healthz within 90 s:\n${tail(logFile)}`);
}

/**
 * The first start queues every listing for Meilisearch; search answers (incompletely) before the relay is done.
 * Wait until the index holds every listing the database lists, so tests never race the first indexing.
 */
async function waitForSearchIndex(baseUrl: string) {
  const query = `{ searchResources(first: 1, input: { statuses: [ACTIVE, PAUSED] }) { totalCount degraded } resources(first: 1) { totalCount } }`;
  const deadline = Date.now() + 60_000;
  let last = "";
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as {
      data?: { searchResources: { totalCount: number; degraded: boolean }; resources: { totalCount: number } };
    };
    const search = body.data?.searchResources;
    const listed = body.data?.resources.totalCount ?? 0;
    if (search && !search.degraded && listed > 0 && search.totalCount === listed) return;
    last = JSON.stringify(body.data ?? body);
    await sleep(250);
  }
  throw new Error(`the search index did not catch up with the catalog within 60 s (last: ${last})`);
}

/** PIDs of the embedded services, from the server's JSON log lines (`{ service, pid }`). */
function servicePids(logFile: string): number[] {
  const pids: number[] = [];
  for (const line of readLines(logFile)) {
    try {
      const entry = JSON.parse(line) as { service?: string; pid?: unknown };
      if ((entry.service === "postgres" || entry.service === "meilisearch") && typeof entry.pid === "number")
        pids.push(entry.pid);
    } catch {
      // not a log line
    }
  }
  return pids;
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, logFile: string) {
  const services = servicePids(logFile);
  if (child.exitCode === null) {
    child.kill("SIGINT");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), 30_000)));
    const outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      console.error(`tsunagu did not stop within 30 s of SIGINT; killing it.\n${tail(logFile)}`);
      child.kill("SIGKILL");
      await exited;
    }
  }
  // The server stops its services on SIGINT; this is only the last resort after a crash (SIGINT is PostgreSQL's
  // fast shutdown and stops Meilisearch too).
  for (const pid of services) {
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (!alive(pid)) continue;
    console.error(`embedded service ${pid} outlived tsunagu; stopping it`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(pid, "SIGKILL");
  }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split("\n");
  } catch {
    return [];
  }
}

function tail(file: string, lines = 15): string {
  return readLines(file).slice(-lines).join("\n");
}
