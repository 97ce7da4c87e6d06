import { describe, expect, it } from "vitest";
import { BUCKETS, achievementRate, bucketOf, buildEvaluationReport, type Bucket } from "./evaluation-report.js";
import type { Bunya, IndicatorDefinition, Jigyo } from "./indicator-catalog.js";
import { emptyRecords } from "./indicator-records.js";

describe("達成率 and its bucket", () => {
  it("is actual ÷ target × 100 to one decimal, as 高松市 shows it", () => {
    expect(achievementRate(26441, 25500)).toBe(103.7);
    expect(achievementRate(63, 220)).toBe(28.6);
    expect(achievementRate(9, 11)).toBe(81.8);
    expect(achievementRate(14039, 3644)).toBe(385.3);
    expect(achievementRate(0, 1)).toBe(0);
  });

  it("has none without a target, with a target of 0, or without an actual", () => {
    expect(achievementRate(5, null)).toBeNull();
    expect(achievementRate(5, 0)).toBeNull();
    expect(achievementRate(null, 10)).toBeNull();
  });

  it("falls in a bucket by its rounded value, each bound in the higher bucket", () => {
    const cases: [number | null, Bucket | null][] = [
      [385.3, "100%以上"],
      [100, "100%以上"],
      [99.9, "75%以上"],
      [75, "75%以上"],
      [74.9, "50%以上"],
      [50, "50%以上"],
      [25, "25%以上"],
      [24.9, "0%超"],
      [0.1, "0%超"],
      [0, "0%"],
      [null, null],
    ];
    for (const [rate, bucket] of cases) expect(bucketOf(rate), String(rate)).toBe(bucket);
    // 99.96 is shown as 100.0, so it is 100%以上.
    expect(bucketOf(achievementRate(9996, 10000))).toBe("100%以上");
  });
});

type Row = [Jigyo, Bunya, string, string, number, number, number | null, number | null, number | null];
/*
 * 高松市 R5 (2023年度): the 25 indicators of its report with their R5 target and R5, R4, R3, R2 actuals, all entered by
 * hand (the city's own figures). 分野: 介護 → 高齢, 障がい → 障害, 子ども・子育て → 子ども.
 */
const TAKAMATSU_25: Row[] = [
  [1, "高齢", "地域包括支援センター 総合相談支援件数", "件", 25500, 26441, 24577, 23267, 24024],
  [1, "障害", "基幹相談支援センター 新規相談件数", "件", 705, 914, 926, 867, 725],
  [1, "障害", "障害者相談支援事業所 相談件数", "件", 1000, 1258, 921, 740, 1227],
  [1, "障害", "居住サポート事業所 利用件数", "件", 1, 0, 0, 0, 0],
  [1, "子ども", "たかまつ地域子育て支援コーディネーター 相談受付件数", "件", 3000, 3127, 3082, 2648, 2727],
  [
    1,
    "子ども",
    "子育て世代包括支援センター及び保健ステーション 母子保健相談件数",
    "件",
    15600,
    23280,
    22065,
    22830,
    21874,
  ],
  [1, "生活困窮", "自立相談支援センターたかまつ 総合相談支援件数", "件", 550, 834, 837, 677, 523],
  [1, "全分野", "つながる福祉相談窓口 相談受付人数", "人", 300, 221, 96, 125, 39],
  [2, "全分野", "協力依頼機関数", "機関", 220, 63, 42, null, null],
  [2, "全分野", "支援プラン策定人数（参加支援事業）", "人", 11, 9, 5, null, null],
  [3, "高齢", "「元気を広げる人」養成講座修了者数（累積）", "人", 1000, 927, 907, 875, 856],
  [3, "高齢", "居場所参加者の主観的健康観の維持向上率", "%", 95.3, 92.2, 91.9, 94.0, 91.9],
  [3, "高齢", "第一層協議体の会議開催回数", "回", 2, 1, 1, 1, 1],
  [3, "高齢", "地域福祉ネットワーク会議立上げ地区数", "地区", 44, 43, 43, 43, 42],
  [3, "障害", "地域活動支援センターⅠ型サービス利用量", "人/日", 14, 15, 15, 15, 12],
  [3, "障害", "地域活動支援センターⅡ型サービス利用量", "人/日", 21, 20, 17, 30, 20],
  [3, "障害", "地域活動支援センターⅢ型サービス利用量", "人/日", 20, 16, 16, 20, 19],
  [3, "子ども", "地域子育て支援拠点 延べ利用回数", "人回", 81000, 57903, 47799, 38199, 43036],
  [3, "全分野", "実施箇所数", "か所", 33, 33, 24, null, null],
  [4, "全分野", "まるごと福祉相談員のアウトリーチ件数", "件", 3644, 14039, 11035, 5959, 854],
  [4, "全分野", "支援プラン策定人数（アウトリーチ事業）", "人", 528, 25, null, null, null],
  [5, "全分野", "連携機関数", "機関", 396, 51, null, null, null],
  [5, "全分野", "支援プラン策定人数（多機関協働事業）", "人", 264, 31, null, null, null],
  [5, "全分野", "まるごと福祉会議等開催総数", "回", 100, 64, 58, 56, 52],
  [5, "全分野", "１のうち重層的支援会議・支援会議開催数", "回", 24, 34, 23, null, null],
];

const counts = (c: number[]) => Object.fromEntries(BUCKETS.map((b, i) => [b, c[i]]));

describe("the report: 高松市's 25 R5 indicators as entered values", () => {
  const catalog: IndicatorDefinition[] = TAKAMATSU_25.map(([jigyo, bunya, name, unit], i) => ({
    id: `takamatsu-${i + 1}`,
    name,
    unit,
    jigyo,
    bunya: [bunya],
    definition: `${name} (高松市の報告値)`,
    kind: { entered: true, why: "市の集計値" },
  }));
  const enteredValues = TAKAMATSU_25.flatMap(([, , , , , r5, r4, r3, r2], i) =>
    (
      [
        [2023, r5],
        [2022, r4],
        [2021, r3],
        [2020, r2],
      ] as const
    )
      .filter(([, v]) => v !== null)
      .map(([fiscalYear, value]) => ({ indicatorId: `takamatsu-${i + 1}`, fiscalYear, value: value! })),
  );
  const targets = TAKAMATSU_25.map(([, , , , target], i) => ({
    indicatorId: `takamatsu-${i + 1}`,
    fiscalYear: 2023,
    value: target,
  }));
  const report = buildEvaluationReport({
    fiscalYear: 2023,
    catalog,
    records: emptyRecords("2024-06-01"),
    targets,
    enteredValues,
    narratives: [
      {
        jigyo: 2,
        achievementEvaluation: "協力依頼機関数は目標を下回った",
        issuesAndDirection: "受け入れ先の開拓を進める",
      },
      { jigyo: 1, achievementEvaluation: "概ね目標を上回った", issuesAndDirection: "窓口の周知" },
    ],
  });

  it("shows R2–R5 and each R5 達成率 as the seed prints it", () => {
    expect(report.years).toEqual([2020, 2021, 2022, 2023]);
    expect(report.rows.map((r) => r.rate)).toEqual([
      103.7, 129.6, 125.8, 0, 104.2, 149.2, 151.6, 73.7, 28.6, 81.8, 92.7, 96.7, 50, 97.7, 107.1, 95.2, 80, 71.5, 100,
      385.3, 4.7, 12.9, 11.7, 64, 141.7,
    ]);
    expect(report.rows[8].years.map((y) => y.actual)).toEqual([null, null, 42, 63]);
    expect(report.rows[8].years[2].rate).toBeNull(); // no R4 target entered
  });

  it("reproduces the 事業別 table (10 / 6 / 4 / 1 / 3 / 1 of 25)", () => {
    expect(report.byJigyo.map((r) => [r.key, r.total, r.counts])).toEqual([
      ["1", 8, counts([6, 0, 1, 0, 0, 1])],
      ["2", 2, counts([0, 1, 0, 1, 0, 0])],
      ["3", 9, counts([2, 5, 2, 0, 0, 0])],
      ["4", 2, counts([1, 0, 0, 0, 1, 0])],
      ["5", 4, counts([1, 0, 1, 0, 2, 0])],
      ["TOTAL", 25, counts([10, 6, 4, 1, 3, 1])],
    ]);
  });

  it("reproduces the 分野別 table", () => {
    expect(report.byBunya.map((r) => [r.key, r.total, r.counts])).toEqual([
      ["全分野", 10, counts([3, 1, 2, 1, 3, 0])],
      ["高齢", 5, counts([1, 3, 1, 0, 0, 0])],
      ["障害", 6, counts([3, 2, 0, 0, 0, 1])],
      ["子ども", 3, counts([2, 0, 1, 0, 0, 0])],
      ["生活困窮", 1, counts([1, 0, 0, 0, 0, 0])],
      ["TOTAL", 25, counts([10, 6, 4, 1, 3, 1])],
    ]);
  });

  it("keeps the narratives, by 事業", () => {
    expect(report.narratives.map((n) => n.jigyo)).toEqual([1, 2]);
  });

  it("counts an indicator without a target apart, outside the buckets", () => {
    const partial = buildEvaluationReport({
      fiscalYear: 2023,
      catalog,
      records: emptyRecords("2024-06-01"),
      targets: targets.slice(0, 20),
      enteredValues,
      narratives: [],
    });
    const total = partial.byJigyo.at(-1)!;
    expect([total.total, total.noTarget]).toEqual([20, 5]);
  });
});
