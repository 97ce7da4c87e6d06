import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { toCp932 } from "./directory-export.service.js";

describe("toCp932", () => {
  it("writes JIS-form characters in their CP932 form instead of '?'", () => {
    const text = "10:00〜11:30 電話 03−1234 ‖ — ¢£¬ 髙橋 ①";
    const decoded = iconv.decode(toCp932(text), "cp932");
    expect(decoded).toBe("10:00～11:30 電話 03－1234 ∥ ― ￠￡￢ 髙橋 ①");
    expect(decoded).not.toContain("?");
  });
});
