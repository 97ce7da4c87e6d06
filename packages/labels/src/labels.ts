/*
 * The labels of the enums whose names the server writes into its own sentences (suggestion reasons, refusals such as
 * 「「候補」から「終結」には進めません」, the match stage a card shows) as well as the web client: kept here once, for
 * both (and the directory export, the HSDS taxonomies). Every other enum label is the web client's alone (web/src/messages/labels.ts). Keys are the schema's enum
 * values; a Record over the server's enum or the client's generated union checks that none is missing.
 */

export const RESOURCE_KIND_LABELS = {
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

export const TARGET_GROUP_LABELS = {
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
  CAREGIVER: "介護者・家族",
  ALL_RESIDENTS: "全市民",
};

export const RESOURCE_STATUS_LABELS = {
  ACTIVE: "活動中",
  PAUSED: "休止中",
  ENDED: "終了",
};

export const PARTICIPATION_ROLE_LABELS = {
  PARTICIPANT: "参加者",
  VOLUNTEER: "ボランティア・担い手",
  WORK_TRIAL: "就労体験",
  PRODUCTIVE_ACTIVITY: "生産活動",
};

export const ACCESSIBILITY_LABELS = {
  WHEELCHAIR: "車椅子可",
  STEP_FREE: "段差なし",
  ACCESSIBLE_TOILET: "多目的トイレ",
  QUIET_ROOM: "静かな部屋",
  NO_RESERVATION: "予約不要",
  WRITTEN_COMMUNICATION: "筆談対応",
  CHILD_FRIENDLY: "子連れ可",
};

export const TRANSPORT_OPTION_LABELS = {
  DEMAND_BUS: "デマンドバス",
  PICKUP: "送迎あり",
  BUS_STOP_NEARBY: "バス停近く",
  STATION_NEARBY: "駅近く",
  PARKING: "駐車場あり",
};

export const TIME_BAND_LABELS = { MORNING: "午前", AFTERNOON: "午後", EVENING: "夜間" };

export const AGE_BAND_LABELS = {
  UNDER_18: "18歳未満",
  AGE_18_29: "18〜29歳",
  AGE_30_39: "30代",
  AGE_40_49: "40代",
  AGE_50_64: "50〜64歳",
  AGE_65_74: "65〜74歳",
  AGE_75_PLUS: "75歳以上",
};

/** The server's own stage names (Match.stageLabel); needed here only for stages with no match on screen. */
export const MATCH_STAGE_LABELS = {
  CANDIDATE: "候補",
  HOST_COORDINATION: "受け入れ先調整",
  PROPOSED: "本人へ提案",
  VISIT_TRIAL: "見学・体験",
  ACTIVE_FOLLOW_UP: "参加開始(フォローアップ中)",
  STABLE: "定着",
  CLOSED: "終結",
  POST_CLOSURE: "終結後フォロー",
  HOST_DECLINED: "受け入れ先辞退",
  PERSON_DECLINED: "本人辞退",
  ON_HOLD: "保留(同意待ち)",
  NOT_A_FIT: "不成立",
  SUSPENDED: "中断",
};

/** In the order of the work: 把握 → 協議中 → 開発中 → 解決, or 見送り. */
export const RESOURCE_GAP_STATUS_LABELS = {
  IDENTIFIED: "把握",
  DISCUSSING: "協議中",
  DEVELOPING: "開発中",
  RESOLVED: "解決",
  DEFERRED: "見送り",
};
