import { beforeAll, describe, expect, it } from "vitest";
import { highlightSegments, queryNeedsReader } from "../highlight.js";
import { normalizeSearchText } from "./normalize.js";
import { textReader, type TextReader } from "./readings.js";

let reader: TextReader;
beforeAll(async () => {
  reader = await textReader();
});
const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe("highlightSegments", () => {
  it("marks the kanji a kana query matched by reading", () => {
    expect(highlightSegments("ラジオ体操の会", "たいそう", reader)).toEqual([
      { text: "ラジオ", match: false },
      { text: "体操", match: true },
      { text: "の会", match: false },
    ]);
    expect(marked(highlightSegments("地域活動支援センター ひまわり", "ちいきかつどう", reader))).toEqual(["地域活動"]);
    expect(marked(highlightSegments("ボランティア募集", "ぼらんてぃあ", reader))).toEqual(["ボランティア"]);
  });

  it("marks a query in any of its spellings and widths, and nothing a word only contains", () => {
    const q = normalizeSearchText("子ども食堂");
    expect(queryNeedsReader(q)).toBe(false);
    expect(marked(highlightSegments("子供食堂 もぐもぐ", q, null))).toEqual(["子供食堂"]);
    expect(marked(highlightSegments("ｻﾛﾝ 桜", normalizeSearchText("ｻﾛﾝ"), reader))).toEqual(["ｻﾛﾝ"]);
    expect(marked(highlightSegments("ＮＰＯ法人 桜", normalizeSearchText("npo"), null))).toEqual(["ＮＰＯ"]);
    expect(marked(highlightSegments("いばらき町", "いばしょ", reader))).toEqual([]);
  });

  it("shows a window around the first match of a long text, with … where it is cut", () => {
    const text = `${"あ".repeat(100)}体操${"い".repeat(100)}`;
    const segments = highlightSegments(text, "体操", null, 40);
    expect(segments[0].text.startsWith("…")).toBe(true);
    expect(segments.at(-1)!.text.endsWith("…")).toBe(true);
    expect(marked(segments)).toEqual(["体操"]);
    expect(highlightSegments("短い", "", null, 40)).toEqual([{ text: "短い", match: false }]);
    expect(highlightSegments("", "体操", null)).toEqual([]);
  });
});
