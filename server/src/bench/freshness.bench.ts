/**
 * npm run bench:freshness: how long after an edit commits does search find it? (outbox → NOTIFY → relay →
 * Meilisearch task), on the 100,000-listing catalog, with the relay running as under `npm start`.
 *
 * n times, one at a time: `updateResource` over HTTP puts a unique token word into a listing's description; the clock
 * starts when the mutation's response arrives (the transaction, outbox row included, has committed) and stops when a
 * search of the raw Meilisearch index for that token returns the listing (polled every 10 ms). A few unmeasured
 * warm-up edits come first; the descriptions are restored (and re-indexed) afterwards.
 * The only stdout line:
 *   bench:freshness n=50 p50_ms=… p95_ms=… meili_db_bytes=… index_documents_bytes=…
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { indexSize, ms, percentile, progress, runBench, type BenchEnv } from "./bench-env.js";

const N = 50;
const WARMUP = 3;
const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

const UPDATE = `mutation BenchUpdate($input: UpdateResourceInput!) {
  updateResource(input: $input) { resource { id version } }
}`;

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** Sends the edit; resolves with the time its response arrived (performance.now()). */
async function update(env: BenchEnv, id: string, description: string): Promise<number> {
  const res = await env.post(UPDATE, { input: { id, description } });
  const arrived = performance.now();
  const body = (await res.json()) as { errors?: unknown[]; data?: unknown };
  if (body.errors?.length || !body.data) throw new Error(`updateResource failed: ${JSON.stringify(body.errors)}`);
  return arrived;
}

async function visible(env: BenchEnv, token: string, id: string): Promise<boolean> {
  const { hits } = await env.index.index().search(token, {
    matchingStrategy: "all",
    attributesToSearchOn: ["description"],
    locales: ["jpn"],
    limit: 20,
  } as never);
  return hits.some((h) => h.id === id);
}

/** One edit: commit → visible in ms. */
async function measureOne(env: BenchEnv, i: number, listing: { id: string; description: string }): Promise<number> {
  const token = `鮮度${i}x${randomBytes(4).toString("hex")}`;
  if (await visible(env, token, listing.id)) throw new Error(`token ${token} already matches ${listing.id}`);
  const committed = await update(env, listing.id, `${listing.description.slice(0, 3900)} ${token}`);
  for (;;) {
    if (await visible(env, token, listing.id)) return performance.now() - committed;
    if (performance.now() - committed > GIVE_UP_MS) throw new Error(`edit ${i} not searchable after ${GIVE_UP_MS} ms`);
    await sleep(POLL_MS);
  }
}

runBench("bench:freshness", { relay: true }, async (env) => {
  const listings: { id: string; description: string }[] = await env.db.query(
    "SELECT id, description FROM resource ORDER BY md5(id::text) LIMIT $1",
    [N + WARMUP],
  );
  const times: number[] = [];
  try {
    for (let i = 0; i < listings.length; i++) {
      const t = await measureOne(env, i, listings[i]);
      if (i >= WARMUP) times.push(t);
      if ((i + 1) % 10 === 0) progress(`  ${i + 1}/${listings.length} edits, last ${ms(t)} ms`);
    }
  } finally {
    // Put the descriptions back so bench:search keeps a fixed catalog; wait until the relay has indexed them.
    for (const l of listings)
      await update(env, l.id, l.description).catch((err) => progress(`restore failed: ${String(err)}`));
    const until = Date.now() + 60_000;
    while ((await env.app.jobs.searchRelay.status()).pending > 0 && Date.now() < until) await sleep(100);
    progress("descriptions restored and re-indexed");
  }
  progress(
    `commit→visible: min ${ms(Math.min(...times))} ms, p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`,
  );
  return `bench:freshness n=${times.length} p50_ms=${ms(percentile(times, 50))} p95_ms=${ms(percentile(times, 95))} ${await indexSize(env.index)}`;
});
