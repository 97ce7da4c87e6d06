import http from "node:http";
import https from "node:https";
import { Meilisearch, MeilisearchApiError, type Config as MeiliClientConfig, type Index } from "meilisearch";
import { jsonArray } from "../core/sql.js";
import { DOCUMENT_FIELDS, type ResourceDocument } from "./resource-document.js";
import { RESOURCE_INDEX_SETTINGS } from "./search.settings.js";

export interface MeiliConfig {
  url: string;
  key?: string;
  /** Prefix of every index uid: lets tests and several deployments share one server. */
  prefix: string;
}

/** Thrown when a Meilisearch task ends in "failed": waitTask resolves rather than throws in that case. */
export class SearchTaskError extends Error {}

/**
 * The `resources` index and its settings. Requests time out quickly: an unreachable engine must turn into the
 * PostgreSQL fallback within a second or two, not hang a coordinator's screen.
 */
export class ResourceSearchIndex {
  readonly client: Meilisearch;
  readonly uid: string;
  private readonly timeoutMs: number;

  constructor(
    readonly config: MeiliConfig,
    options: { timeoutMs?: number } = {},
  ) {
    const settings: MeiliClientConfig = {
      host: config.url,
      apiKey: config.key,
      timeout: options.timeoutMs ?? 2_000,
      // fetch asks for compressed responses; Meilisearch then streams any answer over ~1 KB compressed, and each
      // such answer stalled ~44 ms on loopback (bench:search: GraphQL p95 84 → 30 ms without it). The engine sits
      // next to the app, so bytes are cheap and latency is not.
      requestInit: { headers: { "accept-encoding": "identity" } },
    };
    this.timeoutMs = settings.timeout!;
    this.client = new Meilisearch(settings);
    this.searchClient = new Meilisearch({ ...settings, httpClient: keepAliveClient(new URL(config.url)) });
    this.uid = `${config.prefix}resources`;
  }

  /**
   * The same engine through node:http on keep-alive connections instead of fetch, for the searches of every request
   * (fetch's streams cost several times the request itself in CPU: bench:load). Its errors differ in shape from
   * `client`'s (the client wraps whatever a custom HTTP client throws), so code that inspects an error's cause, such
   * as `exists`, uses `client`; for a search, any error means the PostgreSQL fallback.
   */
  readonly searchClient: Meilisearch;

  index(uid = this.uid): Index<ResourceDocument> {
    return this.client.index<ResourceDocument>(uid);
  }

  /** Creates the index if missing and applies the settings in code. Idempotent; run at boot. */
  async ensure(uid = this.uid): Promise<void> {
    if (!(await this.exists(uid))) await this.wait(this.client.createIndex(uid, { primaryKey: "id" }));
    await this.wait(this.index(uid).updateSettings(RESOURCE_INDEX_SETTINGS));
  }

  /**
   * Whether the documents in the index have the shape the code makes (DOCUMENT_FIELDS): false after an upgrade that
   * added, renamed or removed a field, until every listing is indexed again. Meilisearch's field distribution names
   * every field some document has.
   */
  async holdsCurrentShape(uid = this.uid): Promise<boolean> {
    const distribution = (await this.index(uid).getStats()).fieldDistribution;
    const held = new Set(Object.keys(distribution).filter((field) => distribution[field] > 0));
    return held.size === DOCUMENT_FIELDS.length && DOCUMENT_FIELDS.every((f) => held.has(f));
  }

  async exists(uid = this.uid): Promise<boolean> {
    try {
      await this.client.getIndex(uid);
      return true;
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code === "index_not_found") return false;
      throw err;
    }
  }

  async upsert(docs: ResourceDocument[], uid = this.uid): Promise<void> {
    await this.waitTask(await this.sendDocuments(docs, uid));
  }

  async remove(ids: string[], uid = this.uid): Promise<void> {
    await this.waitTask(await this.sendRemoval(ids, uid));
  }

  /**
   * Enqueues an upsert of these documents and returns its task (undefined for none): Meilisearch has accepted them,
   * and applies its tasks in the order it accepted them. `waitTask` tells when this one is applied.
   */
  async sendDocuments(docs: ResourceDocument[], uid = this.uid): Promise<number | undefined> {
    if (!docs.length) return undefined;
    return (await this.index(uid).addDocuments(docs, { primaryKey: "id" })).taskUid;
  }

  /**
   * sendDocuments for documents already in JSON (UTF-8), as the relay has those the catalog import handed over
   * (document-handover.ts): the body is their concatenation, sent as it is rather than parsed and written again.
   */
  async sendJson(documents: Buffer[], uid = this.uid): Promise<number | undefined> {
    if (!documents.length) return undefined;
    const url = new URL(`indexes/${encodeURIComponent(uid)}/documents?primaryKey=id`, withSlash(this.config.url));
    const { status, body } = await post(url, jsonArray(documents), {
      headers: {
        "content-type": "application/json",
        ...(this.config.key ? { authorization: `Bearer ${this.config.key}` } : {}),
      },
      timeoutMs: this.timeoutMs,
    });
    let answer: { taskUid?: number; message?: string } = {};
    try {
      answer = JSON.parse(body);
    } catch {
      /* not JSON: said below with the status */
    }
    if (status < 200 || status >= 300 || answer.taskUid === undefined)
      throw new SearchTaskError(`Meilisearch refused the documents (${status}): ${answer.message ?? ""}`);
    return answer.taskUid;
  }

  /** Enqueues the removal of these documents, as sendDocuments does an upsert. */
  async sendRemoval(ids: string[], uid = this.uid): Promise<number | undefined> {
    if (!ids.length) return undefined;
    return (await this.index(uid).deleteDocuments(ids)).taskUid;
  }

  async documentCount(uid = this.uid): Promise<number> {
    return (await this.index(uid).getStats()).numberOfDocuments;
  }

  /**
   * Waits for an enqueued task and turns a failed task into an error (the client resolves those). Polls often at
   * first (a listing's edit is indexed in tens of milliseconds) and then less and less often, up to every 400 ms: an
   * import's batch of thousands takes seconds, and polling it every 25 ms cost both processes CPU the indexing needs.
   */
  async wait(enqueued: PromiseLike<{ taskUid: number }>, timeoutMs = 120_000): Promise<void> {
    await this.waitTask((await enqueued).taskUid, timeoutMs);
  }

  /** wait, for a task already enqueued (nothing to wait for when undefined). */
  async waitTask(taskUid: number | undefined, timeoutMs = 120_000): Promise<void> {
    if (taskUid === undefined) return;
    const deadline = Date.now() + timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 400)) {
      const task = await this.client.tasks.getTask(taskUid);
      if (task.status === "succeeded") return;
      if (task.status === "failed" || task.status === "canceled")
        throw new SearchTaskError(`Meilisearch task ${task.status}: ${task.error?.message ?? "no detail"}`);
      if (Date.now() + delay > deadline)
        throw new SearchTaskError(`Meilisearch task ${taskUid} not done after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * A Meilisearch `httpClient` over node:http(s) with a keep-alive agent: sends the client's request as built (method,
 * headers, JSON body) and resolves to the parsed JSON answer. A non-2xx answer rejects with MeilisearchApiError as the
 * fetch path does; the client's timeout aborts `init.signal`, and the rejection is then the signal's reason, as with
 * fetch, so the client still reports MeilisearchRequestTimeOutError.
 */
function keepAliveClient(base: URL) {
  const transport = base.protocol === "https:" ? https : http;
  const agent = new transport.Agent({ keepAlive: true });
  return (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const url = input instanceof Request ? input.url : input;
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      const body = typeof init.body === "string" ? init.body : undefined;
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const onAbort = () => {
        req.destroy();
        reject(signal!.reason);
      };
      const req = transport.request(url, { method: init.method ?? "GET", headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          signal?.removeEventListener("abort", onAbort);
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown;
          try {
            parsed = text === "" ? undefined : JSON.parse(text);
          } catch (err) {
            return reject(err);
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(parsed);
          else
            reject(
              new MeilisearchApiError(
                new Response(null, { status, statusText: res.statusMessage ?? "" }),
                parsed as never,
              ),
            );
        });
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (err) => {
        signal?.removeEventListener("abort", onAbort);
        reject(err);
      });
      req.end(body);
    });
}

/**
 * A POST of `body` as it is, over node:http(s) on a connection of its own, resolving to the answer's status and text.
 * fetch would copy a Buffer body twice more before sending it, and a batch of the catalog import is some 14 MB.
 */
function post(
  url: URL,
  body: Buffer,
  options: { headers: Record<string, string>; timeoutMs: number },
): Promise<{ status: number; body: string }> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(body.length) },
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
