import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../core/logger.js";
import { freePort } from "../test/free-port.js";
import { startEmbeddedMeilisearch } from "./embedded-meilisearch.js";

describe("embedded Meilisearch", () => {
  it("starts with a kept master key that begins with a dash (not read as a flag)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-meili-key-"));
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, "master-key"), "-wAbCdEfGhIjKlMnOpQrStUv");
    const meili = await startEmbeddedMeilisearch(dir, await freePort(), createLogger("silent"));
    try {
      expect(meili.masterKey).toBe("-wAbCdEfGhIjKlMnOpQrStUv");
      const res = await fetch(`${meili.url}/indexes`, { headers: { authorization: `Bearer ${meili.masterKey}` } });
      expect(res.status).toBe(200);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
