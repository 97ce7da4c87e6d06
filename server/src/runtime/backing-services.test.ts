import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../core/logger.js";
import { freePort } from "../test/free-port.js";
import { startBackingServices } from "./backing-services.js";

describe("startBackingServices in production with TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH", () => {
  it("starts the embedded Meilisearch in its production mode, the key not on its command line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-services-"));
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: `${inject("pgServerUrl")}/postgres`,
      TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH: "true",
      TSUNAGU_DATA_DIR: dir,
      TSUNAGU_MEILI_PORT: String(await freePort()),
    });
    const services = await startBackingServices(config, createLogger("silent"));
    try {
      expect(services.embedded).toEqual({ postgres: false, meilisearch: true });
      const pidFile = path.join(dir, "meilisearch", "meilisearch.pid");
      expect(existsSync(pidFile)).toBe(true);
      const argv = readFileSync(`/proc/${readFileSync(pidFile, "utf8")}/cmdline`, "utf8").split("\0");
      expect(argv.join(" ")).toContain("--env production");
      expect(argv.join(" ")).not.toContain(services.meiliKey!);
      expect(Buffer.byteLength(services.meiliKey!)).toBeGreaterThanOrEqual(16);
      expect((await fetch(`${services.meiliUrl}/`)).headers.get("content-type")).not.toMatch(/html/);
    } finally {
      await services.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
