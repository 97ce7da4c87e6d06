/**
 * Japanese labels for the schema's enums. The key types come from the generated client types (graphql-codegen), so a
 * value added to the schema without a label here is a type error.
 */
import type { ResourceKind, ResourceStatus, TargetGroup } from "../gql/graphql";

export type { ResourceKind, ResourceStatus, TargetGroup };

// ---- enum labels -------------------------------------------------------------------------------------------------

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

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  ACTIVE: "活動中",
  PAUSED: "休止中",
  ENDED: "終了",
};

