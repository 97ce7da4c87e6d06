import type { IpadicFeatures } from "kuromoji";
import { describe, expect, it } from "vitest";
import { getTokenizer, type KuromojiTokenizer } from "../../readings/reading.js";
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

describe("TextReader.keys reads the parts between spaces one by one", () => {
  it("asks the tokenizer once for a part that names repeat, and never for a number standing alone", () => {
    const { tokenizer, seen } = countingTokenizer();
    const reader = new TextReader(tokenizer);
    for (let i = 1; i <= 50; i++) reader.keys(`部分テスト子育てひろば ${i}`);
    expect(seen).toEqual(["部分テスト子育てひろば"]);
    expect(reader.keys("部分テスト子育てひろば 7")).toBe("tesuto 7");
  });

  it("puts every part's words first, in order, then the compounds (neighbours stay neighbours across a space)", async () => {
    const reader = new TextReader(await getTokenizer());
    expect(reader.keys("地域活動 支援センター").split(" ")).toEqual([
      "tiiki",
      "katudou",
      "sienn",
      "senntaq",
      "tiikikatudou",
      "siennsenntaq",
    ]);
  });

  it("gives a number the key kuromoji would: one word, its own digits", async () => {
    const tokenizer = await getTokenizer();
    for (const digits of ["7", "123", "2024", "100000"]) {
      const tokens = tokenizer.tokenize(digits);
      expect(tokens.map((t) => t.surface_form)).toEqual([digits]);
      expect(new TextReader(tokenizer).keys(`数字テスト ${digits}`)).toBe(`suuzi tesuto ${digits} suuzitesuto`);
    }
  });
});
