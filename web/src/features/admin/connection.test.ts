import { describe, expect, it } from "vitest";
import { appendPage } from "./connection";

const page = (ids: string[], hasNextPage: boolean, totalCount: number) => ({
  totalCount, pageInfo: { hasNextPage, endCursor: ids.at(-1) ?? null }, edges: ids.map((id) => ({ node: { id } })),
});

describe("appendPage", () => {
  it("appends the next page and takes its count and cursor", () => {
    expect(appendPage(page(["a", "b"], true, 4), page(["c", "d"], false, 5))).toEqual({
      totalCount: 5, pageInfo: { hasNextPage: false, endCursor: "d" }, edges: ["a", "b", "c", "d"].map((id) => ({ node: { id } })),
    });
  });

  it("does not repeat a row already shown", () => {
    expect(appendPage(page(["a", "b"], true, 3), page(["b", "c"], false, 3)).edges.map((e) => e.node.id)).toEqual(["a", "b", "c"]);
  });
});
