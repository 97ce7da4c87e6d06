import { describe, expect, it } from "vitest";
import { outcomeCsv } from "./outcome-csv";
import { summary2026 } from "./fixtures";
import { fiscalYearFromParam, fiscalYearOptions } from "./outcome-model";

describe("成果 CSV", () => {
  it("is UTF-8 with a BOM, CRLF lines, a Japanese header and one row per figure with the 年度", () => {
    const csv = outcomeCsv(summary2026, summary2026.asOf);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    expect(csv.slice(1).split("\r\n")).toEqual([
      "年度,指標,値,単位,分子,分母",
      "2026年度,マッチング件数,18,件,,",
      "2026年度,参加開始数,11,件,,",
      "2026年度,再開数,1,件,,",
      "2026年度,3か月定着率,66.7,%,2,3",
      "2026年度,6か月定着率,,%,0,0",
      "2026年度,変化が見られた人の割合,62.5,%,5,8",
      "2026年度,フォローアップ期限内実施率,78.9,%,30,38",
      "2026年度,同意率 (近似),105.0,%,21,20",
      "2026年度,フォローアップの実施状況: 期日到来の予定,41,件,,",
      "2026年度,フォローアップの実施状況: 期限内に実施,30,件,,",
      "2026年度,フォローアップの実施状況: 遅れて実施,6,件,,",
      "2026年度,フォローアップの実施状況: 期限切れ (未実施),4,件,,",
      "2026年度,フォローアップの実施状況: 本日が予定日 (未実施),1,件,,",
      "2026年度,マッチング件数 (2026年4月),3,件,,",
      "2026年度,参加開始数 (2026年4月),2,件,,",
      "2026年度,マッチング件数 (2026年5月),2,件,,",
      "2026年度,参加開始数 (2026年5月),1,件,,",
      "2026年度,マッチング件数 (2026年6月),1,件,,",
      "2026年度,参加開始数 (2026年6月),1,件,,",
      "2026年度,マッチング件数 (2026年7月),4,件,,",
      "2026年度,参加開始数 (2026年7月),2,件,,",
      "2026年度,マッチング件数 (2026年8月),2,件,,",
      "2026年度,参加開始数 (2026年8月),1,件,,",
      "2026年度,マッチング件数 (2026年9月),1,件,,",
      "2026年度,参加開始数 (2026年9月),1,件,,",
      "2026年度,マッチング件数 (2026年10月),3,件,,",
      "2026年度,参加開始数 (2026年10月),2,件,,",
      "2026年度,マッチング件数 (2026年11月),2,件,,",
      "2026年度,参加開始数 (2026年11月),1,件,,",
      "2026年度,マッチング件数 (2026年12月),,件,,",
      "2026年度,参加開始数 (2026年12月),,件,,",
      "2026年度,マッチング件数 (2027年1月),,件,,",
      "2026年度,参加開始数 (2027年1月),,件,,",
      "2026年度,マッチング件数 (2027年2月),,件,,",
      "2026年度,参加開始数 (2027年2月),,件,,",
      "2026年度,マッチング件数 (2027年3月),,件,,",
      "2026年度,参加開始数 (2027年3月),,件,,",
      "2026年度,集計期間の初日,2026-04-01,,,",
      "2026年度,集計期間の末日,2027-03-31,,,",
      "2026年度,集計日,2026-11-22,,,",
      "",
    ]);
  });
});

describe("成果 CSV, months not reached yet", () => {
  it("leaves a month empty when the server sends null for it, whatever the date", () => {
    const monthly = summary2026.monthly.map((row) => (row.month === "2026-10" ? { ...row, matchingCount: null, startedCount: null } : row));
    // The schema still says Int! until the server sends null for months not reached.
    const csv = outcomeCsv({ ...summary2026, monthly }, "2027-06-01");
    expect(csv).toContain("\r\n2026年度,マッチング件数 (2026年10月),,件,,\r\n2026年度,参加開始数 (2026年10月),,件,,\r\n");
    expect(csv).toContain("\r\n2026年度,マッチング件数 (2027年3月),0,件,,\r\n");
  });
});

describe("年度 choice", () => {
  it("offers this 年度 and four back, and falls back to this one for anything else", () => {
    const options = fiscalYearOptions(2026);
    expect(options).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(fiscalYearFromParam("2024", options)).toBe(2024);
    expect(fiscalYearFromParam("1999", options)).toBe(2026);
    expect(fiscalYearFromParam(null, options)).toBe(2026);
  });
});
