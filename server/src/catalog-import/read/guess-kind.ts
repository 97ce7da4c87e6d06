import { ResourceKind } from "../../resources/resource.enums.js";

/**
 * Words in 種別 or 名称 that name a kind, most specific first (「子ども食堂」 before 「ひろば」, 「介護予防」 before
 * 「サロン」). Compared on NFKC text, so half-width kana match too.
 */
const KIND_WORDS: [RegExp, ResourceKind][] = [
  [/子ども食堂|こども食堂|子供食堂|こどもしょくどう|みんな食堂|地域食堂/, ResourceKind.KODOMO_SHOKUDO],
  [/フードパントリー|フードバンク|食料支援/, ResourceKind.FOOD_PANTRY],
  [/子育て支援センター|子育てひろば|子育て広場|つどいの広場|ひろば|親子の広場|児童館/, ResourceKind.KOSODATE_HIROBA],
  [/子育てサークル|親子サークル/, ResourceKind.KOSODATE_CIRCLE],
  [/通いの場|百歳体操|100歳体操|いきいき体操/, ResourceKind.KAYOI_NO_BA],
  [/介護予防/, ResourceKind.KAIGO_YOBO_GROUP],
  [/通所型サービスB|住民主体/, ResourceKind.SERVICE_B],
  [/サロン/, ResourceKind.SALON],
  [/認知症カフェ|オレンジカフェ|コミュニティカフェ|地域カフェ/, ResourceKind.COMMUNITY_CAFE],
  [/地域活動支援センター/, ResourceKind.CHIKATSU_I],
  [/健康ステーション|健康教室|健康づくり|フィットネス/, ResourceKind.HEALTH_EXERCISE],
  // 老人福祉センター (also 老人憩の家, 福祉センター) and コミュニティセンター / 公民館 / 集会所 are buildings open to
  // anyone during opening hours, with no session to join: of the existing kinds, 居場所 (a place one may drop in
  // and spend time) is the closest. 通いの場 and サロン are resident-run sessions, which these are not.
  [
    /老人福祉センター|老人憩の家|福祉センター|コミュニティセンター|コミュニティーセンター|公民館|地区センター|集会所|ふれあいの家/,
    ResourceKind.IBASHO,
  ],
  [/居場所|フリースペース/, ResourceKind.IBASHO],
  [/ボランティア/, ResourceKind.VOLUNTEER],
  [/相談会|イベント|講座|教室/, ResourceKind.DROP_IN_EVENT],
];

export function kindFromText(text: string): ResourceKind | null {
  const folded = text.normalize("NFKC");
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(folded)) return kind;
  return null;
}

/**
 * Kinds a row's name may give inside a dataset that has a kind of its own: a 通いの場 file's 「ふれあいサロン」 is a
 * サロン, a 子ども食堂 file's 「…フードパントリー」 a food pantry. Any other name keeps the dataset's kind (a 子ども食堂
 * called 「子ども料理ひろば」 is not a 子育てひろば).
 */
const REFINEMENTS: Partial<Record<ResourceKind, ResourceKind[]>> = {
  [ResourceKind.KAYOI_NO_BA]: [
    ResourceKind.SALON,
    ResourceKind.COMMUNITY_CAFE,
    ResourceKind.KAIGO_YOBO_GROUP,
    ResourceKind.HEALTH_EXERCISE,
  ],
  [ResourceKind.KODOMO_SHOKUDO]: [ResourceKind.FOOD_PANTRY],
};

export const refinesDatasetKind = (datasetKind: ResourceKind, nameKind: ResourceKind | null): boolean =>
  nameKind !== null && (REFINEMENTS[datasetKind] ?? []).includes(nameKind);
