import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { freePort } from "../test/free-port.js";

const SEARCH = /* GraphQL */ `
  query ($input: SearchResourcesInput, $first: Int, $after: String) {
    searchResources(input: $input, first: $first, after: $after) {
      totalCount
      degraded
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          name
        }
      }
    }
  }
`;
const VERIFY = `mutation($id: ID!) { verifyResource(input: { id: $id }) { resource { id } } }`;
const LIST = `query($organizationId: ID, $after: String) { resources(first: 2, organizationId: $organizationId, after: $after) { pageInfo { endCursor } edges { node { name } } } }`;

interface Engine {
  t: TestApp;
  admin: Gql;
  orgId: string;
  ids: Record<string, string>;
  degraded: boolean;
}
const engines: Record<string, Engine> = {};

/** Six listings of one host, verified A (most recently) … F (longest ago). */
async function seed(t: TestApp, degraded: boolean): Promise<Engine> {
  const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  const org = await t.factories.organization();
  const ids: Record<string, string> = {};
  const day = 86_400_000;
  for (const [i, key] of ["A", "B", "C", "D", "E", "F"].entries()) {
    const r = await t.factories.resource({
      organizationId: org.id,
      name: `ページ送り試験 ${key}`,
      nameKana: `ページオクリシケン ${key}`,
      verifiedAt: new Date(Date.now() - (i + 1) * day),
    });
    ids[key] = r.id;
  }
  if (!degraded) await t.indexNow();
  return { t, admin, orgId: org.id, ids, degraded };
}

beforeAll(async () => {
  engines.Meilisearch = await seed(await createTestApp(), false);
  // A Meilisearch that is not there: every search is answered by the PostgreSQL fallback.
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  engines.PostgreSQL = await seed(await createTestApp({ meili: { url: nowhere, key: "none" } }), true);
});
afterAll(async () => {
  for (const e of Object.values(engines)) await e.t.close();
});

describe.each(["Meilisearch", "PostgreSQL"])("search cursors in %s", (engine) => {
  const page = async (input: Record<string, unknown>, first: number, after?: string | null) => {
    const { t, degraded } = engines[engine];
    const res = await t.anonymous(SEARCH, { input, first, after });
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchResources.degraded).toBe(degraded);
    return res.data!.searchResources;
  };
  const letters = (r: { edges: { node: { name: string } }[] }) => r.edges.map((e) => e.node.name.slice(-1));

  it("neither repeats nor skips a row when the order changes between pages", async () => {
    const { t, admin, ids, degraded } = engines[engine];
    const input = { text: "ページ送り試験", sort: "RECENTLY_VERIFIED" };
    const first = await page(input, 3);
    expect(letters(first)).toEqual(["A", "B", "C"]);
    expect(first.pageInfo.hasNextPage).toBe(true);

    // F is verified now: it moves from last to first, above everything page 1 showed.
    expect((await admin(VERIFY, { id: ids.F })).errors).toBeUndefined();
    if (!degraded) await t.indexNow();
    expect(letters(await page(input, 6))).toEqual(["F", "A", "B", "C", "D", "E"]);

    const second = await page(input, 3, first.pageInfo.endCursor);
    expect(letters(second)).toEqual(["F", "D", "E"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(6);
    // Resuming from any row: after B, the next rows are C and then the rest not yet shown.
    expect(letters(await page(input, 2, first.edges[1].cursor))).toEqual(["F", "C"]);
  });

  it("accepts a cursor for the same query in another word order or page size, and rejects another query's", async () => {
    const { t } = engines[engine];
    const first = await page({ text: "ページ送り試験 無料" }, 1);
    const after = first.pageInfo.endCursor;
    expect(after).toEqual(expect.any(String));
    // 「無料」 is the free filter whichever way round the words come, so these are the same query.
    expect(
      (await t.anonymous(SEARCH, { input: { text: "無料 ページ送り試験" }, first: 5, after })).errors,
    ).toBeUndefined();
    for (const other of [
      { text: "ページ送り" },
      { text: "ページ送り試験 無料", visitAllowed: true },
      { text: "ページ送り試験" },
    ]) {
      const res = await t.anonymous(SEARCH, { input: other, first: 1, after });
      expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
    }
    for (const forged of ["not-a-cursor", Buffer.from(JSON.stringify(["0"])).toString("base64url")]) {
      const res = await t.anonymous(SEARCH, { input: {}, first: 1, after: forged });
      expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
    }
  });
});

describe("directory cursors", () => {
  it("are bound to the listing's filters", async () => {
    const { t, orgId } = engines.PostgreSQL;
    const other = await t.factories.organization();
    const first = await t.anonymous(LIST, { organizationId: orgId });
    const after = first.data!.resources.pageInfo.endCursor;
    const next = await t.anonymous(LIST, { organizationId: orgId, after });
    expect(next.data!.resources.edges.map((e: { node: { name: string } }) => e.node.name.slice(-1))).toEqual([
      "C",
      "D",
    ]);
    const res = await t.anonymous(LIST, { organizationId: other.id, after });
    expect(res.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
  });
});
