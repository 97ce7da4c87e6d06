import { describe, expect, it } from "vitest";
import { formatFiscalYearJa } from "../../messages";
import {
  breakdownLabel,
  breakdownTables,
  chartMax,
  parseAmount,
  sectionsOf,
  targetYearOptions,
} from "./evaluation-model";
import { report2023 } from "./fixtures";

const areas = new Map([["a-1", "みどり野北エリア"]]);

describe("evaluation model", () => {
  it("names a 年度 in the era and in the western year", () => {
    expect(formatFiscalYearJa(2023)).toBe("令和5年度 (2023年度)");
    expect(formatFiscalYearJa(2019)).toBe("令和元年度 (2019年度)");
    expect(formatFiscalYearJa(2018)).toBe("平成30年度 (2018年度)");
    expect(targetYearOptions(2026).slice(0, 3)).toEqual([2027, 2026, 2025]);
  });

  it("labels every kind of breakdown key the report sends, and shows an unknown code as it is", () => {
    expect(breakdownLabel("AREA", "a-1", areas)).toBe("みどり野北エリア");
    expect(breakdownLabel("AREA", "CITYWIDE", areas)).toBe("全市・地区なし");
    expect(breakdownLabel("TARGET_GROUP", "POVERTY", areas)).toBe("生活困窮"); // an intake's 分野
    expect(breakdownLabel("TARGET_GROUP", "HIKIKOMORI", areas)).toBe("ひきこもり"); // a listing's target group
    expect(breakdownLabel("TARGET_GROUP", "ELDERLY", areas)).toBe("高齢者");
    expect(breakdownLabel("KIND", "SALON", areas)).toBe("サロン");
    expect(breakdownLabel("KIND", "JUSOTEKI", areas)).toBe("重層的支援会議");
    expect(breakdownLabel("KIND", "REPLAN", areas)).toBe("再プラン");
    expect(breakdownLabel("METHOD", "PHONE", areas)).toBe("電話");
    expect(breakdownLabel("KIND", "SOMETHING_NEW", areas)).toBe("SOMETHING_NEW");
  });

  it("numbers the indicators across the report and groups them by 事業, with each 事業's narrative", () => {
    const sections = sectionsOf(report2023());
    expect(sections.map((s) => s.rows.map((r) => r.number))).toEqual([[1], [2, 3, 4], [5], [], []]);
    expect(sections[1].narrative?.achievementEvaluation).toBe("協力依頼機関数は目標に届かなかった。");
    expect(sections[0].narrative).toBeNull();
  });

  it("makes one breakdown table per axis, largest first", () => {
    const tables = breakdownTables(report2023().rows, areas);
    expect(tables.map((t) => t.axis)).toEqual(["AREA", "TARGET_GROUP", "METHOD"]);
    expect(tables[2].lines.map((l) => [l.label, l.value])).toEqual([
      ["電話", 30],
      ["訪問", 12],
    ]);
  });

  it("reads a typed amount (full-width digits and commas too) and tells empty from not a number", () => {
    expect(parseAmount(" 1,200 ")).toEqual({ kind: "number", value: 1200 });
    expect(parseAmount("１２．５")).toEqual({ kind: "number", value: 12.5 });
    expect(parseAmount("")).toEqual({ kind: "empty" });
    expect(parseAmount("たくさん")).toEqual({ kind: "invalid" });
    expect(
      chartMax([
        { target: 220, actual: 63 },
        { target: null, actual: 300 },
      ]),
    ).toBe(300);
    expect(chartMax([{ target: null, actual: null }])).toBe(1);
  });
});
