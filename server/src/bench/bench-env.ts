/**
 * Shared set-up of the benchmarks (`npm run bench:search`, `bench:freshness`, `bench:suggest`, `bench:load`).
 *
 * Uses its own data folder, ports and index prefix, so the developer's `.data` (and a running `npm start`) is never
 * touched. Starts the same services as `npm start` / runScript (embedded PostgreSQL + Meilisearch, or DATABASE_URL /
 * MEILI_URL when set), applies migrations, makes sure the catalog holds exactly BENCH_RESOURCES demo listings and that
 * the Meilisearch index holds all of them (bulk load, much faster than draining the outbox), then serves the real
 * HTTP app on a free loopback port and signs in as the demo coordinator.
 *
 * Progress goes to stderr; stdout gets exactly one line: the benchmark's result.
 */
import "reflect-metadata";

// Before loadConfig: a separate world from `npm start`'s `.data`.
process.env.TSUNAGU_DATA_DIR ??= ".bench-data";
process.env.TSUNAGU_PG_PORT ??= "54339";
process.env.TSUNAGU_MEILI_PORT ??= "7719";
process.env.MEILI_INDEX_PREFIX ??= "bench_";

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import type { DataSource } from "typeorm";
import { MoreThan } from "typeorm";
import { createApp, type App } from "../app.js";
import { SESSION_COOKIE } from "../auth/session-cookie.js";
import { loadConfig, type Config } from "../config.js";
import type { Logger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { DEMO_PASSWORD, DEMO_SEED } from "../db/seed/demo-city.js";
import { seedDemoCity, wipeCatalog } from "../db/seed/seed-demo.js";
import { Resource } from "../resources/resource.entity.js";
import { startBackingServices, type BackingServices } from "../runtime/backing-services.js";
import { toResourceDocument, type DocumentHost } from "../search/resource-document.js";
import { textReader } from "../search/text/readings.js";
import { ResourceSearchIndex, type MeiliConfig } from "../search/search-index.js";
import { RESOURCE_INDEX_SETTINGS } from "../search/search.settings.js";

export const BENCH_RESOURCES = 100_000;
const INDEX_BATCH = 5_000;
const COORDINATOR = { email: "coordinator@example.jp", password: DEMO_PASSWORD };
/** Long enough for a full re-index of 100k listings after a settings change. */
const LONG_TASK = { timeout: 30 * 60_000, interval: 100 };

export interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface BenchEnv {
  config: Config;
  logger: Logger;
  services: BackingServices;
  db: DataSource;
  app: App;
  meili: MeiliConfig;
  /** The index the app searches, with a long HTTP timeout (for bulk work and polling). */
  index: ResourceSearchIndex;
  graphqlUrl: string;
  /** The signed-in coordinator's session cookie (`name=value`), for a client of its own. */
  cookie: string;
  /** POSTs an operation to /graphql as the signed-in coordinator; the raw response (its arrival time matters). */
  post(query: string, variables?: Record<string, unknown>): Promise<Response>;
  /** POSTs an operation to /graphql as the signed-in coordinator (session cookie). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
}

export interface BenchOptions {
  /** Start the outbox relay (bench:freshness); bench:search measures a quiet index. */
  relay: boolean;
  /** Demo listings in the catalog (default BENCH_RESOURCES; bench:relevance judges the 320 of `npm start`). */
  resources?: number;
}

export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a benchmark: set-up, `body` (returns the result line), everything stopped afterwards whatever happens.
 * The result line is the only thing written to stdout.
 */
export function runBench(name: string, options: BenchOptions, body: (env: BenchEnv) => Promise<string>): void {
  // Anything else that prints (a library, a stray console.log) goes to stderr.
  console.log = console.error;
  let services: BackingServices | undefined;
  let db: DataSource | undefined;
  let app: App | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await app?.close().catch((err) => progress(`closing the app failed: ${String(err)}`));
      await db?.destroy().catch(() => undefined);
      await services?.stop();
    })());
  const interrupted = (signal: string) => {
    progress(`${name}: ${signal}, stopping`);
    void cleanup().then(() => process.exit(130));
  };
  process.once("SIGINT", () => interrupted("SIGINT"));
  process.once("SIGTERM", () => interrupted("SIGTERM"));

  void (async () => {
    let code = 0;
    try {
      const config = loadConfig();
      // pino to stderr (fd 2): stdout is reserved for the result line.
      const logger = pino(
        { level: process.env.LOG_LEVEL ?? "warn", base: { app: "tsunagu-bench" } },
        pino.destination(2),
      );
      let t = performance.now();
      progress(`${name}: starting services (data in ${config.dataDir})`);
      services = await startBackingServices(config, logger);
      db = createDataSource(services.databaseUrl, { applicationName: "tsunagu-bench" });
      await db.initialize();
      await db.runMigrations({ transaction: "each" });
      progress(`services up, migrations applied in ${seconds(t)}`);

      const meili: MeiliConfig = { url: services.meiliUrl, key: services.meiliKey, prefix: config.meiliIndexPrefix };
      // Every request still pays for its rate-limit counter; the bench's own loops from loopback must not be refused.
      const unlimited = { points: 1_000_000_000, windowSeconds: 60 };
      const rateLimits = { anonymous: unlimited, user: unlimited, signIn: unlimited, oidc: unlimited };
      app = await createApp({
        db,
        databaseUrl: services.databaseUrl,
        meili,
        config: { ...config, rateLimits },
        logger,
      });
      const index = new ResourceSearchIndex(meili, { timeoutMs: 120_000 });
      await prepareCatalog(config, db, index, options.resources ?? BENCH_RESOURCES);
      await app.jobs.searchRelay.drain(); // leftovers of an interrupted run (none after a bulk load)
      await waitForIdleIndex(index);

      if (options.relay) {
        // The relay's first iteration recomputes every listing's next session (hourly job); on a catalog seeded hours
        // ago that re-indexes most of it and would queue the measured updates behind it. Run it now, outside the
        // measurement; it also sets the relay's clock so the started relay does not repeat it for an hour.
        t = performance.now();
        const changed = await app.jobs.searchRelay.refreshDerivedColumns();
        if (changed > 5_000) await bulkIndex(db, index);
        else await app.jobs.searchRelay.drain();
        await waitForIdleIndex(index);
        progress(`next sessions refreshed (${changed} listings changed) in ${seconds(t)}`);
        await app.jobs.searchRelay.start();
      }
      const port = await app.listen(0, "127.0.0.1");
      const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
      const cookie = await signIn(graphqlUrl);
      // application/json: Apollo's CSRF prevention accepts it (a "simple" request would be refused).
      const post = (query: string, variables?: Record<string, unknown>) =>
        fetch(graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ query, variables }),
        });
      const gql = async <T>(query: string, variables?: Record<string, unknown>) =>
        (await (await post(query, variables)).json()) as GqlResponse<T>;
      progress(`app on ${graphqlUrl}, signed in as ${COORDINATOR.email}${options.relay ? ", relay running" : ""}`);
      t = performance.now();
      const line = await body({ config, logger, services, db, app, meili, index, graphqlUrl, cookie, post, gql });
      progress(`${name}: measured in ${seconds(t)}`);
      process.stdout.write(`${line}\n`);
    } catch (err) {
      progress(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      code = 1;
    } finally {
      await cleanup();
    }
    process.exit(code);
  })();
}

// ---------------------------------------------------------------------------------------------------------------
// catalog and index

interface Marker {
  resources: number;
  seed: number;
  seededAt: string;
  indexedAt: string | null;
  indexUid: string | null;
}

async function prepareCatalog(
  config: Config,
  db: DataSource,
  index: ResourceSearchIndex,
  resources: number,
): Promise<void> {
  const markerFile = path.join(config.dataDir, "bench-catalog.json");
  let marker: Marker | null = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, "utf8")) as Marker) : null;
  const [{ n }] = await db.query("SELECT count(*)::int AS n FROM resource");
  const seeded = n === resources && marker?.resources === resources && marker.seed === DEMO_SEED;

  if (!seeded) {
    progress(
      `catalog holds ${n} listings (marker: ${marker ? `${marker.resources}` : "none"}): seeding ${resources} anew`,
    );
    const t = performance.now();
    await wipeCatalog(db);
    await db.query("TRUNCATE search_outbox");
    let shown = 0;
    const result = await seedDemoCity(db, {
      resources,
      onProgress: (done, total) => {
        if (done - shown >= 10_000 || done === total) {
          shown = done;
          progress(`  seeded ${done}/${total} (${seconds(t)})`);
        }
      },
    });
    await db.query("ANALYZE");
    progress(
      `SEED: ${result.resources} listings, ${result.organizations} organizations, ${result.areas} areas in ${seconds(t)}`,
    );
    marker = {
      resources,
      seed: DEMO_SEED,
      seededAt: new Date().toISOString(),
      indexedAt: null,
      indexUid: null,
    };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  }

  // Settings from code first: a changed setting re-indexes now, not in the middle of a measurement.
  const exists = await index.exists();
  if (exists) await index.index().updateSettings(RESOURCE_INDEX_SETTINGS).waitTask(LONG_TASK);
  const docs = exists ? await index.documentCount() : 0;
  if (marker!.indexedAt && marker!.indexUid === index.uid && docs === resources && (await index.holdsCurrentShape())) {
    progress(`catalog and index ready (${resources} listings, ${docs} documents in ${index.uid})`);
    return;
  }
  progress(`index ${index.uid} holds ${docs} documents: bulk indexing ${resources}`);
  const t = performance.now();
  await bulkIndex(db, index);
  marker = { ...marker!, indexedAt: new Date().toISOString(), indexUid: index.uid };
  writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  progress(`INDEX: ${await index.documentCount()} documents in ${seconds(t)}`);
}

/** Every listing into a fresh index, in batches built exactly as the relay builds them; the outbox marked done. */
export async function bulkIndex(db: DataSource, index: ResourceSearchIndex): Promise<void> {
  await index.client.deleteIndexIfExists(index.uid);
  await index.client.createIndex(index.uid, { primaryKey: "id" }).waitTask(LONG_TASK);
  await index.index().updateSettings(RESOURCE_INDEX_SETTINGS).waitTask(LONG_TASK);
  const startedAt = performance.now();
  const [{ started }] = await db.query("SELECT now() AS started");
  const hosts = new Map<string, DocumentHost>(
    (
      await db.query<{ id: string; name: string; nameKana: string }[]>(
        `SELECT id, name, name_kana AS "nameKana" FROM organization`,
      )
    ).map((o) => [o.id, o]),
  );
  const reader = await textReader();
  const tasks: {
    waitTask: (o?: {
      timeout?: number;
      interval?: number;
    }) => Promise<{ status: string; error?: { message?: string } | null }>;
  }[] = [];
  let after = "00000000-0000-0000-0000-000000000000";
  let sent = 0;
  for (;;) {
    const batch = await db
      .getRepository(Resource)
      .find({ where: { id: MoreThan(after) }, order: { id: "ASC" }, take: INDEX_BATCH });
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const links: { resource_id: string; area_ids: string[] }[] = await db.query(
      "SELECT resource_id, array_agg(area_id::text) AS area_ids FROM resource_area WHERE resource_id = ANY($1::uuid[]) GROUP BY resource_id",
      [batch.map((r) => r.id)],
    );
    const areasOf = new Map(links.map((l) => [l.resource_id, l.area_ids]));
    const docs = batch.map((r) =>
      toResourceDocument(r, hosts.get(r.organizationId) ?? { name: "", nameKana: "" }, areasOf.get(r.id) ?? [], reader),
    );
    // Enqueue without waiting: Meilisearch batches consecutive additions itself.
    const enqueued = index.index().addDocuments(docs, { primaryKey: "id" });
    await enqueued;
    tasks.push(enqueued);
    sent += docs.length;
    if (sent % 20_000 === 0) progress(`  sent ${sent} documents (${seconds(startedAt)})`);
  }
  progress(`  sent ${sent} documents, waiting for Meilisearch to index them (${seconds(startedAt)})`);
  for (const task of tasks) {
    const done = await task.waitTask(LONG_TASK);
    if (done.status !== "succeeded")
      throw new Error(`Meilisearch indexing task ${done.status}: ${done.error?.message ?? "no detail"}`);
  }
  // Everything committed before the snapshot is now in the index.
  await db.query("UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL AND created_at <= $1", [
    started,
  ]);
}

/** Waits until Meilisearch has no enqueued or processing task (a quiet engine for measurements). */
export async function waitForIdleIndex(index: ResourceSearchIndex, timeoutMs = 30 * 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    const { results } = await index.client.tasks.getTasks({ statuses: ["enqueued", "processing"], limit: 1 });
    if (!results.length) return;
    if (Date.now() > until) throw new Error("Meilisearch did not become idle");
    if (!said) progress("waiting for Meilisearch to finish its queued tasks");
    said = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * What the index takes on disk, from Meilisearch's stats route: the whole database (`databaseSize`, what the disk
 * holds) and the resources index's documents (`rawDocumentDbSize`). The benches print both on their result line.
 */
export async function indexSize(index: ResourceSearchIndex): Promise<string> {
  const stats = (await index.client.getStats()) as unknown as {
    databaseSize: number;
    indexes: Record<string, { rawDocumentDbSize?: number }>;
  };
  return `meili_db_bytes=${stats.databaseSize} index_documents_bytes=${stats.indexes[index.uid]?.rawDocumentDbSize ?? 0}`;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function signIn(graphqlUrl: string): Promise<string> {
  const res = await fetch(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation SignIn($input: LoginInput!) { login(input: $input) { user { id role } } }",
      variables: { input: COORDINATOR },
    }),
  });
  const body = (await res.json()) as GqlResponse<{ login: { user: { id: string; role: string } } }>;
  if (body.errors?.length || !body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error("login did not set the session cookie");
  return session;
}

// ---------------------------------------------------------------------------------------------------------------
// statistics

/** Nearest-rank percentile of a list of numbers (ms). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (x: number) => x.toFixed(1);
