import type { UnderstoodKind } from "../gql/graphql";
import { yen } from "./format";

/** A person's name with さん, unless the name (often an alias such as 「Iさん (80代女性)」) already has an honorific. */
export function withSan(name: string): string {
  return /(さん|様|くん|ちゃん)(\s*[(（].*[)）])?$/.test(name.trim()) ? name : `${name} さん`;
}

/** 資源をさがす and 資源の詳細: the directory search, its result cards and a listing's page. */
export const searchMessages = {
  pageHeading: "資源をさがす",
  pageLead: "地域の通いの場・居場所・就労体験などを、ことばと条件で探せます。",

  searchLabel: "キーワードで探す",
  searchHint: "名称・よみがな・活動内容から探します(例: 体操、カフェ、こども)。入力すると結果が変わります。",
  understood: {
    heading: "ことばから読み取った条件",
    hint: "曜日・時間帯・時刻・地区・無料・送迎・見学・体験のことばは、絞り込みとして使っています。",
    kinds: {
      WEEKDAY: "曜日",
      TIME_BAND: "時間帯",
      TIME_WINDOW: "時刻",
      AREA: "地区",
      FREE: "費用",
      TRANSPORT: "交通",
      VISIT: "見学",
      TRIAL: "体験",
    } satisfies Record<UnderstoodKind, string>,
    chip: (kind: string, label: string) => `${kind}: ${label}`,
    remove: (word: string) => `「${word}」を検索語から外す`,
  },
  filtersHeading: "絞り込み",
  resultsHeading: "検索結果",
  listLabel: "資源の一覧",
  clearFilters: "条件をクリア",

  facets: {
    kinds: "種類",
    targetGroups: "対象",
    areas: "地区",
    weekdays: "曜日",
    timeBands: "時間帯",
    conditions: "条件",
    free: "無料",
    barrierFree: "バリアフリー",
    pickup: "送迎",
    visitAllowed: "見学可",
    trialAllowed: "体験可",
  },
  facetOption: (label: string, count: number) => `${label} (${yen.format(count)})`,
  showAllOptions: (hidden: number) => `ほか ${hidden} 件を表示`,
  showFewerOptions: "少なく表示",

  sortLabel: "並び順",
  sortNeedsOrigin: "(距離の基準を選ぶと使えます)",
  originLabel: "距離の基準",
  originNone: "指定しない",
  originPerson: "本人の自宅付近",
  originArea: (areaName: string) => `${areaName}の中心付近`,
  radiusLabel: "範囲",
  radiusOption: (meters: number) => (meters < 1000 ? `${meters}m以内` : `${meters / 1000}km以内`),
  originAreaHint: "地区の中心は、その地区にある資源の位置から求めたおおよその地点です。",
  originPersonHint: "本人の自宅付近 (約100m単位) から測ります。",
  originPersonAreaHint: "自宅の位置が未登録のため、本人の地区の中心付近から測ります。",
  originUnavailable: "この基準の位置がわからないため、距離では絞り込んでいません。",
  originLoading: "基準の位置を調べています…",

  forPerson: (name: string) => `${withSan(name)}のための検索です。`,
  backToPerson: (name: string) => `${withSan(name)}のページへ戻る`,

  totalCount: (n: number) => `全 ${yen.format(n)} 件`,
  shownCount: (shown: number, total: number) => `全 ${yen.format(total)} 件中 ${yen.format(shown)} 件を表示`,
  loading: "読み込み中…",
  searching: "検索中…",
  empty: "条件に合う資源は見つかりませんでした。キーワードを変えるか、条件を減らしてお試しください。",
  raiseGap: "見つからなかったことを「資源の不足」として記録する",
  degraded:
    "いまは検索エンジンにつながらないため、簡易検索で表示しています。よみがなや言い換えでは見つからないことがあり、並び順の精度も下がります。",
  loadError: "資源の一覧を読み込めませんでした。通信状況を確かめて、もう一度お試しください。",
  loadMoreError: "続きを読み込めませんでした。もう一度お試しください。",
  retry: "もう一度読み込む",
  loadMore: "もっと見る",
  loadingMore: "読み込み中…",

  export: {
    heading: "この条件で書き出す",
    hint: "絞り込み・キーワードに合う資源をすべて書き出します (表示中のページだけではありません)。",
    encodingLabel: "CSVの文字コード",
    utf8: "UTF-8 (BOM付き・新しいExcel向け)",
    cp932: "Shift_JIS (CP932・古いExcel向け)",
    csv: "CSVで書き出す",
    xlsx: "Excel (.xlsx) で書き出す",
    hsds: "HSDS 3.0 (国際標準) で書き出す",
  },
  card: {
    organization: "運営",
    schedule: "日程",
    nextSession: "次回",
    nextSessionNone: "予定なし",
    openings: "空き",
    distance: "距離",
    free: "無料",
    costPerSession: (yenAmount: number) => `1回 ${yen.format(yenAmount)}円`,
    openingsCount: (n: number) => `空き ${yen.format(n)}人`,
    full: "満員",
    visitAllowed: "見学可",
    trialAllowed: "体験可",
    distanceFrom: (meters: number) =>
      meters < 1000 ? `約${Math.max(10, Math.round(meters / 10) * 10)}m` : `約${(meters / 1000).toFixed(1)}km`,
  },

  verification: {
    daysAgo: (days: number) => (days === 0 ? "確認から 0日 (今日確認)" : `確認から ${days}日`),
    on: (date: string) => `${date} 確認`,
    notVerified: "掲載内容が未確認です",
    staleBadge: "要確認",
    staleText: "半年以上、掲載内容が確認されていません。開催日や空きが変わっているかもしれません。",
  },

  detail: {
    backToResults: "検索結果へ戻る",
    backToSearch: "資源をさがすへ",
    editListing: "掲載内容を編集する",
    notFound: "この資源は見つかりませんでした。掲載が終わったか、アドレスが違っている可能性があります。",
    scheduleHeading: "日程",
    nextSessionsHeading: "次回の開催",
    nextSessionsNone: "予定されている開催はありません。",
    scheduleNote: "補足",
    closedDates: "臨時休止日",
    placeHeading: "会場・アクセス",
    venue: "会場",
    address: "住所",
    nearestStop: "最寄り",
    transport: "交通・送迎",
    accessibility: "バリアフリー・配慮",
    homeBased: "在宅で参加できます",
    visiting: "訪問型 (自宅などに来てもらえます)",
    citywide: "市全域が対象",
    areas: "地域",
    participationHeading: "参加について",
    targetGroups: "対象",
    activities: "活動内容",
    roles: "参加の形",
    cost: "費用",
    capacity: "定員・空き",
    capacityValue: (capacity: number | null, openings: number | null) =>
      [
        capacity != null ? `定員 ${capacity}人` : null,
        openings === 0 ? "満員" : openings != null ? `空き ${openings}人` : null,
      ]
        .filter(Boolean)
        .join("・") || "未登録",
    visitTrial: "見学・体験",
    visitTrialValue: (visit: boolean, trial: boolean) =>
      visit && trial
        ? "見学できます・体験できます"
        : visit
          ? "見学できます"
          : trial
            ? "体験できます"
            : "見学・体験の受け付けはありません",
    eligibility: "利用条件",
    ageRange: (min: number | null, max: number | null) =>
      min != null && max != null
        ? `${min}〜${max}歳`
        : min != null
          ? `${min}歳以上`
          : max != null
            ? `${max}歳以下`
            : "",
    certificateRequired: "手帳等が必要",
    residenceRequired: "市内在住",
    requiresSupportPlan: "支援プランのある人のみ",
    referredCasesOnly: "関係機関からの紹介のみ",
    noEligibility: "特になし",
    contactHeading: "問い合わせ先",
    organization: "運営",
    contactName: "担当",
    phone: "電話",
    phone2: "電話 (2つ目)",
    email: "メール",
    /** The organization's 公開用の連絡先の補足 (受付時間・窓口名など). */
    contactNote: "補足",
    noContact: "連絡先は登録されていません。",
    status: "状態",
    verificationHeading: "掲載内容の確認",
  },
} as const;
