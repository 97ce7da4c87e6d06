import { describe, expect, it } from "vitest";
import { jaccard, mean, meanPairwiseJaccard, ndcgAtK, precisionAtK } from "./relevance.metrics.js";

const grades = new Map([
  ["a", 3],
  ["b", 2],
  ["c", 1],
  ["d", 0],
]);

describe("precisionAtK", () => {
  it("counts grade ≥ 2 in the first k places; unjudged and empty places are misses", () => {
    expect(precisionAtK(["a", "b", "c", "d", "x"], grades, 5)).toBe(0.4);
    expect(precisionAtK(["a", "b"], grades, 5)).toBe(0.4);
    expect(precisionAtK(["x", "a", "b", "b2", "b3", "a"], grades, 5)).toBe(0.4);
    expect(precisionAtK([], grades, 5)).toBe(0);
  });
});

describe("ndcgAtK", () => {
  it("is 1 for the ideal order and lower for a worse one", () => {
    expect(ndcgAtK(["a", "b", "c"], grades, 10)).toBeCloseTo(1, 10);
    const swapped = ndcgAtK(["c", "b", "a"], grades, 10) as number;
    expect(swapped).toBeGreaterThan(0);
    expect(swapped).toBeLessThan(1);
  });

  it("uses gain 2^g − 1 with a log2 discount", () => {
    // ranked: d(0) a(3) → DCG = 0 + 7/log2(3); ideal: a b c → 7 + 3/log2(3) + 1/2
    const expected = 7 / Math.log2(3) / (7 + 3 / Math.log2(3) + 1 / 2);
    expect(ndcgAtK(["d", "a"], grades, 10)).toBeCloseTo(expected, 10);
  });

  it("only looks at the first k places", () => {
    expect(ndcgAtK(["x", "a"], grades, 1)).toBe(0);
  });

  it("is null when nothing was judged relevant", () => {
    expect(ndcgAtK(["a"], new Map([["a", 0]]), 10)).toBeNull();
  });
});

describe("jaccard", () => {
  it("measures the overlap of two sets", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3, 10);
    expect(jaccard(new Set(["a"]), new Set(["a"]))).toBe(1);
    expect(jaccard(new Set(["a"]), new Set())).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });

  it("averages every pair of a variant group", () => {
    const sets = [new Set(["a", "b"]), new Set(["a", "b"]), new Set<string>()];
    expect(meanPairwiseJaccard(sets)).toBeCloseTo((1 + 0 + 0) / 3, 10);
    expect(meanPairwiseJaccard([new Set(["a"])])).toBe(1);
  });
});

describe("mean", () => {
  it("averages, and is NaN for nothing", () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBeNaN();
  });
});
