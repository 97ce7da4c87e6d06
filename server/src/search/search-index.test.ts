import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ResourceSearchIndex, SearchTaskError } from "./search-index.js";

/** sendJson posts the handed-over documents' JSON as it is (node:http, not fetch): what Meilisearch makes of it. */
const prefix = `send_json_${randomBytes(4).toString("hex")}_`;
const index = new ResourceSearchIndex({ url: inject("meiliUrl"), key: inject("meiliKey"), prefix });

afterAll(async () => {
  await index.client.deleteIndexIfExists(index.uid).catch(() => undefined);
});

describe("ResourceSearchIndex.sendJson", () => {
  it("sends documents given as JSON, which Meilisearch then holds as they were written", async () => {
    await index.ensure();
    const docs = [
      { id: "a1", name: "みどり体操クラブ", kind: "KAYOI_NO_BA" },
      { id: "a2", name: "子ども食堂 ひまわり", kind: "KODOMO_SHOKUDO" },
    ];
    const task = await index.sendJson(docs.map((d) => Buffer.from(JSON.stringify(d))));
    expect(task).toEqual(expect.any(Number));
    await index.waitTask(task);
    const { results } = await index.index().getDocuments({ fields: ["id", "name", "kind"] });
    expect(results.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(docs);
    expect(await index.sendJson([])).toBeUndefined();
  });

  it("turns a body Meilisearch refuses, and a wrong key, into a SearchTaskError that says so", async () => {
    await expect(index.sendJson([Buffer.from('{"id": "b1"')])).rejects.toThrow(
      /Meilisearch refused the documents \(400\): .+/,
    );
    const wrongKey = new ResourceSearchIndex({ url: inject("meiliUrl"), key: "not-the-key-0123456789", prefix });
    await expect(wrongKey.sendJson([Buffer.from('{"id": "b2"}')])).rejects.toThrow(SearchTaskError);
    await expect(wrongKey.sendJson([Buffer.from('{"id": "b2"}')])).rejects.toThrow(/refused the documents \(403\)/);
  });
});
