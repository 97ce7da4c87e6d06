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
  /** 介護者・家族: someone caring for a family member (ケアラー) */
  CAREGIVER = "CAREGIVER",
  ALL_RESIDENTS = "ALL_RESIDENTS",
}

export enum ParticipationRole {
  PARTICIPANT = "PARTICIPANT",
  VOLUNTEER = "VOLUNTEER",
  WORK_TRIAL = "WORK_TRIAL",
  PRODUCTIVE_ACTIVITY = "PRODUCTIVE_ACTIVITY",
}

export enum Accessibility {
  WHEELCHAIR = "WHEELCHAIR",
  STEP_FREE = "STEP_FREE",
  ACCESSIBLE_TOILET = "ACCESSIBLE_TOILET",
  QUIET_ROOM = "QUIET_ROOM",
  NO_RESERVATION = "NO_RESERVATION",
  WRITTEN_COMMUNICATION = "WRITTEN_COMMUNICATION",
  CHILD_FRIENDLY = "CHILD_FRIENDLY",
}

export enum TransportOption {
  DEMAND_BUS = "DEMAND_BUS",
  PICKUP = "PICKUP",
  BUS_STOP_NEARBY = "BUS_STOP_NEARBY",
  STATION_NEARBY = "STATION_NEARBY",
  PARKING = "PARKING",
}

export enum ResourceStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
  ENDED = "ENDED",
}

registerEnumType(ResourceKind, { name: "ResourceKind", description: "社会資源の種類" });
registerEnumType(TargetGroup, { name: "TargetGroup", description: "対象者" });
registerEnumType(ParticipationRole, {
  name: "ParticipationRole",
  description: "参加の形 (参加者・担い手・就労体験・生産活動)",
});
registerEnumType(Accessibility, { name: "Accessibility", description: "バリアフリー・配慮" });
registerEnumType(TransportOption, { name: "TransportOption", description: "交通・送迎" });
registerEnumType(ResourceStatus, { name: "ResourceStatus", description: "活動中 / 休止中 / 終了" });
