import type { IpadicFeatures } from "kuromoji";
import { describe, expect, it } from "vitest";
import type { KuromojiTokenizer } from "../../readings/reading.js";
import { READING_MEMO_LIMIT, TextReader } from "./readings.js";

/** A tokenizer that reads every text as one noun spelt in katakana, and counts the texts it was given. */
function countingTokenizer() {
  const seen: string[] = [];
  const tokenizer = {
    tokenize(text: string): IpadicFeatures[] {
      seen.push(text);
      return [{ word_position: 1, surface_form: text, reading: "テスト", pos: "名詞" } as IpadicFeatures];
    },
  } as unknown as KuromojiTokenizer;
  return { tokenizer, seen };
}

describe("TextReader.keys remembers what it read", () => {
  it("reads a one-sentence text once, and a text of two sentences once per sentence", () => {
    const { tokenizer, seen } = countingTokenizer();
    const reader = new TextReader(tokenizer);
    const once = reader.keys("記憶テスト一文だけ");
    expect(reader.keys("記憶テスト一文だけ")).toBe(once);
    expect(seen.filter((t) => t === "記憶テスト一文だけ")).toHaveLength(1);
    reader.keys("記憶テスト一文目。記憶テスト二文目");
    reader.keys("記憶テスト一文目。記憶テスト二文目");
    expect(seen.filter((t) => t.startsWith("記憶テスト") && t.includes("文目"))).toEqual([
      "記憶テスト一文目。",
      "記憶テスト二文目",
    ]);
  });

  it("when full, lets go of the oldest texts and keeps the newest (a listing is read again by the relay soon after)", () => {
    const { tokenizer, seen } = countingTokenizer();
    const reader = new TextReader(tokenizer);
    const texts = Array.from({ length: READING_MEMO_LIMIT + 1 }, (_, i) => `満杯テスト${i}`);
    for (const t of texts) reader.keys(t); // the last one finds the memo full
    seen.length = 0;
    for (const t of texts.slice(-1_001)) reader.keys(t); // read just before and at the moment it was full
    expect(seen).toEqual([]);
    reader.keys(texts[0]);
    expect(seen).toEqual([texts[0]]);
  });
});
