import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { SESSION_COOKIE } from "../auth/session-cookie.js";
import { DEMO_PASSWORD } from "../db/seed/demo-city.js";
import { APP_DATABASE } from "../runtime/backing-services.js";
import { embeddedServerUrl } from "../runtime/embedded-postgres.js";
import { commandLine, parentOf } from "../runtime/process-tools.js";
import { createLogger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { formatFallbackRecall, measureFallbackRecall } from "../search/fallback-recall.js";
import { SearchHealth } from "../search/search-health.js";
import { ResourceSearchIndex } from "../search/search-index.js";
import { SearchService } from "../search/search.service.js";
import { freePort } from "../test/free-port.js";
import { normalizeSearchText } from "../search/text/normalize.js";

/*
 * The fault drill (npm run drill, and drill.test.ts with smaller loops): a real tsunagu in a child process, write
 * loops through GraphQL, SIGKILL of one part at a time, and the checks of what was acknowledged.
 */

/** How long a scenario may take to come back before it counts as failed. */
export const RECOVERY_TIMEOUT_MS = 120_000;
/** The compiled server: beside this file in dist, or in dist when this file runs from src (vitest). */
const MAIN_JS = [path.join(__dirname, "..", "main.js"), path.resolve(__dirname, "../../dist/main.js")].find(
  existsSync,
)!;
const INDEX_PREFIX = "tsunagu_";
const INDEX_UID = `${INDEX_PREFIX}resources`;

export interface DrillOptions {
  dataDir: string;
  /** Concurrent write loops, each over its own listings (so each listing's writes are in order). */
  writers: number;
  /** How long the writers run before the kill, and again after recovery. */
  writeMs: number;
  /** Scenarios to run, in order (default: all three). */
  scenarios?: Scenario[];
}

export type Scenario = "meili_kill" | "pg_kill" | "app_kill";

export interface ScenarioResult {
  scenario: Scenario;
  /** Milliseconds from the kill until tsunagu served again with every part up; null when it did not. */
  recoveredInMs: number | null;
  /** Whether tsunagu exited and was started again (as systemd would), rather than healing inside. */
  appRestarted: boolean;
  writesAcknowledged: number;
  writesRefused: number;
}

export interface DrillResult {
  scenarios: ScenarioResult[];
  lostWrites: number;
  staleIndex: number;
  orphans: number;
  fallbackRecall: number | null;
  ok: boolean;
  line: string;
}

const log = (message: string) => process.stderr.write(`[drill] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** tsunagu as `npm start` runs it, with its log in the data folder. */
class Tsunagu {
  private child: ChildProcess | undefined;
  private starts = 0;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });

  constructor(
    readonly dataDir: string,
    readonly ports: { http: number; pg: number; meili: number },
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.ports.http}`;
  }

  get pid(): number | undefined {
    const child = this.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  start(): void {
    this.starts++;
    const out = createWriteStream(path.join(this.dataDir, `app-${this.starts}.log`));
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        ...withoutExternalServices(process.env),
        NODE_ENV: "development",
        PORT: String(this.ports.http),
        HOST: "127.0.0.1",
        TSUNAGU_DATA_DIR: path.join(this.dataDir, "data"),
        TSUNAGU_PG_PORT: String(this.ports.pg),
        TSUNAGU_MEILI_PORT: String(this.ports.meili),
        TSUNAGU_SEED_DEMO: "true",
        MEILI_INDEX_PREFIX: INDEX_PREFIX,
        LOG_LEVEL: "info",
        // The write loops are one signed-in user on loopback, far over a person's rate: the drill is about
        // recovery, not the limits (ratelimit/rate-limit.test.ts is).
        RATE_LIMIT_USER_PER_MINUTE: "1000000",
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: "1000000",
        RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    this.child = child;
  }

  kill(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.pid === undefined) return;
    this.kill("SIGTERM");
    await Promise.race([this.exited, sleep(30_000)]);
    if (this.pid !== undefined) this.kill("SIGKILL");
  }
}

/** The drill runs tsunagu's own embedded servers, whatever the caller's environment points at. */
function withoutExternalServices(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, MEILI_URL: _meili, MEILI_MASTER_KEY: _key, PORT: _port, ...rest } = env;
  return rest;
}

interface Health {
  status: number;
  body: Record<string, unknown> | null;
}

async function health(baseUrl: string): Promise<Health> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: res.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

/** Every part up: /healthz says the database and search are ok, and the relay is not reconnecting. */
export function allUp(h: Health): boolean {
  const body = h.body as { status?: string; database?: string; search?: string; relay?: { role?: string } } | null;
  return (
    h.status === 200 &&
    body?.status === "ok" &&
    body.database === "ok" &&
    body.search === "ok" &&
    body.relay?.role !== "reconnecting"
  );
}

class Client {
  cookie = "";
  constructor(readonly baseUrl: string) {}

  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: unknown[] }> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const setCookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (setCookie) this.cookie = setCookie;
    return (await res.json()) as { data?: T; errors?: unknown[] };
  }

  async signIn(): Promise<void> {
    const r = await this.gql("mutation ($input: LoginInput!) { login(input: $input) { user { id } } }", {
      input: { email: "admin@example.jp", password: DEMO_PASSWORD },
    });
    if (r.errors?.length || !this.cookie) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
  }
}

const UPDATE = `mutation ($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`;

/** What was sent and what was acknowledged, per listing (each listing is written by one loop, in order). */
class WriteLog {
  /** The last acknowledged description of each listing. */
  readonly acked = new Map<string, string>();
  /** Descriptions sent after the last acknowledgement (refused or unanswered: they may or may not have landed). */
  readonly pending = new Map<string, string[]>();
  acknowledged = 0;
  refused = 0;

  sent(id: string, value: string): void {
    this.pending.set(id, [...(this.pending.get(id) ?? []), value]);
  }

  ack(id: string, value: string): void {
    this.acked.set(id, value);
    this.pending.set(id, []);
    this.acknowledged++;
  }
}

async function writeLoop(client: Client, ids: string[], tag: string, log: WriteLog, stop: () => boolean) {
  let n = 0;
  while (!stop()) {
    const id = ids[n % ids.length];
    const value = `ドリル ${tag} ${n}`;
    n++;
    log.sent(id, value);
    try {
      const r = await client.gql<{ updateResource: { resource: { id: string } } }>(UPDATE, {
        input: { id, description: value },
      });
      if (r.data?.updateResource && !r.errors?.length) log.ack(id, value);
      else {
        log.refused++;
        await sleep(50);
      }
    } catch {
      log.refused++;
      await sleep(50);
    }
  }
}

/** Processes whose command line names the drill's data folder: embedded PostgreSQL (and its children), Meilisearch. */
function processesOf(dataDir: string): { pid: number; cmd: string }[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({ pid: Number(entry), cmd: (commandLine(Number(entry)) ?? []).join(" ") }))
    .filter((p) => p.cmd.includes(dataDir));
}

function ancestors(pid: number): number[] {
  const chain: number[] = [];
  for (let current = parentOf(pid); chain.length < 64 && current !== null && current > 1; current = parentOf(current))
    chain.push(current);
  return chain;
}

function meiliPid(dataDir: string): number | undefined {
  return processesOf(dataDir).find((p) => /meilisearch/.test(p.cmd) && !/postgres/.test(p.cmd))?.pid;
}

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, "data", "postgres", "pgdata", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await predicate()) return true;
    await sleep(100);
  }
  return false;
}

export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const dataDir = path.resolve(options.dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const ports = { http: await freePort(), pg: await freePort(), meili: await freePort() };
  const app = new Tsunagu(dataDir, ports);
  const writes = new WriteLog();
  const results: ScenarioResult[] = [];
  let orphans = 0;
  try {
    log(`starting tsunagu (data in ${dataDir}, http ${ports.http})`);
    app.start();
    if (!(await waitFor(async () => allUp(await health(app.baseUrl)), 300_000)))
      throw new Error(`tsunagu did not start; see ${dataDir}/app-1.log`);
    const client = new Client(app.baseUrl);
    await client.signIn();
    const list = await client.gql<{ resources: { edges: { node: { id: string } }[] } }>(
      "{ resources(first: 100) { edges { node { id } } } }",
    );
    const ids = list.data?.resources.edges.map((e) => e.node.id) ?? [];
    if (ids.length < options.writers) throw new Error(`the demo city has too few listings: ${JSON.stringify(list)}`);
    const share = (w: number) => ids.filter((_, i) => i % options.writers === w);

    for (const scenario of options.scenarios ?? (["meili_kill", "pg_kill", "app_kill"] as const)) {
      let stopped = false;
      const before = { acknowledged: writes.acknowledged, refused: writes.refused };
      const loops = Array.from({ length: options.writers }, (_, w) =>
        writeLoop(client, share(w), `${scenario} ${w}`, writes, () => stopped),
      );
      await sleep(options.writeMs);
      let appRestarted = false;
      const killed =
        scenario === "meili_kill" ? meiliPid(dataDir) : scenario === "pg_kill" ? postmasterPid(dataDir) : app.pid;
      if (!killed) throw new Error(`${scenario}: no process to kill`);
      const killedAt = Date.now();
      process.kill(killed, "SIGKILL");
      log(`${scenario}: killed`);
      // As systemd with Restart=on-failure would: start tsunagu again when it has failed (a non-zero status or a
      // signal); a clean exit (status 0) is left alone, and the scenario then fails. Recovered means: the killed
      // process replaced by a new one, and /healthz saying every part is up.
      let exitedCleanly = false;
      const replaced = () => {
        if (scenario === "meili_kill") return (meiliPid(dataDir) ?? killed) !== killed;
        if (scenario === "pg_kill") return (postmasterPid(dataDir) ?? killed) !== killed;
        return app.pid !== undefined && app.pid !== killed;
      };
      const recovered =
        (await waitFor(async () => {
          if (exitedCleanly) return true; // stop waiting: nothing will bring it back
          if (app.pid === undefined) {
            const { code, signal } = await app.exited;
            if (code === 0) {
              log(`${scenario}: tsunagu exited with status 0: a supervisor would not restart it`);
              exitedCleanly = true;
              return true;
            }
            log(`${scenario}: tsunagu exited (${signal ?? `status ${code}`}); starting it again`);
            appRestarted = true;
            app.start();
            return false;
          }
          return replaced() && allUp(await health(app.baseUrl));
        }, RECOVERY_TIMEOUT_MS)) && !exitedCleanly;
      const recoveredInMs = recovered ? Date.now() - killedAt : null;
      if (appRestarted) await client.signIn().catch(() => undefined);
      await sleep(options.writeMs);
      stopped = true;
      await Promise.all(loops);
      log(
        `${scenario}: ${recovered ? `recovered in ${recoveredInMs} ms` : "did not recover"}; writes acknowledged ` +
          `${writes.acknowledged - before.acknowledged}, refused or unanswered ${writes.refused - before.refused}`,
      );
      results.push({
        scenario,
        recoveredInMs,
        appRestarted,
        writesAcknowledged: writes.acknowledged - before.acknowledged,
        writesRefused: writes.refused - before.refused,
      });
      if (scenario === "app_kill" && app.pid !== undefined) {
        const ours = app.pid;
        orphans = processesOf(dataDir).filter((p) => !ancestors(p.pid).includes(ours)).length;
      }
    }

    const checks = await verify(dataDir, ports.pg, ports.meili, writes);
    const fallbackRecall = await recallOfFallback(dataDir, ports.pg, ports.meili);
    return summarise(results, checks.lostWrites, checks.staleIndex, orphans, fallbackRecall);
  } finally {
    await app.stop();
  }
}

/** Every acknowledged write is in PostgreSQL (or a later one sent after it), and the index holds what PostgreSQL holds. */
async function verify(dataDir: string, pgPort: number, meiliPort: number, writes: WriteLog) {
  const db = new pg.Client({ connectionString: `${embeddedServerUrl(pgPort)}/${APP_DATABASE}` });
  await db.connect();
  try {
    const ids = [...writes.acked.keys()];
    const rows = (
      await db.query<{ id: string; description: string }>("SELECT id, description FROM resource WHERE id = ANY($1)", [
        ids,
      ])
    ).rows;
    const stored = new Map(rows.map((r) => [r.id, r.description]));
    let lostWrites = 0;
    for (const [id, value] of writes.acked) {
      const now = stored.get(id);
      if (now !== value && !(writes.pending.get(id) ?? []).includes(now ?? "")) lostWrites++;
    }
    // The index catches up through the outbox: wait until it is empty (or give up after a while).
    await waitFor(async () => {
      const [{ n }] = (
        await db.query<{ n: number }>("SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL")
      ).rows;
      return n === 0;
    }, 60_000);
    const key = readFileSync(path.join(dataDir, "data", "meilisearch", "master-key"), "utf8").trim();
    const meili = new Meilisearch({ host: `http://127.0.0.1:${meiliPort}`, apiKey: key });
    await waitFor(async () => {
      const tasks = await meili.tasks.getTasks({ statuses: ["enqueued", "processing"], limit: 1 });
      return tasks.results.length === 0;
    }, 60_000);
    const docs = await meili
      .index(INDEX_UID)
      .getDocuments<{ id: string; description: string }>({ limit: 1_000, fields: ["id", "description"] });
    const indexed = new Map(docs.results.map((d) => [String(d.id), String(d.description ?? "")]));
    let staleIndex = 0;
    for (const [id, description] of stored) if (indexed.get(id) !== normalizeSearchText(description)) staleIndex++;
    return { lostWrites, staleIndex };
  } finally {
    await db.end();
  }
}

/**
 * What the PostgreSQL fallback finds of what Meilisearch finds, on search/fallback-recall.ts's queries, against the
 * drill's tsunagu (both engines up, the same request sent to each).
 */
async function recallOfFallback(dataDir: string, pgPort: number, meiliPort: number): Promise<number> {
  const db = createDataSource(`${embeddedServerUrl(pgPort)}/${APP_DATABASE}`);
  await db.initialize();
  try {
    const key = readFileSync(path.join(dataDir, "data", "meilisearch", "master-key"), "utf8").trim();
    const index = new ResourceSearchIndex({ url: `http://127.0.0.1:${meiliPort}`, key, prefix: INDEX_PREFIX });
    const search = new SearchService(db, index, new SearchHealth(createLogger("silent")));
    const recall = await measureFallbackRecall(search);
    log(formatFallbackRecall(recall));
    return recall.mean;
  } finally {
    await db.destroy();
  }
}

function summarise(
  scenarios: ScenarioResult[],
  lostWrites: number,
  staleIndex: number,
  orphans: number,
  fallbackRecall: number | null,
): DrillResult {
  const parts = scenarios.map(
    (s) => `${s.scenario}=${s.recoveredInMs === null ? "failed" : `recovered_in_ms:${s.recoveredInMs}`}`,
  );
  const ok =
    scenarios.every((s) => s.recoveredInMs !== null) &&
    lostWrites === 0 &&
    staleIndex === 0 &&
    orphans === 0 &&
    (fallbackRecall === null || fallbackRecall >= 0.8);
  const line = [
    "drill:",
    ...parts,
    `lost_writes=${lostWrites}`,
    `stale_index=${staleIndex}`,
    `orphans=${orphans}`,
    `fallback_recall=${fallbackRecall === null ? "n/a" : fallbackRecall.toFixed(2)}`,
  ].join(" ");
  return { scenarios, lostWrites, staleIndex, orphans, fallbackRecall, ok, line };
}
