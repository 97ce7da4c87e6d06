import { describe, expect, it } from "vitest";
import type { ImportedListing } from "../imported-listing.js";
import { readCatalogFile } from "./read-catalog-file.js";

/** A 子ども食堂一覧 file (its own columns 開催頻度, 開催曜日, 開催日, 開催開始時間, 開催終了時間, 開催日時特記事項). */
async function kodomo(rows: Record<string, string>[]): Promise<ImportedListing[]> {
  const headers = [
    "ID",
    "名称",
    "住所",
    "開催頻度",
    "開催曜日",
    "開催日",
    "開催開始時間",
    "開催終了時間",
    "開催日時特記事項",
  ];
  const lines = [
    headers.join(","),
    ...rows.map((r, i) =>
      headers
        .map((h) => ({ ID: String(i + 1), 名称: `食堂${i + 1}`, 住所: `東京都調布市布田${i + 1}`, ...r })[h] ?? "")
        .join(","),
    ),
  ];
  const file = await readCatalogFile(new TextEncoder().encode(lines.join("\n")), { fileName: "kodomo.csv" });
  expect(file.layout).toBe("KODOMO_SHOKUDO");
  expect(file.rejected).toEqual([]);
  return file.listings;
}

const rulesOf = (l: ImportedListing) =>
  l.values.schedule?.rules.map((r) => ({
    frequency: r.frequency,
    weekdays: r.weekdays,
    nthWeeks: r.nthWeeks,
    time: `${r.startTime}-${r.endTime}`,
  }));

describe("schedules from free text, only where unambiguous", () => {
  it("「第3土曜日」 and 「第2・第4火曜」 become MONTHLY_NTH_WEEKDAY", async () => {
    const [third, secondFourth, kanji] = await kodomo([
      { 開催日: "第3土曜日", 開催開始時間: "11:30", 開催終了時間: "14:00" },
      { 開催頻度: "月2回", 開催日: "第2・第4火曜", 開催開始時間: "17:00", 開催終了時間: "19:00" },
      { 開催頻度: "原則第二・第四金曜日", 開催開始時間: "17:00", 開催終了時間: "19:00" },
    ]);
    expect(rulesOf(third)).toEqual([
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["SAT"], nthWeeks: [3], time: "11:30-14:00" },
    ]);
    expect(rulesOf(secondFourth)).toEqual([
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["TUE"], nthWeeks: [2, 4], time: "17:00-19:00" },
    ]);
    expect(secondFourth.needsReview).toEqual([]);
    expect(rulesOf(kanji)).toEqual([
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["FRI"], nthWeeks: [2, 4], time: "17:00-19:00" },
    ]);
    // The text is kept as the note whatever was read from it.
    expect(secondFourth.values.schedule?.note).toBe("開催頻度：月2回\n開催日：第2・第4火曜");
  });

  it("「毎週水曜 10:00～12:00」 becomes WEEKLY with its times; 最終土曜 is week -1", async () => {
    const [weekly, last] = await kodomo([
      { 開催日時特記事項: "毎週水曜 10:00～12:00" },
      { 開催日: "毎月最終土曜日 12時～14時" },
    ]);
    expect(rulesOf(weekly)).toEqual([{ frequency: "WEEKLY", weekdays: ["WED"], nthWeeks: [], time: "10:00-12:00" }]);
    expect(rulesOf(last)).toEqual([
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["SAT"], nthWeeks: [-1], time: "12:00-14:00" },
    ]);
  });

  it("「祝日、12/29～1/3は休み」 sets closedOnHolidays and closedYearEnd", async () => {
    const [listing] = await kodomo([
      {
        開催頻度: "毎週",
        開催曜日: "月水金",
        開催開始時間: "17:00",
        開催終了時間: "19:00",
        開催日時特記事項: "祝日、12/29～1/3は休み",
      },
    ]);
    expect(listing.values.schedule).toMatchObject({ closedOnHolidays: true, closedYearEnd: true });
    expect(rulesOf(listing)).toEqual([
      { frequency: "WEEKLY", weekdays: ["MON", "WED", "FRI"], nthWeeks: [], time: "17:00-19:00" },
    ]);
    expect(listing.needsReview).toEqual([]);
  });

  it("「月１回土曜日」 is ambiguous (which week?): kept as text with a 要確認", async () => {
    const [listing] = await kodomo([{ 開催頻度: "月１回土曜日", 開催開始時間: "11:00", 開催終了時間: "13:00" }]);
    expect(listing.values.schedule?.rules).toEqual([]);
    // The time columns join the note: nothing the file says is dropped.
    expect(listing.values.schedule?.note).toBe("開催頻度：月１回土曜日\n開催時間：11:00～13:00");
    expect(listing.needsReview).toEqual([
      "「月1回」だけでは第何週に開催するか分かりません（要確認：開催日程はメモとして残しました）",
    ]);
  });

  it("a 子ども食堂's 開催曜日 alone, a frequency code, 隔週 and 不定期 are not guessed", async () => {
    const listings = await kodomo([
      { 開催曜日: "土", 開催開始時間: "11:00", 開催終了時間: "13:00" },
      { 開催頻度: "5", 開催曜日: "土", 開催開始時間: "11:00", 開催終了時間: "13:00" },
      { 開催日: "隔週土曜日", 開催開始時間: "11:00", 開催終了時間: "13:00" },
      { 開催日: "不定期開催　10時～" },
      { 開催日: "第3土曜日" },
    ]);
    expect(listings.map((l) => l.values.schedule?.rules.length)).toEqual([0, 0, 0, 0, 0]);
    expect(listings.map((l) => l.needsReview.length > 0)).toEqual([true, true, true, true, true]);
    expect(listings[4].needsReview).toEqual(["開催時間が書かれていないため、開催日程をメモとして残しました"]);
  });

  it("a time column that is not a time is kept in the note and flagged", async () => {
    const [listing] = await kodomo([{ 開催日: "第3土曜日", 開催開始時間: "17:00", 開催終了時間: "非公開" }]);
    expect(listing.values.schedule?.rules).toEqual([]);
    expect(listing.values.schedule?.note).toContain("開催終了時間：非公開");
    expect(listing.needsReview).toContain("「開催終了時間」の「非公開」を時刻として読めませんでした");
  });

  it("a facility's 利用可能曜日 is weekly; two time ranges in the note make two rules", async () => {
    const header = "全国地方公共団体コード,ID,名称,所在地_連結表記,利用可能曜日,開始時間,終了時間,利用可能日時特記事項";
    const row = "132080,1,ひろば,東京都調布市布田1,月水,,,利用可能時間は10:00～12:00、13:00～16:00";
    const file = await readCatalogFile(new TextEncoder().encode(`${header}\n${row}`), { fileName: "k.csv" });
    expect(rulesOf(file.listings[0])).toEqual([
      { frequency: "WEEKLY", weekdays: ["MON", "WED"], nthWeeks: [], time: "10:00-12:00" },
      { frequency: "WEEKLY", weekdays: ["MON", "WED"], nthWeeks: [], time: "13:00-16:00" },
    ]);
  });

  it("MHLW 通いの場: （改行） becomes a line break; day-class times join the weeks the text gives, else 要確認", async () => {
    const header =
      "No,都道府県コード,都道府県名,市区町村コード,市区町村名,備考,名称（ふりがな）,名称,所在地（都道府県から番地まで）," +
      "運営日（平日）－開始,運営日（平日）－終了,運営日（土曜）－開始,運営日（土曜）－終了,定休日,活動内容";
    const rows = [
      "1,13,東京都,132080,調布市,毎月第2・第4火曜日に開催（改行）雨天決行,かよいのば,いきいき体操の会,東京都調布市布田1-1,10:00,11:30,,,,体操（改行）お茶会",
      "2,13,東京都,132080,調布市,,,ふれあいサロン,東京都調布市布田2-2,13:30,15:00,,,,",
    ];
    const file = await readCatalogFile(new TextEncoder().encode([header, ...rows].join("\n")), {
      fileName: "kayoi.csv",
    });
    expect(file.layout).toBe("MHLW_KAYOI_NO_BA");
    const [first, second] = file.listings;
    expect(rulesOf(first)).toEqual([
      { frequency: "MONTHLY_NTH_WEEKDAY", weekdays: ["TUE"], nthWeeks: [2, 4], time: "10:00-11:30" },
    ]);
    expect(first.values.description).toBe("毎月第2・第4火曜日に開催\n雨天決行");
    expect(first.values.activities).toEqual(["体操", "お茶会"]);
    expect(first.values).toMatchObject({ kind: "KAYOI_NO_BA", nameKana: "かよいのば" });
    expect(file.repairs.filter((r) => r.rule === "LINE_BREAK_MARKER").map((r) => r.column)).toEqual([
      "備考",
      "活動内容",
    ]);
    expect(second.values.schedule?.rules ?? []).toEqual([]);
    expect(second.needsReview.join()).toContain("運営日（平日）の時間はありますが");
    expect(second.values.kind).toBe("SALON");
    expect(second.kindGuess).toEqual({ from: "NAME", text: "ふれあいサロン" });
  });
});
