import { registerEnumType } from "type-graphql";

/**
 * The maintained master list of resource kinds. Adding a kind is a code change plus a
 * label here; the database stores the enum name as text so no migration is needed for a new value.
 */
export enum ResourceKind {
  KAYOI_NO_BA = "KAYOI_NO_BA",
  SALON = "SALON",
  COMMUNITY_CAFE = "COMMUNITY_CAFE",
  IBASHO = "IBASHO",
  KAIGO_YOBO_GROUP = "KAIGO_YOBO_GROUP",
  HEALTH_EXERCISE = "HEALTH_EXERCISE",
  CHIKATSU_I = "CHIKATSU_I",
  CHIKATSU_II = "CHIKATSU_II",
  CHIKATSU_III = "CHIKATSU_III",
  KOSODATE_HIROBA = "KOSODATE_HIROBA",
  KOSODATE_CIRCLE = "KOSODATE_CIRCLE",
  KODOMO_SHOKUDO = "KODOMO_SHOKUDO",
  YOUTH_LEADER = "YOUTH_LEADER",
  EMPLOYMENT_HOST = "EMPLOYMENT_HOST",
  SHURO_JUNBI = "SHURO_JUNBI",
  SHURO_TAIKEN = "SHURO_TAIKEN",
  KORYU_TAIKEN = "KORYU_TAIKEN",
  VOLUNTEER = "VOLUNTEER",
  EXPERIENCE_PROGRAM = "EXPERIENCE_PROGRAM",
  DROP_IN_EVENT = "DROP_IN_EVENT",
  HOME_BASED_WORK = "HOME_BASED_WORK",
  SPORT = "SPORT",
  HOUSING_SUPPORT = "HOUSING_SUPPORT",
  SHELTER = "SHELTER",
  FOOD_PANTRY = "FOOD_PANTRY",
  KYOJO_ACTIVITY = "KYOJO_ACTIVITY",
  SERVICE_B = "SERVICE_B",
  SUPPORTER_ROLE = "SUPPORTER_ROLE",
  SILVER_JINZAI = "SILVER_JINZAI",
  SELF_HELP_GROUP = "SELF_HELP_GROUP",
}

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

export enum TargetGroup {
  ELDERLY = "ELDERLY",
  SINGLE_ELDERLY = "SINGLE_ELDERLY",
  DISABILITY_PHYSICAL = "DISABILITY_PHYSICAL",
  DISABILITY_INTELLECTUAL = "DISABILITY_INTELLECTUAL",
  DISABILITY_MENTAL = "DISABILITY_MENTAL",
  INTRACTABLE_DISEASE = "INTRACTABLE_DISEASE",
  CHILD_REARING = "CHILD_REARING",
  CHILDREN = "CHILDREN",
  PREGNANT = "PREGNANT",
  LOW_INCOME = "LOW_INCOME",
  HIKIKOMORI = "HIKIKOMORI",
  FUTOKO = "FUTOKO",
  SELF_NEGLECT = "SELF_NEGLECT",
  YOUTH = "YOUTH",
  ALL_RESIDENTS = "ALL_RESIDENTS",
}

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

export enum ParticipationRole {
  PARTICIPANT = "PARTICIPANT",
  VOLUNTEER = "VOLUNTEER",
  WORK_TRIAL = "WORK_TRIAL",
  PRODUCTIVE_ACTIVITY = "PRODUCTIVE_ACTIVITY",
}

export const PARTICIPATION_ROLE_LABELS: Record<ParticipationRole, string> = {
  PARTICIPANT: "参加者",
  VOLUNTEER: "ボランティア・担い手",
  WORK_TRIAL: "就労体験",
  PRODUCTIVE_ACTIVITY: "生産活動",
};

export enum Accessibility {
  WHEELCHAIR = "WHEELCHAIR",
  STEP_FREE = "STEP_FREE",
  ACCESSIBLE_TOILET = "ACCESSIBLE_TOILET",
  QUIET_ROOM = "QUIET_ROOM",
  NO_RESERVATION = "NO_RESERVATION",
  WRITTEN_COMMUNICATION = "WRITTEN_COMMUNICATION",
  CHILD_FRIENDLY = "CHILD_FRIENDLY",
}

export const ACCESSIBILITY_LABELS: Record<Accessibility, string> = {
  WHEELCHAIR: "車椅子可",
  STEP_FREE: "段差なし",
  ACCESSIBLE_TOILET: "多目的トイレ",
  QUIET_ROOM: "静かな部屋",
  NO_RESERVATION: "予約不要",
  WRITTEN_COMMUNICATION: "筆談対応",
  CHILD_FRIENDLY: "子連れ可",
};

export enum TransportOption {
  DEMAND_BUS = "DEMAND_BUS",
  PICKUP = "PICKUP",
  BUS_STOP_NEARBY = "BUS_STOP_NEARBY",
  STATION_NEARBY = "STATION_NEARBY",
  PARKING = "PARKING",
}

export const TRANSPORT_OPTION_LABELS: Record<TransportOption, string> = {
  DEMAND_BUS: "デマンドバス",
  PICKUP: "送迎あり",
  BUS_STOP_NEARBY: "バス停近く",
  STATION_NEARBY: "駅近く",
  PARKING: "駐車場あり",
};

export enum ResourceStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
  ENDED = "ENDED",
}

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  ACTIVE: "活動中",
  PAUSED: "休止中",
  ENDED: "終了",
};

registerEnumType(ResourceKind, { name: "ResourceKind", description: "社会資源の種類" });
registerEnumType(TargetGroup, { name: "TargetGroup", description: "対象者" });
registerEnumType(ParticipationRole, {
  name: "ParticipationRole",
  description: "参加の形 (参加者・担い手・就労体験・生産活動)",
});
registerEnumType(Accessibility, { name: "Accessibility", description: "バリアフリー・配慮" });
registerEnumType(TransportOption, { name: "TransportOption", description: "交通・送迎" });
registerEnumType(ResourceStatus, { name: "ResourceStatus", description: "活動中 / 休止中 / 終了" });
