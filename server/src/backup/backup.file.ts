import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import { BackupError } from "./backup.format.js";

/** Where a backup is written until it is complete; the final name appears only by rename. */
export const partialPath = (file: string) => `${file}.partial`;
/** `sha256sum -c` reads this: the checksum of the compressed file, for copies made by hand. */
export const sidecarPath = (file: string) => `${file}.sha256`;

/**
 * Writes JSON Lines through gzip to a temporary file, hashing the uncompressed lines (for the trailer) and the
 * compressed bytes (for the sidecar). Backups hold personal data: the file and its folder are private to the user.
 */
export class BackupFileWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;
  private readonly contentHash = createHash("sha256");
  private readonly fileHash = createHash("sha256");
  private bytes = 0;

  private constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.gzip = createGzip({ level: 6 });
    const fileHash = this.fileHash;
    const count = (n: number) => {
      this.bytes += n;
    };
    const tap = new Transform({
      transform(chunk: Buffer, _enc, callback) {
        fileHash.update(chunk);
        count(chunk.length);
        callback(null, chunk);
      },
    });
    this.done = pipeline(this.gzip, tap, createWriteStream(partialPath(file), { mode: 0o600 }));
    // A failed pipeline rejects `done`; keep it from being an unhandled rejection until someone awaits it.
    this.done.catch(() => undefined);
  }

  static open(file: string): BackupFileWriter {
    return new BackupFileWriter(file);
  }

  /** Appends lines; waits when gzip's buffer is full so memory stays flat. */
  async write(lines: string[]): Promise<void> {
    if (!lines.length) return;
    const chunk = Buffer.from(lines.join("\n") + "\n", "utf8");
    this.contentHash.update(chunk);
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, "drain"), this.done]);
  }

  /** SHA-256 of every line written so far: what the trailer records. */
  contentSha256(): string {
    return this.contentHash.copy().digest("hex");
  }

  /** Writes the last line (not hashed), closes the file, renames it into place and writes the sidecar. */
  async finish(lastLine: string): Promise<{ bytes: number; sha256: string }> {
    this.gzip.end(Buffer.from(lastLine + "\n", "utf8"));
    await this.done;
    const sha256 = this.fileHash.digest("hex");
    renameSync(partialPath(this.file), this.file);
    writeFileSync(sidecarPath(this.file), `${sha256}  ${path.basename(this.file)}\n`, { mode: 0o600 });
    return { bytes: this.bytes, sha256 };
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
    rmSync(partialPath(this.file), { force: true });
  }
}

/**
 * The lines of a backup file, with the running SHA-256 of the lines before the current one. A sidecar, when present,
 * must match the compressed file. Truncated or otherwise broken gzip data becomes a BackupError.
 */
export async function* readBackupLines(file: string): AsyncGenerator<{ line: string; hashBefore: () => string }> {
  if (!existsSync(file)) throw new BackupError(`no such backup file: ${file}`);
  const sidecar = sidecarPath(file);
  const expectedFileHash = existsSync(sidecar) ? readFileSync(sidecar, "utf8").trim().split(/\s+/)[0] : undefined;
  const fileHash = createHash("sha256");
  const source = createReadStream(file);
  source.on("data", (chunk) => fileHash.update(chunk as Buffer));
  const gunzip = createGunzip();
  let streamError: Error | undefined;
  const piped = pipeline(source, gunzip).catch((err: Error) => {
    streamError = err;
  });
  const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
  const contentHash: Hash = createHash("sha256");
  try {
    for await (const line of lines) {
      yield { line, hashBefore: () => contentHash.copy().digest("hex") };
      contentHash.update(line + "\n", "utf8");
    }
  } catch (err) {
    throw new BackupError(`${file} is not a readable backup (${(err as Error).message})`, { cause: err });
  } finally {
    lines.close();
    source.destroy();
  }
  await piped;
  if (streamError)
    throw new BackupError(`${file} is damaged or truncated (${streamError.message})`, { cause: streamError });
  if (expectedFileHash && fileHash.digest("hex") !== expectedFileHash) {
    throw new BackupError(
      `${file} does not match its checksum file ${path.basename(sidecar)}: the file was changed or damaged`,
    );
  }
}
