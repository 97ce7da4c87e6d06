import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { SECRET_KEY_FILE, resolveSecretKey } from "./secret-key.js";

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tsunagu-key-"));
  dirs.push(dir);
  return path.join(dir, "data");
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("the key that seals secrets at rest", () => {
  it("without TSUNAGU_SECRET_KEY: made in the data folder on the first start, readable by its owner only, then kept", async () => {
    const dir = await dataDir();
    const first = await resolveSecretKey({ secretKey: null, dataDir: dir });
    expect(first).toHaveLength(32);
    const file = path.join(dir, SECRET_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, "utf8")).trim()).toBe(first.toString("base64"));
    expect(await resolveSecretKey({ secretKey: null, dataDir: dir })).toEqual(first);
    // Two starts at once keep one key.
    const other = await dataDir();
    const [a, b] = await Promise.all([
      resolveSecretKey({ secretKey: null, dataDir: other }),
      resolveSecretKey({ secretKey: null, dataDir: other }),
    ]);
    expect(a).toEqual(b);
  });

  it("TSUNAGU_SECRET_KEY wins, and no file is made", async () => {
    const dir = await dataDir();
    const key = randomBytes(32);
    expect(await resolveSecretKey({ secretKey: key, dataDir: dir })).toBe(key);
    await expect(stat(path.join(dir, SECRET_KEY_FILE))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a damaged key file stops the start rather than being replaced", async () => {
    const dir = await dataDir();
    await resolveSecretKey({ secretKey: null, dataDir: dir });
    await writeFile(path.join(dir, SECRET_KEY_FILE), "not a key\n");
    await expect(resolveSecretKey({ secretKey: null, dataDir: dir })).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(path.join(dir, SECRET_KEY_FILE), "utf8")).toBe("not a key\n");
  });
});
