/**
 * Every string the user sees, in one place (Japanese). Components import from here and never inline UI text, so a
 * wording change — or a later translation — touches one file.
 */

// ---- enum labels -------------------------------------------------------------------------------------------------
// Duplicated from server/src/resources/resource.enums.ts on purpose: the client must not import server code.
// The keys are checked against the schema's enum values only by review until client codegen lands.

export type ResourceKind =
  | "KAYOI_NO_BA" | "SALON" | "COMMUNITY_CAFE" | "IBASHO" | "KAIGO_YOBO_GROUP" | "HEALTH_EXERCISE"
  | "CHIKATSU_I" | "CHIKATSU_II" | "CHIKATSU_III" | "KOSODATE_HIROBA" | "KOSODATE_CIRCLE" | "KODOMO_SHOKUDO"
  | "YOUTH_LEADER" | "EMPLOYMENT_HOST" | "SHURO_JUNBI" | "SHURO_TAIKEN" | "KORYU_TAIKEN" | "VOLUNTEER"
  | "EXPERIENCE_PROGRAM" | "DROP_IN_EVENT" | "HOME_BASED_WORK" | "SPORT" | "HOUSING_SUPPORT" | "SHELTER"
  | "FOOD_PANTRY" | "KYOJO_ACTIVITY" | "SERVICE_B" | "SUPPORTER_ROLE" | "SILVER_JINZAI" | "SELF_HELP_GROUP";

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  KAYOI_NO_BA: "通いの場",
  SALON: "サロン",
  COMMUNITY_CAFE: "コミュニティカフェ",
  IBASHO: "居場所",
  KAIGO_YOBO_GROUP: "介護予防自主グループ",
  HEALTH_EXERCISE: "健康づくり教室",
  CHIKATSU_I: "地域活動支援センターⅠ型",
  CHIKATSU_II: "地域活動支援センターⅡ型",
  CHIKATSU_III: "地域活動支援センターⅢ型",
  KOSODATE_HIROBA: "子育てひろば",
  KOSODATE_CIRCLE: "子育てサークル",
  KODOMO_SHOKUDO: "子ども食堂",
  YOUTH_LEADER: "子ども育成活動",
  EMPLOYMENT_HOST: "就労受け入れ先",
  SHURO_JUNBI: "就労準備支援",
  SHURO_TAIKEN: "就労体験",
  KORYU_TAIKEN: "交流体験",
  VOLUNTEER: "ボランティア活動",
  EXPERIENCE_PROGRAM: "体験事業",
  DROP_IN_EVENT: "相談会・イベント",
  HOME_BASED_WORK: "在宅ワーク",
  SPORT: "スポーツ",
  HOUSING_SUPPORT: "居住支援",
  SHELTER: "一時シェルター",
  FOOD_PANTRY: "フードパントリー",
  KYOJO_ACTIVITY: "共助活動",
  SERVICE_B: "住民主体サービス",
  SUPPORTER_ROLE: "生活支援サポーター",
  SILVER_JINZAI: "シルバー人材センター",
  SELF_HELP_GROUP: "自主グループ・クラブ",
};

export type TargetGroup =
  | "ELDERLY" | "SINGLE_ELDERLY" | "DISABILITY_PHYSICAL" | "DISABILITY_INTELLECTUAL" | "DISABILITY_MENTAL"
  | "INTRACTABLE_DISEASE" | "CHILD_REARING" | "CHILDREN" | "PREGNANT" | "LOW_INCOME" | "HIKIKOMORI" | "FUTOKO"
  | "SELF_NEGLECT" | "YOUTH" | "ALL_RESIDENTS";

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  ELDERLY: "高齢者",
  SINGLE_ELDERLY: "単身高齢者",
  DISABILITY_PHYSICAL: "障害者(身体)",
  DISABILITY_INTELLECTUAL: "障害者(知的)",
  DISABILITY_MENTAL: "障害者(精神)",
  INTRACTABLE_DISEASE: "難病",
  CHILD_REARING: "子ども・子育て",
  CHILDREN: "子ども",
  PREGNANT: "妊産婦",
  LOW_INCOME: "生活困窮",
  HIKIKOMORI: "ひきこもり",
  FUTOKO: "不登校",
  SELF_NEGLECT: "セルフネグレクト",
  YOUTH: "若者",
  ALL_RESIDENTS: "全市民",
};

export type ResourceStatus = "ACTIVE" | "PAUSED" | "ENDED";

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  ACTIVE: "活動中",
  PAUSED: "休止中",
  ENDED: "終了",
};

// ---- dates and numbers -------------------------------------------------------------------------------------------
// The directory is for one Japanese city: dates are shown in JST whatever the device's time zone. Japan has no
// daylight saving time, so a fixed +9 h offset is exact and avoids depending on the browser's ICU data.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

const toJst = (value: Date | string): Date => new Date(new Date(value).getTime() + JST_OFFSET_MS);

/** 2026年11月22日(日) */
export function formatDate(value: Date | string): string {
  const d = toJst(value);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日(${WEEKDAYS[d.getUTCDay()]})`;
}

/** Whole calendar days (JST) from `from` to `to`: yesterday evening → today morning is 1 day. */
export function daysBetween(from: Date | string, to: Date | string): number {
  const day = (v: Date | string) => Math.floor(toJst(v).getTime() / DAY_MS);
  return day(to) - day(from);
}

const yen = new Intl.NumberFormat("ja-JP");

// ---- UI text -----------------------------------------------------------------------------------------------------

export const messages = {
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
