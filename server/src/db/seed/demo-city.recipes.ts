/**
 * One recipe per kind of listing (some kinds have several, e.g. 居場所 for young people / for 不登校 / for elderly).
 * Name patterns are name parts joined by "|": literals "表記=ヨミ" (kana-only literals need no reading) and slots
 * $town $chome $nick $kid $place $center $host $job (see demo-city.ts).
 */
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../../resources/resource.enums.js";
import { Weekday } from "../../schedules/schedule.value.js";
import type { NOTES } from "./demo-city.names.js";
import type { Weighted } from "./rng.js";

export type Place = "town" | "host" | "central" | "home";

export interface Recipe {
  id: string;
  kind: ResourceKind;
  /** weight in the random part of the generation (0 = only in the fixed opening plan) */
  weight: number;
  names: readonly string[];
  /** org keys, or pools: @district (地区社協 of the area), @resident, @jichikai, @nursery */
  hosts: readonly Weighted<string>[];
  place: Place;
  venue?: "community" | "kids" | "park";
  /** probability that the listing covers the whole city (areaKeys ["city"]) */
  citywide?: number;
  /** venue / address / coordinates not published (e.g. a shelter) */
  hideLocation?: boolean;
  /** the resource name is also the venue name (its own facility) */
  venueIsName?: boolean;
  /**
   * the activities are the host's own work: HOST_ACTS of the host (true), or this recipe's own list per host; the
   * recipe's `acts` are then not used
   */
  hostActs?: true | Readonly<Record<string, readonly string[]>>;
  targets: readonly TargetGroup[];
  /** each added with probability 0.35 */
  maybe?: readonly TargetGroup[];
  age?: readonly [number | null, number | null];
  roles?: readonly ParticipationRole[];
  /** probability of also offering the VOLUNTEER role */
  volunteer?: number;
  /** activities every listing of the recipe has (what its name promises), listed first */
  core?: readonly string[];
  /** the rest of the activities are drawn from these (one family: what this kind of listing really does) */
  acts: readonly string[];
  intro: readonly string[];
  /**
   * a service used from home or by appointment (サービスB, 居住支援 …), not a place one goes to: its description
   * says when it takes requests (this word) and speaks of 利用料, not of 活動日 and 参加費
   */
  serviceHours?: string;
  times: readonly string[];
  /** weights of WEEKLY, MONTHLY_NTH_WEEKDAY, SPECIFIC_DATES */
  sched?: readonly [number, number, number];
  days?: readonly [number, number];
  dayPool?: readonly Weekday[];
  /** [min, max] capacity; null = no capacity (drop-in) */
  cap?: readonly [number, number] | null;
  cost?: readonly number[];
  cert?: number;
  res?: number;
  plan?: number;
  referred?: number;
  visiting?: number;
  pickup?: number;
  visit?: number;
  trial?: number;
  noReservation?: number;
  access?: readonly Accessibility[];
  notes?: keyof typeof NOTES;
  /** fixed schedule note (e.g. 在宅ワークの材料受け渡し) */
  note?: string;
}

const K = ResourceKind;
const T = TargetGroup;
const R = ParticipationRole;
const A = Accessibility;
const { SUN, MON, TUE, WED, THU, FRI, SAT } = Weekday;
export const WEEKDAYS_MON_FRI: readonly Weekday[] = [MON, TUE, WED, THU, FRI];

export const RECIPES: readonly Recipe[] = [
  {
    id: "kayoi",
    kind: K.KAYOI_NO_BA,
    weight: 50,
    place: "town",
    names: [
      "$town|$chome| |通いの場=カヨイノバ| |$nick",
      "$town|通いの場=カヨイノバ|「|$nick|」",
      "$nick|の会=ノカイ",
      "$town|元気通いの場=ゲンキカヨイノバ",
      "$town|ささえあい通いの場=ササエアイカヨイノバ",
      "通いの場=カヨイノバ| |$town|$nick",
    ],
    hosts: [
      ["@resident", 4],
      ["@district", 3],
      ["city-elderly", 1],
    ],
    targets: [T.ELDERLY],
    maybe: [T.SINGLE_ELDERLY],
    age: [65, null],
    volunteer: 0.25,
    pickup: 0.05,
    acts: [
      "体操",
      "ストレッチ",
      "茶話会",
      "脳トレ",
      "手芸",
      "歌",
      "レクリエーション",
      "百歳体操",
      "健康講座",
      "折り紙",
    ],
    intro: [
      "{town}の高齢者が歩いて通える、住民主体の通いの場です。",
      "顔なじみの仲間と{venue}に集まり、体を動かしておしゃべりを楽しんでいます。",
      "自治会の有志が世話役となって運営している高齢者の集いの場です。",
    ],
    times: ["10:00-11:30", "13:30-15:00", "10:00-12:00", "14:00-15:30"],
    sched: [5, 4, 0],
    cap: [10, 25],
    cost: [0, 0, 0, 100, 100, 200],
  },
  {
    id: "salon",
    kind: K.SALON,
    weight: 40,
    place: "town",
    names: [
      "$town|いきいきサロン",
      "$town|ふれあいサロン",
      "サロン| |$nick",
      "$town|$chome|サロン|「|$nick|」",
      "$nick|サロン",
      "$town|ふれあい・いきいきサロン",
      "$town|お茶のみサロン=オチャノミサロン",
    ],
    hosts: [
      ["@district", 4],
      ["@resident", 3],
      ["shakyo", 1],
      ["swc-wakaba", 0.5],
    ],
    targets: [T.ELDERLY, T.SINGLE_ELDERLY],
    volunteer: 0.3,
    acts: [
      "茶話会",
      "脳トレ",
      "手芸",
      "カラオケ",
      "折り紙",
      "囲碁・将棋",
      "健康相談",
      "季節の行事",
      "会食",
      "ミニ講座",
    ],
    intro: [
      "{town}の地区社協と住民ボランティアが開くふれあいサロンです。",
      "ひとり暮らしの方も気軽に立ち寄れる、お茶を飲みながらのおしゃべりの場です。",
      "{venue}でにぎやかに開いているサロンです。",
    ],
    times: ["13:30-15:30", "10:00-12:00", "13:00-15:00"],
    sched: [2, 6, 0],
    cap: [10, 30],
    cost: [0, 100, 100, 200, 300],
  },
  {
    id: "health",
    kind: K.HEALTH_EXERCISE,
    weight: 12,
    place: "town",
    citywide: 0.15,
    names: ["$town|健康づくり教室=ケンコウヅクリキョウシツ", "$town|健康体操=ケンコウタイソウ"],
    hosts: [
      ["city-health", 5],
      ["@resident", 2],
      ["npo-sports", 1],
      ["med-rehab", 1],
      ["med-nursing", 0.3],
    ],
    targets: [T.ALL_RESIDENTS],
    core: ["体操"],
    acts: ["ストレッチ", "健康講座", "運動機能測定", "栄養相談", "血圧測定"],
    intro: [
      "市の保健師や運動指導士が出向く、地域の健康づくり教室です。",
      "年齢を問わず参加できる、{venue}会場の健康づくり教室です。",
      "体力測定で自分の状態を確かめながら、無理なく続けられる運動を学びます。",
    ],
    times: ["10:00-11:30", "13:30-15:00", "19:00-20:30"],
    sched: [3, 5, 1],
    cap: [15, 40],
    cost: [0, 0, 0, 200, 500],
  },
  {
    id: "health-walk",
    kind: K.HEALTH_EXERCISE,
    weight: 4,
    place: "town",
    venue: "park",
    names: ["$town|ウォーキング教室=ウォーキングキョウシツ"],
    hosts: [
      ["city-health", 3],
      ["npo-sports", 1],
    ],
    targets: [T.ALL_RESIDENTS],
    core: ["ウォーキング"],
    acts: ["ストレッチ", "健康講座", "血圧測定"],
    intro: [
      "正しい歩き方を学び、みんなで{town}のまちを歩く教室です。",
      "年齢を問わず、自分のペースで歩ける方ならどなたでも参加できます。",
    ],
    times: ["09:30-11:00", "10:00-11:30"],
    sched: [3, 5, 1],
    cap: [15, 30],
    cost: [0, 0, 200],
    notes: "outdoor",
  },
  {
    id: "health-stretch",
    kind: K.HEALTH_EXERCISE,
    weight: 2,
    place: "town",
    names: ["$town|ストレッチ教室=ストレッチキョウシツ"],
    hosts: [
      ["city-health", 2],
      ["npo-sports", 2],
      ["med-rehab", 1],
    ],
    targets: [T.ALL_RESIDENTS],
    core: ["ストレッチ"],
    acts: ["体操", "健康講座", "ヨガ"],
    intro: [
      "肩や腰をほぐすストレッチを、一つずつ丁寧に教わる教室です。",
      "年齢を問わず、運動が久しぶりの方も無理なく続けられます。",
    ],
    times: ["10:00-11:30", "13:30-15:00"],
    sched: [3, 5, 0.5],
    cap: [10, 25],
    cost: [0, 200, 500],
  },
  {
    id: "health-yoga",
    kind: K.HEALTH_EXERCISE,
    weight: 2,
    place: "town",
    names: ["$town|夜のヨガ教室=ヨルノヨガキョウシツ"],
    hosts: [
      ["city-health", 2],
      ["npo-sports", 2],
      ["med-rehab", 1],
    ],
    targets: [T.ALL_RESIDENTS],
    core: ["ヨガ", "ストレッチ"],
    acts: ["体操", "健康講座"],
    intro: [
      "仕事帰りの方も参加しやすい、体をほぐすストレッチとヨガの教室です。",
      "年齢を問わず、運動が久しぶりの方も無理なく続けられます。",
    ],
    times: ["19:00-20:30", "19:30-21:00"],
    sched: [3, 5, 0.5],
    cap: [10, 25],
    cost: [0, 200, 500],
  },
  {
    id: "health-elder",
    kind: K.HEALTH_EXERCISE,
    weight: 6,
    place: "town",
    names: [
      "いきいき元気づくり教室=イキイキゲンキヅクリキョウシツ| |$town|会場=カイジョウ",
      "脳いきいき教室=ノウイキイキキョウシツ| |$town",
    ],
    hosts: [
      ["city-elderly", 3],
      ["city-health", 2],
      ["med-rehab", 1],
    ],
    targets: [T.ELDERLY],
    age: [65, null],
    core: ["脳トレ", "体操"],
    acts: ["運動機能測定", "健康講座", "栄養相談"],
    intro: [
      "65歳以上の方が、頭と体を動かして介護予防に取り組む教室です。",
      "市の介護予防事業として、運動指導士と一緒に脳トレと体操を続けます。",
    ],
    times: ["10:00-11:30", "13:30-15:00"],
    sched: [3, 5, 0.5],
    cap: [15, 30],
    cost: [0],
  },
  {
    id: "health-mouth",
    kind: K.HEALTH_EXERCISE,
    weight: 2,
    place: "town",
    names: ["お口の健康教室=オクチノケンコウキョウシツ| |$town"],
    hosts: [
      ["med-dental", 2],
      ["city-health", 1],
    ],
    targets: [T.ELDERLY],
    age: [65, null],
    core: ["口腔体操"],
    acts: ["健康講座", "栄養相談"],
    intro: [
      "かむ力・飲み込む力を保つための、高齢者向けのお口の健康教室です。",
      "歯科衛生士がお口の体操と手入れのこつを教えます。",
    ],
    times: ["10:00-11:30", "13:30-15:00"],
    sched: [0, 4, 2],
    cap: [10, 30],
    cost: [0],
  },

  {
    id: "kaigo",
    kind: K.KAIGO_YOBO_GROUP,
    weight: 16,
    place: "town",
    names: [
      "$town|元気体操の会=ゲンキタイソウノカイ",
      "$town|いきいき百歳体操=イキイキヒャクサイタイソウ",
      "介護予防自主グループ=カイゴヨボウジシュグループ| |$nick",
      "$town|筋力アップ体操クラブ=キンリョクアップタイソウクラブ",
      "$town|のびのび体操=ノビノビタイソウ",
      "$nick|体操クラブ=タイソウクラブ",
    ],
    hosts: [
      ["@resident", 5],
      ["city-elderly", 1],
    ],
    targets: [T.ELDERLY],
    age: [65, null],
    volunteer: 0.3,
    core: ["百歳体操"],
    acts: ["筋力トレーニング", "ストレッチ", "口腔体操", "運動機能測定", "脳トレ"],
    intro: [
      "介護予防リーダー養成講座の修了生が中心となって活動する自主グループです。",
      "おもりを使った体操を続けて、いつまでも自分の足で歩ける体づくりを目指しています。",
    ],
    times: ["10:00-11:00", "10:00-11:30", "13:30-14:30"],
    sched: [8, 2, 0],
    cap: [10, 20],
    cost: [0, 0, 100],
  },
  {
    id: "cafe",
    kind: K.COMMUNITY_CAFE,
    weight: 11,
    place: "town",
    names: [
      "コミュニティカフェ| |$nick",
      "$town|カフェ| |$nick",
      "まちかどカフェ| |$nick",
      "$nick|カフェ",
      "$town|まちの茶の間=マチノチャノマ",
      "カフェ|「|$place|」",
    ],
    hosts: [
      ["npo-engawa", 3],
      ["@resident", 2],
      ["swc-hidamari", 1],
      ["univ", 1],
    ],
    targets: [T.ALL_RESIDENTS],
    maybe: [T.ELDERLY, T.CHILD_REARING],
    volunteer: 0.5,
    noReservation: 0.8,
    acts: ["茶話会", "手作りお菓子", "ミニ講座", "作品展示", "子育て相談", "健康相談", "交流会"],
    intro: [
      "誰でもふらっと立ち寄れる、{town}のコミュニティカフェです。",
      "子どもから高齢者まで、世代を超えて集まれるまちの茶の間です。",
      "地域のボランティアが交代でお店番をしています。",
    ],
    times: ["10:00-15:00", "11:00-14:00", "13:00-16:00"],
    sched: [6, 3, 0],
    days: [1, 3],
    cap: null,
    cost: [0, 100, 200, 300],
  },
  {
    id: "ibasho-youth",
    kind: K.IBASHO,
    weight: 5,
    place: "town",
    names: ["若者の居場所=ワカモノノイバショ| |$place", "$place", "ユースの居場所=ユースノイバショ|「|$place|」"],
    hosts: [
      ["npo-youth", 4],
      ["saposute", 2],
      ["shakyo", 1],
    ],
    targets: [T.HIKIKOMORI, T.YOUTH],
    maybe: [T.LOW_INCOME],
    age: [15, 39],
    referred: 0.2,
    visit: 0.9,
    trial: 0.8,
    acts: ["ボードゲーム", "読書", "料理", "ゲーム", "おしゃべり", "散歩", "相談", "創作活動"],
    intro: [
      "ひきこもりがちな若者が、自分のペースで過ごせる居場所です。",
      "何もしなくても大丈夫。話したくなったら、スタッフがゆっくり話を聞きます。",
    ],
    times: ["13:00-17:00", "14:00-18:00"],
    sched: [8, 2, 0],
    days: [1, 3],
    cap: [5, 12],
    access: [A.QUIET_ROOM],
  },
  {
    id: "ibasho-futoko",
    kind: K.IBASHO,
    weight: 4,
    place: "town",
    venue: "kids",
    names: [
      "不登校の子の居場所=フトウコウノコノイバショ| |$place",
      "子どもの居場所=コドモノイバショ| |$place",
      "フリースペース| |$place",
    ],
    hosts: [
      ["npo-hinata", 4],
      ["npo-youth", 1],
      ["city-kids", 1],
    ],
    targets: [T.FUTOKO, T.CHILDREN],
    age: [6, 18],
    visit: 0.9,
    trial: 0.8,
    acts: ["自習", "読書", "ボードゲーム", "工作", "料理", "散歩", "個別相談"],
    intro: [
      "学校に行きづらい子どもが安心して過ごせる居場所です。",
      "勉強も遊びも、何をするかは子どもが自分で決めます。保護者の相談にも応じます。",
    ],
    times: ["10:00-15:00", "13:00-17:00"],
    sched: [1, 0, 0],
    days: [2, 4],
    cap: [5, 15],
    access: [A.QUIET_ROOM],
  },
  {
    id: "ibasho-elder",
    kind: K.IBASHO,
    weight: 3,
    place: "town",
    names: ["$town|の居場所=ノイバショ|「|$place|」", "地域の居場所=チイキノイバショ| |$place"],
    hosts: [
      ["@district", 2],
      ["swc-hidamari", 1],
      ["npo-engawa", 1],
    ],
    targets: [T.ELDERLY, T.SINGLE_ELDERLY],
    noReservation: 0.9,
    volunteer: 0.3,
    core: ["おしゃべり"],
    acts: ["茶話会", "囲碁・将棋", "手芸", "読書"],
    intro: ["ひとり暮らしの高齢者や日中ひとりで過ごす方が、気軽に立ち寄れる居場所です。"],
    times: ["10:00-16:00", "13:00-16:00"],
    sched: [1, 0, 0],
    days: [1, 3],
    cap: null,
  },
  {
    id: "chikatsu1",
    kind: K.CHIKATSU_I,
    weight: 0.05,
    place: "host",
    venueIsName: true,
    names: ["地域活動支援センター=チイキカツドウシエンセンター| |$center"],
    hosts: [
      ["swc-wakaba", 3],
      ["swc-hidamari", 1],
    ],
    targets: [T.DISABILITY_MENTAL],
    age: [18, null],
    roles: [R.PARTICIPANT, R.PRODUCTIVE_ACTIVITY],
    res: 0.9,
    visit: 1,
    trial: 0.8,
    acts: ["創作的活動", "生産活動", "相談", "社会適応訓練", "料理", "レクリエーション", "軽作業"],
    intro: [
      "精神障害のある方が日中に通い、創作的活動や生産活動に取り組む地域活動支援センター(Ⅰ型)です。",
      "精神保健福祉士が常駐し、日常生活や仕事の相談にも応じています。",
    ],
    times: ["10:00-16:00", "09:30-16:00"],
    sched: [1, 0, 0],
    days: [5, 5],
    cap: [15, 25],
    access: [A.QUIET_ROOM],
  },
  {
    id: "chikatsu2",
    kind: K.CHIKATSU_II,
    weight: 0.03,
    place: "host",
    venueIsName: true,
    names: ["地域活動支援センター=チイキカツドウシエンセンター| |$center"],
    hosts: [["swc-asahi", 1]],
    targets: [T.DISABILITY_PHYSICAL],
    age: [18, 64],
    cert: 1,
    res: 1,
    pickup: 1,
    visit: 1,
    trial: 0.5,
    acts: ["機能訓練", "入浴", "創作的活動", "社会適応訓練", "レクリエーション"],
    intro: [
      "身体障害者手帳をお持ちの、在宅で生活する18歳から64歳までの方が利用できる地域活動支援センター(Ⅱ型)です。",
      "送迎を利用して通所し、機能訓練や入浴サービスを受けられます。",
    ],
    times: ["09:30-15:30"],
    sched: [1, 0, 0],
    days: [5, 5],
    cap: [10, 20],
    access: [A.WHEELCHAIR, A.STEP_FREE, A.ACCESSIBLE_TOILET],
  },
  {
    id: "chikatsu3",
    kind: K.CHIKATSU_III,
    weight: 0.03,
    place: "host",
    venueIsName: true,
    names: ["地域活動支援センター=チイキカツドウシエンセンター| |$center"],
    hosts: [
      ["swc-yamabuki", 2],
      ["swc-morinoki", 1],
    ],
    targets: [T.DISABILITY_INTELLECTUAL, T.DISABILITY_MENTAL],
    age: [18, null],
    roles: [R.PARTICIPANT, R.PRODUCTIVE_ACTIVITY],
    res: 0.9,
    visit: 1,
    trial: 0.7,
    acts: ["生産活動", "軽作業", "創作的活動", "清掃作業", "菓子づくり", "手芸品の販売"],
    intro: [
      "知的障害や精神障害のある方が、菓子づくりや軽作業などの生産活動に取り組む地域活動支援センター(Ⅲ型)です。",
      "つくった製品は市役所ロビーやイベントで販売しています。",
    ],
    times: ["10:00-15:00"],
    sched: [1, 0, 0],
    days: [4, 5],
    cap: [10, 15],
  },
  {
    id: "hiroba",
    kind: K.KOSODATE_HIROBA,
    weight: 0.7,
    place: "host",
    names: [
      "子育てひろば=コソダテヒロバ| |$kid",
      "つどいの広場=ツドイノヒロバ| |$kid",
      "親子ひろば=オヤコヒロバ|「|$kid|」",
      "$town|子育てひろば=コソダテヒロバ",
    ],
    hosts: [
      ["@nursery", 4],
      ["npo-pocket", 2],
      ["co-mall", 1],
      ["city-kids", 1],
      ["swc-wakaba", 1],
    ],
    targets: [T.CHILD_REARING, T.PREGNANT],
    maybe: [T.CHILDREN],
    noReservation: 0.8,
    res: 0.5,
    acts: [
      "園庭開放",
      "子育て相談",
      "親子あそび",
      "身体測定",
      "絵本の読み聞かせ",
      "離乳食講座",
      "講座・イベント",
      "手遊び",
    ],
    intro: [
      "0歳から就学前のお子さんと保護者、妊娠中の方が自由に過ごせる子育てひろばです。",
      "保育士が常駐し、子育ての悩みや困りごとの相談に応じています。",
      "{venue}のひろばで、親子で遊びながら同じ年頃の子どもを持つ親同士がつながれます。",
    ],
    times: ["10:00-15:00", "09:30-12:00", "10:00-16:00"],
    sched: [1, 0, 0],
    days: [3, 5],
    cap: [10, 20],
    access: [A.CHILD_FRIENDLY],
  },
  {
    id: "circle",
    kind: K.KOSODATE_CIRCLE,
    weight: 9,
    place: "town",
    venue: "kids",
    names: [
      "子育てサークル=コソダテサークル| |$kid",
      "$town|ママパパサークル",
      "ふたごサークル| |$kid",
      "親子サークル=オヤコサークル|「|$kid|」",
      "$kid|クラブ",
    ],
    hosts: [
      ["npo-pocket", 2],
      ["@jichikai", 1],
      ["city-kids", 1],
    ],
    targets: [T.CHILD_REARING],
    maybe: [T.PREGNANT],
    acts: ["親子あそび", "手遊び", "季節の行事", "情報交換", "公園あそび", "工作"],
    intro: [
      "同じ年頃の子どもを持つ保護者が集まって運営する子育てサークルです。",
      "転入してきたばかりの方や、初めての子育てで不安な方も歓迎します。",
    ],
    times: ["10:00-11:30", "10:30-12:00"],
    sched: [3, 5, 0],
    cap: [8, 20],
    cost: [0, 0, 100, 200],
    access: [A.CHILD_FRIENDLY],
  },
  {
    id: "circle-rhythm",
    kind: K.KOSODATE_CIRCLE,
    weight: 2,
    place: "town",
    venue: "kids",
    names: ["$town|親子リトミック=オヤコリトミック"],
    hosts: [
      ["npo-pocket", 2],
      ["city-kids", 1],
    ],
    targets: [T.CHILD_REARING],
    core: ["リトミック"],
    acts: ["手遊び", "親子あそび", "情報交換"],
    intro: [
      "音楽に合わせて親子で体を動かすリトミックのサークルです。",
      "1歳から3歳くらいのお子さんと保護者が参加しています。初めての方も歓迎します。",
    ],
    times: ["10:00-11:00", "10:30-11:30"],
    sched: [3, 5, 0],
    cap: [8, 15],
    cost: [0, 100, 200],
    access: [A.CHILD_FRIENDLY],
  },

  {
    id: "shokudo",
    kind: K.KODOMO_SHOKUDO,
    weight: 7,
    place: "town",
    names: [
      "子ども食堂=コドモショクドウ| |$kid",
      "$town|子ども食堂=コドモショクドウ",
      "$kid|子ども食堂=コドモショクドウ",
    ],
    hosts: [
      ["rg-yanagi", 1],
      ["@jichikai", 2],
      ["npo-hinata", 1],
      ["swc-hidamari", 1],
      ["npo-foodbank", 0.5],
    ],
    targets: [T.CHILDREN, T.CHILD_REARING],
    maybe: [T.LOW_INCOME],
    volunteer: 0.5,
    core: ["会食"],
    acts: ["学習支援", "宿題", "遊び", "食材配布"],
    intro: [
      "子どもがひとりでも来られる、地域の子ども食堂です。",
      "手づくりの温かいごはんをみんなで囲みます。大人の方もどうぞ。",
      "食事のあとは宿題をしたり遊んだりして過ごせます。",
    ],
    times: ["17:00-19:00", "16:30-19:00", "11:30-13:30"],
    dayPool: [WED, THU, FRI, SAT],
    sched: [2, 6, 0],
    cap: [20, 50],
    cost: [0, 0, 100, 300],
    access: [A.CHILD_FRIENDLY],
  },
  {
    id: "shokudo-all",
    kind: K.KODOMO_SHOKUDO,
    weight: 3,
    place: "town",
    names: ["みんなの食堂=ミンナノショクドウ| |$kid", "$kid|食堂=ショクドウ", "地域食堂=チイキショクドウ|「|$kid|」"],
    hosts: [
      ["rg-yanagi", 1],
      ["@jichikai", 2],
      ["npo-hinata", 1],
      ["swc-hidamari", 1],
      ["npo-foodbank", 0.5],
    ],
    targets: [T.ALL_RESIDENTS, T.CHILDREN],
    maybe: [T.LOW_INCOME],
    volunteer: 0.5,
    core: ["会食"],
    acts: ["学習支援", "遊び", "食材配布"],
    intro: [
      "子どもから高齢者まで、誰でも来られる地域の食堂です。",
      "手づくりの温かいごはんを、世代を超えてみんなで囲みます。",
    ],
    times: ["17:00-19:00", "16:30-19:00", "11:30-13:30"],
    dayPool: [WED, THU, FRI, SAT],
    sched: [2, 6, 0],
    cap: [20, 50],
    cost: [0, 0, 100, 300],
    access: [A.CHILD_FRIENDLY],
  },
  {
    id: "youth-leader",
    kind: K.YOUTH_LEADER,
    weight: 4,
    place: "town",
    names: [
      "$town|子ども会=コドモカイ",
      "$town|ジュニアリーダーズクラブ",
      "子ども育成会=コドモイクセイカイ| |$town",
      "$town|わんぱく塾=ワンパクジュク",
    ],
    hosts: [
      ["@jichikai", 2],
      ["city-sports", 1],
    ],
    targets: [T.CHILDREN],
    maybe: [T.YOUTH],
    age: [6, 15],
    volunteer: 0.6,
    acts: ["キャンプ", "野外活動", "工作", "地域行事", "スポーツ", "伝統行事", "昔遊び"],
    intro: [
      "地域の大人と中高生リーダーが、子どもたちの体験活動を支えています。",
      "季節の行事や野外活動を通して、学年の違う子ども同士が仲良くなれます。",
    ],
    times: ["09:30-12:00", "13:00-16:00"],
    dayPool: [SAT, SUN],
    sched: [1, 4, 2],
    cap: [15, 40],
    cost: [0, 0, 100, 300],
    notes: "outdoor",
  },
];
