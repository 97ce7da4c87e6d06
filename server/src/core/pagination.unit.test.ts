import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SHOWN_MEMORY, decodeSearchCursor, encodeSearchCursor, fingerprintOf, shownKey } from "./pagination.js";

describe("search cursors", () => {
  const fingerprint = fingerprintOf({ text: "体操", weekdays: ["TUE"] });

  it("round-trip the position and keep only the last SHOWN_MEMORY rows, within the `after` length limit", () => {
    const shown = Array.from({ length: SHOWN_MEMORY + 20 }, () => shownKey(randomUUID()));
    const cursor = encodeSearchCursor(fingerprint, { offset: shown.length, shown });
    expect(cursor.length).toBeLessThanOrEqual(2_000);
    expect(decodeSearchCursor(cursor, fingerprint)).toEqual({
      offset: shown.length,
      shown: shown.slice(-SHOWN_MEMORY),
    });
  });

  it("tell another query from this one, and a broken cursor from both", () => {
    const cursor = encodeSearchCursor(fingerprint, { offset: 1, shown: [shownKey(randomUUID())] });
    expect(() => decodeSearchCursor(cursor, fingerprintOf({ text: "体操" }))).toThrow(
      expect.objectContaining({ fields: [{ field: "after", messages: [expect.stringContaining("別の検索")] }] }),
    );
    for (const broken of ["", "!!", cursor.slice(0, -3), encodeSearchCursor(fingerprint, { offset: 0, shown: ["00"] })])
      expect(() => decodeSearchCursor(broken, fingerprint)).toThrow(
        expect.objectContaining({ fields: [{ field: "after", messages: ["ページ位置 (cursor) が正しくありません"] }] }),
      );
  });

  it("fingerprint a query whatever the order of its keys and list values", () => {
    expect(fingerprintOf({ weekdays: ["WED", "TUE"], text: "体操", freeOnly: null })).toBe(
      fingerprintOf({ text: "体操", weekdays: ["TUE", "WED"] }),
    );
    expect(fingerprintOf({ text: "体操", sort: "DISTANCE" })).not.toBe(fingerprintOf({ text: "体操" }));
  });
});
