import { yen } from "./format";

/** 資源をさがす: the directory search page and its result cards. */
export const searchMessages = {
  documentTitle: "つなぐ — 地域資源さがし",
  pageHeading: "つなぐ 地域資源さがし",
  pageLead: "地域の通いの場・居場所・就労体験などを探せます。",

  searchLabel: "キーワードで探す",
  searchHint: "名称・よみがな・説明から探します(例: 体操、カフェ、こども)",
  kindLabel: "種類",
  kindAll: "すべての種類",
  filtersLabel: "絞り込み",
  resultsLabel: "検索結果",
  listLabel: "資源の一覧",

  totalCount: (n: number) => `全 ${yen.format(n)} 件`,
  loading: "読み込み中…",
  searching: "検索中…",
  empty: "条件に合う資源は見つかりませんでした。キーワードや種類を変えてお試しください。",
  loadError: "資源の一覧を読み込めませんでした。通信状況を確かめて、もう一度お試しください。",
  loadMoreError: "続きを読み込めませんでした。もう一度お試しください。",
  retry: "もう一度読み込む",
  loadMore: "もっと見る",
  loadingMore: "読み込み中…",

  card: {
    organization: "運営",
    areas: "地域",
    targetGroups: "対象",
    schedule: "日程",
    nextSession: "次回",
    nextSessionNone: "予定なし",
    cost: "費用",
    venue: "会場",
    free: "無料",
    costPerSession: (yenAmount: number) => `1回 ${yen.format(yenAmount)}円`,
    openingsAvailable: "空きあり",
    full: "満員",
    verifiedDaysAgo: (days: number) => `確認から ${days}日`,
    verifiedOn: (date: string) => `${date} 確認`,
    notVerified: "掲載内容が未確認です",
    staleWarning: "要確認: 半年以上、掲載内容が確認されていません",
  },
} as const;
