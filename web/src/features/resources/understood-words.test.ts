import { describe, expect, it } from "vitest";
import { removeWord } from "./understood-words";

describe("removeWord", () => {
  it.each([
    ["火曜 体操", "火曜", "体操"],
    ["体操　火曜", "火曜", "体操"],
    ["ｻﾛﾝ ﾑﾘｮｳ", "ムリョウ", "ｻﾛﾝ"],
    ["火曜午前 サロン", "午前", "火曜 サロン"],
    ["火曜の午前", "火曜", "午前"],
    ["体操", "火曜", "体操"],
    ["10時 囲碁", "10時", "囲碁"],
  ])("%s without %s → %s", (text, word, expected) => expect(removeWord(text, word)).toBe(expected));
});
