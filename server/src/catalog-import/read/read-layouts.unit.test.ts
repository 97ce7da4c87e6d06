import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { ParsedCatalogFile } from "../imported-listing.js";
import { listSheets, readCatalogFile, type ColumnMapping } from "./read-catalog-file.js";

const CHILDCARE =
  "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,種別,所在地_全国地方公共団体コード,町字ID,所在地_連結表記," +
  "所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,高度の種別,高度の値,アクセス方法," +
  "駐車場情報,電話番号,内線番号,FAX番号,連絡先メールアドレス,連絡先FormURL,郵便番号,法人番号,団体名,認可等年月日,収容定員," +
  "受入年齢,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,一時預かりの有無,子供預かり料金種別,子供預かり料金," +
  "子供預かり料金備考,子供預かり開所時間,子供預かり閉所時間,病児保育の有無,授乳室,おむつ替えコーナー,飲食可否,ベビーカー貸出," +
  "ベビーカー利用,URL,画像,画像_ライセンス,備考";
const CARE =
  "全国地方公共団体コード,ID,地方公共団体名,介護サービス事業所名称,介護サービス事業所名称_カナ,介護サービス事業所名称_英字," +
  "実施サービス,所在地_全国地方公共団体コード,町字ID,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下," +
  "建物名等(方書),緯度,経度,高度の種別,高度の値,電話番号,内線番号,FAX番号,連絡先メールアドレス,連絡先FormURL," +
  "連絡先備考（その他、SNSなど）,郵便番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,画像," +
  "画像_ライセンス,備考";
const PUBLIC_FACILITY =
  "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,名称_通称,POIコード,所在地_全国地方公共団体コード,町字ID," +
  "所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,電話番号,内線番号," +
  "FAX番号,連絡先メールアドレス,郵便番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,URL,備考";
const MHLW =
  "No,都道府県コード,都道府県名,市区町村コード,市区町村名,備考,名称（ふりがな）,名称,郵便番号,所在地（都道府県から番地まで）," +
  "所在地（建物名・部屋番号等）,電話番号,対象者,活動内容,運営日（平日）－開始,運営日（平日）－終了,運営日（土曜）－開始," +
  "運営日（土曜）－終了,運営日（日曜）－開始,運営日（日曜）－終了,運営日（祝日）－開始,運営日（祝日）－終了,定休日,定員,料金体系," +
  "飲食の提供の有無,飲食持ち込みの可否,送迎の有無,対象エリア,総合事業実施の有無,その他,法人番号の有無,法人番号," +
  "法人名称（ふりがな）,法人名称,ステータス,緯度,経度";
const TAKAMATSU =
  "#property,latitude,longitude,name,address,telephoneNumber,referenceObject,note,service,availableDate,startTime,endTime," +
  "availableDateNote,capacity";
/** The fixture's 子ども食堂一覧 header: 39 columns and 4 provenance columns. */
const KODOMO =
  "全国地方公共団体コード,ID,都道府県,市区町村名,名称,名称_カナ,設置目的,実施支援の主な区分,住所,方書,緯度,経度,URL,法人番号," +
  "運営団体名,開催頻度,開催曜日,開催日,開催開始時間,開催終了時間,開催日時特記事項,参加条件,参加費_幼児,参加費_小学生," +
  "参加費_中学生,参加費_高校生,参加費_大人,参加費特記事項,予約方法,予約特記事項,定員,フードパントリー実施,テイクアウト実施,学区," +
  "ネットワークの加入,追加情報NO,画像,画像_ライセンス,備考,_自治体名,_データセット名,_ライセンス,_取得元URL";

/** A CSV whose columns are `header`, with each row given by header name (the rest blank). */
function csv(header: string, rows: Record<string, string>[]): Uint8Array {
  const headers = header.split(",");
  const lines = [header, ...rows.map((r) => headers.map((h) => r[h] ?? "").join(","))];
  return new TextEncoder().encode(lines.join("\r\n"));
}
const read = (bytes: Uint8Array, fileName = "file.csv", mapping?: ColumnMapping) =>
  readCatalogFile(bytes, { fileName, mapping });
const only = (file: ParsedCatalogFile) => {
  expect(file.rejected).toEqual([]);
  expect(file.listings).toHaveLength(1);
  return file.listings[0];
};

describe("layouts recognised by their headers", () => {
  it("正式版 子育て施設一覧 (in CP932, as cities publish it)", async () => {
    const bytes = iconv.encode(
      new TextDecoder().decode(
        csv(CHILDCARE, [
          {
            全国地方公共団体コード: "132080", ID: "0001", 地方公共団体名: "調布市", 名称: "子育てひろば すきっぷ",
            名称_カナ: "コソダテヒロバスキップ", 種別: "子育て支援センター", 所在地_連結表記: "東京都調布市小島町2-35-1",
            緯度: "35.65", 経度: "139.54", 電話番号: "042-481-7111", 団体名: "調布市社会福祉協議会", 収容定員: "20",
            受入年齢: "0歳から3歳の乳幼児と保護者", 利用可能曜日: "月,火,水,木,金", 開始時間: "10:00", 終了時間: "16:00",
          },
        ]),
      ),
      "cp932",
    ); // prettier-ignore
    const file = await read(bytes);
    expect(file).toMatchObject({ layout: "DIGITAL_AGENCY_CHILDCARE", encoding: "CP932" });
    const listing = only(file);
    expect(listing.values).toMatchObject({
      name: "子育てひろば すきっぷ",
      nameKana: "コソダテヒロバスキップ",
      kind: "KOSODATE_HIROBA",
      address: "東京都調布市小島町2-35-1",
      contactPhone: "042-481-7111",
      capacity: 20,
      targetGroups: ["CHILD_REARING"],
    });
    expect(listing.kindGuess).toEqual({ from: "KIND_COLUMN", text: "子育て支援センター" });
    expect(listing.organizationName).toBe("調布市社会福祉協議会");
    // ID 0001: the source id keeps no leading zeros, so that a file saved through Excel still matches.
    expect(listing.source).toMatchObject({ publisher: "調布市", dataset: "子育て施設一覧", sourceId: "1" });
    expect(listing.source.localGovernmentCode).toBe("132080");
  });

  it("正式版 介護サービス事業所一覧 and 公共施設一覧", async () => {
    const care = await read(
      csv(CARE, [
        { ID: "1", 介護サービス事業所名称: "いきいき介護予防教室", 実施サービス: "介護予防", 所在地_連結表記: "東京都調布市布田1", 法人の名称: "社会福祉法人あおば", 利用可能曜日: "火", 利用可能曜日特記事項: "第2・第4火曜日 10:00～11:30" },
      ]),
    ); // prettier-ignore
    expect(care.layout).toBe("DIGITAL_AGENCY_CARE_SERVICE");
    expect(only(care).values.kind).toBe("KAIGO_YOBO_GROUP");
    expect(only(care).organizationName).toBe("社会福祉法人あおば");
    expect(only(care).values.schedule?.rules[0]).toMatchObject({
      nthWeeks: [2, 4],
      weekdays: ["TUE"],
      startTime: "10:00",
    });

    const facility = await read(
      csv(PUBLIC_FACILITY, [{ ID: "7", 名称: "調布市老人福祉センター", 所在地_連結表記: "東京都調布市布田2" }]),
    );
    expect(facility.layout).toBe("DIGITAL_AGENCY_PUBLIC_FACILITY");
    expect(only(facility).values.kind).toBe("IBASHO");
    expect(only(facility).kindGuess).toEqual({ from: "NAME", text: "調布市老人福祉センター" });
  });

  it("推奨データセット v1, with 利用可能時間特記事項, half-width-kana headers, a blank and a 列1 header", async () => {
    const header =
      "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_ｶﾅ,住所,方書,緯度,経度,利用可能曜日,開始時間,終了時間," +
      "利用可能時間特記事項,,列1";
    const file = await read(
      csv(header, [
        { NO: "3", 市区町村名: "調布市", 名称: "ふれあいの家", 名称_ｶﾅ: "ﾌﾚｱｲﾉｲｴ", 住所: "東京都調布市布田3", 方書: "2階", 利用可能曜日: "土", 開始時間: "10:00", 終了時間: "12:00", 利用可能時間特記事項: "祝日は休み", 列1: "x" },
      ]),
    ); // prettier-ignore
    expect(file.layout).toBe("RECOMMENDED_V1");
    const listing = only(file);
    expect(listing.values).toMatchObject({ name: "ふれあいの家", nameKana: "フレアイノイエ", venueName: "2階" });
    expect(listing.values.schedule).toMatchObject({ closedOnHolidays: true, note: "祝日は休み" });
    expect(listing.values.schedule?.rules[0]).toMatchObject({ frequency: "WEEKLY", weekdays: ["SAT"] });
    expect(file.repairs.map((r) => r.rule)).toEqual(["HALFWIDTH_KANA"]);
  });

  it("子ども食堂一覧 (Tokyo's 39 columns + provenance): source from the provenance columns", async () => {
    const file = await read(
      csv(KODOMO, [
        { 全国地方公共団体コード: "132233", ID: "5", 名称: "むさしむらやま子ども食堂", 住所: "東京都武蔵村山市本町1-1", 運営団体名: "NPO法人むらやま", 開催日: "第3土曜日", 開催開始時間: "11:30", 開催終了時間: "13:30", _自治体名: "武蔵村山市", _データセット名: "子ども食堂一覧", _ライセンス: "CC BY 4.0", _取得元URL: "https://example.jp/kodomo.csv" },
      ]),
    ); // prettier-ignore
    expect(file.layout).toBe("KODOMO_SHOKUDO");
    const listing = only(file);
    expect(listing.values.kind).toBe("KODOMO_SHOKUDO");
    expect(listing.kindGuess).toEqual({ from: "DEFAULT", text: "子ども食堂一覧の行" });
    expect(listing.needsReview).toEqual([]);
    expect(listing.source).toEqual({
      publisher: "武蔵村山市",
      dataset: "子ども食堂一覧",
      sourceId: "5",
      licence: "CC BY 4.0",
      attribution: "出典：武蔵村山市 子ども食堂一覧 (CC BY 4.0)",
      fileDate: null,
      localGovernmentCode: "132233",
      sourceUrl: "https://example.jp/kodomo.csv",
    });
  });

  it("子ども食堂一覧, the 49-column variant with 電話番号1/2; a row without ID is keyed by name and address", async () => {
    const header = KODOMO.split(",").slice(0, 39).concat(["電話番号1", "電話番号2", "FAX番号", "メールアドレス", "連絡先備考", "対象者", "開催場所", "駐車場", "最寄り駅", "参加費_その他"]).join(","); // prettier-ignore
    expect(header.split(",")).toHaveLength(49);
    const file = await readCatalogFile(
      csv(header, [
        { 名称: "みんな食堂", 住所: "東京都町田市原町田１－１", 電話番号1: "042-000-0001", 電話番号2: "090-0000-0002" },
      ]),
      { fileName: "kodomo49.csv", source: { publisher: "町田市", licence: "CC BY 4.0", fileDate: "2026-11-01" } },
    );
    expect(file.layout).toBe("KODOMO_SHOKUDO");
    const listing = only(file);
    expect(listing.values.contactPhone).toBe("042-000-0001");
    // 電話番号2 is kept on the listing (it used to be flagged as not imported).
    expect(listing.values.contactPhone2).toBe("090-0000-0002");
    expect(listing.needsReview.join()).not.toContain("電話番号2");
    expect(listing.source).toMatchObject({
      publisher: "町田市",
      dataset: "子ども食堂一覧",
      sourceId: "名称+所在地:みんな食堂|東京都町田市原町田1-1",
      fileDate: "2026-11-01",
      attribution: "出典：町田市 子ども食堂一覧 (CC BY 4.0)",
    });
  });

  it("MHLW 通いの場 (38 columns)", async () => {
    const file = await read(
      csv(MHLW, [
        { No: "12", 市区町村名: "調布市", 名称: "いきいき百歳体操の会", "所在地（都道府県から番地まで）": "東京都調布市布田4", 対象者: "65歳以上", "運営日（平日）－開始": "10:00", "運営日（平日）－終了": "11:00", 備考: "毎週木曜日", 送迎の有無: "0", 緯度: "35.65", 経度: "139.54" },
      ]),
    ); // prettier-ignore
    expect(file.layout).toBe("MHLW_KAYOI_NO_BA");
    const listing = only(file);
    expect(listing.values).toMatchObject({ kind: "KAYOI_NO_BA", targetGroups: ["ELDERLY"], lat: 35.65 });
    expect(listing.values.schedule?.rules).toEqual([
      { frequency: "WEEKLY", weekdays: ["THU"], nthWeeks: [], dates: [], startTime: "10:00", endTime: "11:00" },
    ]);
  });

  it("高松市 English headers", async () => {
    const file = await read(
      csv(TAKAMATSU, [
        { "#property": "1", latitude: "34.34", longitude: "134.04", name: "高松市日新コミュニティセンター", address: "高松市瀬戸内町22-9", availableDate: "月火水木金土", startTime: "09:00", endTime: "17:00", availableDateNote: "祝日、12/29～1/3は休み" },
      ]),
    ); // prettier-ignore
    expect(file.layout).toBe("TAKAMATSU_ENGLISH");
    const listing = only(file);
    expect(listing.values.kind).toBe("IBASHO");
    expect(listing.values.schedule).toMatchObject({ closedOnHolidays: true, closedYearEnd: true });
    expect(listing.source.sourceId).toBe("1");
  });

  it("a header row below a title line", async () => {
    const bytes = new TextEncoder().encode(
      `調布市 公共施設一覧（令和6年4月1日現在）\n${PUBLIC_FACILITY}\n132080,1,調布市,ひろば`,
    );
    const file = await read(bytes);
    expect(file.layout).toBe("DIGITAL_AGENCY_PUBLIC_FACILITY");
    expect(only(file).rowNumber).toBe(3);
  });

  it("any other sheet through the user's column mapping (CUSTOM_MAPPING)", async () => {
    const bytes = new TextEncoder().encode(
      "施設名,所在地,開いている日,時間帯開始,時間帯終了\nみどりサロン,調布市布田5,水,13:00,15:00",
    );
    const mapping: ColumnMapping = { name: "施設名", address: "所在地", weekdays: "開いている日", startTime: "時間帯開始", endTime: "時間帯終了" }; // prettier-ignore
    // The mapping is plain JSON: the service saves it by name.
    const file = await read(bytes, "shakyo.csv", JSON.parse(JSON.stringify(mapping)) as ColumnMapping);
    expect(file.layout).toBe("CUSTOM_MAPPING");
    expect(only(file).values).toMatchObject({ name: "みどりサロン", kind: "SALON", address: "調布市布田5" });
    expect(only(file).values.schedule?.rules[0]).toMatchObject({ weekdays: ["WED"], startTime: "13:00" });
    await expect(read(bytes, "shakyo.csv", { name: "名前" })).rejects.toThrow("入力内容を確認してください");
  });

  it("refuses a file it cannot place, and leaves HSDS 3.0 to its own reader", async () => {
    await expect(read(new TextEncoder().encode("a,b,c\n1,2,3"))).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const hsdsCsv = new TextEncoder().encode("id,organization_id,name,description\n1,2,x,y");
    await expect(read(hsdsCsv, "services.csv")).rejects.toMatchObject({
      fields: [{ field: "file", messages: [expect.stringContaining("HSDS 3.0")] }],
    });
    // HSDS 3.0 JSON goes to its own reader (server/src/hsds/hsds-reader.ts), which reads it as HSDS_3.
    const json = await read(new TextEncoder().encode('{"services":[{"name":"x"}]}'), "hsds.json");
    expect(json.layout).toBe("HSDS_3");
    const pkg = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("....datapackage.json....")]);
    await expect(read(pkg, "hsds-package.zip")).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe(".xlsx", () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("説明").addRow(["このブックについて"]);
    const sheet = wb.addWorksheet("一覧");
    sheet.addRow([
      "ID",
      "名称",
      "所在地_連結表記",
      "全国地方公共団体コード",
      "利用可能曜日",
      "開始時間",
      "終了時間",
      "緯度",
      "経度",
      "URL",
    ]);
    sheet.addRow([
      { formula: "1+1", result: 2 },
      { richText: [{ text: "ふれあい" }, { text: "サロン", font: { bold: true } }] },
      "東京都調布市布田6",
      132080,
      "月水",
      new Date(Date.UTC(1899, 11, 30, 9, 30)),
      0.5,
      35.65,
      139.54,
      { text: "ホームページ", hyperlink: "https://example.jp" },
    ]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("lists the sheets and reads the chosen one: rich text, formula results, time cells, numbers", async () => {
    const bytes = await workbook();
    expect(await listSheets(bytes)).toEqual(["説明", "一覧"]);
    const file = await readCatalogFile(bytes, { fileName: "list.xlsx", sheet: "一覧" });
    expect(file).toMatchObject({ encoding: "XLSX", sheet: "一覧", layout: "DIGITAL_AGENCY_PUBLIC_FACILITY" });
    const listing = only(file);
    expect(listing.values).toMatchObject({ name: "ふれあいサロン", kind: "SALON", lat: 35.65, lng: 139.54 });
    expect(listing.source.sourceId).toBe("2");
    expect(listing.values.schedule?.rules[0]).toMatchObject({
      weekdays: ["MON", "WED"],
      startTime: "09:30",
      endTime: "12:00",
    });
    expect(file.repairs.map((r) => [r.column, r.rule])).toEqual([
      ["利用可能曜日", "WEEKDAY_STRING"],
      ["開始時間", "EXCEL_DATE_TIME"],
      ["終了時間", "EXCEL_SERIAL_TIME"],
    ]);
  });

  it("the first sheet by default; a missing sheet is refused", async () => {
    const bytes = await workbook();
    await expect(readCatalogFile(bytes, { fileName: "list.xlsx" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(readCatalogFile(bytes, { fileName: "list.xlsx", sheet: "ない" })).rejects.toMatchObject({
      fields: [{ field: "sheet", messages: ["シート「ない」がありません"] }],
    });
  });
});
