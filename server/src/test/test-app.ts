import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DataSource } from "typeorm";
import { createApp, type App, type AppOptions } from "../app.js";
import type { User } from "../auth/user.entity.js";
import { createLogger, type Logger } from "../core/logger.js";
import type { RelayOptions } from "../search/search-relay.js";
import { createDataSource } from "../db/data-source.js";
import { Factories } from "./factories.js";
import type { RateLimits } from "../ratelimit/rate-limiter.js";
import { TEMPLATE_DATABASE, dropDatabase } from "./test-backing-services.js";

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, any> }[];
}

export type Gql = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GqlResult<T>>;

export interface TestApp {
  app: App;
  db: DataSource;
  databaseUrl: string;
  factories: Factories;
  /** Makes everything committed so far searchable: applies index settings, then drains the outbox. */
  indexNow(): Promise<void>;
  /** Operations as nobody (a resident browsing the directory). */
  anonymous: Gql;
  /** Operations as `user`, through a real session (the same path a cookie takes). */
  asViewer(user: User): Promise<Gql>;
  close(): Promise<void>;
}

/** Each test file gets its own database (a copy of the migrated template), so files run in parallel. */
export interface TestAppOptions {
  /** Overrides of the app's configuration (production mode, timeouts, CORS…). */
  config?: Partial<AppOptions["config"]>;
  /** Another Meilisearch than the run's shared one (the outage test starts and stops its own). */
  meili?: { url: string; key: string };
  relay?: Partial<RelayOptions>;
  /** The key that seals TOTP keys (default: a random one per app). */
  secretKey?: Buffer;
  /** The app's logger (default: TEST_LOG_LEVEL, silent); the fuzzer reads the errors it logs. */
  logger?: Logger;
}

/** The servers of a run (server/src/test/test-backing-services.ts); vitest hands them over with `inject`, `npm run fuzz` directly. */
export interface SharedServers {
  pgServerUrl: string;
  meiliUrl: string;
  meiliKey: string;
}

/** createTestApp without vitest: for processes that start the test services themselves (`npm run fuzz`). */
export async function createTestAppOn(servers: SharedServers, options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = servers.pgServerUrl;
  const name = `t_${randomBytes(6).toString("hex")}`;
  await createDatabaseFromTemplate(serverUrl, name);
  const databaseUrl = `${serverUrl}/${name}`;
  const db = createDataSource(databaseUrl, { poolSize: 5 });
  await db.initialize();
  const app = await createApp({
    db,
    databaseUrl,
    logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    // A prefix per file: every test file has its own index on the shared Meilisearch.
    meili: {
      url: options.meili?.url ?? servers.meiliUrl,
      key: options.meili?.key ?? servers.meiliKey,
      prefix: `${name}_`,
    },
    relay: options.relay,
    // A key per test app, as main.ts would resolve one: TOTP is sealed in tests as in production.
    secretKey: options.secretKey ?? randomBytes(32),
    // Limits no test file reaches by accident (each file has its own database, so its own counters); the limiter
    // still counts every HTTP request. ratelimit/rate-limit.test.ts sets small ones to test them.
    config: {
      production: false,
      cookieSecure: false,
      sessionTtlHours: 12,
      rateLimits: TEST_RATE_LIMITS,
      ...options.config,
    },
  });
  let indexReady = false;
  const runAs =
    (token: string | null): Gql =>
    (query, variables) =>
      app.execute({ query, variables }, token) as never;
  return {
    app,
    db,
    databaseUrl,
    factories: new Factories(db),
    anonymous: runAs(null),
    async indexNow() {
      if (!indexReady) {
        await app.searchIndex.ensure();
        indexReady = true;
      }
      await app.jobs.searchRelay.drain();
    },
    async asViewer(user) {
      const { token } = await app.services.auth.createSession(user.id);
      return runAs(token);
    },
    async close() {
      await app.close();
      await db.destroy();
      await app.searchIndex.client.deleteIndexIfExists(app.searchIndex.uid).catch(() => undefined);
      await dropDatabase(serverUrl, name);
    },
  };
}

const TEST_RATE_LIMITS: RateLimits = {
  anonymous: { points: 1_000_000, windowSeconds: 60 },
  user: { points: 1_000_000, windowSeconds: 60 },
  signIn: { points: 1_000_000, windowSeconds: 60 },
  oidc: { points: 1_000_000, windowSeconds: 60 },
};

/** CREATE DATABASE … TEMPLATE fails while another session copies the same template; those are retried. */
async function createDatabaseFromTemplate(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await client.connect();
    try {
      await client.query(
        `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`,
      );
      return;
    } catch (err) {
      if (attempt > 50 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    } finally {
      await client.end();
    }
  }
}

/** The error codes of a result, for terse assertions. */
export const codesOf = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);
export const fieldsOf = (r: GqlResult) =>
  (r.errors ?? []).flatMap((e) => (e.extensions?.fields ?? []).map((f: { field: string }) => f.field));
