import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../core/logger.js";
import { freePort } from "../test/free-port.js";
import { MeiliUnavailableError, startEmbeddedMeilisearch } from "./embedded-meilisearch.js";

const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-meili-"));
  chmodSync(dir, 0o755);
  return dir;
};
/** A process's argv or environment, as /proc shows it (NUL-separated). */
const procList = (pid: number | undefined, file: "cmdline" | "environ") =>
  readFileSync(`/proc/${pid}/${file}`, "utf8").split("\0").filter(Boolean);

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

  it("keeps the master key off the command line (any local user reads it there) and gives it through the child's environment only", async () => {
    const dir = tempDir();
    const meili = await startEmbeddedMeilisearch(dir, await freePort(), createLogger("silent"));
    try {
      const argv = procList(meili.pid, "cmdline");
      expect(argv.join(" ")).not.toContain(meili.masterKey);
      expect(argv.some((a) => a.startsWith("--master-key"))).toBe(false);
      // Only the owner may read /proc/PID/environ; nothing of ours but the key and PATH is in it.
      const env = procList(meili.pid, "environ");
      expect(env).toContain(`MEILI_MASTER_KEY=${meili.masterKey}`);
      expect(
        env.map((e) => e.split("=")[0]).filter((name) => !["PATH", "TMPDIR", "MEILI_MASTER_KEY"].includes(name)),
      ).toEqual([]);
      const denied = await fetch(`${meili.url}/indexes`);
      expect(denied.status).toBe(401);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs in Meilisearch's development mode by default (its web interface on)", async () => {
    const dir = tempDir();
    const meili = await startEmbeddedMeilisearch(dir, await freePort(), createLogger("silent"));
    try {
      expect(procList(meili.pid, "cmdline").join(" ")).toContain("--env development");
      expect((await fetch(`${meili.url}/`)).headers.get("content-type")).toMatch(/html/);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs in Meilisearch's production mode when asked: no web interface, the key still required", async () => {
    const dir = tempDir();
    const meili = await startEmbeddedMeilisearch(dir, await freePort(), createLogger("silent"), { production: true });
    try {
      expect(procList(meili.pid, "cmdline").join(" ")).toContain("--env production");
      const page = await fetch(`${meili.url}/`);
      expect(page.headers.get("content-type")).not.toMatch(/html/);
      expect(await page.text()).not.toMatch(/<html/i);
      expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
      expect(
        (await fetch(`${meili.url}/indexes`, { headers: { authorization: `Bearer ${meili.masterKey}` } })).status,
      ).toBe(200);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses production mode with a kept key shorter than 16 bytes, saying which file to fix", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "master-key"), "short-key-15byt");
    try {
      const starting = startEmbeddedMeilisearch(dir, await freePort(), createLogger("silent"), { production: true });
      await expect(starting).rejects.toThrow(MeiliUnavailableError);
      await expect(starting).rejects.toThrow(/master-key\) is shorter than 16 bytes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
