import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { createLogger } from "../core/logger.js";
import { startEmbeddedMeilisearch, type EmbeddedMeiliHandle } from "../runtime/embedded-meilisearch.js";
import { Resource } from "../resources/resource.entity.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { freePort } from "../test/free-port.js";

/** This file runs its own Meilisearch, so that stopping it does not disturb the other test files. */
let dir: string;
let port: number;
let meili: EmbeddedMeiliHandle;
let t: TestApp;
let coordinator: Gql;
const logger = createLogger("silent");

const SEARCH = `query($input: SearchResourcesInput) { searchResources(input: $input, first: 50) { totalCount degraded edges { node { id name } } facets { kinds { value count } } } }`;
const STATUS = `{ searchStatus { pending degraded lastError } }`;

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-outage-"));
  chmodSync(dir, 0o755);
  port = await freePort();
  meili = await startEmbeddedMeilisearch(dir, port, logger);
  t = await createTestApp({
    meili: { url: meili.url, key: meili.masterKey },
    relay: { pollMs: 100, maxBackoffSeconds: 1 },
  });
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  const org = await t.factories.organization();
  for (let i = 0; i < 5; i++) {
    await t.factories.resource({
      organizationId: org.id,
      name: `みどり体操クラブ ${i}`,
      nameKana: `ミドリタイソウクラブ`,
      description: "ラジオ体操とストレッチ",
    });
  }
  await t.app.searchIndex.ensure();
  await t.app.jobs.searchRelay.start();
});
afterAll(async () => {
  await t.close();
  await meili.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("when Meilisearch goes away", () => {
  it("answers from PostgreSQL (degraded), keeps accepting writes, and catches up by itself when it is back", async () => {
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    await waitFor(
      () => admin(STATUS),
      (r) => r.data?.searchStatus.pending === 0,
    );
    const healthy = await t.anonymous(SEARCH, { input: { text: "体操" } });
    expect(healthy.data!.searchResources).toMatchObject({ totalCount: 5, degraded: false });

    await meili.stop();

    const degraded = await t.anonymous(SEARCH, { input: { text: "体操" } });
    expect(degraded.errors).toBeUndefined();
    expect(degraded.data!.searchResources).toMatchObject({ totalCount: 5, degraded: true });
    expect(degraded.data!.searchResources.facets.kinds).toEqual([{ value: "KAYOI_NO_BA", count: 5 }]);

    const target = degraded.data!.searchResources.edges[0].node.id;
    const update = await coordinator(
      `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
      { input: { id: target, description: "太極拳と茶話会" } },
    );
    expect(update.errors).toBeUndefined();
    const org = await t.factories.organization();
    await t.factories.resource({
      organizationId: org.id,
      name: "停電中に増えた体操の会",
      nameKana: "テイデンチュウニフエタタイソウノカイ",
      description: "体操",
    });

    const during = await waitFor(
      () => admin(STATUS),
      (r) => r.data?.searchStatus.degraded === true && r.data?.searchStatus.pending > 0,
    );
    expect(during.data!.searchStatus).toMatchObject({ degraded: true });
    expect(during.data!.searchStatus.pending).toBeGreaterThanOrEqual(2);
    expect(during.data!.searchStatus.lastError).toBeTruthy();
    expect((await t.anonymous(SEARCH, { input: { text: "太極拳" } })).data!.searchResources).toMatchObject({
      totalCount: 1,
      degraded: true,
    });

    meili = await startEmbeddedMeilisearch(dir, port, logger);

    const after = await waitFor(
      () => admin(STATUS),
      (r) => r.data?.searchStatus.pending === 0 && r.data?.searchStatus.degraded === false,
    );
    expect(after.data!.searchStatus).toMatchObject({ pending: 0, degraded: false });
    expect(await t.app.searchIndex.documentCount()).toBe(await t.db.getRepository(Resource).count());
    const changed = await t.anonymous(SEARCH, { input: { text: "太極拳" } });
    expect(changed.data!.searchResources).toMatchObject({
      totalCount: 1,
      degraded: false,
      edges: [{ node: { id: target } }],
    });
    // Five from before, one added during the outage.
    expect((await t.anonymous(SEARCH, { input: { text: "体操" } })).data!.searchResources).toMatchObject({
      totalCount: 6,
      degraded: false,
    });
  }, 90_000);
});
