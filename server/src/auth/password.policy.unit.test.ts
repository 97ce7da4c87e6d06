import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, generateDemoCity } from "../db/seed/demo-city.js";
import { PASSWORD_MESSAGES as M, passwordProblems } from "./password.policy.js";

describe("password policy", () => {
  it("accepts a long passphrase, Japanese ones included", () => {
    expect(passwordProblems("correct horse battery staple", { email: "sato@example.jp" })).toEqual([]);
    expect(passwordProblems("みどり野の朝はラジオ体操から", { email: "sato@example.jp" })).toEqual([]);
    expect(passwordProblems("k7#Vq9!mZp2w")).toEqual([]);
  });

  it("counts characters, not bytes: 12 is the minimum and 128 the maximum", () => {
    expect(passwordProblems("abcdefgh1x2")).toEqual([M.tooShort]);
    expect(passwordProblems("ひらがなだけでも十二文字あれば")).toEqual([]);
    expect(passwordProblems("あいうえおかきくけこさ")).toEqual([M.tooShort]); // 11 characters, 33 bytes
    expect(passwordProblems("x9".repeat(64))).toEqual([]);
    expect(passwordProblems("x9".repeat(64) + "z")).toEqual([M.tooLong]);
    expect(passwordProblems("")).toEqual([M.tooShort]);
  });

  it("refuses one character repeated, also in full width", () => {
    expect(passwordProblems("aaaaaaaaaaaaaaaa")).toContain(M.oneCharacter);
    expect(passwordProblems("ＡＡＡＡＡＡＡＡＡＡＡＡａ")).toContain(M.oneCharacter);
    expect(passwordProblems("ああああああああああああ")).toEqual([M.oneCharacter]);
  });

  it("refuses the email's local part and its name pieces, in any case", () => {
    expect(passwordProblems("my-Coordinator-pass", { email: "coordinator@example.jp" })).toContain(M.containsEmail);
    expect(passwordProblems("hello yamada and friends", { email: "Taro.Yamada@city.example.lg.jp" })).toContain(
      M.containsEmail,
    );
    expect(passwordProblems("taro.yamada is my name", { email: "taro.yamada@example.jp" })).toContain(M.containsEmail);
    // Too short to mean anything: a 2-letter local part does not ban every password containing it.
    expect(passwordProblems("a long passphrase for jo", { email: "jo@example.jp" })).toEqual([]);
  });

  it("refuses well-known passwords and a common word padded with digits and symbols", () => {
    for (const p of [
      "password1234",
      "Password1234",
      "ＰＡＳＳＷＯＲＤ１２３４",
      "qwertyuiopas",
      "123456789012",
      "1qaz2wsx3edc",
      "Password2026!",
      "tsunagu-12345",
      "Welcome@2026",
      "!!admin!!2026",
      "abcdefghijklm",
      "zyxwvutsrqpo",
      "987654321098",
    ]) {
      expect(passwordProblems(p), p).toContain(M.common);
    }
    expect(passwordProblems("password is not my word")).toEqual([]);
  });

  it("lets every demo user keep the documented demo password", () => {
    for (const user of generateDemoCity().users) {
      expect(passwordProblems(user.password, { email: user.email }), user.email).toEqual([]);
    }
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});
