/**
 * npm run bench:load: requests per second under concurrent load, on the same server, for `searchResources` (the web
 * client's search page query, 100,000 listings) and for `{ __typename }` (the cheapest GraphQL request there is).
 * Their ratio says what the search costs on top of the HTTP + GraphQL pipeline.
 *
 * The app runs in this process as in the other benchmarks (bench-env.ts); the load comes from a worker thread (its own
 * event loop) over loopback HTTP with keep-alive: LOAD_CONNECTIONS requests in flight, each sent as soon as the
 * previous one on its connection was answered, for LOAD_SECONDS per endpoint after a short warm-up. Every answer is
 * checked (HTTP 200, no GraphQL errors); one failure fails the benchmark. The only stdout line:
 *   bench:load search_rps=… hello_rps=… ratio=… search_p95_ms=…
 * On Linux the progress lines also give the CPU time per request (from /proc): of the app's thread, of this whole
 * process (with the load worker) and of the whole machine (with PostgreSQL and Meilisearch). On a busy machine these
 * move much less than the rates do, and they say what bounds the rate: the app's one thread, or all the cores.
 */
import "reflect-metadata";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { LoadResult, LoadSpec } from "./load-client.js";
import { percentile, progress, runBench } from "./bench-env.js";

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const WARMUP_SECONDS = 2;

/** The search page's query (web/src/features/resources/SearchPage.tsx with its fragments), first page of 20. */
const SEARCH = `query SearchResources($input: SearchResourcesInput!, $first: Int!, $after: String) {
  searchResources(input: $input, first: $first, after: $after) {
    totalCount
    degraded
    pageInfo { hasNextPage endCursor }
    facets {
      kinds { value count } targetGroups { value count } areas { value count } weekdays { value count }
      timeBands { value count } free { value count } accessibility { value count } transport { value count }
      visitAllowed { value count } trialAllowed { value count }
    }
    edges {
      cursor
      distanceMeters
      highlight { name { match text } description { match text } }
      nextSession { date label }
      node {
        id name kind status openings costPerSessionYen verifiedAt scheduleText visitAllowed trialAllowed
        organization { id name }
      }
    }
  }
}`;

/** A few searches a coordinator types, cycled through by the connections. */
const SEARCH_INPUTS = [{ text: "体操" }, { text: "サロン" }, { text: "子育て" }, { text: "カフェ" }, {}];

/** CPU time (user + system) in ms from a /proc stat file: its fields 14 and 15, in ticks of 10 ms. */
function statCpuMs(file: string): number {
  const stat = readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Where the CPU went, in ms; null off Linux: this process's main thread (the app), the whole process (the app, its
 * GC and libuv threads, and the load worker), and the whole machine (PostgreSQL and Meilisearch included).
 */
function cpuNow(): { app: number; process: number; machine: number } | null {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq] = ticks;
    return {
      app: statCpuMs(`/proc/self/task/${process.pid}/stat`),
      process: statCpuMs("/proc/self/stat"),
      machine: (user + nice + system + irq + softirq) * 10,
    };
  } catch {
    return null;
  }
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "load-client.js"), { workerData: spec });
    worker.once("message", (result: LoadResult) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

runBench("bench:load", { relay: false }, async (env) => {
  const cookie = env.cookie;
  const measure = async (label: string, bodies: string[]) => {
    const base = { url: env.graphqlUrl, cookie, bodies, connections: CONNECTIONS };
    await load({ ...base, seconds: WARMUP_SECONDS });
    const cpuBefore = cpuNow();
    const result = await load({ ...base, seconds: SECONDS });
    const cpuAfter = cpuNow();
    if (result.failures)
      throw new Error(`${label}: ${result.failures} failed requests (first: ${result.firstFailure})`);
    const rps = result.latencies.length / result.seconds;
    progress(
      `${label}: ${result.latencies.length} requests in ${result.seconds.toFixed(1)} s = ${rps.toFixed(0)} req/s, ` +
        `p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p95 ${percentile(result.latencies, 95).toFixed(1)} ms` +
        (cpuBefore === null || cpuAfter === null
          ? ""
          : ", CPU ms/request: " +
            (["app", "process", "machine"] as const)
              .map((k) => `${k} ${((cpuAfter[k] - cpuBefore[k]) / result.latencies.length).toFixed(2)}`)
              .join(", ")),
    );
    return { rps, p95: percentile(result.latencies, 95) };
  };
  const search = await measure(
    "searchResources",
    SEARCH_INPUTS.map((input) => JSON.stringify({ query: SEARCH, variables: { input, first: 20 } })),
  );
  const hello = await measure("{ __typename }", [JSON.stringify({ query: "{ __typename }" })]);
  return (
    `bench:load search_rps=${search.rps.toFixed(0)} hello_rps=${hello.rps.toFixed(0)} ` +
    `ratio=${(search.rps / hello.rps).toFixed(2)} search_p95_ms=${search.p95.toFixed(1)}`
  );
});
