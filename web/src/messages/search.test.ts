import { describe, expect, it } from "vitest";
import { searchMessages, withSan } from "./search";

describe("search messages", () => {
  it("adds さん only when the name has no honorific", () => {
    expect(withSan("加藤 昭")).toBe("加藤 昭 さん");
    expect(withSan("Iさん (80代女性)")).toBe("Iさん (80代女性)");
    expect(withSan("葵さん")).toBe("葵さん");
  });

  it("writes distances and radii as people say them", () => {
    expect(searchMessages.card.distanceFrom(4)).toBe("約10m");
    expect(searchMessages.card.distanceFrom(512)).toBe("約510m");
    expect(searchMessages.card.distanceFrom(1234)).toBe("約1.2km");
    expect(searchMessages.radiusOption(500)).toBe("500m以内");
    expect(searchMessages.radiusOption(3000)).toBe("3km以内");
  });

  it("describes capacity and openings together", () => {
    expect(searchMessages.detail.capacityValue(20, 0)).toBe("定員 20人・満員");
    expect(searchMessages.detail.capacityValue(null, 3)).toBe("空き 3人");
    expect(searchMessages.detail.capacityValue(null, null)).toBe("未登録");
  });
});
