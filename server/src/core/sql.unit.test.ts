import { describe, expect, it } from "vitest";
import { jsonRows } from "./sql.js";

describe("jsonRows", () => {
  const rows = [
    { id: "a", name: "本町子育て支援センター 1", tags: ["子育て", "親子"], at: new Date("2026-12-07T00:00:00Z") },
    { id: "b", name: 'emoji 👶 and "quotes"\n', nested: { n: 1, none: null }, skipped: undefined },
  ];

  it("is the UTF-8 of JSON.stringify of the whole array, for a json parameter", () => {
    expect(jsonRows(rows).toString("utf8")).toBe(JSON.stringify(rows));
    expect(jsonRows([]).toString("utf8")).toBe("[]");
  });

  it("starts with jsonb's version byte (1) for a jsonb parameter, then the same text", () => {
    const buffer = jsonRows(rows, "jsonb");
    expect(buffer[0]).toBe(1);
    expect(buffer.subarray(1).toString("utf8")).toBe(JSON.stringify(rows));
  });
});
