import { describe, expect, it } from "vitest";
import { engineQuery } from "./engine-query.js";
import { normalizeSearchText, spellingsOf } from "./normalize.js";
import { isKanaWord, readingKey } from "./reading-key.js";
import { SPELLING_VARIANTS } from "./spelling-variants.js";

describe("normalizeSearchText", () => {
  it("folds width and case, and leaves one space between words", () => {
    expect(normalizeSearchText("  ｻﾛﾝ　いきいき  ＮＰＯ ")).toBe("サロン いきいき npo");
  });

  it("folds spelling variants to one form", () => {
    for (const q of ["子供食堂", "子ども食堂", "こども食堂"]) expect(normalizeSearchText(q), q).toBe("こども食堂");
    for (const q of ["障害者", "障がい者", "障碍者"]) expect(normalizeSearchText(q), q).toBe("障害者");
    expect(normalizeSearchText("引きこもり")).toBe("ひきこもり");
    expect(normalizeSearchText("見守りと見守")).toBe("見守りと見守り");
  });

  it("never folds a kana spelling into one with kanji (a kana query must stay kana to be read)", () => {
    for (const [kept, ...folded] of SPELLING_VARIANTS) {
      for (const f of folded) if (isKanaWord(f)) expect(isKanaWord(kept), `${f} → ${kept}`).toBe(true);
    }
  });

  it("lists the stored spellings of a normalized word", () => {
    expect(spellingsOf("こども食堂").sort()).toEqual(["こども食堂", "子ども食堂", "子供食堂"].sort());
    expect(spellingsOf("体操")).toEqual(["体操"]);
  });
});

describe("reading keys and the engine's query", () => {
  it("spells a reading the same from hiragana, katakana and half-width katakana", () => {
    expect(readingKey("たいそう")).toBe("taisou");
    expect(readingKey("タイソウ")).toBe("taisou");
    expect(readingKey("ﾀｲｿｳ")).toBe("taisou");
    expect(readingKey("しゅうろうたいけん")).toBe(readingKey("シュウロウタイケン"));
    expect(readingKey("ボランティア")).toBe(readingKey("ぼらんてぃあ"));
  });

  it("asks kana words by reading, table words by their reading, other kanji words as phrases", () => {
    expect(engineQuery("ちいきかつどう")).toBe("tiikikatudou");
    expect(engineQuery("居場所")).toBe("ibasixyo");
    expect(engineQuery("茶話会")).toBe("sawakai");
    expect(engineQuery('介護者 "npo')).toBe('"介護者" "npo');
    expect(engineQuery("")).toBe("");
  });
});
