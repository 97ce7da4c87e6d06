import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, type Config } from "../config.js";
import { parseSecretKey } from "../core/secret-box.js";

/** In the data folder, beside the embedded servers' data. */
export const SECRET_KEY_FILE = "secret.key";

/**
 * The key that seals secrets at rest (core/secret-box.ts): TSUNAGU_SECRET_KEY when it is set; otherwise `secret.key`
 * in the data folder, made on the first start (32 random bytes in base64, readable by this user only). Made with
 * `wx`, so two processes starting at once keep the same key. Losing it loses every TOTP key sealed under it (an
 * ADMIN then resets each user's second factor): back it up with the database, or set TSUNAGU_SECRET_KEY.
 */
export async function resolveSecretKey(config: Pick<Config, "secretKey" | "dataDir">): Promise<Buffer> {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  await mkdir(config.dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const key = parseSecretKey(await readFile(file, "utf8"));
  if (!key) throw new ConfigError(`${file}: not a key (32 bytes in base64); restore it from a backup`);
  return key;
}
