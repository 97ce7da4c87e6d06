/**
 * Host organizations of 「みどり野市」. All names are invented; contacts are generated (042-5xx-xxxx, example.jp).
 */
import { CityRelationship, OrgType } from "../../organizations/organization.enums.js";
import { part, type Part } from "./demo-city.kana.js";

export interface OrgSpec {
  key: string;
  name: string;
  nameKana: string;
  orgType: OrgType;
  cityRelationship: CityRelationship;
  /** town key of the office (see TOWNS) */
  town: string;
  /** local part of the contact e-mail (…@example.jp) */
  mail: string;
  /** short form used inside resource names: 「若葉会」「ホテルみどり野ガーデン」 */
  short: Part;
  /** name of the site where its own programmes take place, when not simply the organization's name */
  facility: string | null;
}

const {
  MUNICIPAL_DIVISION,
  SHAKYO_CITY,
  SHAKYO_DISTRICT,
  SOCIAL_WELFARE_CORP,
  NPO,
  COMPANY,
  NURSERY,
  RESIDENT_GROUP,
  MEDICAL_PROF,
  UNIVERSITY,
  PUBLIC_AGENCY,
} = OrgType;
const { DIRECT, CONTRACTED, SUBSIDIZED, INDEPENDENT } = CityRelationship;

/**
 * `spec` is the name with its reading as name parts: "社会福祉法人 =シャカイフクシホウジン|若葉会=ワカバカイ"; the last
 * part (or `short`) is the short form.
 */
function o(
  key: string,
  spec: string,
  orgType: OrgType,
  rel: CityRelationship,
  town: string,
  mail: string,
  extra: { short?: string; facility?: string } = {},
): OrgSpec {
  const ps = spec.split("|").map(part);
  const name = ps.map((p) => p[0]).join("");
  const nameKana = ps.map((p) => p[1]).join("");
  const short = extra.short ? part(extra.short) : ps[ps.length - 1];
  return { key, name, nameKana, orgType, cityRelationship: rel, town, mail, short, facility: extra.facility ?? null };
}

const CITY = "みどり野市 =ミドリノシ";
const SWC = "社会福祉法人 =シャカイフクシホウジン";
const NPO_ = "NPO法人 =エヌピーオーホウジン";

export const ORGS: readonly OrgSpec[] = [
  // 市の課 (直営)
  o("city-welfare", `${CITY}|福祉総務課=フクシソウムカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "fukushi-somu"),
  o("city-elderly", `${CITY}|高齢介護課=コウレイカイゴカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "korei-kaigo"),
  o("city-disability", `${CITY}|障害福祉課=ショウガイフクシカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "shogai-fukushi"),
  o("city-kids", `${CITY}|子育て支援課=コソダテシエンカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "kosodate", {
    facility: "みどり野市子ども家庭支援センター",
  }),
  o("city-health", `${CITY}|健康推進課=ケンコウスイシンカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "kenko", {
    facility: "みどり野市保健センター",
  }),
  o(
    "city-sports",
    `${CITY}|生涯学習スポーツ課=ショウガイガクシュウスポーツカ`,
    MUNICIPAL_DIVISION,
    DIRECT,
    "kamikawara",
    "sports",
    { facility: "みどり野市総合体育館" },
  ),
  o("city-industry", `${CITY}|産業観光課=サンギョウカンコウカ`, MUNICIPAL_DIVISION, DIRECT, "honcho", "sangyo"),
  // 社会福祉協議会・地区社協
  o(
    "shakyo",
    `${SWC}|みどり野市社会福祉協議会=ミドリノシシャカイフクシキョウギカイ`,
    SHAKYO_CITY,
    CONTRACTED,
    "honcho",
    "shakyo",
    { short: "みどり野市社協=ミドリノシシャキョウ", facility: "みどり野市総合福祉センター" },
  ),
  o(
    "shakyo-north",
    "みどり野北地区社会福祉協議会=ミドリノキタチクシャカイフクシキョウギカイ",
    SHAKYO_DISTRICT,
    SUBSIDIZED,
    "wakaba",
    "kita-chikushakyo",
    { short: "北地区社協=キタチクシャキョウ" },
  ),
  o(
    "shakyo-east",
    "みどり野東地区社会福祉協議会=ミドリノヒガシチクシャカイフクシキョウギカイ",
    SHAKYO_DISTRICT,
    SUBSIDIZED,
    "higashi",
    "higashi-chikushakyo",
    { short: "東地区社協=ヒガシチクシャキョウ" },
  ),
  o(
    "shakyo-south",
    "みどり野南地区社会福祉協議会=ミドリノミナミチクシャカイフクシキョウギカイ",
    SHAKYO_DISTRICT,
    SUBSIDIZED,
    "minami",
    "minami-chikushakyo",
    { short: "南地区社協=ミナミチクシャキョウ" },
  ),
  o(
    "shakyo-west",
    "みどり野西地区社会福祉協議会=ミドリノニシチクシャカイフクシキョウギカイ",
    SHAKYO_DISTRICT,
    SUBSIDIZED,
    "nishi",
    "nishi-chikushakyo",
    { short: "西地区社協=ニシチクシャキョウ" },
  ),
  // 社会福祉法人
  o("swc-wakaba", `${SWC}|若葉会=ワカバカイ`, SOCIAL_WELFARE_CORP, CONTRACTED, "wakaba", "wakabakai", {
    facility: "若葉会 地域交流ホーム",
  }),
  o("swc-asahi", `${SWC}|あさひ福祉会=アサヒフクシカイ`, SOCIAL_WELFARE_CORP, CONTRACTED, "asahi", "asahi-fukushikai"),
  o("swc-morinoki", `${SWC}|杜の木会=モリノキカイ`, SOCIAL_WELFARE_CORP, SUBSIDIZED, "suginodai", "morinokikai"),
  o("swc-yamabuki", `${SWC}|山吹会=ヤマブキカイ`, SOCIAL_WELFARE_CORP, CONTRACTED, "yamabuki", "yamabukikai"),
  o(
    "swc-hidamari",
    `${SWC}|ひだまり福祉会=ヒダマリフクシカイ`,
    SOCIAL_WELFARE_CORP,
    INDEPENDENT,
    "kawabata",
    "hidamari",
  ),
  // NPO法人
  o("npo-engawa", `${NPO_}|まちの縁側みどり野=マチノエンガワミドリノ`, NPO, SUBSIDIZED, "honcho", "engawa"),
  o("npo-youth", `${NPO_}|みどり野ユースネット=ミドリノユースネット`, NPO, CONTRACTED, "asahi", "youthnet"),
  o("npo-foodbank", `${NPO_}|フードバンクみどり野=フードバンクミドリノ`, NPO, SUBSIDIZED, "shinden", "foodbank"),
  o("npo-pocket", `${NPO_}|子育てネットぽけっと=コソダテネットポケット`, NPO, CONTRACTED, "sakura", "pocket"),
  o("npo-hinata", `${NPO_}|ひなたぼっこの会=ヒナタボッコノカイ`, NPO, SUBSIDIZED, "yanagi", "hinatabokko"),
  o("npo-sumai", `${NPO_}|すまいサポートみどり野=スマイサポートミドリノ`, NPO, CONTRACTED, "honcho", "sumai"),
  o("npo-sports", `${NPO_}|みどり野スポーツクラブ=ミドリノスポーツクラブ`, NPO, INDEPENDENT, "fujimi", "sportsclub"),
  // 企業・事業主
  o(
    "co-hotel",
    "株式会社 =カブシキガイシャ|ホテルみどり野ガーデン=ホテルミドリノガーデン",
    COMPANY,
    INDEPENDENT,
    "honcho",
    "hotel-garden",
  ),
  o("co-farm", "株式会社 =カブシキガイシャ|若葉ファーム=ワカバファーム", COMPANY, INDEPENDENT, "ozawa", "wakaba-farm"),
  o("co-bakery", "パン工房 こむぎ畑=パンコウボウコムギバタケ", COMPANY, INDEPENDENT, "asahi", "komugibatake"),
  o(
    "co-logistics",
    "みどり野ロジスティクス=ミドリノロジスティクス|株式会社=カブシキガイシャ",
    COMPANY,
    INDEPENDENT,
    "shinden",
    "logistics",
    { short: "みどり野ロジスティクス=ミドリノロジスティクス" },
  ),
  o(
    "co-landscape",
    "有限会社 =ユウゲンガイシャ|桜ケ丘造園=サクラガオカゾウエン",
    COMPANY,
    INDEPENDENT,
    "sakura",
    "zoen",
  ),
  o("co-mall", "株式会社 =カブシキガイシャ|みどり野モール=ミドリノモール", COMPANY, INDEPENDENT, "higashi", "mall", {
    facility: "みどり野モール 2階 キッズスペース",
  }),
  o(
    "co-clean",
    "株式会社 =カブシキガイシャ|みどり野クリーンサービス=ミドリノクリーンサービス",
    COMPANY,
    INDEPENDENT,
    "kamikawara",
    "clean",
  ),
  o("co-printing", "有限会社 =ユウゲンガイシャ|山吹印刷=ヤマブキインサツ", COMPANY, INDEPENDENT, "yamabuki", "insatsu"),
  // 保育園・こども園
  o("nur-wakaba", "若葉保育園=ワカバホイクエン", NURSERY, CONTRACTED, "wakaba", "wakaba-hoikuen"),
  o(
    "nur-sakura",
    "認定こども園 =ニンテイコドモエン|さくらの森=サクラノモリ",
    NURSERY,
    CONTRACTED,
    "sakura",
    "sakuranomori",
  ),
  o("nur-hinata", "ひなた保育園=ヒナタホイクエン", NURSERY, CONTRACTED, "hinatadai", "hinata-hoikuen"),
  o("nur-fujimi", "富士見幼稚園=フジミヨウチエン", NURSERY, INDEPENDENT, "fujimi", "fujimi-yochien"),
  // 住民グループ (町内会・自治会・高齢者クラブ・自主グループ)
  o("rg-wakaba", "若葉町自治会=ワカバチョウジチカイ", RESIDENT_GROUP, SUBSIDIZED, "wakaba", "wakaba-jichikai"),
  o("rg-takamori", "高森いきいき会=タカモリイキイキカイ", RESIDENT_GROUP, SUBSIDIZED, "takamori", "takamori-ikiiki"),
  o("rg-sakura", "桜ケ丘町内会=サクラガオカチョウナイカイ", RESIDENT_GROUP, SUBSIDIZED, "sakura", "sakura-chonaikai"),
  o(
    "rg-kotobuki",
    "東みどり野高齢者クラブ 寿会=ヒガシミドリノコウレイシャクラブコトブキカイ",
    RESIDENT_GROUP,
    SUBSIDIZED,
    "higashi",
    "kotobukikai",
    { short: "寿会=コトブキカイ" },
  ),
  o("rg-kawabata", "川端自治会=カワバタジチカイ", RESIDENT_GROUP, SUBSIDIZED, "kawabata", "kawabata-jichikai"),
  o(
    "rg-yanagi",
    "柳町子ども食堂の会=ヤナギチョウコドモショクドウノカイ",
    RESIDENT_GROUP,
    INDEPENDENT,
    "yanagi",
    "yanagi-shokudo",
  ),
  o(
    "rg-yamabuki",
    "山吹元気体操の会=ヤマブキゲンキタイソウノカイ",
    RESIDENT_GROUP,
    SUBSIDIZED,
    "yamabuki",
    "yamabuki-taiso",
  ),
  o("rg-okuno", "奥野ささえあいの会=オクノササエアイノカイ", RESIDENT_GROUP, SUBSIDIZED, "okuno", "okuno-sasaeai"),
  // 医療・専門職
  o(
    "med-rehab",
    "みどり野リハビリクリニック=ミドリノリハビリクリニック",
    MEDICAL_PROF,
    INDEPENDENT,
    "honcho",
    "rehab-clinic",
  ),
  o(
    "med-nursing",
    "あおば訪問看護ステーション=アオバホウモンカンゴステーション",
    MEDICAL_PROF,
    INDEPENDENT,
    "matsuba",
    "aoba-kango",
  ),
  o(
    "med-pharmacy",
    "すこやか薬局 桜ケ丘店=スコヤカヤッキョクサクラガオカテン",
    MEDICAL_PROF,
    INDEPENDENT,
    "sakura",
    "sukoyaka",
  ),
  o("med-dental", "みどり野市歯科医師会=ミドリノシシカイシカイ", MEDICAL_PROF, INDEPENDENT, "honcho", "shikaishikai"),
  // 大学
  o("univ", "みどり野医療福祉大学=ミドリノイリョウフクシダイガク", UNIVERSITY, INDEPENDENT, "takamori", "univ"),
  // 公的機関
  o(
    "silver",
    "公益社団法人 =コウエキシャダンホウジン|みどり野市シルバー人材センター=ミドリノシシルバージンザイセンター",
    PUBLIC_AGENCY,
    SUBSIDIZED,
    "shinden",
    "silver",
    { short: "シルバー人材センター=シルバージンザイセンター" },
  ),
  o(
    "hellowork",
    "ハローワーク みどり野出張相談所=ハローワークミドリノシュッチョウソウダンジョ",
    PUBLIC_AGENCY,
    INDEPENDENT,
    "honcho",
    "hellowork",
    { short: "ハローワーク" },
  ),
  o(
    "saposute",
    "みどり野地域若者サポートステーション=ミドリノチイキワカモノサポートステーション",
    PUBLIC_AGENCY,
    CONTRACTED,
    "asahi",
    "saposute",
    { short: "サポステ" },
  ),
];

export const ORG_BY_KEY: ReadonlyMap<string, OrgSpec> = new Map(ORGS.map((org) => [org.key, org]));

/** Offices in municipal buildings: org key → index into CENTRAL_VENUES. */
export const OFFICE_VENUE: Readonly<Record<string, number>> = {
  "city-welfare": 2,
  "city-elderly": 2,
  "city-disability": 2,
  "city-industry": 2,
  "city-health": 0,
  "city-sports": 5,
  shakyo: 1,
};

/** 地区社協 per welfare area key. */
export const DISTRICT_SHAKYO: Readonly<Record<string, string>> = {
  "wa-north": "shakyo-north",
  "wa-east": "shakyo-east",
  "wa-south": "shakyo-south",
  "wa-west": "shakyo-west",
};

/** What a participant actually does at an employer or facility (mixed into work-related listings). */
export const HOST_ACTS: Readonly<Record<string, readonly string[]>> = {
  "co-farm": ["農作業", "野菜の収穫", "袋詰め", "草取り"],
  "co-bakery": ["パン製造補助", "包装", "店内清掃"],
  "co-logistics": ["仕分け", "梱包", "ピッキング"],
  "co-landscape": ["草取り", "植木の手入れ", "落ち葉清掃"],
  "co-clean": ["清掃", "洗車", "備品の補充"],
  "co-hotel": ["折り鶴作成", "リネンの準備", "客室清掃補助"],
  "co-printing": ["封入作業", "シール貼り", "丁合"],
  "co-mall": ["品出し", "カート整理", "売場清掃"],
  "swc-wakaba": ["施設内清掃", "洗濯物たたみ", "配膳補助", "花壇の手入れ"],
  "swc-morinoki": ["農作業", "野菜の袋詰め", "清掃"],
  "npo-youth": ["データ入力", "チラシ折り", "封入作業"],
  "city-industry": ["農作業", "収穫体験", "種まき"],
  univ: ["調理", "栄養講座", "交流会"],
  shakyo: ["料理", "会食", "買い物体験"],
  "city-health": ["栄養講座", "調理実習", "減塩料理"],
};

/** The organization of the demo HOST user (社会福祉法人 若葉会); it hosts several listings. */
export const HOST_ORG_KEY = "swc-wakaba";
