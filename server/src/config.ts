import path from "node:path";
import { z } from "zod";
import { parseSecretKey } from "./core/secret-box.js";
import type { RateLimits } from "./ratelimit/rate-limiter.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every environment variable tsunagu reads, parsed once. The README's configuration table mirrors this schema. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().optional(),
  TSUNAGU_DATA_DIR: z.string().default(".data"),
  TSUNAGU_SECRET_KEY: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY must be at least 16 bytes").optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/)
    .default("tsunagu_"),
  TSUNAGU_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  TSUNAGU_MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7709),
  TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH: bool.optional(),
  TSUNAGU_SEED_DEMO: bool.optional(),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  SESSION_STAY_SIGNED_IN_HOURS: z.coerce.number().min(1).max(24).default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  CORS_ORIGINS: z.string().default(""),
  TRUST_PROXY: z.string().default("false"),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_OIDC_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /**
   * TSUNAGU_SECRET_KEY: seals secrets at rest (TOTP keys; core/secret-box.ts). Null: main.ts uses the key file in the
   * data folder instead (runtime/secret-key.ts).
   */
  secretKey: Buffer | null;
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  meiliIndexPrefix: string;
  embeddedPgPort: number;
  embeddedMeiliPort: number;
  /** Production without MEILI_URL: the operator chose the embedded binary; it then runs with `--env production`. */
  allowEmbeddedMeilisearch: boolean;
  seedDemo: boolean;
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** A session unused for this long is over, whatever its absolute lifetime says. */
  sessionIdleMinutes: number;
  /**
   * 「ログインしたままにする」: how long such a session (and its cookie) lasts, at most SESSION_TTL_HOURS. At most a
   * day, so a shared PC left signed in is signed out by the next working day.
   */
  sessionStaySignedInHours: number;
  /** Origins allowed to call /graphql with credentials from another origin; empty = same-origin only. */
  corsOrigins: string[];
  /** Express's `trust proxy`: false, a hop count, or the proxies' addresses/subnets. */
  trustProxy: TrustProxy;
  /** Requests per client and minute (ratelimit/rate-limiter.ts); RATE_LIMIT_*. */
  rateLimits: RateLimits;
  logLevel: Env["LOG_LEVEL"];
  /** Sign-in through the city's identity provider (auth/oidc/); null when OIDC_ISSUER is unset. */
  oidc: OidcSettings | null;
}

export interface OidcSettings {
  /** The issuer's URL; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This app's `/auth/oidc/callback` as the identity provider knows it. */
  redirectUri: string;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const problems: string[] = [];
  const corsOrigins = parseOrigins(e.CORS_ORIGINS, problems);
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, problems);
  if (production) {
    // Secrets come only from the environment: production never falls back to a key or password written in the code.
    if (e.MEILI_URL && !e.MEILI_MASTER_KEY)
      problems.push("  MEILI_MASTER_KEY: required in production when MEILI_URL is set");
    // The embedded PostgreSQL uses a fixed loopback password (runtime/embedded-postgres.ts): fine on a developer
    // machine, not a credential to run production data on.
    if (!e.DATABASE_URL)
      problems.push("  DATABASE_URL: required in production (the embedded PostgreSQL is for development)");
    // The embedded Meilisearch is a third party's npm repackage of the binary (README), started on the quiet whenever
    // MEILI_URL is missing: production says so and stops, unless the operator has chosen it by name.
    if (!e.MEILI_URL && !e.TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH) {
      problems.push(
        "  MEILI_URL: required in production (the embedded Meilisearch is a third-party build, for development); " +
          "to run it anyway, in Meilisearch's production mode, set TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH=true",
      );
    }
  }
  const oidc = parseOidc(e, problems);
  const secretKey = e.TSUNAGU_SECRET_KEY === undefined ? null : parseSecretKey(e.TSUNAGU_SECRET_KEY);
  if (e.TSUNAGU_SECRET_KEY !== undefined && !secretKey)
    problems.push("  TSUNAGU_SECRET_KEY: 32 random bytes in base64 (openssl rand -base64 32)");
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    // Inside a city network the app is reached from desks, so production listens on every interface;
    // a developer machine keeps it on loopback.
    host: e.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
    dataDir: path.resolve(e.TSUNAGU_DATA_DIR),
    secretKey,
    databaseUrl: e.DATABASE_URL,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliIndexPrefix: e.MEILI_INDEX_PREFIX,
    embeddedPgPort: e.TSUNAGU_PG_PORT,
    embeddedMeiliPort: e.TSUNAGU_MEILI_PORT,
    allowEmbeddedMeilisearch: e.TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH ?? false,
    seedDemo: e.TSUNAGU_SEED_DEMO ?? !production,
    cookieSecure: e.COOKIE_SECURE ?? production,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionStaySignedInHours: e.SESSION_STAY_SIGNED_IN_HOURS,
    corsOrigins,
    trustProxy,
    rateLimits: {
      anonymous: { points: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE, windowSeconds: 60 },
      user: { points: e.RATE_LIMIT_USER_PER_MINUTE, windowSeconds: 60 },
      signIn: { points: e.RATE_LIMIT_SIGN_IN_PER_MINUTE, windowSeconds: 60 },
      oidc: { points: e.RATE_LIMIT_OIDC_PER_MINUTE, windowSeconds: 60 },
    },
    logLevel: e.LOG_LEVEL,
    oidc,
  };
}

const OIDC_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI"] as const;

/**
 * All four OIDC_* variables, or none (sign-in by password only). Plain http is accepted only on loopback (a test or
 * a proxy on the same machine): elsewhere the codes and tokens would cross the network readable.
 */
function parseOidc(e: Env, problems: string[]): OidcSettings | null {
  const missing = OIDC_VARIABLES.filter((k) => !e[k]);
  if (missing.length === OIDC_VARIABLES.length) return null;
  if (missing.length) {
    problems.push(`  ${missing.join(", ")}: required when any OIDC_* variable is set`);
    return null;
  }
  for (const k of ["OIDC_ISSUER", "OIDC_REDIRECT_URI"] as const) {
    const u = new URL(e[k]!);
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
    if (u.protocol !== "https:" && !(u.protocol === "http:" && loopback))
      problems.push(`  ${k}: must be an https:// URL (http:// only on loopback)`);
  }
  return {
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    redirectUri: e.OIDC_REDIRECT_URI!,
  };
}

/** `https://a.example.lg.jp,https://b.example.lg.jp` → exact origins (scheme, host, port; no path, no wildcard). */
function parseOrigins(value: string, problems: string[]): string[] {
  const origins: string[] = [];
  for (const item of value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    let origin: string | undefined;
    try {
      const u = new URL(item);
      if (u.protocol === "http:" || u.protocol === "https:") origin = u.origin;
    } catch {
      // reported below
    }
    if (origin && origin === item.replace(/\/$/, "")) origins.push(origin);
    else
      problems.push(
        `  CORS_ORIGINS: "${item}" is not an origin like https://tsunagu.example.lg.jp (no path, no wildcard)`,
      );
  }
  return origins;
}

/**
 * `false` (default: the socket's address is the client), a hop count (`1` = one reverse proxy in front), or a
 * comma-separated list of proxy addresses/subnets and Express's names (`loopback`, `uniquelocal`, `10.0.0.0/8`).
 * `true` is refused: it would believe any X-Forwarded-For a client sends, and rate limiting would count nothing.
 */
function parseTrustProxy(value: string, problems: string[]): TrustProxy {
  const v = value.trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (/^[1-9][0-9]?$/.test(v)) return Number(v);
  if (v === "true") {
    problems.push("  TRUST_PROXY: name the proxies (a hop count such as 1, or addresses/subnets), not true");
    return false;
  }
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/[0-9]{1,3})?)$/.test(s));
  if (bad.length) problems.push(`  TRUST_PROXY: not an address, subnet or hop count: ${bad.join(", ")}`);
  return items;
}
