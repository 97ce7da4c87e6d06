import { Meilisearch, type Index } from "meilisearch";
import type { ResourceDocument } from "./resource-document.js";
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

  constructor(
    readonly config: MeiliConfig,
    options: { timeoutMs?: number } = {},
  ) {
    this.client = new Meilisearch({
      host: config.url,
      apiKey: config.key,
      timeout: options.timeoutMs ?? 2_000,
      // fetch asks for compressed responses; Meilisearch then streams any answer over ~1 KB compressed, and each
      // such answer stalled ~44 ms on loopback (bench:search: GraphQL p95 84 → 30 ms without it). The engine sits
      // next to the app, so bytes are cheap and latency is not.
      requestInit: { headers: { "accept-encoding": "identity" } },
    });
    this.uid = `${config.prefix}resources`;
  }

  index(uid = this.uid): Index<ResourceDocument> {
    return this.client.index<ResourceDocument>(uid);
  }

  /** Creates the index if missing and applies the settings in code. Idempotent; run at boot. */
  async ensure(uid = this.uid): Promise<void> {
    if (!(await this.exists(uid))) await this.wait(this.client.createIndex(uid, { primaryKey: "id" }));
    await this.wait(this.index(uid).updateSettings(RESOURCE_INDEX_SETTINGS));
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
    if (docs.length) await this.wait(this.index(uid).addDocuments(docs, { primaryKey: "id" }));
  }

  async remove(ids: string[], uid = this.uid): Promise<void> {
    if (ids.length) await this.wait(this.index(uid).deleteDocuments(ids));
  }

  async documentCount(uid = this.uid): Promise<number> {
    return (await this.index(uid).getStats()).numberOfDocuments;
  }

  /** Waits for an enqueued task and turns a failed task into an error (the client resolves those). */
  async wait(enqueued: {
    waitTask: (o?: {
      timeout?: number;
      interval?: number;
    }) => Promise<{ status: string; error?: { message?: string } | null }>;
  }): Promise<void> {
    const task = await enqueued.waitTask({ timeout: 120_000, interval: 25 });
    if (task.status !== "succeeded")
      throw new SearchTaskError(`Meilisearch task ${task.status}: ${task.error?.message ?? "no detail"}`);
  }
}
