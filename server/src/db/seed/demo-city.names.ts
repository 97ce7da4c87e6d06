/**
 * Data tables for the fictional demo city 「みどり野市」: towns, nicknames, venues and people's names.
 * Every name part carries its reading (see demo-city.kana.ts).
 */
import { part, parts, type Part } from "./demo-city.kana.js";

export const CITY_NAME = part("みどり野市=ミドリノシ");
export const PREFECTURE = "東京都";

/** Box of the city: a fictional inland spot in western Tokyo. Centre 35.74 / 139.26. */
export const BBOX = { south: 35.7, west: 139.2, north: 35.78, east: 139.32 } as const;
export const CENTER = { lat: 35.74, lng: 139.26 } as const;
/** Half extents in degrees: normalized coordinates nx, ny ∈ [-1, 1] map to the bbox. */
export const HALF = { lat: 0.04, lng: 0.06 } as const;

export interface Town {
  key: string;
  part: Part;
  /** normalized position, -1..1 (east / north positive) */
  nx: number;
  ny: number;
  /** no 丁目; addresses use 番地 (e.g. 奥野1234) and the demand bus runs here */
  rural: boolean;
  station: string | null;
}

const t = (key: string, spec: string, nx: number, ny: number, rural = false, station: string | null = null): Town => ({
  key,
  part: part(spec),
  nx,
  ny,
  rural,
  station,
});

export const TOWNS: readonly Town[] = [
  t("honcho", "本町=ホンチョウ", 0.05, 0.12, false, "みどり野駅"),
  t("kamikawara", "上川原=カミカワラ", 0.05, 0.38),
  t("kitamidorino", "北みどり野=キタミドリノ", 0, 0.75),
  t("wakaba", "若葉町=ワカバチョウ", -0.25, 0.55),
  t("takamori", "高森=タカモリ", 0.3, 0.8, true),
  t("shimizudai", "清水台=シミズダイ", -0.45, 0.85, true),
  t("matsuba", "松葉町=マツバチョウ", 0.35, 0.5),
  t("higashi", "東みどり野=ヒガシミドリノ", 0.7, 0.05, false, "東みどり野駅"),
  t("sakura", "桜ケ丘=サクラガオカ", 0.55, 0.3),
  t("hinatadai", "日向台=ヒナタダイ", 0.85, -0.3),
  t("asahi", "朝日町=アサヒチョウ", 0.45, -0.12),
  t("shinden", "新田=シンデン", 0.9, 0.45, true),
  t("umenoki", "梅の木=ウメノキ", 0.65, -0.5),
  t("minami", "南みどり野=ミナミミドリノ", 0, -0.7, false, "南みどり野駅"),
  t("kawabata", "川端=カワバタ", 0.2, -0.45),
  t("yanagi", "柳町=ヤナギチョウ", -0.2, -0.4),
  t("shimokawara", "下川原=シモカワラ", 0.1, -0.9, true),
  t("fujimi", "富士見町=フジミチョウ", -0.35, -0.75),
  t("inarimae", "稲荷前=イナリマエ", 0.4, -0.8),
  t("nishi", "西みどり野=ニシミドリノ", -0.7, 0),
  t("yamabuki", "山吹=ヤマブキ", -0.6, 0.35),
  t("suginodai", "杉の台=スギノダイ", -0.85, -0.3, true),
  t("ozawa", "大沢=オオサワ", -0.9, 0.5, true),
  t("komine", "小峰=コミネ", -0.55, -0.25),
  t("okuno", "奥野=オクノ", -0.95, 0.1, true),
];

export const TOWN_BY_KEY: ReadonlyMap<string, Town> = new Map(TOWNS.map((town) => [town.key, town]));

/** Soft nicknames for gatherings of older residents and general groups. */
export const NICKS: readonly Part[] = parts([
  "ひだまり",
  "なごみ",
  "ふれあい",
  "えがお",
  "すまいる",
  "たんぽぽ",
  "ひまわり",
  "あおぞら",
  "まごころ",
  "やすらぎ",
  "ほほえみ",
  "あじさい",
  "すずらん",
  "コスモス",
  "クローバー",
  "ふきのとう",
  "つくし",
  "おひさま",
  "そよかぜ",
  "みのり",
  "こだま",
  "きらく",
  "ゆうゆう",
  "いこい",
  "わかば",
  "さくらそう",
  "やまびこ",
  "あかね",
  "ほたる",
  "せせらぎ",
  "長寿会=チョウジュカイ",
  "若竹=ワカタケ",
  "福寿草=フクジュソウ",
  "和み=ナゴミ",
  "寿=コトブキ",
  "陽だまり=ヒダマリ",
  "もみじ",
  "さつき",
  "ききょう",
  "なでしこ",
  "かすみそう",
  "オリーブ",
  "ミモザ",
  "ぽぷら",
  "すみれ",
  "れんげ",
]);

/** Nicknames for children's and parents' places. */
export const KID_NICKS: readonly Part[] = parts([
  "ぽかぽか",
  "にこにこ",
  "わくわく",
  "のびのび",
  "すくすく",
  "ぴよぴよ",
  "どんぐり",
  "さくらんぼ",
  "こぐま",
  "くれよん",
  "ぽっけ",
  "たまご",
  "うさぎ",
  "きらきら",
  "ころころ",
  "もぐもぐ",
  "ぱくぱく",
  "おにぎり",
  "ほっぺ",
  "ひよこ",
  "みつばち",
  "かるがも",
  "つみき",
  "おひさま",
  "ぶどうの木=ブドウノキ",
  "青い鳥=アオイトリ",
  "森のおうち=モリノオウチ",
  "みんなのテーブル",
  "ごはん広場=ゴハンヒロバ",
  "おかえり",
  "いただきます",
  "まんまる",
  "でんでん",
  "てくてく",
]);

/** Names of 居場所 and small houses. */
export const PLACE_NICKS: readonly Part[] = parts([
  "ひなたの家=ヒナタノイエ",
  "よりどころ",
  "ほっとステーション",
  "まちの縁側=マチノエンガワ",
  "ゆるり",
  "とまりぎ",
  "ふらっと",
  "あまやどり",
  "みちくさ",
  "ひとやすみ",
  "木かげ=コカゲ",
  "ここから",
  "灯り=アカリ",
  "はればれ",
  "ゆうやけ",
  "ぼちぼち",
  "ひと息=ヒトイキ",
  "あしたば",
  "窓辺=マドベ",
  "縁がわ=エンガワ",
]);

/** Names of 地域活動支援センター and similar facilities (invented in the style of 「○○の森」「○○園」). */
export const CENTER_NAMES: readonly Part[] = parts([
  "けやきの杜=ケヤキノモリ",
  "かえで園=カエデエン",
  "しいの木の家=シイノキノイエ",
  "ゆずりは工房=ユズリハコウボウ",
  "くすのき舎=クスノキシャ",
  "やまもも園=ヤマモモエン",
  "ならの木ひろば=ナラノキヒロバ",
  "はなみずきの家=ハナミズキノイエ",
  "かしの実工房=カシノミコウボウ",
  "いちょうの森=イチョウノモリ",
]);

/** シルバー人材センター work groups. */
export const SILVER_JOBS: readonly Part[] = parts([
  "除草作業班=ジョソウサギョウハン",
  "植木剪定班=ウエキセンテイハン",
  "駐輪場管理班=チュウリンジョウカンリハン",
  "公園清掃班=コウエンセイソウハン",
  "家事援助班=カジエンジョハン",
  "襖・障子張り班=フスマショウジハリハン",
  "宛名書き班=アテナガキハン",
  "施設管理班=シセツカンリハン",
]);

/** Community venues in a town: 「若葉町会館」「桜ケ丘自治会館」… */
export const TOWN_VENUES: readonly string[] = [
  "会館",
  "会館",
  "自治会館",
  "自治会館",
  "集会所",
  "集会所",
  "公民館",
  "地区会館",
  "ふれあいセンター",
  "コミュニティセンター",
];
export const KID_VENUES: readonly string[] = ["児童館", "子育て支援センター", "公民館", "コミュニティセンター"];
export const PARK_VENUES: readonly string[] = ["公園", "運動広場", "公民館 体育室", "コミュニティセンター 多目的室"];

export interface CentralVenue {
  name: string;
  address: string;
  nx: number;
  ny: number;
}

/** Municipal venues near the city centre (本町), used by citywide listings. */
export const CENTRAL_VENUES: readonly CentralVenue[] = [
  { name: "みどり野市保健センター", address: "東京都みどり野市本町2-3-1", nx: 0.1, ny: 0.05 },
  { name: "みどり野市総合福祉センター", address: "東京都みどり野市本町2-5-8", nx: 0.12, ny: 0.1 },
  { name: "みどり野市役所 本庁舎1階 市民ホール", address: "東京都みどり野市本町1-1-1", nx: 0.06, ny: 0.14 },
  { name: "みどり野市民会館", address: "東京都みどり野市本町3-12-4", nx: 0.02, ny: 0.18 },
  { name: "みどり野駅前交流プラザ", address: "東京都みどり野市本町1-20-2", nx: 0.04, ny: 0.11 },
  { name: "みどり野市総合体育館", address: "東京都みどり野市上川原2-8-1", nx: 0.08, ny: 0.32 },
];

export const SURNAMES: readonly string[] = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "山崎",
  "森",
  "池田",
  "橋本",
  "阿部",
  "石川",
  "前田",
  "小川",
  "岡田",
  "長谷川",
  "村上",
  "近藤",
  "坂本",
  "遠藤",
  "青木",
  "藤井",
  "西村",
  "福田",
  "太田",
  "三浦",
  "岡本",
  "原田",
  "中島",
  "小野",
  "竹内",
];

export const GIVEN_NAMES: readonly string[] = [
  "みのり",
  "裕子",
  "健一",
  "直樹",
  "さくら",
  "和子",
  "恵子",
  "幸子",
  "洋子",
  "美穂",
  "真理",
  "由美",
  "大輔",
  "翔太",
  "拓也",
  "誠",
  "浩二",
  "修",
  "隆",
  "博",
  "明美",
  "久美子",
  "智子",
  "陽子",
  "涼子",
  "彩",
  "葵",
  "結衣",
  "悠斗",
  "蓮",
  "美咲",
  "千尋",
  "純一",
  "正人",
  "文子",
  "静香",
  "聡",
  "和也",
  "弘美",
  "朋子",
];

/** Short schedule notes, by theme. */
export const NOTES = {
  outdoor: ["雨天中止", "雨天時は体育室で実施", "動きやすい服装でお越しください"],
  materials: ["材料費は実費", "エプロン・三角巾をお持ちください", "持ち物: 飲み物・タオル"],
  booking: ["初回のみ事前に電話で申し込み", "定員になり次第締め切り", "見学は前日までに連絡"],
  general: ["お気軽にお越しください", "途中参加・途中退出可", "8月は休み", "上履きをお持ちください"],
} as const;
