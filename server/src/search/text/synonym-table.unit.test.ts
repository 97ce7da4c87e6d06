import { beforeAll, describe, expect, it } from "vitest";
import { normalizeSearchText } from "./normalize.js";
import { isKanaWord } from "./reading-key.js";
import { textReader, type TextReader } from "./readings.js";
import { SYNONYM_TABLE, entryKeys, synonymWord, tableEntries } from "./synonym-table.js";

let reader: TextReader;
beforeAll(async () => {
  reader = await textReader();
});

describe("synonyms table (synonyms.json)", () => {
  const entries = tableEntries(SYNONYM_TABLE);

  it("gives every word with kanji a reading written in kana", () => {
    for (const entry of entries) {
      const [word, ...readings] = entry.split("|");
      if (isKanaWord(normalizeSearchText(word))) continue;
      expect(readings.length, entry).toBeGreaterThan(0);
      for (const r of readings) expect(isKanaWord(r), entry).toBe(true);
    }
  });

  it("carries, for each word, the reading kuromoji gives it in a listing's text", () => {
    for (const entry of entries) {
      const listingKeys = reader.keys(normalizeSearchText(synonymWord(entry))).split(" ");
      // The whole word as the listing's reading field holds it: its compound key (or its one word's key).
      const whole = listingKeys.at(-1)!;
      expect(entryKeys(entry).length ? entryKeys(entry) : [whole], entry).toContain(whole);
    }
  });
});
