/**
 * 本人 of the demo caseload: display names (mostly aliases such as 「Kさん (20代男性)」, for privacy, mixed with
 * given-name and full-name forms), katakana readings, birth years or age bands, and a rough home point in the city.
 */
import {
  AGE_BAND_RANGE,
  AgeBand,
  HouseholdIssue,
  Mobility,
  ParticipationLevel,
  PersonTrack,
} from "../../people/person.enums.js";
import type { NeedsProfile } from "../../people/needs-profile.js";
import { toLatLng, welfareAreaAt } from "./demo-city.geo.js";
import { part, parts, type Part } from "./demo-city.kana.js";
import { TOWNS, TOWN_BY_KEY } from "./demo-city.names.js";
import type { Archetype } from "./demo-caseload.archetypes.js";
import type { CoordinatorKey, DemoPerson } from "./demo-caseload.types.js";
import type { Rng } from "./rng.js";

const SURNAMES: readonly Part[] = parts([
  "佐藤=サトウ",
  "鈴木=スズキ",
  "高橋=タカハシ",
  "田中=タナカ",
  "伊藤=イトウ",
  "渡辺=ワタナベ",
  "山本=ヤマモト",
  "中村=ナカムラ",
  "小林=コバヤシ",
  "加藤=カトウ",
  "吉田=ヨシダ",
  "山田=ヤマダ",
  "松本=マツモト",
  "井上=イノウエ",
  "木村=キムラ",
  "清水=シミズ",
  "池田=イケダ",
  "橋本=ハシモト",
  "石川=イシカワ",
  "前田=マエダ",
  "岡田=オカダ",
  "長谷川=ハセガワ",
  "村上=ムラカミ",
  "近藤=コンドウ",
  "坂本=サカモト",
  "遠藤=エンドウ",
  "青木=アオキ",
  "藤井=フジイ",
  "西村=ニシムラ",
  "福田=フクダ",
  "三浦=ミウラ",
  "原田=ハラダ",
  "野口=ノグチ",
  "菊地=キクチ",
  "杉山=スギヤマ",
  "大野=オオノ",
]);

/** Given names by generation (age at the demo's today) and sex. */
const GIVEN: Record<"old" | "mid" | "young", Record<"M" | "F", readonly Part[]>> = {
  old: {
    M: parts([
      "清=キヨシ",
      "勝=マサル",
      "茂=シゲル",
      "博=ヒロシ",
      "実=ミノル",
      "進=ススム",
      "正夫=マサオ",
      "昭=アキラ",
      "和夫=カズオ",
      "義男=ヨシオ",
    ]),
    F: parts([
      "和子=カズコ",
      "幸子=サチコ",
      "節子=セツコ",
      "洋子=ヨウコ",
      "京子=キョウコ",
      "久子=ヒサコ",
      "美代子=ミヨコ",
      "弘子=ヒロコ",
      "文子=フミコ",
      "静江=シズエ",
    ]),
  },
  mid: {
    M: parts([
      "浩二=コウジ",
      "健一=ケンイチ",
      "誠=マコト",
      "聡=サトシ",
      "隆=タカシ",
      "大輔=ダイスケ",
      "直樹=ナオキ",
      "和也=カズヤ",
      "剛=ツヨシ",
      "学=マナブ",
    ]),
    F: parts([
      "由美=ユミ",
      "明美=アケミ",
      "直美=ナオミ",
      "真由美=マユミ",
      "智子=トモコ",
      "久美子=クミコ",
      "裕子=ユウコ",
      "陽子=ヨウコ",
      "美穂=ミホ",
      "恵=メグミ",
    ]),
  },
  young: {
    M: parts([
      "翔太=ショウタ",
      "拓也=タクヤ",
      "悠斗=ユウト",
      "蓮=レン",
      "大輝=ダイキ",
      "颯=ハヤテ",
      "陸=リク",
      "健太=ケンタ",
      "亮=リョウ",
      "湊=ミナト",
    ]),
    F: parts([
      "彩=アヤ",
      "葵=アオイ",
      "結衣=ユイ",
      "美咲=ミサキ",
      "千尋=チヒロ",
      "愛=アイ",
      "真央=マオ",
      "楓=カエデ",
      "七海=ナナミ",
      "遥=ハルカ",
    ]),
  },
};

/** Initials for aliases and how they are read. */
const INITIALS: readonly Part[] = [
  "A=エー",
  "B=ビー",
  "C=シー",
  "D=ディー",
  "E=イー",
  "F=エフ",
  "G=ジー",
  "H=エイチ",
  "I=アイ",
  "K=ケー",
  "M=エム",
  "N=エヌ",
  "O=オー",
  "R=アール",
  "S=エス",
  "T=ティー",
  "U=ユー",
  "Y=ワイ",
].map((spec) => {
  const [letter, reading] = spec.split("=") as [string, string];
  return [letter, reading] as const;
});

const SAN = part("さん");

export function ageBandOf(age: number): AgeBand {
  for (const band of Object.values(AgeBand)) {
    const [lo, hi] = AGE_BAND_RANGE[band];
    if (age >= lo && age <= hi) return band;
  }
  return AgeBand.AGE_75_PLUS;
}

type NameStyle = "alias" | "given" | "full";

function personName(rng: Rng, age: number, sex: "M" | "F", style: NameStyle, used: Set<string>): Part {
  for (let attempt = 0; ; attempt++) {
    let name: Part;
    if (style === "alias") {
      // 「Kさん (20代男性)」: what the 支援会議 minutes would write; only the initial is read aloud.
      const [letter, reading] = rng.pick(INITIALS);
      const decade = age < 20 ? "10代" : `${Math.floor(age / 10) * 10}代`;
      name = [`${letter}${SAN[0]} (${decade}${sex === "M" ? "男性" : "女性"})`, `${reading}${SAN[1]}`];
    } else {
      const gen = age >= 65 ? "old" : age >= 35 ? "mid" : "young";
      const given = rng.pick(GIVEN[gen][sex]);
      if (style === "given") name = [`${given[0]}${SAN[0]}`, `${given[1]}${SAN[1]}`];
      else {
        const surname = rng.pick(SURNAMES);
        name = [`${surname[0]} ${given[0]}`, `${surname[1]} ${given[1]}`];
      }
    }
    if (!used.has(name[0]) || attempt > 20) {
      used.add(name[0]);
      return name;
    }
  }
}

/** A home point near a town, rounded to ~100 m (3 decimals) like the app stores it. */
function homePoint(rng: Rng, towns: readonly string[]): { lat: number; lng: number } {
  const town = towns.length ? TOWN_BY_KEY.get(rng.pick(towns))! : rng.pick(TOWNS);
  const clamp = (x: number) => Math.max(-0.97, Math.min(0.97, x));
  const { lat, lng } = toLatLng(clamp(town.nx + (rng.next() - 0.5) * 0.16), clamp(town.ny + (rng.next() - 0.5) * 0.16));
  return { lat: Math.round(lat * 1000) / 1000, lng: Math.round(lng * 1000) / 1000 };
}

function needsOf(rng: Rng, a: Archetype): NeedsProfile {
  const mobility = rng.pick(a.mobility);
  return {
    wantedActivities: rng.sample(a.activities, rng.int(2, 3)),
    wantedKinds: rng.sample(a.kinds, rng.int(2, 4)),
    targetGroups: [...a.targetGroups],
    weekdays: rng.sample(a.weekdays, rng.int(2, 5)).sort((x, y) => a.weekdays.indexOf(x) - a.weekdays.indexOf(y)),
    timeBands: [...a.timeBands],
    mobility,
    maxTravelMeters:
      mobility === Mobility.CAR || mobility === Mobility.DEMAND_BUS
        ? rng.pick([5000, 8000])
        : rng.pick([800, 1500, 2000, 3000]),
    groupSize: a.groupSize,
    accessibility: [...a.accessibility],
    roles: [...a.roles],
    freeOnly: a.householdIssues.includes(HouseholdIssue.POVERTY) || rng.chance(0.2),
    wishes: rng.pick(a.wishes),
    strengths: rng.pick(a.strengths),
    otherPreferences: rng.pick(a.otherPreferences),
  };
}

export interface PersonSpec {
  key: string;
  archetype: Archetype;
  today: string;
  registeredOn: string;
  coordinator: CoordinatorKey;
  supportMeeting: boolean;
}

export function buildPerson(rng: Rng, spec: PersonSpec, usedNames: Set<string>): DemoPerson {
  const a = spec.archetype;
  const age = rng.int(a.ages[0], a.ages[1]);
  const sex = a.sex === "any" ? rng.pick(["M", "F"] as const) : a.sex;
  // Aliases always on the 支援会議 track (no consent yet); otherwise a mix, aliases first.
  const style: NameStyle = spec.supportMeeting
    ? "alias"
    : rng.pickWeighted<NameStyle>([
        ["alias", 45],
        ["given", 25],
        ["full", 30],
      ]);
  const [displayName, nameKana] = personName(rng, age, sex, style, usedNames);
  const year = Number(spec.today.slice(0, 4));
  const home = homePoint(rng, a.towns);
  return {
    key: spec.key,
    displayName,
    nameKana,
    // Some people give only an age band.
    birthYear: rng.chance(0.8) ? year - age - (rng.chance(0.5) ? 1 : 0) : null,
    ageBand: ageBandOf(age),
    areaKey: welfareAreaAt(home.lat, home.lng),
    homeLat: home.lat,
    homeLng: home.lng,
    contactPreference: rng.pick(a.contact),
    contactNote: rng.pick(a.contactNotes),
    householdNote: rng.pick(a.householdNotes),
    householdIssues: [...a.householdIssues],
    needs: needsOf(rng, a),
    participationLevel: spec.supportMeeting ? ParticipationLevel.NO_CONTACT : ParticipationLevel.SUPPORTER_CONTACT,
    track: spec.supportMeeting ? PersonTrack.SUPPORT_MEETING : PersonTrack.CONSENTED,
    inSupportMeeting: spec.supportMeeting,
    coordinator: spec.coordinator,
    registeredOn: spec.registeredOn,
    archetype: a.id,
  };
}
