import { describe, expect, it } from "vitest";
import { ResourceKind } from "../../resources/resource.enums.js";
import type { ParsedCatalogFile } from "../imported-listing.js";
import { lgCheckDigit } from "./coerce-place.js";
import { readCatalogFile } from "./read-catalog-file.js";

/** A 正式版 公共施設一覧 file with the given extra columns, one row per object (each row its own place). */
async function read(rows: Record<string, string>[]): Promise<ParsedCatalogFile> {
  const base = {
    全国地方公共団体コード: "132080",
    ID: "1",
    名称: "ふれあいひろば",
    所在地_連結表記: "東京都調布市布田1-1",
  };
  const headers = [...new Set([...Object.keys(base), ...rows.flatMap((r) => Object.keys(r))])];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    headers.join(","),
    ...rows.map((r, i) =>
      headers
        .map((h) => quote({ ...base, ID: String(i + 1), 所在地_連結表記: `東京都調布市布田1-${i + 1}`, ...r }[h] ?? ""))
        .join(","),
    ),
  ];
  return readCatalogFile(new TextEncoder().encode(lines.join("\r\n")), { fileName: "koukyou.csv" });
}

const repairsOf = (file: ParsedCatalogFile) => file.repairs.map((r) => [r.column, r.before, r.after, r.rule]);

describe("repairs: every change is reported", () => {
  it("times: full-width colon, 7:00, 24, Excel serial and Excel's day-zero date, 10時30分", async () => {
    const file = await read([
      { 利用可能曜日: "月", 開始時間: "10：00", 終了時間: "12：00" },
      { 利用可能曜日: "月", 開始時間: "7:00", 終了時間: "24" },
      { 利用可能曜日: "月", 開始時間: "0.395833333", 終了時間: "1899-12-30T11:00:00.000Z" },
      { 利用可能曜日: "月", 開始時間: "10時30分", 終了時間: "9" },
    ]);
    expect(repairsOf(file)).toEqual([
      ["開始時間", "10：00", "10:00", "FULLWIDTH_DIGITS"],
      ["終了時間", "12：00", "12:00", "FULLWIDTH_DIGITS"],
      ["開始時間", "7:00", "07:00", "TIME_PADDED"],
      ["終了時間", "24", "23:59", "END_OF_DAY"],
      ["開始時間", "0.395833333", "09:30", "EXCEL_SERIAL_TIME"],
      ["終了時間", "1899-12-30T11:00:00.000Z", "11:00", "EXCEL_DATE_TIME"],
      ["開始時間", "10時30分", "10:30", "KANJI_TIME"],
      ["終了時間", "9", "09:00", "HOUR_ONLY"],
    ]);
    const times = file.listings.map((l) => l.values.schedule?.rules.map((r) => `${r.startTime}-${r.endTime}`));
    expect(times).toEqual([["10:00-12:00"], ["07:00-23:59"], ["09:30-11:00"], []]);
    // 10:30–09:00 ends before it starts: no rule, a 要確認 instead.
    expect(file.listings[3].needsReview.join()).toContain("終了時間が開始時間より前");
  });

  it("和暦 and other dates (イベント一覧's 開始日/終了日)", async () => {
    const header =
      "全国地方公共団体コード,ID,地方公共団体名,イベント名,開始日,終了日,開始時間,終了時間,所在地_連結表記";
    const rows = [
      "132080,1,調布市,親子の集い,令和6年4月1日,R6.4.3,10:00,12:00,東京都調布市布田1-1",
      "132080,2,調布市,相談会,平成31年4月30日,,13:00,15:00,東京都調布市布田1-1",
      "132080,3,調布市,講座,令和元年5月1日,2024/05/02,13:00,15:00,東京都調布市布田1-1",
      "132080,4,調布市,お祭り,45383,,13:00,15:00,東京都調布市布田1-1",
    ];
    const file = await readCatalogFile(new TextEncoder().encode([header, ...rows].join("\n")), { fileName: "e.csv" });
    expect(file.layout).toBe("DIGITAL_AGENCY_EVENT");
    expect(repairsOf(file)).toEqual([
      ["開始日", "令和6年4月1日", "2024-04-01", "WAREKI_DATE"],
      ["終了日", "R6.4.3", "2024-04-03", "WAREKI_DATE"],
      ["開始日", "平成31年4月30日", "2019-04-30", "WAREKI_DATE"],
      ["開始日", "令和元年5月1日", "2019-05-01", "WAREKI_DATE"],
      ["終了日", "2024/05/02", "2024-05-02", "DATE_FORMAT"],
      ["開始日", "45383", "2024-04-01", "EXCEL_SERIAL_DATE"],
    ]);
    expect(file.listings[0].values.schedule?.rules[0]).toMatchObject({
      frequency: "SPECIFIC_DATES",
      dates: ["2024-04-01", "2024-04-02", "2024-04-03"],
      startTime: "10:00",
    });
    expect(new Set(file.listings.map((l) => l.values.kind))).toEqual(new Set([ResourceKind.DROP_IN_EVENT]));
  });

  it("weekday strings: run together, a range, 平日", async () => {
    const file = await read([
      { 利用可能曜日: "月火水木金土", 開始時間: "9:00", 終了時間: "17:00" },
      { 利用可能曜日: "月～金", 開始時間: "09:00", 終了時間: "17:00" },
      { 利用可能曜日: "平日", 開始時間: "09:00", 終了時間: "17:00" },
      { 利用可能曜日: "月,水,金", 開始時間: "09:00", 終了時間: "17:00" },
    ]);
    expect(file.repairs.filter((r) => r.column === "利用可能曜日").map((r) => [r.before, r.after, r.rule])).toEqual([
      ["月火水木金土", "MON,TUE,WED,THU,FRI,SAT", "WEEKDAY_STRING"],
      ["月～金", "MON,TUE,WED,THU,FRI", "WEEKDAY_RANGE"],
      ["平日", "MON,TUE,WED,THU,FRI", "WEEKDAY_WORD"],
    ]);
    expect(file.listings.map((l) => l.values.schedule?.rules[0].weekdays.join())).toEqual([
      "MON,TUE,WED,THU,FRI,SAT",
      "MON,TUE,WED,THU,FRI",
      "MON,TUE,WED,THU,FRI",
      "MON,WED,FRI",
    ]);
  });

  it("地方公共団体コード: lost leading zeros, a 5-digit code without its check digit, the prefecture deciding", async () => {
    const file = await read([
      { 全国地方公共団体コード: "13208" },
      { 全国地方公共団体コード: "1100" },
      { 全国地方公共団体コード: "11002", 所在地_連結表記: "北海道札幌市中央区北1条西2丁目" },
      { 全国地方公共団体コード: "11002", 所在地_連結表記: "埼玉県さいたま市" },
      { 全国地方公共団体コード: "011002" },
    ]);
    expect(repairsOf(file)).toEqual([
      ["全国地方公共団体コード", "13208", "132080", "LG_CODE_CHECK_DIGIT"],
      ["全国地方公共団体コード", "1100", "011002", "LEADING_ZERO"],
      ["全国地方公共団体コード", "11002", "011002", "LEADING_ZERO"],
      ["全国地方公共団体コード", "11002", "110027", "LG_CODE_CHECK_DIGIT"],
    ]);
    expect(file.listings.map((l) => l.source.localGovernmentCode)).toEqual([
      "132080",
      "011002",
      "011002",
      "110027",
      "011002",
    ]);
    expect(lgCheckDigit("13101")).toBe("6"); // 千代田区 131016
  });

  it("coordinates: swapped columns repaired, 369.56 rejected with its row number, blanks and 0,0 mean no position", async () => {
    const file = await read([
      { 緯度: "139.54", 経度: "35.65" },
      { 緯度: "369.56", 経度: "139.54" },
      { 緯度: "", 経度: "" },
      { 緯度: "0", 経度: "0" },
      { 緯度: "３５．６５", 経度: "１３９．５４" },
      { 緯度: "35.65", 経度: "" },
    ]);
    expect(repairsOf(file)).toEqual([
      ["緯度/経度", "139.54,35.65", "35.65,139.54", "SWAPPED_COORDINATES"],
      ["緯度/経度", "0,0", "", "ZERO_COORDINATES"],
      ["緯度", "３５．６５", "35.65", "FULLWIDTH_DIGITS"],
      ["経度", "１３９．５４", "139.54", "FULLWIDTH_DIGITS"],
    ]);
    expect(file.listings.map((l) => [l.rowNumber, l.values.lat, l.values.lng])).toEqual([
      [2, 35.65, 139.54],
      [4, null, null],
      [5, null, null],
      [6, 35.65, 139.54],
    ]);
    expect(file.rejected).toEqual([
      { rowNumber: 3, reason: "緯度・経度が日本の範囲外です（緯度「369.56」経度「139.54」）。位置を確認してください" },
      { rowNumber: 7, reason: "緯度・経度の片方だけが入力されています（緯度「35.65」経度「」）" },
    ]);
  });

  it("addresses: full-width digits, letters and spaces; half-width kana in names", async () => {
    const file = await read([{ 名称: "ｺﾐｭﾆﾃｨｶﾌｪ", 所在地_連結表記: "高松市常磐町一丁目３番地１　瓦町ＦＬＡＧ８階" }]);
    expect(repairsOf(file)).toEqual([
      ["名称", "ｺﾐｭﾆﾃｨｶﾌｪ", "コミュニティカフェ", "HALFWIDTH_KANA"],
      [
        "所在地_連結表記",
        "高松市常磐町一丁目３番地１　瓦町ＦＬＡＧ８階",
        "高松市常磐町一丁目3番地1 瓦町FLAG8階",
        "FULLWIDTH_ADDRESS",
      ],
    ]);
    expect(file.listings[0].values).toMatchObject({ name: "コミュニティカフェ", kind: "COMMUNITY_CAFE" });
  });

  it("yes/no flags: 1/0 as published, 有/可/あり/○ and 無/不可/なし/× reported, anything else flagged", async () => {
    const header =
      "No,都道府県コード,都道府県名,市区町村コード,市区町村名,名称,所在地（都道府県から番地まで）,送迎の有無";
    const rows = ["1", "0", "有", "あり", "可", "○", "無", "なし", "不可", "×", "たぶん"].map(
      (flag, i) => `${i + 1},13,東京都,132080,調布市,通いの場${i + 1},東京都調布市布田${i + 1},${flag}`,
    );
    const file = await readCatalogFile(new TextEncoder().encode([header, ...rows].join("\n")), { fileName: "k.csv" });
    expect(file.layout).toBe("MHLW_KAYOI_NO_BA");
    expect(file.listings.map((l) => l.values.transportOptions ?? [])).toEqual([
      ["PICKUP"], [], ["PICKUP"], ["PICKUP"], ["PICKUP"], ["PICKUP"], [], [], [], [], [],
    ]); // prettier-ignore
    expect(file.repairs.map((r) => `${r.before}→${r.after}`)).toEqual([
      "有→1", "あり→1", "可→1", "○→1", "無→0", "なし→0", "不可→0", "×→0",
    ]); // prettier-ignore
    expect(file.repairs.every((r) => r.rule === "FLAG_WORD")).toBe(true);
    expect(file.listings[10].needsReview).toContain("「送迎の有無」の値「たぶん」を 有/無 として読めませんでした");
  });

  it("e-mail and phone: full-width letters, digits and hyphens", async () => {
    const file = await read([
      { 連絡先メールアドレス: "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ", 電話番号: "０４２－４８１－７１１１" },
    ]);
    expect(repairsOf(file)).toEqual([
      ["電話番号", "０４２－４８１－７１１１", "042-481-7111", "FULLWIDTH_DIGITS"],
      ["連絡先メールアドレス", "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ", "info@example.jp", "FULLWIDTH_ASCII"],
    ]);
    expect(file.listings[0].values).toMatchObject({ contactEmail: "info@example.jp", contactPhone: "042-481-7111" });
  });

  it("numbers: 定員 with full-width digits or 名", async () => {
    const file = await read([{ 収容定員: "３０" }, { 収容定員: "20名" }, { 収容定員: "大会議室120名、研修室24名" }]);
    expect(repairsOf(file)).toEqual([
      ["収容定員", "３０", "30", "FULLWIDTH_DIGITS"],
      ["収容定員", "20名", "20", "NUMBER_FROM_TEXT"],
    ]);
    expect(file.listings.map((l) => l.values.capacity ?? null)).toEqual([30, 20, null]);
    expect(file.listings[2].needsReview.join()).toContain("数値として読めませんでした");
  });

  it("rows that cannot be imported say why, in Japanese, with their row number", async () => {
    const file = await read([{ 名称: "" }, { 名称: "ひろば" }]);
    expect(file.rejected).toEqual([{ rowNumber: 2, reason: "名称がありません" }]);
    expect(file.listings.map((l) => l.rowNumber)).toEqual([3]);
  });
});
