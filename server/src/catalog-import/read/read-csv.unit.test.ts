import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readCsvRows, slices } from "./read-csv.js";
import { readCatalogFile } from "./read-catalog-file.js";

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

async function rowsOf(text: string, sliceChars: number): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readCsvRows(text, sliceChars)) rows.push(row.cells);
  return rows;
}

// Each one has something a slice boundary can cut: CRLF, a quoted line break, a doubled quote, a BOM, an emoji
// (two UTF-16 units), a blank line, a quote inside a field (relax_quotes), short and long rows.
const TEXTS = [
  '名称,住所\r\n"本町ひろば\r\n第2会場",東京都\r\n子ども食堂,"大南""2""丁目"\r\n',
  '\uFEFF名称,備考\n😀ひろば,"絵文字😀😀を含む"\n\n,,\n',
  'a,b"c,d\r\nshort\r\nlong,1,2,3,4\r\n',
];

describe("readCsvRows (the text goes to the parser in slices)", () => {
  it.each(TEXTS.map((t) => [t]))(
    "gives the records the whole text parsed at once gives, at any slice size: %j",
    async (text) => {
      const whole: string[][] = parse(text, OPTIONS);
      expect(whole.length).toBeGreaterThan(2);
      for (let size = 1; size <= 12; size++) expect(await rowsOf(text, size)).toEqual(whole);
    },
  );

  it("numbers the records from 1, as a spreadsheet numbers its rows", async () => {
    const numbers: number[] = [];
    for await (const row of readCsvRows("a,b\n1,2\n3,4\n", 2)) numbers.push(row.rowNumber);
    expect(numbers).toEqual([1, 2, 3]);
  });

  it("fails as the whole text fails: an unclosed quote", async () => {
    const text = 'a,b\n"never closed,1\n';
    expect(() => parse(text, OPTIONS)).toThrow(/Quote Not Closed/);
    await expect(rowsOf(text, 3)).rejects.toThrow(/Quote Not Closed/);
  });

  it("never cuts an emoji in two: slices join back into the text, and none ends on half of a pair", () => {
    const text = "😀".repeat(5) + "あ😀";
    for (let size = 1; size <= 4; size++) {
      const parts = [...slices(text, size)];
      expect(parts.join("")).toBe(text);
      for (const part of parts) expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
    }
  });
});

describe("readCatalogFile on a long file", () => {
  it("lets the event loop turn while it reads, rather than hold it until the last row", async () => {
    const header = "全国地方公共団体コード,ID,地方公共団体名,名称,種別,所在地_連結表記,緯度,経度";
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `132080,${i + 1},調布市,ひろば${i + 1},子育て支援センター,東京都調布市小島町${i + 1},35.65,139.54`,
    );
    const bytes = new TextEncoder().encode([header, ...rows].join("\r\n"));
    let turns = 0;
    let reading = true;
    const turn = () => {
      if (!reading) return;
      turns++;
      setImmediate(turn);
    };
    const read = readCatalogFile(bytes, { fileName: "long.csv" });
    setImmediate(turn);
    const file = await read;
    reading = false;
    expect(file.listings).toHaveLength(3_000);
    // 3,000 rows are six times the rows read between two turns (ROWS_PER_TURN).
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
