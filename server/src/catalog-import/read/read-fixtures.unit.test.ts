import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ParsedCatalogFile } from "../imported-listing.js";
import { readCatalogFile } from "./read-catalog-file.js";

/** The real municipal files beside the repository (`<repo>/../shared/fixtures/municipal`, README there). */
const FIXTURES = path.resolve(__dirname, "../../../../../shared/fixtures/municipal");
const readFixture = (name: string, source?: { publisher: string; dataset: string }) =>
  readCatalogFile(new Uint8Array(readFileSync(path.join(FIXTURES, name))), {
    fileName: name,
    source: source && { ...source, licence: "CC BY 4.0" },
  });

/** Repairs per rule, sorted by rule: printed for the record and asserted, so a change in the reader shows. */
function totals(file: ParsedCatalogFile): Record<string, number> {
  const byRule: Record<string, number> = {};
  for (const r of [...file.repairs].sort((a, b) => a.rule.localeCompare(b.rule)))
    byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
  console.log(
    `${file.layout}: listings=${file.listings.length} rejected=${file.rejected.length} repairs=${file.repairs.length}`,
    JSON.stringify(byRule),
  );
  return byRule;
}

describe("the real municipal fixtures", () => {
  it("tokyo-kodomo-shokudo.csv: 798 rows; only add-on duplicates and one empty row are not imported", async () => {
    const file = await readFixture("tokyo-kodomo-shokudo.csv");
    expect(file).toMatchObject({ layout: "KODOMO_SHOKUDO", encoding: "UTF8_BOM", sheet: null });
    expect(file.headers).toHaveLength(43);
    expect(file.listings.length + file.rejected.length).toBe(798);
    // Every rejected row is justified: the same place again (a `_tsuika` add-on row repeating its main row's ID
    // without a name), or a row with nothing but the provenance columns.
    const justified = file.rejected.filter((r) => r.duplicateOf !== undefined || r.reason.startsWith("空の行"));
    expect(justified).toEqual(file.rejected);
    expect(file.rejected.map((r) => [r.rowNumber, r.duplicateOf ?? null])).toEqual([
      [37, 32], [38, 34], [214, 207], [215, 207], [216, 209], [247, 243], [248, 243], [569, 567], [616, null],
    ]); // prettier-ignore
    // 国立市's add-on writes the ID 7 that its main file writes 000000000007.
    expect(file.rejected[0].reason).toBe(
      "名称がなく、行32（ハートフルくにたち食堂）と同じID「7」の追加の行です。1件にまとめました",
    );
    const kept = file.listings.find((l) => l.rowNumber === 32)!;
    expect(kept.needsReview).toContain(
      "行37に同じ場所として別の所在地「東京都国立市泉2-3-2 1号棟」があります。別の開催場所か確認してください",
    );
    // 173 rows have no coordinates (one is the empty row 616): imported without a position, not rejected.
    expect(file.listings.filter((l) => l.values.lat === null).length).toBe(172);
    // Credit per city from the provenance columns.
    const musashimurayama = file.listings.find((l) => l.source.publisher === "武蔵村山市")!;
    expect(musashimurayama.source).toMatchObject({
      dataset: "子ども食堂一覧",
      licence: "クリエイティブ・コモンズ 表示（CC BY）",
      attribution: "出典：武蔵村山市 子ども食堂一覧 (クリエイティブ・コモンズ 表示（CC BY）)",
    });
    // 中野区 gives one ID to several 子ども食堂: its rows are keyed by name and address instead.
    const nakano = file.listings.filter((l) => l.source.publisher === "中野区");
    expect(new Set(nakano.map((l) => l.source.sourceId)).size).toBe(nakano.length);
    expect(
      new Set(file.listings.map((l) => `${l.source.publisher}|${l.source.dataset}|${l.source.sourceId}`)).size,
    ).toBe(file.listings.length);
    expect(totals(file)).toEqual({ FULLWIDTH_ADDRESS: 169, HALFWIDTH_KANA: 23, TIME_PADDED: 1, WEEKDAY_STRING: 22 });
    expect(file.listings.filter((l) => l.values.schedule?.rules.length).length).toBe(19);
  });

  it("takamatsu-community-center.xlsx: 52 コミュニティセンター, English headers", async () => {
    const file = await readFixture("takamatsu-community-center.xlsx", {
      publisher: "高松市",
      dataset: "コミュニティセンター",
    });
    expect(file).toMatchObject({ layout: "TAKAMATSU_ENGLISH", encoding: "XLSX", sheet: "Sheet1", rejected: [] });
    expect(file.listings).toHaveLength(52);
    expect(file.listings[0].values).toMatchObject({
      name: "高松市日新コミュニティセンター",
      address: "高松市瀬戸内町22-9",
      lat: 34.34758361,
      kind: "IBASHO",
    });
    expect(file.listings[0].source).toMatchObject({
      publisher: "高松市",
      sourceId: "1",
      attribution: "出典：高松市 コミュニティセンター (CC BY 4.0)",
    });
    expect(totals(file)).toEqual({ FULLWIDTH_ADDRESS: 1 });
  });

  it("takamatsu-elderly-welfare-center.xlsx: schedules, closures and a full-width address", async () => {
    const file = await readFixture("takamatsu-elderly-welfare-center.xlsx", {
      publisher: "高松市",
      dataset: "老人福祉センター等",
    });
    expect(file).toMatchObject({ layout: "TAKAMATSU_ENGLISH", rejected: [] });
    const [katsuga, kawaramachi] = file.listings;
    expect(katsuga.values.schedule).toMatchObject({ closedYearEnd: true, closedOnHolidays: false });
    expect(katsuga.values.schedule?.rules).toEqual([
      { frequency: "WEEKLY", weekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"], nthWeeks: [], dates: [], startTime: "09:00", endTime: "17:00" },
    ]); // prettier-ignore
    expect(katsuga.kindGuess.from).toBe("KIND_COLUMN");
    expect(kawaramachi.values).toMatchObject({
      address: "高松市常磐町一丁目3番地1 瓦町FLAG8階",
      kind: "HEALTH_EXERCISE",
    });
    expect(kawaramachi.values.schedule).toMatchObject({
      closedYearEnd: true,
      note: "年末年始（12/29～1/3）は終日利用不可。",
    });
    expect(totals(file)).toEqual({ FULLWIDTH_ADDRESS: 1, WEEKDAY_STRING: 2 });
  });
});
