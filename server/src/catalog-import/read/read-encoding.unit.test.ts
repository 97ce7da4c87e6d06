import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding, readCatalogFile } from "./read-catalog-file.js";

const HEADER =
  "全国地方公共団体コード,ID,地方公共団体名,名称,種別,所在地_連結表記,緯度,経度,利用可能曜日,開始時間,終了時間";
const ROW =
  "132080,1,調布市,㈱髙島屋①ひろば～親子,子育て支援センター,東京都調布市小島町2-35-1,35.65,139.54,月,10:00,12:00";
const text = `${HEADER}\r\n${ROW}\r\n`;
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("encodings (detected from the bytes)", () => {
  it("reads UTF-8 with a BOM", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(detectEncoding(bytes)).toBe("UTF8_BOM");
    const file = await readCatalogFile(bytes, { fileName: "a.csv" });
    expect(file.encoding).toBe("UTF8_BOM");
    // The BOM is not part of the first header.
    expect(file.headers[0]).toBe("全国地方公共団体コード");
    expect(file.listings[0].values.name).toBe("㈱髙島屋①ひろば～親子");
  });

  it("reads UTF-8 without a BOM", async () => {
    const bytes = utf8(text);
    expect(detectEncoding(bytes)).toBe("UTF8");
    const file = await readCatalogFile(bytes, { fileName: "a.csv" });
    expect(file.listings[0].values.name).toBe("㈱髙島屋①ひろば～親子");
  });

  it("reads CP932 with the NEC and IBM extensions (～ ① ㈱ 髙), which plain Shift_JIS would lose", async () => {
    const bytes = iconv.encode(text, "cp932");
    // 髙 sits in the IBM extension rows (0xFA–0xFC) and ① in the NEC special row (0x87): not in JIS X 0208.
    expect([...iconv.encode("髙①", "cp932")]).toEqual([0xfb, 0xfc, 0x87, 0x40]);
    expect(detectEncoding(bytes)).toBe("CP932");
    const file = await readCatalogFile(bytes, { fileName: "a.csv" });
    expect(file.encoding).toBe("CP932");
    expect(file.listings[0].values.name).toBe("㈱髙島屋①ひろば～親子");
    expect(file.listings[0].values.address).toBe("東京都調布市小島町2-35-1");
  });

  it("treats bytes that are not strict UTF-8 as CP932 even when they are mostly ASCII", () => {
    expect(detectEncoding(iconv.encode("name,address\r\nｺﾐｭﾆﾃｨ,x\r\n", "cp932"))).toBe("CP932");
  });

  it("calls a zip (an .xlsx) XLSX", () => {
    expect(detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe("XLSX");
  });
});

describe("CSV quoting", () => {
  it("reads quoted commas, doubled quotes, line breaks inside a cell and rows of the wrong length", async () => {
    const csv = [
      "名称,所在地_連結表記,全国地方公共団体コード,利用可能日時特記事項,備考",
      '"ひろば ""すまいる""","東京都調布市布田1-1, 2階",132080,"1行目\n2行目"',
      "ひろばB,東京都調布市布田2-2,132080,,備考,余分な列",
    ].join("\r\n");
    const file = await readCatalogFile(utf8(csv), { fileName: "a.csv" });
    expect(file.rejected).toEqual([]);
    expect(file.listings.map((l) => [l.rowNumber, l.values.name, l.values.address])).toEqual([
      [2, 'ひろば "すまいる"', "東京都調布市布田1-1, 2階"],
      [3, "ひろばB", "東京都調布市布田2-2"],
    ]);
    expect(file.listings[0].values.schedule?.note).toBe("1行目\n2行目");
  });
});
