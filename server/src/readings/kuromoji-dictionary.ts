import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { IpadicFeatures, Tokenizer } from "kuromoji";

/**
 * Builds kuromoji's tokenizer with the dictionary decompressed on a worker thread.
 *
 * kuromoji's own loader (`builder().build()`) gunzips its twelve files with zlib's asynchronous API: the work runs on
 * libuv's threads, but in 16 KB steps each answered on the main thread, whose output is then concatenated and copied
 * once more into a fresh ArrayBuffer. Of its ~2 s, about 1.8 s were main-thread work, and every step waited for the
 * event loop: a catalog import, whose reading of a file holds the loop, found the dictionary still loading when it
 * was done. Here a worker reads and gunzips the files and hands the buffers over without copying them (a transfer);
 * the main thread only builds kuromoji's tables from them, as its loader would.
 */
export function buildTokenizerFromDictionary(dicPath: string): Promise<Tokenizer<IpadicFeatures>> {
  return decompressDictionary(dicPath).then(
    (buffers) =>
      new Promise((resolve, reject) => {
        const loader = new kuromojiInternals.NodeDictionaryLoader(dicPath);
        // kuromoji's loader asks for each file by its path; it gets the buffer the worker made of it.
        loader.loadArrayBuffer = (file, done) => {
          const buffer = buffers.get(path.basename(file));
          if (buffer) done(null, buffer);
          else done(new Error(`kuromoji dictionary file not decompressed: ${file}`));
        };
        loader.load((err, dic) => (err ? reject(toError(err)) : resolve(new kuromojiInternals.Tokenizer(dic))));
      }),
  );
}

/** The dictionary's files, as kuromoji's loader names them (DictionaryLoader.load). */
export const DICTIONARY_FILES = [
  "base.dat.gz",
  "check.dat.gz",
  "tid.dat.gz",
  "tid_pos.dat.gz",
  "tid_map.dat.gz",
  "cc.dat.gz",
  "unk.dat.gz",
  "unk_pos.dat.gz",
  "unk_map.dat.gz",
  "unk_char.dat.gz",
  "unk_compat.dat.gz",
  "unk_invoke.dat.gz",
];

/**
 * The worker: plain CommonJS, run from this string so the same code serves the compiled server and the tests (which
 * run the TypeScript sources). A small buffer may sit in a shared pool: only one that owns its memory is transferred.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const buffers = {};
const transfer = [];
for (const file of workerData.files) {
  const b = zlib.gunzipSync(fs.readFileSync(path.join(workerData.dir, file)));
  const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  buffers[file] = own ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  transfer.push(buffers[file]);
}
parentPort.postMessage(buffers, transfer);
`;

/** Reads and gunzips the dictionary's files on a worker thread: file name → decompressed bytes. */
export function decompressDictionary(dicPath: string): Promise<Map<string, ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dir: dicPath, files: DICTIONARY_FILES } });
    let settled = false;
    worker.once("message", (buffers: Record<string, ArrayBuffer>) => {
      settled = true;
      resolve(new Map(Object.entries(buffers)));
    });
    worker.once("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`kuromoji dictionary worker exited with code ${code} before answering`));
    });
  });
}

const toError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/** The two parts of kuromoji (0.1.2, pinned) that its builder joins; its typings do not declare them. */
interface KuromojiInternals {
  NodeDictionaryLoader: new (dicPath: string) => {
    loadArrayBuffer: (file: string, done: (err: Error | null, buffer?: ArrayBuffer) => void) => void;
    load: (done: (err: unknown, dic: unknown) => void) => void;
  };
  Tokenizer: new (dic: unknown) => Tokenizer<IpadicFeatures>;
}

const requireFromHere = createRequire(__filename);
const kuromojiInternals: KuromojiInternals = {
  NodeDictionaryLoader: requireFromHere("kuromoji/src/loader/NodeDictionaryLoader.js"),
  Tokenizer: requireFromHere("kuromoji/src/Tokenizer.js"),
};
