import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as kuromoji from "kuromoji";
import { afterAll, describe, expect, it } from "vitest";
import { DICTIONARY_FILES, buildTokenizerFromDictionary, decompressDictionary } from "./kuromoji-dictionary.js";
import { kuromojiDictPath, type KuromojiTokenizer } from "./reading.js";

const SENTENCES = [
  "地域活動支援センターひまわりで、毎月第3土曜日に子ども食堂を開いています。",
  "ｶﾀｶﾅの名前と ＮＰＯ法人 みどり会、翠光会、2024年12月29日〜1月3日は休み。",
  "通いの場（高齢者サロン）に初めての方も歓迎です！ 😀 abc 123",
];

function kuromojiOwnBuild(): Promise<KuromojiTokenizer> {
  return new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath: kuromojiDictPath() }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
}

const empty = mkdtempSync(path.join(tmpdir(), "no-dictionary-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe("kuromoji's dictionary, decompressed on a worker thread", () => {
  it("decompresses every file of the dictionary to what gunzip makes of it", async () => {
    const buffers = await decompressDictionary(kuromojiDictPath());
    expect([...buffers.keys()].sort()).toEqual([...DICTIONARY_FILES].sort());
    for (const file of DICTIONARY_FILES) {
      const expected = gunzipSync(readFileSync(path.join(kuromojiDictPath(), file)));
      const got = buffers.get(file)!;
      expect(got.byteLength, file).toBe(expected.byteLength);
      expect(Buffer.from(got).equals(expected), file).toBe(true);
    }
  }, 30_000);

  it("makes a tokenizer that reads as the one kuromoji's own builder makes", async () => {
    const [ours, theirs] = await Promise.all([buildTokenizerFromDictionary(kuromojiDictPath()), kuromojiOwnBuild()]);
    for (const sentence of SENTENCES) {
      const tokens = ours.tokenize(sentence);
      expect(tokens.length).toBeGreaterThan(5);
      expect(tokens).toEqual(theirs.tokenize(sentence));
    }
    expect(ours.tokenize("地域活動支援センター").map((t) => t.reading)).toEqual([
      "チイキ",
      "カツドウ",
      "シエン",
      "センター",
    ]);
  }, 30_000);

  it("rejects, rather than hangs, when the folder holds no dictionary", async () => {
    await expect(buildTokenizerFromDictionary(empty)).rejects.toThrow(/ENOENT/);
  }, 30_000);
});
