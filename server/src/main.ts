import "reflect-metadata";
import { createApp, type App } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";
import { createDataSource } from "./db/data-source.js";
import { seedDemoCaseload } from "./db/seed/seed-caseload.js";
import { seedDemoRecords } from "./db/seed/seed-records.js";
import { isCatalogEmpty, seedDemoCity } from "./db/seed/seed-demo.js";
import { MeiliUnavailableError } from "./runtime/embedded-meilisearch.js";
import { reportSearchOutages, startBackingServices, type BackingServices } from "./runtime/backing-services.js";
import { onShutdownSignal } from "./runtime/signals.js";
import { SearchHealth } from "./search/search-health.js";
import type { DataSource } from "typeorm";
import { resolveSecretKey } from "./runtime/secret-key.js";

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    // Nothing has started yet: say what is wrong with the configuration, plainly, and stop with status 1.
    if (!(err instanceof ConfigError)) throw err;
    createLogger("info").fatal(err.message);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(config.logLevel);
  const searchHealth = new SearchHealth(logger);
  let backing: BackingServices | undefined;
  let db: DataSource | undefined;
  let app: App | undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number, why: string) => {
    stopping ??= (async () => {
      logger.info({ why }, "shutting down");
      // Each step is bounded: with the database gone, closing a connection can wait for ever, and a shutdown that
      // never ends would hide the exit status from systemd. What is cut short is stopped by the exit handlers.
      const step = (what: string, ms: number, run: () => Promise<unknown> | undefined) =>
        bounded(Promise.resolve(run()), ms).then(
          (done) => done || logger.warn({ step: what, ms }, `${what} did not finish in time; going on`),
          (err: unknown) => logger.error({ err }, `${what} failed`),
        );
      await step("stopping the background jobs", 5_000, () => app?.jobs.stop());
      await step("closing HTTP", 5_000, () => app?.close());
      await step("closing the database pool", 5_000, () => db?.destroy());
      await step("stopping the embedded servers", 25_000, () => backing?.stop());
      logger.info("stopped");
      process.exit(code);
    })();
    return stopping;
  };
  onShutdownSignal((signal) => void shutdown(0, signal));
  process.once("uncaughtException", (err) => {
    logger.fatal({ err }, "uncaught exception");
    void shutdown(1, "uncaught exception");
  });

  try {
    // Before anything starts: a missing or damaged key file stops here, with nothing to clean up.
    const secretKey = await resolveSecretKey(config);
    backing = await startBackingServices(config, logger);
    reportSearchOutages(backing, searchHealth);
    backing.onEvent((event) => {
      // A crashed embedded server is restarted by its supervisor; one that cannot come back ends the app with a
      // failure status, so that systemd (Restart=on-failure) or docker restarts it, and the next start cleans up.
      if (event.kind === "gave-up") void shutdown(1, event.reason);
    });
    db = createDataSource(backing.databaseUrl);
    await db.initialize();
    const applied = await db.runMigrations({ transaction: "each" });
    if (applied.length)
      logger.info({ migrations: applied.map((m) => m.name) }, `applied ${applied.length} migration(s)`);
    if (config.seedDemo && (await isCatalogEmpty(db))) {
      const result = await seedDemoCity(db);
      const caseload = await seedDemoCaseload(db);
      const records = await seedDemoRecords(db);
      logger.info(
        { ...result, caseload, records },
        "loaded the demo city (みどり野市), its caseload and its evaluation records on first start",
      );
    }
    app = await createApp({
      db,
      config,
      logger,
      databaseUrl: backing.databaseUrl,
      meili: { url: backing.meiliUrl, key: backing.meiliKey, prefix: config.meiliIndexPrefix },
      searchHealth,
      secretKey,
    });
    const port = await app.listen(config.port, config.host);
    await app.jobs.start();
    const shown = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
    logger.info(
      { service: "http", address: `${config.host}:${port}`, startupMs: Date.now() - startedAt },
      `tsunagu ready on http://${shown}:${port} (GraphQL at /graphql)`,
    );
  } catch (err) {
    if (err instanceof ConfigError || err instanceof MeiliUnavailableError) {
      logger.fatal(err.message);
    } else {
      logger.fatal({ err }, "start-up failed");
    }
    await shutdown(1, "start-up failed");
  }
}

/** True when `work` settled within `ms`, false when the time ran out first. */
async function bounded(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
