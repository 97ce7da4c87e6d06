import fc from "fast-check";
import type { DataSource } from "typeorm";
import type { App } from "../../app.js";
import { getSchema } from "../../schema.js";
import type { Role } from "../access-matrix.js";
import { RowCounter, diffCounts, type RowCounts } from "../row-counts.js";
import { ID_TABLES, IdRef, VersionRef, type Mode } from "./input-arbitraries.js";
import { SEARCH_WEIGHT, fuzzTargets, type FuzzTarget } from "./fuzz-targets.js";

/** Every answer must be one of these error codes, or a success. */
export const EXPECTED_CODES = new Set(["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

export interface FuzzWorld {
  app: App;
  db: DataSource;
  /** A signed-in user per role (ANONYMOUS has none); sessions are renewed when a case signs one out. */
  users: Record<Exclude<Role, "ANONYMOUS">, string>;
  /** The HOST user's organization. */
  hostOrganizationId: string | null;
  /** The server-side error logged for a request id (the message and the top of the stack). */
  serverErrorFor(requestId: string): string | undefined;
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Progress, every `progressEvery` cases. */
  onProgress?: (done: number, stats: FuzzStats) => void;
  progressEvery?: number;
  /** How many failures are kept with their details (all are counted). */
  keepFailures?: number;
  /** Only these fields (default: every mutation and every query that takes arguments). */
  only?: string[];
}

export interface FuzzFailure {
  index: number;
  kind: "internal_error" | "partial_write" | "validation_failed";
  target: string;
  role: Role;
  mode: Mode;
  codes: string[];
  requestId?: string;
  serverError?: string;
  changed?: string[];
  document: string;
  variables: string;
}

export interface FuzzStats {
  cases: number;
  internalErrors: number;
  partialWrites: number;
  validationFailed: number;
  /** Answers by outcome: `success`, or the first error code. */
  answers: Record<string, number>;
  /** Cases, successes and time spent (ms) per target (field name). */
  targets: Record<string, { cases: number; success: number; ms: number }>;
  failures: FuzzFailure[];
}

interface FuzzCase {
  target: FuzzTarget;
  role: Role;
  mode: Mode;
  variables: Record<string, unknown>;
}

/** Admin and coordinator may call most mutations, so they get more cases; the others mostly meet refusals. */
const ROLE_WEIGHTS: [Role, number][] = [
  ["ADMIN", 3],
  ["COORDINATOR", 3],
  ["HOST", 2],
  ["VIEWER", 1],
  ["ANONYMOUS", 1],
];
/** Plausible cases reach the services' rules and the database; edgy and dirty ones probe validation and coercion. */
const MODE_WEIGHTS: [Mode, number][] = [
  ["plausible", 4],
  ["edgy", 4],
  ["dirty", 2],
];

function caseArbitrary(targets: FuzzTarget[]): fc.Arbitrary<FuzzCase> {
  const role = fc.oneof(...ROLE_WEIGHTS.map(([r, weight]) => ({ weight, arbitrary: fc.constant(r) })));
  const target = fc.oneof(
    ...targets.map((t) => ({ weight: t.field === "searchResources" ? SEARCH_WEIGHT : 1, arbitrary: fc.constant(t) })),
  );
  const mode = fc.oneof(...MODE_WEIGHTS.map(([m, weight]) => ({ weight, arbitrary: fc.constant(m) })));
  return fc
    .record({ target, role, mode })
    .chain(({ target: t, role: r, mode: m }) =>
      t.variables[m].map((variables) => ({ target: t, role: r, mode: m, variables })),
    );
}

/** Tables a HOST user's own rows can be told apart in, by organization. */
const HOST_SCOPED: Record<string, string> = {
  resource: "organization_id",
  match: "organization_id",
  organization: "id",
};

/**
 * Ids of each table, re-read every so often: the fuzzer itself creates and deletes rows. A HOST user gets its own
 * organization's rows half of the time, or it would almost never get past NOT_FOUND / FORBIDDEN.
 */
class IdPools {
  private pools = new Map<string, string[]>();
  private hostPools = new Map<string, string[]>();

  constructor(
    private readonly db: DataSource,
    private readonly hostOrganizationId: string | null,
  ) {}

  async refresh(): Promise<void> {
    for (const table of ID_TABLES) {
      const rows: { id: string }[] = await this.db.query(`SELECT id FROM "${table}" ORDER BY id LIMIT 2000`);
      this.pools.set(
        table,
        rows.map((r) => r.id),
      );
    }
    for (const [table, column] of Object.entries(HOST_SCOPED)) {
      const rows: { id: string }[] = await this.db.query(`SELECT id FROM "${table}" WHERE ${column} = $1 ORDER BY id`, [
        this.hostOrganizationId,
      ]);
      this.hostPools.set(
        table,
        rows.map((r) => r.id),
      );
    }
  }

  pick(ref: IdRef, role: Role): string {
    const own = role === "HOST" && ref.table && ref.index % 2 === 0 ? this.hostPools.get(ref.table) : undefined;
    const pool = own?.length ? own : ref.table ? (this.pools.get(ref.table) ?? []) : [...this.pools.values()].flat();
    return pool.length ? pool[Math.floor(ref.index / 2) % pool.length] : "00000000-0000-4000-8000-000000000000";
  }
}

/** Replaces IdRef and VersionRef by real values, then round-trips through JSON as an HTTP client would send it. */
async function resolve(value: unknown, pools: IdPools, db: DataSource, role: Role): Promise<unknown> {
  if (value instanceof IdRef) return pools.pick(value, role);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolve(v, pools, db, role)));
  if (value === null || typeof value !== "object" || value instanceof VersionRef) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await resolve(v, pools, db, role);
  for (const [k, v] of Object.entries(out)) {
    if (!(v instanceof VersionRef)) continue;
    const id = out[v.idField];
    const rows: { version: number }[] =
      typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)
        ? await db.query(`SELECT version FROM "${v.table}" WHERE id = $1`, [id]).catch(() => [])
        : [];
    out[k] = rows[0]?.version ?? 1;
  }
  return out;
}

const truncate = (s: string, n = 1500) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/**
 * Runs `cases` generated operations, one after the other, each as one of the five kinds of caller, and checks every
 * answer: only expected error codes or success, and for a refused or failed operation, no table changed its count.
 */
export async function runFuzz(world: FuzzWorld, options: FuzzOptions): Promise<FuzzStats> {
  const targets = fuzzTargets(await getSchema()).filter((t) => !options.only?.length || options.only.includes(t.field));
  const cases = fc.sample(caseArbitrary(targets), { seed: options.seed, numRuns: options.cases });
  const pools = new IdPools(world.db, world.hostOrganizationId);
  const counter = new RowCounter(world.db);
  const auth = world.app.services.auth;
  const tokens = new Map<Role, string | null>([["ANONYMOUS", null]]);
  const signIn = async (role: Exclude<Role, "ANONYMOUS">) =>
    tokens.set(role, (await auth.createSession(world.users[role])).token);
  for (const role of Object.keys(world.users) as Exclude<Role, "ANONYMOUS">[]) await signIn(role);

  const stats: FuzzStats = {
    cases: 0,
    internalErrors: 0,
    partialWrites: 0,
    validationFailed: 0,
    answers: {},
    targets: Object.fromEntries(targets.map((t) => [t.field, { cases: 0, success: 0, ms: 0 }])),
    failures: [],
  };
  const keep = options.keepFailures ?? 10;
  let before: RowCounts = await counter.counts();

  for (const [index, c] of cases.entries()) {
    if (index % 100 === 0) await pools.refresh();
    const startedAt = performance.now();
    const variables = JSON.parse(JSON.stringify(await resolve(c.variables, pools, world.db, c.role))) as Record<
      string,
      unknown
    >;
    const res = await world.app.execute({ query: c.target.document, variables }, tokens.get(c.role) ?? null);
    const after = await counter.counts();
    const errors = res.errors ?? [];
    const codes = errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : "NO_CODE"));
    const failed = res.data?.[c.target.field] == null && errors.length > 0;

    stats.cases++;
    stats.targets[c.target.field].cases++;
    stats.targets[c.target.field].ms += performance.now() - startedAt;
    const outcome = codes[0] ?? "success";
    stats.answers[outcome] = (stats.answers[outcome] ?? 0) + 1;
    if (!failed) stats.targets[c.target.field].success++;

    const record = (kind: FuzzFailure["kind"], extra: Partial<FuzzFailure> = {}) => {
      if (stats.failures.length >= keep) return;
      const requestId = errors.map((e) => e.extensions?.requestId).find((id): id is string => typeof id === "string");
      stats.failures.push({
        index,
        kind,
        target: c.target.field,
        role: c.role,
        mode: c.mode,
        codes,
        requestId,
        serverError: requestId ? world.serverErrorFor(requestId) : undefined,
        document: c.target.document,
        variables: truncate(JSON.stringify(variables)),
        ...extra,
      });
    };
    if (codes.includes("GRAPHQL_VALIDATION_FAILED")) {
      stats.validationFailed++;
      record("validation_failed");
    } else if (codes.some((code) => !EXPECTED_CODES.has(code))) {
      stats.internalErrors++;
      record("internal_error");
    }
    if (failed) {
      const changed = diffCounts(before, after);
      if (changed.length) {
        stats.partialWrites++;
        record("partial_write", { changed });
      }
    } else if (c.role !== "ANONYMOUS" && !(await auth.viewerForToken(tokens.get(c.role) ?? null))) {
      // The case signed this role out (logout); the next cases need it signed in again.
      await signIn(c.role);
    }
    before = after;
    if (options.onProgress && (index + 1) % (options.progressEvery ?? 1000) === 0) options.onProgress(index + 1, stats);
  }
  return stats;
}

export function describeFailure(f: FuzzFailure): string {
  return [
    `#${f.index} ${f.kind} ${f.target} as ${f.role} (${f.mode}): codes=${JSON.stringify(f.codes)}${f.requestId ? ` requestId=${f.requestId}` : ""}`,
    ...(f.changed ? [`  changed: ${f.changed.join(", ")}`] : []),
    ...(f.serverError ? [`  server: ${f.serverError}`] : []),
    `  operation: ${f.document}`,
    `  variables: ${f.variables}`,
  ].join("\n");
}

/** The one line `npm run fuzz` is judged by. */
export const summaryLine = (s: FuzzStats) =>
  `fuzz: cases=${s.cases} internal_errors=${s.internalErrors} partial_writes=${s.partialWrites}`;

export const detailLine = (s: FuzzStats, seed: number) =>
  `fuzz: seed=${seed} validation_failed=${s.validationFailed} answers=${JSON.stringify(Object.fromEntries(Object.entries(s.answers).sort(([, a], [, b]) => b - a)))}`;
