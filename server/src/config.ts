import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every environment variable tsunagu reads, parsed once. The README's configuration table mirrors this schema. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().optional(),
  TSUNAGU_DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.string().url().optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY must be at least 16 bytes").optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/).default("tsunagu_"),
  TSUNAGU_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  TSUNAGU_MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7709),
  TSUNAGU_SEED_DEMO: bool.optional(),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce.number().min(1).max(24 * 30).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  meiliIndexPrefix: string;
  embeddedPgPort: number;
  embeddedMeiliPort: number;
  seedDemo: boolean;
  cookieSecure: boolean;
  sessionTtlHours: number;
  logLevel: Env["LOG_LEVEL"];
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    // Inside a city network the app is reached from desks, so production listens on every interface;
    // a developer machine keeps it on loopback.
    host: e.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
    dataDir: path.resolve(e.TSUNAGU_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliIndexPrefix: e.MEILI_INDEX_PREFIX,
    embeddedPgPort: e.TSUNAGU_PG_PORT,
    embeddedMeiliPort: e.TSUNAGU_MEILI_PORT,
    seedDemo: e.TSUNAGU_SEED_DEMO ?? !production,
    cookieSecure: e.COOKIE_SECURE ?? production,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
  };
}
