/**
 * Who comes to 参加支援 in the demo (seeds-report §3.5, §4.1): a handful of recognizable situations, each with the
 * needs profile, household, wishes and goals a coordinator would write down.
 */
import { ContactPreference, GroupSizePreference, HouseholdIssue, Mobility } from "../../people/person.enums.js";
import { Accessibility, ParticipationRole, ResourceKind as K, TargetGroup as G } from "../../resources/resource.enums.js";
import { TimeBand, Weekday as W } from "../../schedules/schedule.value.js";

export interface Archetype {
  id: string;
  /** how a coordinator would sum the person up in a rationale */
  summary: string;
  ages: [number, number];
  sex: "M" | "F" | "any";
  targetGroups: G[];
  kinds: K[];
  activities: string[];
  weekdays: W[];
  timeBands: TimeBand[];
  mobility: Mobility[];
  groupSize: GroupSizePreference;
  accessibility: Accessibility[];
  roles: ParticipationRole[];
  householdIssues: HouseholdIssue[];
  householdNotes: string[];
  wishes: string[];
  strengths: string[];
  otherPreferences: string[];
  contact: ContactPreference[];
  contactNotes: string[];
  /** towns (demo-city.names.ts) people of this kind tend to live in; empty = anywhere */
  towns: string[];
  goals: string[];
}

const WEEKDAYS = [W.MON, W.TUE, W.WED, W.THU, W.FRI];
const { PHONE, EMAIL, LETTER, VISIT, VIA_FAMILY, VIA_AGENCY } = ContactPreference;

export const ARCHETYPES: readonly Archetype[] = [
  {
    id: "youth-hikikomori", summary: "ひきこもり傾向の若者。少人数で静かな環境を希望", ages: [19, 34], sex: "any",
    targetGroups: [G.HIKIKOMORI, G.YOUTH], kinds: [K.IBASHO, K.HOME_BASED_WORK, K.SHURO_TAIKEN, K.EXPERIENCE_PROGRAM, K.KORYU_TAIKEN, K.VOLUNTEER, K.SHURO_JUNBI],
    activities: ["パソコン", "ゲーム", "イラスト", "軽作業", "ボードゲーム"], weekdays: WEEKDAYS, timeBands: [TimeBand.AFTERNOON],
    mobility: [Mobility.BICYCLE, Mobility.WALK, Mobility.PUBLIC_TRANSPORT], groupSize: GroupSizePreference.SMALL_GROUP,
    accessibility: [Accessibility.QUIET_ROOM], roles: [ParticipationRole.PARTICIPANT, ParticipationRole.WORK_TRIAL], householdIssues: [],
    householdNotes: ["両親と同居。父は会社員", "母と二人暮らし", "祖母・両親と同居"],
    wishes: ["人の少ない場所なら行ってみたい", "家でできることから始めたい", "いずれは働きたいが、まずは外に出る練習から"],
    strengths: ["パソコン操作が得意", "絵を描くのが好き", "作業を丁寧にこなす"],
    otherPreferences: ["初回は支援者の同行を希望", "大きな声や人混みが苦手", "午前中は起きられないことが多い"],
    contact: [EMAIL, PHONE, VIA_FAMILY], contactNotes: ["電話より LINE・メールを好む", "母親経由で連絡がつきやすい"], towns: [],
    goals: ["週1回、家の外で過ごす時間をつくる", "支援者以外の人と話す機会をもつ", "短時間の作業体験に参加する"],
  },
  {
    id: "midlife-8050", summary: "長くひきこもっていた40〜50代。高齢の親と同居 (8050)", ages: [42, 58], sex: "any",
    targetGroups: [G.HIKIKOMORI, G.LOW_INCOME], kinds: [K.SHURO_TAIKEN, K.SHURO_JUNBI, K.IBASHO, K.VOLUNTEER, K.EMPLOYMENT_HOST, K.HOME_BASED_WORK],
    activities: ["軽作業", "清掃", "畑作業", "将棋"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING, TimeBand.AFTERNOON],
    mobility: [Mobility.BICYCLE, Mobility.WALK], groupSize: GroupSizePreference.SMALL_GROUP, accessibility: [],
    roles: [ParticipationRole.WORK_TRIAL, ParticipationRole.PRODUCTIVE_ACTIVITY], householdIssues: [HouseholdIssue.EIGHTY_FIFTY],
    householdNotes: ["80代の母と二人暮らし。母は要介護1", "80代の両親と同居。家計は親の年金"],
    wishes: ["親が元気なうちに少しでも収入を得たい", "体を動かす作業ならできそう"],
    strengths: ["まじめで時間を守る", "車の整備の知識がある", "黙々と作業できる"],
    otherPreferences: ["職歴の空白について聞かれたくない", "作業の手順は紙で示してほしい"],
    contact: [PHONE, VISIT, VIA_AGENCY], contactNotes: ["平日午後なら電話に出られる", "地域包括支援センター経由で把握"], towns: [],
    goals: ["生活リズムを整え、週2回の作業体験に通う", "親の介護サービス利用と並行して本人の居場所を確保する"],
  },
  {
    id: "isolated-elder", summary: "一人暮らしで外出の機会が減った高齢者", ages: [75, 91], sex: "any",
    targetGroups: [G.SINGLE_ELDERLY, G.ELDERLY], kinds: [K.SALON, K.KAYOI_NO_BA, K.COMMUNITY_CAFE, K.KAIGO_YOBO_GROUP, K.HEALTH_EXERCISE],
    activities: ["体操", "おしゃべり", "歌", "手芸", "お茶"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING, TimeBand.AFTERNOON],
    mobility: [Mobility.WALK, Mobility.DEMAND_BUS, Mobility.ESCORT_NEEDED], groupSize: GroupSizePreference.ANY,
    accessibility: [Accessibility.STEP_FREE], roles: [ParticipationRole.PARTICIPANT], householdIssues: [],
    householdNotes: ["夫を亡くし一人暮らし。長女は県外", "一人暮らし。近所付き合いはほとんどない", "妻と死別後、一人暮らし"],
    wishes: ["近所で気軽に話せる相手がほしい", "足腰が弱らないよう体操をしたい"],
    strengths: ["料理が得意", "昔の町のことをよく知っている", "編み物が上手"],
    otherPreferences: ["長い坂は歩けない", "耳が遠いので大きめの声で"],
    contact: [PHONE, VISIT, LETTER], contactNotes: ["固定電話のみ。夕方は出ないことが多い", "民生委員が定期的に訪問"],
    towns: ["okuno", "suginodai", "ozawa", "shimizudai", "takamori", "shinden", "wakaba", "yanagi"],
    goals: ["週1回、近所のサロンに通う", "困ったときに相談できる人を地域にもつ"],
  },
  {
    id: "retired-man", summary: "退職後に地域とのつながりがない男性。役割のある活動を希望", ages: [65, 74], sex: "M",
    targetGroups: [G.ELDERLY], kinds: [K.VOLUNTEER, K.SUPPORTER_ROLE, K.SILVER_JINZAI, K.SELF_HELP_GROUP, K.KYOJO_ACTIVITY, K.SERVICE_B],
    activities: ["木工", "庭木の手入れ", "囲碁", "見守り"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING],
    mobility: [Mobility.CAR, Mobility.BICYCLE], groupSize: GroupSizePreference.ANY, accessibility: [],
    roles: [ParticipationRole.VOLUNTEER], householdIssues: [],
    householdNotes: ["妻と二人暮らし。妻は地域活動に参加している", "一人暮らし。離婚後に市内へ転入"],
    wishes: ["人の役に立つことがしたい", "教えられることがあれば手伝いたい"],
    strengths: ["元大工で手先が器用", "運転が得意", "経理の経験がある"],
    otherPreferences: ["「集まり」より「作業」がよい"],
    contact: [PHONE, EMAIL], contactNotes: ["携帯電話に直接"], towns: [],
    goals: ["地域で役割をもち、週1回活動する", "同世代の知り合いをつくる"],
  },
  {
    id: "isolated-parent", summary: "転入して間もなく相談相手のいない子育て中の親", ages: [26, 42], sex: "F",
    targetGroups: [G.CHILD_REARING], kinds: [K.KOSODATE_HIROBA, K.KOSODATE_CIRCLE, K.KODOMO_SHOKUDO],
    activities: ["親子遊び", "子育て相談", "料理"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING],
    mobility: [Mobility.WALK, Mobility.CAR], groupSize: GroupSizePreference.SMALL_GROUP,
    accessibility: [Accessibility.CHILD_FRIENDLY], roles: [ParticipationRole.PARTICIPANT],
    householdIssues: [HouseholdIssue.ISOLATED_PARENTING],
    householdNotes: ["夫と1歳の子の3人暮らし。夫は帰宅が遅い", "ひとり親。3歳と5歳の子と暮らす", "夫の転勤で昨年転入。実家は遠方"],
    wishes: ["子育ての話ができる人がほしい", "子どもを遊ばせながら自分も休める場所がほしい"],
    strengths: ["保育士の資格がある", "料理が得意"],
    otherPreferences: ["午前中の短時間がよい", "初めての場は一人だと入りにくい"],
    contact: [EMAIL, PHONE], contactNotes: ["子どもの昼寝の時間 (13時〜15時) は避ける"], towns: [],
    goals: ["子育てひろばに月2回通う", "気軽に話せる親同士のつながりをつくる"],
  },
  {
    id: "not-job-ready", summary: "離職後に生活が困窮し、すぐの就職は難しい", ages: [30, 55], sex: "any",
    targetGroups: [G.LOW_INCOME], kinds: [K.SHURO_JUNBI, K.SHURO_TAIKEN, K.EMPLOYMENT_HOST, K.FOOD_PANTRY, K.VOLUNTEER],
    activities: ["軽作業", "清掃", "調理補助", "仕分け"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING, TimeBand.AFTERNOON],
    mobility: [Mobility.BICYCLE, Mobility.PUBLIC_TRANSPORT], groupSize: GroupSizePreference.ANY, accessibility: [],
    roles: [ParticipationRole.WORK_TRIAL], householdIssues: [HouseholdIssue.POVERTY],
    householdNotes: ["単身。家賃の滞納あり (住居確保給付金を申請中)", "単身。特例貸付の償還が始まっている"],
    wishes: ["まずは体力と自信を取り戻したい", "短時間から働く練習をしたい"],
    strengths: ["接客の経験が長い", "力仕事ができる", "人当たりがよい"],
    otherPreferences: ["交通費がかからない場所がよい"],
    contact: [PHONE], contactNotes: ["携帯の料金未払いで止まることがある。つながらない時は手紙で"], towns: [],
    goals: ["就労体験に週2回通い、生活リズムを整える", "自立相談支援機関と連携し家計を立て直す"],
  },
  {
    id: "mental-health", summary: "精神障害があり、日中の居場所がない", ages: [25, 60], sex: "any",
    targetGroups: [G.DISABILITY_MENTAL], kinds: [K.CHIKATSU_I, K.CHIKATSU_III, K.IBASHO, K.SHURO_TAIKEN, K.HOME_BASED_WORK],
    activities: ["手芸", "軽作業", "散歩", "音楽"], weekdays: WEEKDAYS, timeBands: [TimeBand.AFTERNOON],
    mobility: [Mobility.WALK, Mobility.PUBLIC_TRANSPORT], groupSize: GroupSizePreference.SMALL_GROUP,
    accessibility: [Accessibility.QUIET_ROOM], roles: [ParticipationRole.PARTICIPANT, ParticipationRole.PRODUCTIVE_ACTIVITY],
    householdIssues: [], householdNotes: ["単身。精神科に月1回通院", "母と二人暮らし"],
    wishes: ["自分のペースで通える場所がほしい", "同じような経験をした人と話したい"],
    strengths: ["細かい作業が得意", "穏やかで人の話をよく聞く"],
    otherPreferences: ["体調に波があり、休むときは連絡する", "急な予定変更が苦手"],
    contact: [PHONE, VIA_AGENCY], contactNotes: ["相談支援専門員と情報共有の同意あり", "午後の電話がよい"], towns: [],
    goals: ["地域活動支援センターに週1回通う", "体調の波があっても相談しながら参加を続ける"],
  },
  {
    id: "intellectual-youth", summary: "知的障害のある若者。特別支援学校卒業後の日中活動を探している", ages: [18, 29], sex: "any",
    targetGroups: [G.DISABILITY_INTELLECTUAL, G.YOUTH], kinds: [K.CHIKATSU_II, K.VOLUNTEER, K.SHURO_TAIKEN, K.SPORT, K.EXPERIENCE_PROGRAM],
    activities: ["スポーツ", "清掃", "袋詰め", "ダンス"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING, TimeBand.AFTERNOON],
    mobility: [Mobility.ESCORT_NEEDED, Mobility.PUBLIC_TRANSPORT], groupSize: GroupSizePreference.ANY,
    accessibility: [Accessibility.WRITTEN_COMMUNICATION], roles: [ParticipationRole.PARTICIPANT, ParticipationRole.VOLUNTEER],
    householdIssues: [], householdNotes: ["両親・妹と同居", "母と二人暮らし。母はパート勤務"],
    wishes: ["体を動かすことがしたい", "友だちがほしい"], strengths: ["あいさつが元気", "決まった作業を最後までやりきる"],
    otherPreferences: ["説明は絵や写真があるとわかりやすい"], contact: [VIA_FAMILY, PHONE],
    contactNotes: ["母親の携帯に連絡"], towns: [],
    goals: ["週1回の活動に一人で通えるようになる", "家族以外の大人と過ごす時間をもつ"],
  },
  {
    id: "physical-disability", summary: "中途障害で車椅子を使うようになり、外出が減った", ages: [45, 72], sex: "any",
    targetGroups: [G.DISABILITY_PHYSICAL], kinds: [K.SELF_HELP_GROUP, K.HEALTH_EXERCISE, K.SALON, K.COMMUNITY_CAFE, K.KAYOI_NO_BA],
    activities: ["おしゃべり", "パソコン", "書道", "体操"], weekdays: WEEKDAYS, timeBands: [TimeBand.AFTERNOON],
    mobility: [Mobility.CAR, Mobility.ESCORT_NEEDED], groupSize: GroupSizePreference.ANY,
    accessibility: [Accessibility.WHEELCHAIR, Accessibility.ACCESSIBLE_TOILET], roles: [ParticipationRole.PARTICIPANT],
    householdIssues: [HouseholdIssue.CARE_BURDEN], householdNotes: ["妻と二人暮らし。妻の介護負担が大きい", "夫と同居。脳梗塞の後遺症で右半身まひ"],
    wishes: ["家族以外と話す機会がほしい", "できることを増やしたい"], strengths: ["書道の段位をもつ", "パソコンが使える"],
    otherPreferences: ["車椅子で入れる会場に限る"], contact: [PHONE, EMAIL], contactNotes: ["配偶者が電話に出ることが多い"], towns: [],
    goals: ["車椅子で参加できる活動に月2回通う", "家族の介護負担を減らす"],
  },
  {
    id: "self-neglect", summary: "ごみの片付けや食事がおろそかになり、人との関わりを避けがち", ages: [62, 82], sex: "M",
    targetGroups: [G.SELF_NEGLECT, G.SINGLE_ELDERLY], kinds: [K.SALON, K.COMMUNITY_CAFE, K.FOOD_PANTRY, K.KAYOI_NO_BA, K.KYOJO_ACTIVITY],
    activities: ["食事", "囲碁", "散歩"], weekdays: WEEKDAYS, timeBands: [TimeBand.MORNING, TimeBand.AFTERNOON],
    mobility: [Mobility.WALK, Mobility.BICYCLE], groupSize: GroupSizePreference.ANY, accessibility: [],
    roles: [ParticipationRole.PARTICIPANT], householdIssues: [HouseholdIssue.HOUSING],
    householdNotes: ["一人暮らし。室内にごみがたまっている", "一人暮らし。兄弟とは疎遠"],
    wishes: ["食事を一緒にとれる場所なら行ってもよい"], strengths: ["将棋が強い", "昔は商店を営んでいた"],
    otherPreferences: ["役所の人が来るのを嫌がる。社協の職員なら会える"], contact: [VISIT, LETTER],
    contactNotes: ["電話には出ない。訪問は午前中"], towns: [],
    goals: ["月2回、食事のとれる場に通う", "見守りの目を地域に増やす"],
  },
  {
    id: "futoko", summary: "不登校の中学生。学校以外の居場所を探している", ages: [13, 17], sex: "any",
    targetGroups: [G.FUTOKO, G.CHILDREN], kinds: [K.IBASHO, K.KODOMO_SHOKUDO, K.YOUTH_LEADER, K.EXPERIENCE_PROGRAM],
    activities: ["ゲーム", "料理", "工作"], weekdays: WEEKDAYS, timeBands: [TimeBand.AFTERNOON],
    mobility: [Mobility.BICYCLE, Mobility.WALK], groupSize: GroupSizePreference.SMALL_GROUP,
    accessibility: [Accessibility.QUIET_ROOM], roles: [ParticipationRole.PARTICIPANT], householdIssues: [],
    householdNotes: ["両親・弟と同居。母が相談に来所", "母と二人暮らし。母は夜勤あり"],
    wishes: ["同じ年くらいの子がいる場所がいい"], strengths: ["ゲームに詳しい", "年下の子の面倒見がよい"],
    otherPreferences: ["学校の話はしたくない"], contact: [VIA_FAMILY], contactNotes: ["母親を通じて連絡。本人への電話は不可"], towns: [],
    goals: ["週1回、家の外の居場所で過ごす", "信頼できる大人を家族以外にもつ"],
  },
];

export const ARCHETYPE_BY_ID: ReadonlyMap<string, Archetype> = new Map(ARCHETYPES.map((a) => [a.id, a]));

export function archetype(id: string): Archetype {
  const a = ARCHETYPE_BY_ID.get(id);
  if (!a) throw new Error(`unknown archetype ${id}`);
  return a;
}
