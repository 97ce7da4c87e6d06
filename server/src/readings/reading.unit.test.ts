import "reflect-metadata";
import { describe, expect, it, vi } from "vitest";
import { IsOptional, validate } from "class-validator";
import {
  IS_READING_MESSAGE,
  IsReading,
  createLazyTokenizer,
  isReading,
  normalizeReading,
  suggestReading,
  suggestReadings,
  tokenizerBuildCount,
  type KuromojiTokenizer,
} from "./reading";

describe("normalizeReading", () => {
  it.each([
    ["ﾁｲｷ", "ちいき"],
    ["ｶﾞｯｺｳ", "がっこう"],
    ["カタカナ", "かたかな"],
    ["センター", "せんたー"], // ー is kept, not turned into a vowel
    ["ヴァイオリン", "ゔぁいおりん"],
    ["ＡＢＣ１２３", "abc123"],
    ["ＮＰＯ ｈｏｕｊｉｎ", "npo houjin"],
    ["  ひまわり　　の   会 ", "ひまわり の 会"],
    ["チイキ\tカツドウ\nシエン", "ちいき かつどう しえん"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeReading(input)).toBe(expected);
  });

  it("gives the same key for hiragana, katakana and half-width katakana", () => {
    const keys = ["ひまわり", "ヒマワリ", "ﾋﾏﾜﾘ", " ヒマワリ　"].map(normalizeReading);
    expect(new Set(keys)).toEqual(new Set(["ひまわり"]));
  });
});

describe("isReading", () => {
  it.each([
    "ひまわり",
    "チイキカツドウシエンセンター ヒマワリ",
    "ﾁｲｷｶﾂﾄﾞｳ",
    "グループホーム・ひなた",
    "こころ　の　かい",
    "エヌピーオー ABC 123",
    "ＡＢＣ１２３",
    "さくら(だい2)",
    "さくら（だい２）",
    "いすゞ",
    "ヽヾゝゞ",
    "か-ど",
  ])("accepts %j", (text) => {
    expect(isReading(text)).toBe(true);
  });

  it.each([
    "地域活動支援センター",
    "ひまわり会",
    "八王子",
    "ひまわり！",
    "ひまわり@",
    "ひまわり/",
    "😀",
    "",
    "   ",
    "・",
  ])("rejects %j", (text) => {
    expect(isReading(text)).toBe(false);
  });
});

describe("@IsReading", () => {
  class Input {
    @IsOptional()
    @IsReading()
    kana?: string | null;

    @IsReading({ message: "custom" })
    required: unknown;
  }

  function input(kana: string | null | undefined, required: unknown): Input {
    const i = new Input();
    i.kana = kana;
    i.required = required;
    return i;
  }

  it("passes readings and null/undefined", async () => {
    expect(await validate(input("ひまわり", "ヒマワリ"))).toEqual([]);
    expect(await validate(input(null, undefined))).toEqual([]);
    expect(await validate(input(undefined, null))).toEqual([]);
  });

  it("fails kanji with the Japanese default message, and non-strings", async () => {
    const errors = await validate(input("日向", 42));
    const byProp = Object.fromEntries(errors.map((e) => [e.property, e.constraints]));
    expect(byProp.kana).toEqual({ isReading: IS_READING_MESSAGE });
    expect(byProp.required).toEqual({ isReading: "custom" });
    expect(IS_READING_MESSAGE).toBe("よみがなは、ひらがな・カタカナで入力してください");
  });
});

describe("suggestReading (kuromoji)", { timeout: 30_000 }, () => {
  // Must run first in this file: the process-wide tokenizer is not loaded yet.
  it("suggestReadings (an import's names) loads a dictionary for the call alone when none is held", async () => {
    const readings = await suggestReadings(["八王子市", "  ", "地域活動支援センター ひまわり"]);
    expect([...readings]).toEqual([
      ["八王子市", "ハチオウジシ"],
      ["  ", ""],
      ["地域活動支援センター ひまわり", "チイキカツドウシエンセンター ヒマワリ"],
    ]);
    expect(tokenizerBuildCount()).toBe(0);
  });

  // Then: the very first, concurrent callers share one build.
  it("builds the tokenizer once for concurrent callers", async () => {
    expect(tokenizerBuildCount()).toBe(0);
    const [a, b] = await Promise.all([suggestReading("八王子市"), suggestReading("渋谷区神宮前")]);
    expect(a).toBe("ハチオウジシ");
    expect(b).toBe("シブヤクジングウマエ");
    expect(tokenizerBuildCount()).toBe(1);
  });

  it.each([
    ["地域活動支援センター ひまわり", "チイキカツドウシエンセンター ヒマワリ"],
    ["ＮＰＯ法人 あい", "エヌピーオーホウジン アイ"],
    ["グループホーム　日向", "グループホーム ヒナタ"],
    ["カフェABC  123号", "カフェABC 123ゴウ"],
    ["ｶﾀｶﾅ 作業所", "カタカナ サギョウショ"],
  ])("%j → %j", async (input, expected) => {
    expect(await suggestReading(input)).toBe(expected);
  });

  it("returns katakana that isReading accepts, and keeps one build", async () => {
    const reading = await suggestReading("地域活動支援センター ひまわり");
    expect(isReading(reading)).toBe(true);
    expect(await suggestReading("   ")).toBe("");
    expect(tokenizerBuildCount()).toBe(1);
  });
});

describe("createLazyTokenizer", () => {
  const fake = {} as KuromojiTokenizer;

  it("shares one pending build between concurrent callers", async () => {
    let calls = 0;
    const lazy = createLazyTokenizer(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 10));
      return fake;
    });
    const [a, b, c] = await Promise.all([lazy.get(), lazy.get(), lazy.get()]);
    expect(a).toBe(fake);
    expect(b).toBe(fake);
    expect(c).toBe(fake);
    expect(await lazy.get()).toBe(fake);
    expect(calls).toBe(1);
    expect(lazy.builds).toBe(1);
  });

  it("does not cache a failed build", async () => {
    let calls = 0;
    const lazy = createLazyTokenizer(async () => {
      calls += 1;
      if (calls === 1) throw new Error("dictionary missing");
      return fake;
    });
    const [first, second] = await Promise.allSettled([lazy.get(), lazy.get()]);
    expect(first.status).toBe("rejected");
    expect(second.status).toBe("rejected"); // both shared the one failing attempt
    expect(await lazy.get()).toBe(fake);
    expect(await lazy.get()).toBe(fake);
    expect(calls).toBe(2);
  });

  it("lets the value go after idleMs without a get, and builds it again when asked", async () => {
    vi.useFakeTimers();
    try {
      const lazy = createLazyTokenizer(async () => fake, { idleMs: 1_000 });
      expect(lazy.held).toBe(false);
      await lazy.get();
      vi.advanceTimersByTime(900);
      await lazy.get(); // each get() starts the idle time again
      vi.advanceTimersByTime(900);
      expect(lazy.held).toBe(true);
      expect(lazy.builds).toBe(1);
      vi.advanceTimersByTime(100);
      expect(lazy.held).toBe(false);
      expect(await lazy.get()).toBe(fake);
      expect(lazy.builds).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("turns a synchronous throw into a rejection", async () => {
    const lazy = createLazyTokenizer(() => {
      throw new Error("boom");
    });
    await expect(lazy.get()).rejects.toThrow("boom");
  });
});
