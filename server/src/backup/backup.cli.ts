import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../core/logger.js";
import { MeiliUnavailableError, startEmbeddedMeilisearch } from "../runtime/embedded-meilisearch.js";
import { embeddedServerUrl, startEmbeddedPostgres } from "../runtime/embedded-postgres.js";
import { APP_DATABASE } from "../runtime/backing-services.js";
import { onShutdownSignal } from "../runtime/signals.js";
import { BackupError } from "./backup.format.js";

export interface CliContext {
  config: Config;
  logger: Logger;
  /** Runs when the script ends, however it ends (success, failure, Ctrl-C); last registered runs first. */
  onCleanup(step: () => unknown): void;
  /** What an interruption at this point leaves behind, said when Ctrl-C comes. */
  setInterruptNote(note: string): void;
}

export interface PostgresTarget {
  /** Server URL without a database (for CREATE DATABASE). */
  serverUrl: string;
  /** The database the app uses: `tsunagu` embedded, the one in DATABASE_URL otherwise. */
  appDatabase: string;
  databaseUrl(database?: string): string;
  /** "running": the app's (or someone's) server we only connect to; "started": ours, stopped at the end. */
  embedded: "running" | "started" | false;
}

/**
 * For `npm run backup` and `npm run restore`: unlike the other scripts they must not start by migrating (a backup
 * reads the database as it is; a restore migrates only as far as the backup), so they bring up servers themselves.
 */
export async function runCli(name: string, body: (ctx: CliContext) => Promise<void>): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.reverse())
        await Promise.resolve()
          .then(step)
          .catch(() => undefined);
    })());
  let interrupted = false;
  let note = "nothing was changed";
  onShutdownSignal(() => {
    interrupted = true;
    console.error(`\n${name}: interrupted; ${note}`);
    void cleanup().then(() => process.exit(130));
  });
  let code = 0;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
    await body({
      config,
      logger,
      onCleanup: (step) => cleanups.push(step),
      setInterruptNote: (text) => {
        note = text;
      },
    });
  } catch (err) {
    // Our own refusals are sentences; anything else also gets its stack when LOG_LEVEL asks for detail.
    const known = err instanceof BackupError || err instanceof ConfigError || err instanceof MeiliUnavailableError;
    const detail =
      !known && err instanceof Error && /debug|trace/.test(process.env.LOG_LEVEL ?? "") ? err.stack : undefined;
    // After Ctrl-C the work fails as its servers go away: that is the interruption, already reported.
    if (!interrupted) console.error(`${name} failed: ${detail ?? (err instanceof Error ? err.message : String(err))}`);
    code = 1;
  } finally {
    await cleanup();
  }
  // The signal handler exits (130) once the cleanup is done.
  if (!interrupted) process.exit(code);
}

/**
 * The configured PostgreSQL (DATABASE_URL), or the data folder's embedded one: used as it is when the app is running
 * (it answers on TSUNAGU_PG_PORT with this folder's data), otherwise started for the script and stopped after it.
 */
export async function openPostgres(ctx: CliContext, options: { mayInitialise: boolean }): Promise<PostgresTarget> {
  const { config } = ctx;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    const appDatabase = decodeURIComponent(url.pathname.slice(1)) || "postgres";
    const withDatabase = (database: string) => {
      const u = new URL(config.databaseUrl!);
      u.pathname = `/${encodeURIComponent(database)}`;
      return u.toString();
    };
    url.pathname = "";
    return {
      serverUrl: url.toString().replace(/\/$/, ""),
      appDatabase,
      embedded: false,
      databaseUrl: (database = appDatabase) => withDatabase(database),
    };
  }
  const serverUrl = embeddedServerUrl(config.embeddedPgPort);
  const folder = path.join(config.dataDir, "postgres");
  const target = (embedded: "running" | "started"): PostgresTarget => ({
    serverUrl,
    appDatabase: APP_DATABASE,
    embedded,
    databaseUrl: (database = APP_DATABASE) => `${serverUrl}/${database}`,
  });
  const probe = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 3_000 });
  try {
    await probe.connect();
  } catch (err) {
    await probe.end().catch(() => undefined);
    if ((err as { code?: string }).code !== "ECONNREFUSED") {
      throw new BackupError(
        `something answers on 127.0.0.1:${config.embeddedPgPort} but is not this data folder's PostgreSQL ` +
          `(${(err as Error).message}). Set TSUNAGU_PG_PORT to the app's port, or DATABASE_URL.`,
      );
    }
    if (!options.mayInitialise && !existsSync(path.join(folder, "pgdata", "PG_VERSION"))) {
      throw new BackupError(
        `there is no tsunagu database in ${config.dataDir} (nothing to back up). ` +
          `Set TSUNAGU_DATA_DIR to the app's data folder, or DATABASE_URL to its server.`,
      );
    }
    // Registered before it is up: Ctrl-C during initdb or start-up waits for it, then stops it.
    const starting = startEmbeddedPostgres(folder, config.embeddedPgPort, ctx.logger);
    ctx.onCleanup(async () => (await starting).stop());
    await starting;
    console.error(`started the embedded PostgreSQL of ${config.dataDir} for this run (stopped again at the end)`);
    return target("started");
  }
  try {
    const [{ data_directory: running }] = (await probe.query("SHOW data_directory")).rows;
    const ours = path.join(folder, "pgdata");
    if (!existsSync(ours) || realpathSync(running) !== realpathSync(ours)) {
      throw new BackupError(
        `the PostgreSQL on 127.0.0.1:${config.embeddedPgPort} serves ${running}, not ${ours}. ` +
          `Set TSUNAGU_DATA_DIR and TSUNAGU_PG_PORT to the same app's values.`,
      );
    }
  } finally {
    await probe.end();
  }
  console.error(`using the running app's PostgreSQL on 127.0.0.1:${config.embeddedPgPort}`);
  return target("running");
}

/** MEILI_URL, or the data folder's embedded Meilisearch: the running one when it accepts this folder's key, else started. */
export async function openMeilisearch(ctx: CliContext): Promise<{ url: string; key: string | undefined }> {
  const { config } = ctx;
  if (config.meiliUrl) return { url: config.meiliUrl, key: config.meiliMasterKey };
  const folder = path.join(config.dataDir, "meilisearch");
  const url = `http://127.0.0.1:${config.embeddedMeiliPort}`;
  const keyFile = path.join(folder, "master-key");
  const key = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : undefined;
  const status = await fetch(`${url}/indexes?limit=1`, { headers: key ? { authorization: `Bearer ${key}` } : {} }).then(
    (r) => r.status,
    () => null,
  );
  if (status === 200 && key) {
    console.error(`using the running app's Meilisearch on ${url}`);
    return { url, key };
  }
  if (status !== null) {
    throw new BackupError(
      `a Meilisearch on ${url} does not accept this data folder's key (HTTP ${status}). ` +
        `Set TSUNAGU_MEILI_PORT to the app's port, or MEILI_URL and MEILI_MASTER_KEY.`,
    );
  }
  const starting = startEmbeddedMeilisearch(folder, config.embeddedMeiliPort, ctx.logger, {
    production: config.production,
  });
  ctx.onCleanup(async () => (await starting).stop());
  const started = await starting;
  console.error(`started the embedded Meilisearch of ${config.dataDir} for this run (stopped again at the end)`);
  return { url, key: started.masterKey };
}

/** The first argument that is neither a flag nor a flag's value. */
export function positionalArg(valueFlags: string[], argv = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      if (valueFlags.includes(a.slice(2))) i++;
      continue;
    }
    return a;
  }
  return undefined;
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} B`;
