import { inRange } from "@tsunagu/calendar";
import { ContactMethod } from "../followups/followup.enums.js";
import { ResourceGapStatus } from "../gaps/resource-gap.entity.js";
import { ratio } from "../reports/outcome.compute.js";
import { ResourceKind } from "../resources/resource.enums.js";
import type { FollowUpTally, IndicatorRecords, MeetingKind } from "./indicator-records.js";
import {
  CITYWIDE_KEY,
  IBASHO_KINDS,
  firstProposedOn,
  firstStartedOn,
  openMatchesByPerson,
  KAYOI_KINDS,
  areaKeys,
  countBy,
  fy,
  isEmploymentSupport,
  listingsAtYearEnd,
  matchOutcomes,
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

/** マッチング件数 by the key(s) each match falls under (the matches first proposed in the 年度). */
function matchingBy(
  records: IndicatorRecords,
  fiscalYear: number,
  axis: BreakdownAxis,
  keysOf: (m: IndicatorRecords["matches"][number]) => readonly string[],
): BreakdownRow[] {
  const proposed = records.matches.filter((m) => inYear(firstProposedOn(records, m), fiscalYear));
  return rows(axis, countBy(proposed, keysOf));
}

const meetings = (records: IndicatorRecords, fiscalYear: number, kinds: readonly MeetingKind[] | null) =>
  records.meetings.filter((m) => inYear(m.heldOn, fiscalYear) && (kinds === null || kinds.includes(m.kind))).length;

const PERSONAL_CONTACT = new Set<ContactMethod>([
  ContactMethod.VISIT,
  ContactMethod.HOST_SITE_VISIT,
  ContactMethod.ACCOMPANY,
]);

/** The follow-ups of the 年度 in the tallies `only` keeps. */
const contacts = (records: IndicatorRecords, fiscalYear: number, only: (t: FollowUpTally) => boolean) =>
  records.followUps.tallies.reduce((n, t) => (t.fiscalYear === fiscalYear && only(t) ? n + t.count : n), 0);

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
    id: "plan-count",
    name: "支援プラン作成件数",
    unit: "件",
    jigyo: 2,
    bunya: ALL,
    definition:
      "本人と合意した日が年度内の支援プランの延べ件数 (新規・再プランとも; 作成中は数えない)。1人に2件あれば2件。",
    kind: {
      computed: (r, y) => r.plans.filter((p) => inYear(p.agreedOn, y)).length,
      breakdown: (r, y) =>
        rows(
          "KIND",
          countBy(
            r.plans.filter((p) => inYear(p.agreedOn, y)),
            (p) => [p.planVersion],
          ),
        ),
    },
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
    kind: { computed: (r, y) => matchOutcomes(r, y, "employment", isEmploymentSupport).matchingCount },
  },
  {
    id: "matched-kinds",
    name: "提供された支援サービスの種類の件数",
    unit: "種類",
    jigyo: 2,
    bunya: ALL,
    definition:
      "年度内のマッチング (「本人へ提案」に初めて入った日が年度内) でつないだ資源の種類の数 (異なる種類だけを数える)。",
    kind: { computed: (r, y) => matchingBy(r, y, "KIND", (m) => [m.resourceKind]).length },
  },
  {
    id: "combined-support-rate",
    name: "一人に複数の支援を組み合わせた事例の割合",
    unit: "%",
    jigyo: 2,
    bunya: ALL,
    definition:
      "分母: 年度内 (集計日まで) の1日でも始まっていて終結・辞退・不成立に至っていないマッチングがある人 (実人数)。分子: そのうち、そうしたマッチングが年度内に2件以上ある人。同時でなくてもよい。分母が0なら値なし。",
    kind: {
      computed: (r, y) => {
        const open = [...openMatchesByPerson(r, y).values()];
        return percent(ratio(open.filter((m) => m.size >= 2).length, open.length));
      },
    },
  },
  {
    id: "resources-used",
    name: "地域資源の活用に至った件数",
    unit: "か所",
    jigyo: 2,
    bunya: ALL,
    definition: "マッチングで本人が「参加開始」に初めて入った日が年度内の資源の数 (同じ資源に何人つないでも1)。",
    kind: {
      computed: (r, y) => new Set(r.matches.filter((m) => inYear(firstStartedOn(m), y)).map((m) => m.resourceId)).size,
    },
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
      computed: (r, y) => contacts(r, y, () => true),
      breakdown: (r, y) =>
        rows(
          "METHOD",
          countBy(
            r.followUps.tallies.filter((t) => t.fiscalYear === y),
            (t) => [t.method],
            (t) => t.count,
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
      computed: (r, y) => contacts(r, y, (t) => IBASHO_KINDS.has(t.resourceKind) && PERSONAL_CONTACT.has(t.method)),
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
    id: "new-resources",
    name: "地域資源の発掘及び整理した件数 (新たに登録した資源の数)",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition: "登録日が年度内の資源の数 (その後終了したものも含む)。",
    kind: {
      computed: (r, y) => r.listings.filter((l) => inYear(l.createdOn, y)).length,
      breakdown: (r, y) =>
        rows(
          "KIND",
          countBy(
            r.listings.filter((l) => inYear(l.createdOn, y)),
            (l) => [l.states[0].kind],
          ),
        ),
    },
  },
  {
    id: "new-ibasho-places",
    name: "新たな居場所づくりの実績",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition:
      "登録日が年度内の資源のうち、登録したときの種類が通いの場・居場所の種類 (集いの場や居場所など地域の社会資源の数と同じ種類) のものの数。",
    kind: {
      computed: (r, y) => r.listings.filter((l) => inYear(l.createdOn, y) && IBASHO_KINDS.has(l.states[0].kind)).length,
    },
  },
  {
    id: "kaigo-yobo-groups",
    name: "介護予防の自主グループ数",
    unit: "団体",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "社会資源の数と同じ数え方 (年度末時点) で、種類が介護予防の自主グループのもの。",
    kind: {
      computed: (r, y) => listingsAtYearEnd(r, y).filter((s) => s.kind === ResourceKind.KAIGO_YOBO_GROUP).length,
    },
  },
  {
    id: "kyojo-sites",
    name: "共助の基盤づくり 実施箇所数",
    unit: "か所",
    jigyo: 3,
    bunya: ALL,
    definition: "社会資源の数と同じ数え方 (年度末時点) で、種類が共助の活動 (住民同士の支え合い) のもの。",
    kind: { computed: (r, y) => listingsAtYearEnd(r, y).filter((s) => s.kind === ResourceKind.KYOJO_ACTIVITY).length },
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
  {
    id: "kayoi-program-groups",
    name: "高齢者通いの場事業 利用団体数",
    unit: "団体",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "高齢者通いの場事業 (補助事業) を利用した団体の数。補助の台帳から入力する。",
    kind: {
      entered: true,
      why: "補助金の交付先の台帳は担当課にあり、掲載されている通いの場とは一致しない (掲載していない団体もある)",
    },
  },
  {
    id: "genki-trainees",
    name: "「元気を広げる人」養成講座修了者数 (累積)",
    unit: "人",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "介護予防の担い手養成講座の修了者の累計。講座の記録から入力する。",
    kind: { entered: true, why: "講座の修了者名簿は tsunagu の外にある" },
  },
  {
    id: "ibasho-health",
    name: "居場所参加者の主観的健康観の維持向上率",
    unit: "%",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "居場所の参加者アンケートで、主観的健康観が維持または向上した人の割合。アンケート結果を入力する。",
    kind: { entered: true, why: "参加者アンケートの結果で、記録からは数えられない" },
  },
  {
    id: "kyogitai-1-meetings",
    name: "第一層協議体の会議開催回数",
    unit: "回",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "第一層協議体 (市全域の協議の場) の会議の開催回数。生活支援体制整備事業の報告を入力する。",
    kind: {
      entered: true,
      why: "会議記録の種類「ネットワーク会議・協議体」には第一層以外の会議も入り、第一層協議体の会議だけを区別できない",
    },
  },
  {
    id: "network-districts",
    name: "地域福祉ネットワーク会議立上げ地区数",
    unit: "地区",
    jigyo: 3,
    bunya: ["高齢"],
    definition: "地域福祉ネットワーク会議が立ち上がった地区の数 (年度末時点)。地区の報告を入力する。",
    kind: { entered: true, why: "会議記録に地区がなく、立ち上げは社協の事業の記録にある" },
  },
  {
    id: "kosodate-open-days",
    name: "つどいの広場・地域子育て支援センター 開所日数",
    unit: "日",
    jigyo: 3,
    bunya: ["子ども"],
    definition: "施設ごとの年度の開所日数。施設の報告を入力する。",
    kind: { entered: true, why: "開所した日の記録は各施設にあり、tsunagu の掲載は予定の曜日しか持たない" },
  },
  {
    id: "welfare-supporters",
    name: "地域福祉サポーターの登録者数",
    unit: "人",
    jigyo: 3,
    bunya: ALL,
    definition: "地域福祉サポーターとして登録している住民の数 (年度末時点)。社協の登録簿から入力する。",
    kind: { entered: true, why: "サポーターの登録簿は社協にあり、tsunagu は担い手の登録を持たない" },
  },
  {
    id: "resident-activities-supported",
    name: "住民主体による地域活動を支援した件数",
    unit: "件",
    jigyo: 3,
    bunya: ALL,
    definition: "住民主体の地域活動への支援の延べ件数。地域づくり事業の記録から入力する。",
    kind: { entered: true, why: "受け入れ先支援は掲載団体への支援だけを記録し、地域活動一般への支援は記録しない" },
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
  {
    id: "outreach-linked-cases",
    name: "アウトリーチにより継続的支援につなげた件数",
    unit: "件",
    jigyo: 4,
    bunya: ALL,
    definition:
      "アウトリーチ支援員・出張相談会によって継続的な支援 (支援会議・プラン) につないだ件数。相談員の集計を入力する。",
    kind: {
      entered: true,
      why: "相談受付の経路はわかるが、アウトリーチの活動そのもの (訪問先・回数) は記録していない",
    },
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
  {
    id: "network-organizations",
    name: "支援関係者ネットワーク会議 参加団体数",
    unit: "団体",
    jigyo: 5,
    bunya: ALL,
    definition:
      "会議の記録のうち種類が「ネットワーク会議・協議体」のものに出席した団体の実数 (同じ団体は何回出席しても1)。開催日が年度内のもの。",
    kind: {
      computed: (r, y) =>
        new Set(r.meetings.filter((m) => m.kind === "NETWORK" && inYear(m.heldOn, y)).flatMap((m) => m.organizationIds))
          .size,
    },
  },
  {
    id: "gap-persons",
    name: "制度の狭間 (ひきこもり・セルフネグレクトなど) の支援対象者の数",
    unit: "人",
    jigyo: 5,
    bunya: ALL,
    definition: "制度の狭間にある支援対象者の実人数。多機関協働事業の台帳から入力する。",
    kind: { entered: true, why: "「制度の狭間」にあたるかは本人の記録の項目になく、判断は支援会議で行われる" },
  },
  {
    id: "supporter-trainings",
    name: "支援者向け研修会の開催数",
    unit: "回",
    jigyo: 5,
    bunya: ALL,
    definition: "支援関係者向けの研修会の開催回数。事業の記録から入力する。",
    kind: {
      entered: true,
      why: "研修会は会議記録の種類になく、受け入れ先支援の研修は1団体ずつの記録で研修会の回数ではない",
    },
  },
];

export const indicatorById = (id: string, catalog: readonly IndicatorDefinition[] = INDICATOR_CATALOG) =>
  catalog.find((d) => d.id === id) ?? null;
