import { RESOURCE_KIND_LABELS, TARGET_GROUP_LABELS } from "@tsunagu/labels";

/**
 * The words people use for a kind of listing or a target group, besides its label: a listing is found by them as
 * if they were in its text (居場所 finds listings of kind 居場所, ひきこもり listings for ひきこもり). Keyed by the
 * enum value, so a value added elsewhere (CAREGIVER) is searchable once its row is here. Reviewed by hand: a word
 * goes to a kind only when a coordinator typing it wants every listing of that kind (居場所 is not a word for
 * サロン: a young person's 居場所 search must not bring elderly salons).
 */
export const KIND_WORDS: Readonly<Record<string, readonly string[]>> = {
  KAYOI_NO_BA: ["集いの場", "介護予防"],
  SALON: ["ふれあいサロン", "いきいきサロン"],
  COMMUNITY_CAFE: ["地域カフェ", "カフェ"],
  IBASHO: ["たまり場"],
  KAIGO_YOBO_GROUP: ["介護予防", "自主グループ"],
  HEALTH_EXERCISE: ["健康づくり", "健康教室"],
  CHIKATSU_I: ["地域活動支援センター", "地活"],
  CHIKATSU_II: ["地域活動支援センター", "地活"],
  CHIKATSU_III: ["地域活動支援センター", "地活"],
  KOSODATE_HIROBA: ["子育て広場", "親子ひろば", "子育て支援拠点"],
  KOSODATE_CIRCLE: ["親子サークル"],
  KODOMO_SHOKUDO: ["地域食堂"],
  YOUTH_LEADER: ["子ども会", "青少年"],
  EMPLOYMENT_HOST: ["就労", "職場体験"],
  SHURO_JUNBI: ["就労支援"],
  SHURO_TAIKEN: ["職場体験", "仕事体験"],
  KORYU_TAIKEN: ["交流"],
  VOLUNTEER: ["担い手"],
  EXPERIENCE_PROGRAM: ["体験"],
  DROP_IN_EVENT: ["相談", "イベント"],
  HOME_BASED_WORK: ["在宅", "内職"],
  SPORT: [],
  HOUSING_SUPPORT: ["住まい", "住宅"],
  SHELTER: ["シェルター"],
  FOOD_PANTRY: ["食料支援", "食品配布"],
  KYOJO_ACTIVITY: ["助け合い"],
  SERVICE_B: ["生活支援", "家事援助"],
  SUPPORTER_ROLE: ["担い手"],
  SILVER_JINZAI: ["シルバー人材"],
  SELF_HELP_GROUP: ["自主グループ", "サークル"],
};

export const TARGET_WORDS: Readonly<Record<string, readonly string[]>> = {
  ELDERLY: ["お年寄り", "シニア"],
  SINGLE_ELDERLY: ["一人暮らし", "高齢者"],
  DISABILITY_PHYSICAL: ["身体障害"],
  DISABILITY_INTELLECTUAL: ["知的障害"],
  DISABILITY_MENTAL: ["精神障害"],
  INTRACTABLE_DISEASE: [],
  CHILD_REARING: ["親子", "乳幼児"],
  CHILDREN: ["小学生"],
  PREGNANT: ["妊婦", "産後"],
  LOW_INCOME: ["困窮"],
  HIKIKOMORI: [],
  FUTOKO: [],
  SELF_NEGLECT: [],
  YOUTH: ["青年"],
  ALL_RESIDENTS: [],
  CAREGIVER: ["介護者", "介護家族", "ケアラー"],
};

const labelOf = (labels: Record<string, string>, value: string) => (value in labels ? [labels[value]] : []);

/** A kind's label and everyday words. */
export function kindWords(kind: string): string[] {
  return [...labelOf(RESOURCE_KIND_LABELS, kind), ...(KIND_WORDS[kind] ?? [])];
}

/** A target group's label and everyday words. */
export function targetWords(group: string): string[] {
  return [...labelOf(TARGET_GROUP_LABELS, group), ...(TARGET_WORDS[group] ?? [])];
}
