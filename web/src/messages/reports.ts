/** A rate (0–1, unrounded from the server) as a percentage with one decimal: 0.6667 → "66.7". */
const percentNumber = (rate: number) => (Math.round(rate * 1000) / 10).toFixed(1);

/** 成果: the outcome figures of a 年度, their charts and the CSV. */
export const reportMessages = {
  pageTitle: "成果",
  pageLead: "年度 (4月〜翌年3月) ごとの参加支援の成果指標です。記録から集計した、集計日時点の値です。",
  fiscalYear: "年度",
  period: (from: string, to: string) => `集計期間: ${from}〜${to}`,
  asOf: (date: string) => `集計日: ${date}`,
  loading: "集計しています…",
  loadError: "成果指標を読み込めませんでした。通信状況を確かめて、もう一度お試しください。",
  retry: "もう一度読み込む",
  downloadCsv: "CSVをダウンロード",
  csvFileName: (fiscalYear: string) => `成果指標_${fiscalYear}.csv`,

  figuresTitle: "成果指標",
  figuresCaption: (fiscalYear: string) => `${fiscalYear}の成果指標`,
  columns: { figure: "指標", value: "値", numerator: "分子", denominator: "分母", definition: "定義" },
  count: (n: number) => `${n}件`,
  people: (n: number) => `${n}人`,
  percentNumber,
  percent: (rate: number) => `${percentNumber(rate)}%`,
  ratioDetail: (numerator: number, denominator: number) => `(${numerator} / ${denominator})`,
  noDenominator: "対象なし",

  figures: {
    matchingCount: {
      label: "マッチング件数",
      definition: "「本人へ提案」に初めて入った日が年度内のマッチング (1件は最初に提案した年度に1回だけ数える)。",
    },
    startedCount: {
      label: "参加開始数",
      definition: "初めて「参加開始」になった日が年度内のマッチング (再開は含まない)。",
    },
    reopenedCount: {
      label: "再開数",
      definition: "中断・終結・終結後フォローから「参加開始」に戻った回数 (移行日が年度内)。",
    },
    settlingRate3Months: {
      label: "3か月定着率",
      definition:
        "最初の参加開始から3か月後の確認日が年度内・集計日以前のマッチングのうち、その日に参加が続いていた (または定着を経て終結した) 割合。",
    },
    settlingRate6Months: {
      label: "6か月定着率",
      definition: "3か月定着率と同じ定義で、確認日が最初の参加開始から6か月後。",
    },
    changeRate: {
      label: "変化が見られた人の割合",
      definition: "年度内に参加していた本人のうち、年度内に「変化あり」のフォローアップ記録がある人の割合。",
    },
    onTimeRate: {
      label: "フォローアップ期限内実施率",
      definition: "実施済み、または猶予を過ぎても未実施の予定のうち、予定日+猶予日数以内に実施した割合。",
    },
    consentRate: {
      label: "同意率 (近似)",
      definition:
        "年度内に相談受付した本人の数に対する、最初の同意日が年度内の本人の数。年度をまたぐ人がいるため100%を超えることがある。",
    },
  },

  followUps: {
    title: "フォローアップの実施状況",
    caption: "予定日が年度内かつ集計日以前の予定 (取消を除く)",
    dueCount: "期日到来の予定",
    onTimeCount: "期限内に実施",
    lateCount: "遅れて実施",
    overdueCount: "期限切れ (未実施)",
    dueTodayCount: "本日が予定日 (未実施)",
  },

  charts: {
    title: "グラフ",
    note: "グラフは上の表と同じ値です。",
    monthly: "月別のマッチング件数と参加開始数 (件)",
    counts: "件数",
    rates: "割合 (%)",
    ratesNone: "この年度は、割合を計算できる対象がまだありません。",
    followUps: "フォローアップの実施状況 (件)",
  },

  monthlyTitle: "月別の件数",
  monthlyCaption: (fiscalYear: string) => `${fiscalYear}の月別のマッチング件数と参加開始数`,
  monthLabel: (month: string) => `${Number(month.slice(5, 7))}月`,
  monthlyColumns: { month: "月", matching: "マッチング件数", started: "参加開始数" },
  notReached: "—",
  notReachedText: "まだこの月になっていません",
  csvMonthly: (label: string, month: string) =>
    `${label} (${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月)`,

  csv: {
    header: ["年度", "指標", "値", "単位", "分子", "分母"],
    unitCount: "件",
    unitPercent: "%",
    asOf: "集計日",
    periodStart: "集計期間の初日",
    periodEnd: "集計期間の末日",
  },
} as const;
