import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/session-cookie.js";
import { UserRole } from "../core/roles.js";
import { createTestApp, type Gql, type TestApp } from "../test/harness.js";

/*
 * The real municipal files (`<repo>/../shared/fixtures/municipal`, README there), imported as a coordinator would:
 * the upload route, the preview, importResources, then the directory's search. The reader's own test
 * (read/read-fixtures.unit.test.ts) pins each file's repairs rule by rule; this one checks that what it reads lands.
 */
const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/municipal");

let t: TestApp;
let base: string;
let coordinator: Gql;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  base = `http://127.0.0.1:${await t.app.listen(0, "127.0.0.1")}`;
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  cookie = `${SESSION_COOKIE}=${(await t.app.services.auth.createSession(user.id)).token}`;
  coordinator = await t.asViewer(user);
});
afterAll(() => t.close());

const PREVIEW = /* GraphQL */ `
  query ($id: ID!, $options: ImportOptionsInput) {
    catalogImport(id: $id) {
      preview(options: $options) {
        layout
        counts {
          total
          create
          rejected
          duplicate
          repairs
        }
      }
    }
  }
`;
const IMPORT = /* GraphQL */ `
  mutation ($input: ImportResourcesInput!) {
    importResources(input: $input) {
      catalogImport {
        id
      }
    }
  }
`;
const RESULT = /* GraphQL */ `
  query ($id: ID!) {
    catalogImport(id: $id) {
      state
      result {
        created
      }
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query ($text: String!) {
    searchResources(input: { text: $text }, first: 5) {
      edges {
        node {
          name
          source {
            publisher
            dataset
            licence
          }
        }
      }
    }
  }
`;

async function importFixture(fileName: string, source: { publisher: string; dataset: string }) {
  const res = await fetch(`${base}/api/catalog-imports`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(fileName), cookie },
    body: readFileSync(path.join(FIXTURES, fileName)),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const options = { ...source, licence: "CC BY 4.0" };
  const preview = await coordinator(PREVIEW, { id, options });
  expect(preview.errors).toBeUndefined();
  const started = await coordinator(IMPORT, { input: { importId: id, ...options } });
  expect(started.errors).toBeUndefined();
  await t.app.services.catalogImports.waitFor(id);
  const done = await coordinator(RESULT, { id });
  return { preview: preview.data!.catalogImport.preview, done: done.data!.catalogImport };
}

const found = async (text: string) =>
  ((await t.anonymous(SEARCH, { text })).data!.searchResources.edges as { node: { name: string } }[]).map(
    (e) => e.node,
  );

describe("the municipal fixtures import and are found in the directory", () => {
  it("tokyo-kodomo-shokudo.csv (UTF-8 with BOM): every readable row is created, the add-on rows reported as duplicates", async () => {
    // The file's own provenance columns (_自治体名, _データセット名, _ライセンス) name each row's source.
    const { preview, done } = await importFixture("tokyo-kodomo-shokudo.csv", {
      publisher: "東京都",
      dataset: "子ども食堂一覧",
    });
    expect(preview.layout).toBe("KODOMO_SHOKUDO");
    expect(preview.counts.total).toBe(798);
    // 8 rows are a city's add-on file repeating its main file's rows (the kept row says so); one row holds nothing
    // but the provenance columns.
    expect(preview.counts).toMatchObject({ create: 789, duplicate: 8, rejected: 1, repairs: 215 });
    expect(done).toEqual({ state: "DONE", result: { created: preview.counts.create } });
    await t.indexNow();
    expect(await found("緑ヶ丘こどもフリースペースごりら")).toContainEqual(
      expect.objectContaining({
        name: "緑ヶ丘こどもフリースペースごりら",
        source: expect.objectContaining({ publisher: "調布市" }),
      }),
    );
  });

  it("takamatsu-community-center.xlsx and takamatsu-elderly-welfare-center.xlsx: 高松市's English headers", async () => {
    const centres = await importFixture("takamatsu-community-center.xlsx", {
      publisher: "高松市",
      dataset: "コミュニティセンター",
    });
    expect(centres.preview).toMatchObject({
      layout: "TAKAMATSU_ENGLISH",
      counts: { total: 52, create: 52, rejected: 0 },
    });
    expect(centres.done).toEqual({ state: "DONE", result: { created: 52 } });
    const elderly = await importFixture("takamatsu-elderly-welfare-center.xlsx", {
      publisher: "高松市",
      dataset: "老人福祉センター等",
    });
    expect(elderly.preview).toMatchObject({
      layout: "TAKAMATSU_ENGLISH",
      counts: { total: 2, create: 2, rejected: 0 },
    });
    expect(elderly.done).toEqual({ state: "DONE", result: { created: 2 } });
    await t.indexNow();
    expect(await found("川岡コミュニティセンター")).toContainEqual({
      name: "高松市川岡コミュニティセンター",
      source: { publisher: "高松市", dataset: "コミュニティセンター", licence: "CC BY 4.0" },
    });
    expect(await found("ふれあい福祉センター勝賀")).toContainEqual({
      name: "高松市ふれあい福祉センター勝賀",
      source: { publisher: "高松市", dataset: "老人福祉センター等", licence: "CC BY 4.0" },
    });
  });
});
