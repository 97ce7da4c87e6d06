import { inRange } from "@tsunagu/calendar";
import { ContactMethod } from "../followups/followup.enums.js";
import { ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import type { IndicatorRecords, MeetingKind } from "./indicator-records.js";
import {
  CITYWIDE_KEY,
  IBASHO_KINDS,
  KAYOI_KINDS,
  areaKeys,
  countBy,
  fy,
  isEmploymentSupport,
  listingsAtYearEnd,
  matchingsIn,
  outcomes,
  percent,
  plannedPersons,
  supportedPersons,
} from "./indicator-measures.js";

/** 第1号〜第5号事業 (包括的相談支援・参加支援・地域づくり・アウトリーチ等・多機関協働). */
export type Jigyo = 1 | 2 | 3 | 4 | 5;
export const JIGYO_LABELS: Record<Jigyo, string> = {
  1: "包括的相談支援事業",
  2: "参加支援事業",
  3: "地域づくり事業",
  4: "アウトリーチ等を通じた継続的支援事業",
  5: "多機関協働事業",
};
export const BUNYA = ["全分野", "高齢", "障害", "子ども", "生活困窮"] as const;
export type Bunya = (typeof BUNYA)[number];

export type BreakdownAxis = "AREA" | "TARGET_GROUP" | "KIND" | "METHOD";
export interface BreakdownRow {
  axis: BreakdownAxis;
  /** An area id (CITYWIDE_KEY: 全市・地区なし), an enum code; the client owns the labels. */
  key: string;
  value: number;
}

export type IndicatorKind =
  | {
      computed: (records: IndicatorRecords, fiscalYear: number) => number | null;
      breakdown?: (records: IndicatorRecords, fiscalYear: number) => BreakdownRow[];
    }
  | { entered: true; why: string };

export interface IndicatorDefinition {
  /** Stable kebab-case id: targets and entered values are stored under it. */
  id: string;
  name: string;
  unit: string;
  jigyo: Jigyo;
  bunya: readonly Bunya[];
  /** What is counted, which date puts it in a 年度, and whether persons are 実人数 or occurrences 延べ. */
  definition: string;
  kind: IndicatorKind;
}

export type ComputedKind = Extract<IndicatorKind, { computed: unknown }>;
export const computedKind = (d: IndicatorDefinition): ComputedKind | null => ("computed" in d.kind ? d.kind : null);

const rows = (axis: BreakdownAxis, counts: Map<string, number>): BreakdownRow[] =>
  [...counts].map(([key, value]) => ({ axis, key, value }));

const inYear = (day: string | null | undefined, fiscalYear: number) => inRange(day, fy(fiscalYear));

/** マッチング件数 of each subset of matches, by the key(s) each match falls under. */
function matchingBy(
  records: IndicatorRecords,
  fiscalYear: number,
  axis: BreakdownAxis,
  keysOf: (m: IndicatorRecords["matches"][number]) => readonly string[],
): BreakdownRow[] {
  const counts = new Map<string, number>();
  for (const m of matchingsIn(records, fiscalYear))
    for (const key of new Set(keysOf(m))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.keys()].sort().map((key) => ({ axis, key, value: counts.get(key)! }));
}

const meetings = (records: IndicatorRecords, fiscalYear: number, kinds: readonly MeetingKind[] | null) =>
  records.meetings.filter((m) => inYear(m.heldOn, fiscalYear) && (kinds === null || kinds.includes(m.kind))).length;

const PERSONAL_CONTACT = new Set<ContactMethod>([
  ContactMethod.VISIT,
  ContactMethod.HOST_SITE_VISIT,
  ContactMethod.ACCOMPANY,
]);

const ALL: readonly Bunya[] = ["全分野"];

/** The catalog, in report order (by 事業, then as the seeds list them). */
export const INDICATOR_CATALOG: readonly IndicatorDefinition[] = [
  // ── 第1号 包括的相談支援 ──
  {
    id: "consultation-intakes",
    name: "相談受付件数",
    unit: "件",
    jigyo: 1,
    bunya: ALL,
    definition: "相談受付の記録の延べ件数。受付日が年度内のもの。本人登録や同意の有無を問わない。",
    kind: {
      computed: (r, y) => r.intakes.filter((i) => inYear(i.receivedOn, y)).length,
      breakdown: (r, y) => {
        const inFy = r.intakes.filter((i) => inYear(i.receivedOn, y));
        return [
          ...rows(
            "TARGET_GROUP",
            countBy(inFy, (i) => [i.field]),
          ),
          ...rows(
            "AREA",
            countBy(inFy, (i) => [i.areaId ?? CITYWIDE_KEY]),
          ),
        ];
      },
    },
  },
  {
    id: "new-persons",
    name: "新規相談者数 (本人登録)",
    unit: "人",
    jigyo: 1,
    bunya: ALL,
    definition: "本人として登録された人の実人数。本人の相談受付日 (登録時の受付日) が年度内の人。",
    kind: {
      computed: (r, y) => r.persons.filter((p) => inYear(p.registeredOn, y)).length,
      breakdown: (r, y) =>
        rows(
          "AREA",
          countBy(
            r.persons.filter((p) => inYear(p.registeredOn, y)),
            (p) => [p.areaId ?? CITYWIDE_KEY],
          ),
        ),
    },
  },
  {
    id: "consents",
    name: "同意者数",
    unit: "人",
    jigyo: 1,
    bunya: ALL,
    definition:
      "最初の本人同意 (全同意記録のうち最も早い同意日) が年度内の人の実人数。後に撤回していても数える (成果指標の同意者と同じ定義)。",
    kind: { computed: (r, y) => outcomes(r, y).consentRate.numerator },
  },
  // ── 第2号 参加支援 ──
  {
    id: "cooperation-organizations",
    name: "協力依頼機関数",
    unit: "機関",
    jigyo: 2,
    bunya: ALL,
    definition:
      "協力依頼 (本人の受け入れ・場の創出など) をした団体の実数。依頼日が年度内の依頼について、回答 (受諾・辞退・保留) を問わず、同じ団体への複数回の依頼は1として数える。",
    kind: {
      computed: (r, y) =>
        new Set(r.cooperationRequests.filter((c) => inYear(c.requestedOn, y)).map((c) => c.organizationId)).size,
    },
  },
  {
    id: "cooperation-requests",
    name: "協力依頼件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition: "協力依頼の延べ件数。依頼日が年度内のもの。回答を問わない。",
    kind: {
      computed: (r, y) => r.cooperationRequests.filter((c) => inYear(c.requestedOn, y)).length,
      breakdown: (r, y) =>
        rows(
          "KIND",
          countBy(
            r.cooperationRequests.filter((c) => inYear(c.requestedOn, y)),
            (c) => [c.kind],
          ),
        ),
    },
  },
  {
    id: "plan-persons",
    name: "支援プラン策定人数",
    unit: "人",
    jigyo: 2,
    bunya: ALL,
    definition:
      "本人と合意した日が年度内の支援プランがある人の実人数 (作成中のプランは数えない)。1人に新規と再プランがあっても1人。",
    kind: { computed: (r, y) => plannedPersons(r, y).total },
  },
  {
    id: "plan-persons-new",
    name: "支援プラン策定人数 (新規)",
    unit: "人",
    jigyo: 2,
    bunya: ALL,
    definition: "支援プラン策定人数のうち、年度内に合意したプランに新規プランがある人。",
    kind: { computed: (r, y) => plannedPersons(r, y).fresh },
  },
  {
    id: "plan-persons-replan",
    name: "支援プラン策定人数 (再プラン)",
    unit: "人",
    jigyo: 2,
    bunya: ALL,
    definition: "支援プラン策定人数のうち、年度内に合意したプランが再プランだけの人。新規 + 再プラン = 策定人数。",
    kind: { computed: (r, y) => plannedPersons(r, y).replan },
  },
  {
    id: "supported-persons",
    name: "支援人数 (繰越を含む)",
    unit: "人",
    jigyo: 2,
    bunya: ALL,
    definition:
      "年度内 (集計日まで) の1日でも、合意済みで終了前の支援プランがあるか、始まっていて終結・辞退・不成立に至っていないマッチングがある人の実人数。前年度から続く人 (繰越) を含む。",
    kind: { computed: (r, y) => supportedPersons(r, y).total },
  },
  {
    id: "matchings",
    name: "マッチング件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "「本人へ提案」に初めて入った日が年度内のマッチングの件数 (延べ; 1件は最初に提案した年度に1回だけ)。成果指標のマッチング件数と同じ。",
    kind: {
      computed: (r, y) => outcomes(r, y).matchingCount,
      breakdown: (r, y) => [
        ...matchingBy(r, y, "KIND", (m) => [m.resourceKind]),
        ...matchingBy(r, y, "AREA", (m) => areaKeys(m.areaIds)),
        ...matchingBy(r, y, "TARGET_GROUP", (m) => m.targetGroups),
      ],
    },
  },
  {
    id: "employment-matchings",
    name: "就労支援における社会資源とのマッチング件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "マッチング件数のうち、つないだ資源が就労の種類 (受け入れ企業・就労準備・就労体験・在宅ワーク・シルバー人材) か、参加の形に就労体験があるもの。",
    kind: { computed: (r, y) => matchingsIn(r, y).filter(isEmploymentSupport).length },
  },
  {
    id: "participation-starts",
    name: "参加開始数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition: "「参加開始」に初めて入った日が年度内のマッチングの件数 (延べ)。再開は数えない。",
    kind: { computed: (r, y) => outcomes(r, y).startedCount },
  },
  {
    id: "change-rate",
    name: "参加支援事業により行動や気持ちに変化の見られた人の割合",
    unit: "%",
    jigyo: 2,
    bunya: ALL,
    definition:
      "分母: 年度内に参加していた日が1日でもある本人 (実人数)。分子: そのうち年度内の記録日で「変化あり」のフォローアップ記録がある本人。成果指標と同じ定義。分母が0なら値なし。",
    kind: { computed: (r, y) => percent(outcomes(r, y).changeRate) },
  },
  {
    id: "settling-rate-3m",
    name: "定着率 (3か月)",
    unit: "%",
    jigyo: 2,
    bunya: ALL,
    definition:
      "最初の参加開始日から3か月後の確認日が年度内かつ集計日以前のマッチングのうち、確認日に参加が続いている (または定着から終結した) ものの割合。成果指標と同じ定義。",
    kind: { computed: (r, y) => percent(outcomes(r, y).settlingRate3Months) },
  },
  {
    id: "settling-rate-6m",
    name: "定着率 (6か月)",
    unit: "%",
    jigyo: 2,
    bunya: ALL,
    definition: "定着率 (3か月) と同じ数え方で、確認日を最初の参加開始日から6か月後とするもの。",
    kind: { computed: (r, y) => percent(outcomes(r, y).settlingRate6Months) },
  },
  {
    id: "follow-up-contacts",
    name: "フォローアップの連絡・訪問の延べ件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "フォローアップ記録の延べ件数。記録日 (連絡・訪問した日) が年度内のもの。方法 (訪問・面接・電話・メール・手紙・同行・受け入れ先訪問・その他) 別の内訳つき。",
    kind: {
      computed: (r, y) => r.followUps.filter((f) => inYear(f.contactedOn, y)).length,
      breakdown: (r, y) =>
        rows(
          "METHOD",
          countBy(
            r.followUps.filter((f) => inYear(f.contactedOn, y)),
            (f) => [f.method],
          ),
        ),
    },
  },
  {
    id: "follow-up-on-time-rate",
    name: "フォローアップの期限内実施率",
    unit: "%",
    jigyo: 2,
    bunya: ALL,
    definition:
      "予定日が年度内かつ集計日以前のフォローアップ予定のうち、判定済み (実施済み + 猶予を過ぎても未実施) に対する期限内 (予定日 + 猶予日数まで) の実施の割合。成果指標と同じ定義。",
    kind: { computed: (r, y) => percent(outcomes(r, y).followUps.onTimeRate) },
  },
  {
    id: "ibasho-matching-visits",
    name: "居場所とのマッチングのための訪問件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "通いの場・居場所の種類の資源とのマッチングについて、訪問・受け入れ先訪問・同行で行ったフォローアップ記録の延べ件数。記録日が年度内のもの。",
    kind: {
      computed: (r, y) => {
        const ibasho = new Set(r.matches.filter((m) => IBASHO_KINDS.has(m.resourceKind)).map((m) => m.id));
        return r.followUps.filter(
          (f) => inYear(f.contactedOn, y) && ibasho.has(f.matchId) && PERSONAL_CONTACT.has(f.method),
        ).length;
      },
    },
  },
  {
    id: "host-supports",
    name: "受け入れ先支援件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "受け入れ先の団体への支援 (訪問・助言・問題への対応・研修など、個別のマッチングの外のもの) の延べ件数。支援した日が年度内のもの。",
    kind: {
      computed: (r, y) => r.hostSupports.filter((h) => inYear(h.givenOn, y)).length,
      breakdown: (r, y) => {
        const inFy = r.hostSupports.filter((h) => inYear(h.givenOn, y));
        return [
          ...rows(
            "KIND",
            countBy(inFy, (h) => [h.kind]),
          ),
          ...rows(
            "METHOD",
            countBy(inFy, (h) => [h.method]),
          ),
        ];
      },
    },
  },
  // ── 第3号 地域づくり ──
  {
    id: "social-resources",
    name: "社会資源の数",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition:
      "年度末 (3月31日) に掲載されていた資源の数。その日までに登録され、その日に終了でなかったもの (休止中を含む)。変更履歴からその日の種類・地区で数える。年度が終わっていなければ最新の状態。",
    kind: {
      computed: (r, y) => listingsAtYearEnd(r, y).length,
      breakdown: (r, y) => {
        const at = listingsAtYearEnd(r, y);
        return [
          ...rows(
            "KIND",
            countBy(at, (s) => [s.kind]),
          ),
          ...rows(
            "AREA",
            countBy(at, (s) => areaKeys(s.areaIds)),
          ),
        ];
      },
    },
  },
  {
    id: "kayoi-places",
    name: "通いの場の数",
    unit: "か所",
    jigyo: 3,
    bunya: ["高齢"],
    definition:
      "社会資源の数と同じ数え方 (年度末時点) で、種類が通いの場・サロン・介護予防の自主グループ・健康体操のもの。",
    kind: {
      computed: (r, y) => listingsAtYearEnd(r, y).filter((s) => KAYOI_KINDS.has(s.kind)).length,
      breakdown: (r, y) =>
        rows(
          "AREA",
          countBy(
            listingsAtYearEnd(r, y).filter((s) => KAYOI_KINDS.has(s.kind)),
            (s) => areaKeys(s.areaIds),
          ),
        ),
    },
  },
  {
    id: "ibasho-places",
    name: "集いの場や居場所など地域の社会資源の数",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition:
      "社会資源の数と同じ数え方 (年度末時点) で、通いの場の種類に居場所・コミュニティカフェ・子育てひろば・子ども食堂・当事者の会を加えたもの。",
    kind: {
      computed: (r, y) => listingsAtYearEnd(r, y).filter((s) => IBASHO_KINDS.has(s.kind)).length,
      breakdown: (r, y) =>
        rows(
          "KIND",
          countBy(
            listingsAtYearEnd(r, y).filter((s) => IBASHO_KINDS.has(s.kind)),
            (s) => [s.kind],
          ),
        ),
    },
  },
  {
    id: "developed-resources",
    name: "新たに開発した資源の数",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition: "資源の不足のうち、解決した日が年度内で、解決として新しい資源が結び付けられているものの数。",
    kind: {
      computed: (r, y) =>
        r.gaps.filter(
          (g) => g.status === ResourceGapStatus.RESOLVED && g.resolvedResourceId !== null && inYear(g.resolvedOn, y),
        ).length,
    },
  },
  {
    id: "resource-gaps-raised",
    name: "把握した資源の不足の件数",
    unit: "件",
    jigyo: 3,
    bunya: ALL,
    definition: "資源の不足として記録された件数 (延べ)。記録した日が年度内のもの。",
    kind: { computed: (r, y) => r.gaps.filter((g) => inYear(g.raisedOn, y)).length },
  },
  {
    id: "kaigo-yobo-leader-trainees",
    name: "介護予防リーダー養成講座受講者数",
    unit: "人",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "介護予防リーダー養成講座を受講した人数。講座の受講記録は tsunagu にないため、担当課の集計を入力する。",
    kind: { entered: true, why: "講座の受講者名簿は tsunagu の外 (介護予防の担当課) にある" },
  },
  {
    id: "kosodate-kyoten-visits",
    name: "地域子育て支援拠点 延べ利用回数",
    unit: "人回",
    jigyo: 3,
    bunya: ["子ども"],
    definition: "地域子育て支援拠点の延べ利用回数。拠点の利用記録は tsunagu にないため、拠点からの報告を入力する。",
    kind: { entered: true, why: "来所の記録は各拠点が持ち、tsunagu は本人として登録された人のマッチングしか知らない" },
  },
  {
    id: "chikatsu-daily-users",
    name: "地域活動支援センター 1日あたり利用者数",
    unit: "人/日",
    jigyo: 3,
    bunya: ["障害"],
    definition: "地域活動支援センターの1日あたり利用者数。センターの利用実績報告を入力する。",
    kind: { entered: true, why: "利用実績は各センターの日報にあり、tsunagu はつないだ人しか知らない" },
  },
  {
    id: "residents-feeling-supported",
    name: "地域社会に支えられていると思う市民の割合",
    unit: "%",
    jigyo: 3,
    bunya: ALL,
    definition: "市民意識調査で「地域社会に支えられていると思う」と答えた人の割合。調査結果を入力する。",
    kind: { entered: true, why: "住民アンケートの結果で、記録からは数えられない" },
  },
  {
    id: "place-satisfaction",
    name: "場づくり事業における参加者の満足度",
    unit: "%",
    jigyo: 3,
    bunya: ALL,
    definition: "場づくり事業の参加者アンケートで満足と答えた人の割合。アンケート結果を入力する。",
    kind: { entered: true, why: "参加者アンケートの結果で、記録からは数えられない" },
  },
  {
    id: "kyogitai-sites",
    name: "第2層協議体 拠点数",
    unit: "か所",
    jigyo: 3,
    bunya: ["高齢"],
    definition:
      "第2層協議体 (地区ごとの協議の場) が置かれた拠点の数 (年度末時点)。生活支援体制整備事業の報告を入力する。",
    kind: { entered: true, why: "協議体の設置は生活支援コーディネーターの事業で、tsunagu の記録にない" },
  },
  // ── 第4号 アウトリーチ等 ──
  {
    id: "outreach-contacts",
    name: "アウトリーチによる延べ支援件数",
    unit: "件",
    jigyo: 4,
    bunya: ALL,
    definition:
      "アウトリーチ (訪問・面接・電話などの働きかけ) の延べ件数。アウトリーチの活動記録は tsunagu にないため、相談員の集計を入力する。",
    kind: { entered: true, why: "アウトリーチの活動記録 (本人登録前の働きかけ) は tsunagu にない" },
  },
  // ── 第5号 多機関協働 ──
  {
    id: "shien-kaigi-meetings",
    name: "支援会議 開催回数",
    unit: "回",
    jigyo: 5,
    bunya: ALL,
    definition: "種類が支援会議 (社会福祉法第106条の6) の会議記録の件数。開催日が年度内のもの。",
    kind: { computed: (r, y) => meetings(r, y, ["SHIEN_KAIGI"]) },
  },
  {
    id: "jusoteki-meetings",
    name: "重層的支援会議 開催回数",
    unit: "回",
    jigyo: 5,
    bunya: ALL,
    definition: "種類が重層的支援会議の会議記録の件数。開催日が年度内のもの。",
    kind: { computed: (r, y) => meetings(r, y, ["JUSOTEKI"]) },
  },
  {
    id: "case-meetings",
    name: "重層的支援会議・支援会議 開催回数",
    unit: "回",
    jigyo: 5,
    bunya: ALL,
    definition: "重層的支援会議と支援会議の会議記録の件数の合計。開催日が年度内のもの。",
    kind: { computed: (r, y) => meetings(r, y, ["SHIEN_KAIGI", "JUSOTEKI"]) },
  },
  {
    id: "all-meetings",
    name: "会議の開催回数 (すべて)",
    unit: "回",
    jigyo: 5,
    bunya: ALL,
    definition:
      "すべての種類 (支援会議・重層的支援会議・その他の個別ケース会議・定例会議・ネットワーク会議) の会議記録の件数。開催日が年度内のもの。",
    kind: {
      computed: (r, y) => meetings(r, y, null),
      breakdown: (r, y) =>
        rows(
          "KIND",
          countBy(
            r.meetings.filter((m) => inYear(m.heldOn, y)),
            (m) => [m.kind],
          ),
        ),
    },
  },
];

export const indicatorById = (id: string, catalog: readonly IndicatorDefinition[] = INDICATOR_CATALOG) =>
  catalog.find((d) => d.id === id) ?? null;
