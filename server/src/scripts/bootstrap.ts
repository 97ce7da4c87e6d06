import type { DataSource } from "typeorm";
import { loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { startBackingServices, type BackingServices } from "../runtime/backing-services.js";
import { onShutdownSignal } from "../runtime/signals.js";

export interface ScriptContext {
  config: Config;
  logger: Logger;
  services: BackingServices;
  db: DataSource;
}

/**
 * For the CLI scripts (migrate, seed, reindex …): the same services `npm start` uses (embedded or configured),
 * migrations applied, everything stopped afterwards whatever happens.
 */
export async function runScript(name: string, body: (ctx: ScriptContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  let services: BackingServices | undefined;
  let db: DataSource | undefined;
  let code = 0;
  const interrupted = () => {
    console.error(`\n${name}: interrupted`);
    void cleanup().then(() => process.exit(130));
  };
  const cleanup = async () => {
    await db?.destroy().catch(() => undefined);
    await services?.stop();
  };
  onShutdownSignal(interrupted);
  try {
    services = await startBackingServices(config, logger);
    db = createDataSource(services.databaseUrl);
    await db.initialize();
    await db.runMigrations({ transaction: "each" });
    await body({ config, logger, services, db });
  } catch (err) {
    console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  } finally {
    await cleanup();
  }
  process.exit(code);
}

/** `--name value` or `--name=value` from argv. */
export function argValue(name: string, argv = process.argv.slice(2)): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].split("=").slice(1).join("=") : argv[i + 1];
}

export const hasFlag = (name: string, argv = process.argv.slice(2)) => argv.includes(`--${name}`);
