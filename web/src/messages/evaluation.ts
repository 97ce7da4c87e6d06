/** 実施状況報告: the yearly evaluation report (targets, 達成率, narratives), its targets screen and its print view. */

/** 令和8年度 (2026年度); 平成 before 2019 (令和元年度 = 2019年度: the 年度 that began in April 2019 is so counted). */
export function formatFiscalYearJa(fiscalYear: number): string {
  const era =
    fiscalYear >= 2019 ? { name: "令和", year: fiscalYear - 2018 } : { name: "平成", year: fiscalYear - 1988 };
  return `${era.name}${era.year === 1 ? "元" : era.year}年度 (${fiscalYear}年度)`;
}

/** A number as the report prints it: grouped thousands, up to one decimal (rates and 人/日 may have one). */
const number = (n: number) => n.toLocaleString("ja-JP", { maximumFractionDigits: 1 });

export const evaluationMessages = {
  pageTitle: "実施状況報告",
  pageLead:
    "重層的支援体制整備事業の年度ごとの評価です。指標ごとに目標・実績・達成率 (実績 ÷ 目標) を、その年度と前の3年度について示します。実績は記録から集計した値 (手入力の指標は入力した値) です。",
  fiscalYear: "年度",
  loading: "集計しています…",
  loadError: "実施状況報告を読み込めませんでした。通信状況を確かめて、もう一度お試しください。",
  retry: "もう一度読み込む",
  print: "印刷",
  targetsLink: "目標値を設定する",
  exportXlsx: "Excel (.xlsx) で書き出す",
  exportCsv: "CSV で書き出す",
  readOnly: "目標値・実績の入力と評価の文章は、管理者が行います。",

  jigyo: {
    1: "第1号事業 包括的相談支援事業",
    2: "第2号事業 参加支援事業",
    3: "第3号事業 地域づくり事業",
    4: "第4号事業 アウトリーチ等を通じた継続的支援事業",
    5: "第5号事業 多機関協働事業",
  } as Record<number, string>,
  jigyoShort: (jigyo: number) => `第${jigyo}号`,
  noIndicators: "この事業の指標はありません。",

  indicator: {
    number: (n: number) => `№${n}`,
    unit: (unit: string) => `単位: ${unit}`,
    bunya: "分野",
    entered: "手入力",
    enteredNote: "記録から数えられないため、実績を手で入力する指標です。",
    definition: "定義",
    rateNow: (year: string) => `${year}の達成率`,
    noRate: "—",
    noRateText: "目標が設定されていないため計算できません",
    tableCaption: (name: string) => `${name}の年度ごとの目標・実績・達成率`,
    chartLabel: (name: string) => `${name}の4年度の目標と実績のグラフ (数値は表のとおり)`,
    legendActual: "実績",
    legendTarget: "目標",
  },
  columns: { year: "年度", target: "目標", actual: "実績", rate: "達成率", bucket: "区分" },
  value: (n: number, unit: string) => (unit === "%" ? `${number(n)}%` : `${number(n)}${unit}`),
  rate: (rate: number) => `${rate.toFixed(1)}%`,
  none: "—",
  noneText: "値なし",

  buckets: {
    AT_LEAST_100: "100%以上",
    AT_LEAST_75: "75%以上",
    AT_LEAST_50: "50%以上",
    AT_LEAST_25: "25%以上",
    ABOVE_0: "0%超",
    ZERO: "0%",
  },

  enteredValue: {
    label: (year: string) => `${year}の実績 (手入力)`,
    save: "実績を保存する",
    saving: "保存しています…",
    saved: "実績を保存しました。",
    empty: "実績を入力してください",
    notNumber: "数値を入力してください",
  },

  narrative: {
    title: "評価",
    achievement: "【達成度評価】",
    issues: "【今後の課題と方向性】",
    empty: "(まだ書かれていません)",
    save: "評価を保存する",
    saving: "保存しています…",
    saved: "保存しました。",
    updatedAt: (when: string, who: string | null) => `最終更新: ${when}${who ? ` (${who})` : ""}`,
  },

  summary: {
    title: "達成状況のまとめ",
    lead: "報告の年度に目標が設定されている指標を、達成率の区分ごとに数えた表です。",
    byJigyo: "事業別の達成状況",
    byBunya: "分野別の達成状況",
    byJigyoCaption: (year: string) => `${year}の事業別の達成率の区分ごとの指標の数`,
    byBunyaCaption: (year: string) => `${year}の分野別の達成率の区分ごとの指標の数`,
    rowHeader: { jigyo: "事業", bunya: "分野" },
    total: "計",
    noTarget: "目標なし",
    totalRow: "合計",
    count: (n: number) => `${n}`,
  },

  funnel: {
    title: "参加支援の流れ",
    lead: "相談受付から同意、支援プランの策定までの人数・件数です (グラフは表と同じ値です)。",
    caption: (year: string) => `${year}の参加支援の流れ`,
    columns: { step: "段階", value: "数", detail: "内訳" },
    intakes: "相談受付件数",
    consents: "同意者数",
    planPersons: "支援プラン策定人数",
    planDetail: (fresh: number, replan: number) => `新規 ${fresh}人 / 再プラン ${replan}人`,
    supportedPersons: "支援人数 (繰越を含む)",
    supportedDetail: (carried: number) => `うち前年度からの繰越 ${carried}人`,
    cooperationOrganizations: "協力依頼機関数",
    matchings: "マッチング件数",
    count: (n: number) => `${number(n)}件`,
    people: (n: number) => `${number(n)}人`,
    organizations: (n: number) => `${number(n)}機関`,
  },

  breakdowns: {
    title: "内訳",
    lead: "報告の年度の、指標ごとの内訳です。",
    axes: { AREA: "地区別", TARGET_GROUP: "対象別", KIND: "種類別", METHOD: "方法別" },
    caption: (axis: string, year: string) => `${year}の${axis}の内訳`,
    columns: { indicator: "指標", key: "区分", value: "値" },
    citywide: "全市・地区なし",
    none: "この年度の内訳はまだありません。",
  },

  /** Labels of the codes the report's breakdowns use that the app's shared labels do not cover. */
  codes: {
    ALL: "全分野",
    ELDERLY: "高齢",
    DISABILITY: "障害",
    CHILD: "子ども",
    POVERTY: "生活困窮",
    OTHER: "その他",
    SHIEN_KAIGI: "支援会議",
    JUSOTEKI: "重層的支援会議",
    OTHER_CASE: "その他の個別ケース会議",
    REGULAR: "定例会議",
    NETWORK: "ネットワーク会議",
    ACCEPT_PERSON: "受け入れの依頼",
    CREATE_PLACE: "場づくりの依頼",
    ADVICE: "助言",
    PROBLEM: "問題への対応",
    TRAINING: "研修",
  } as Record<string, string>,

  targets: {
    pageTitle: "目標値の設定",
    pageLead:
      "指標ごとに、年度の目標値を設定します。空欄の指標は変わりません。前の年度の目標値は参考として並べています。",
    back: "実施状況報告へ戻る",
    caption: (year: string) => `${year}の目標値`,
    columns: {
      indicator: "指標",
      previous: (year: string) => `前年度 (${year}) の目標`,
      target: (year: string) => `${year}の目標`,
      setAt: "最終設定",
    },
    inputLabel: (name: string) => `${name}の目標値`,
    notSet: "未設定",
    setAt: (when: string, who: string | null) => (who ? `${when} ${who}` : when),
    save: "目標値を保存する",
    saving: "保存しています…",
    saved: (n: number) => `${n}件の目標値を保存しました。`,
    nothingChanged: "変更された目標値はありません。",
    notNumber: "数値を入力してください",
    carryForward: "前年度の目標を引き継ぐ",
    carryConfirmTitle: "前年度の目標を引き継ぎますか",
    carryConfirmBody: (from: string, to: string) =>
      `${from}の目標値を、${to}にまだ目標値のない指標に写します。すでに設定された目標値は変わりません。`,
    carryConfirm: "引き継ぐ",
    carryCancel: "やめる",
    carried: (n: number) => (n ? `${n}件の目標値を引き継ぎました。` : "引き継ぐ目標値はありませんでした。"),
    readOnly: "目標値は管理者が設定します。",
  },
} as const;
