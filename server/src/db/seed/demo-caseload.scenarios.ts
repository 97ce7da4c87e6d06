/**
 * The demo's match histories, written as days before "today" so that a demo seeded later still looks alive.
 * Together they cover every stage; starts are spread over the current and the previous fiscal year (about 18 months
 * back), and a few follow-ups are anchored to fall due this week or to be overdue.
 */
import { MatchStage } from "../../matching/match.enums.js";
import { ResourceKind } from "../../resources/resource.enums.js";
import type { CoordinatorKey } from "./demo-caseload.types.js";

const S = MatchStage;

/**
 * When a step happened: days ago (jittered by a couple of days), a start anchored so that a planned follow-up falls
 * due `inDays` from today (`due`: "first" = the first check, a number = that many months after the start), or
 * "auto" for 終結後フォロー (the day of the first post-closure contact).
 */
export type When = number | { due: "first" | number; inDays: number } | "auto";

export interface Scenario {
  id: string;
  /** days ago the match was created (候補) */
  created: number;
  path: [MatchStage, When][];
  coordinator: CoordinatorKey;
  /** archetype ids, in order of preference (ignored when the person is reused) */
  archetypes: string[];
  /** the match goes to host@'s organization (若葉会) or to host2@'s employer */
  at?: "host" | "employer";
  /** resource kinds to look for instead of the archetype's */
  kinds?: ResourceKind[];
  /** the same person as an earlier scenario (a second match after an ending, or a next step) */
  samePersonAs?: string;
  supportMeeting?: boolean;
  /** indexes into the first participation schedule left undone although past (overdue) */
  overdue?: number[];
  /** indexes done late (after the grace days) */
  late?: number[];
  /** the referral consent ran out while the match waited (保留) */
  expiredConsent?: boolean;
  /** the person later withdraws the referral consent */
  withdrawsReferral?: boolean;
  /** reasons for exits, by stage */
  reasons?: Partial<Record<MatchStage, string>>;
}

const c1: CoordinatorKey = "coordinator";
const c2: CoordinatorKey = "coordinator2";

export const SCENARIOS: readonly Scenario[] = [
  // 終結後フォロー: started in the previous fiscal year, closed, contacted since.
  {
    id: "P1",
    created: 505,
    coordinator: c1,
    archetypes: ["retired-man"],
    path: [
      [S.HOST_COORDINATION, 496],
      [S.PROPOSED, 485],
      [S.VISIT_TRIAL, 478],
      [S.ACTIVE_FOLLOW_UP, 468],
      [S.STABLE, 335],
      [S.CLOSED, 262],
      [S.POST_CLOSURE, "auto"],
    ],
  },
  {
    id: "P2",
    created: 480,
    coordinator: c2,
    archetypes: ["midlife-8050", "not-job-ready"],
    at: "employer",
    path: [
      [S.HOST_COORDINATION, 470],
      [S.PROPOSED, 455],
      [S.ACTIVE_FOLLOW_UP, 440],
      [S.STABLE, 300],
      [S.CLOSED, 232],
      [S.POST_CLOSURE, "auto"],
    ],
  },
  {
    id: "P3",
    created: 450,
    coordinator: c1,
    archetypes: ["isolated-elder"],
    path: [
      [S.HOST_COORDINATION, 440],
      [S.PROPOSED, 428],
      [S.VISIT_TRIAL, 420],
      [S.ACTIVE_FOLLOW_UP, 410],
      [S.STABLE, 280],
      [S.CLOSED, 150],
      [S.POST_CLOSURE, "auto"],
    ],
    late: [2],
  },
  // 終結: post-closure contacts planned.
  {
    id: "C1",
    created: 430,
    coordinator: c2,
    archetypes: ["mental-health"],
    path: [
      [S.HOST_COORDINATION, 420],
      [S.PROPOSED, 410],
      [S.VISIT_TRIAL, 402],
      [S.ACTIVE_FOLLOW_UP, 395],
      [S.STABLE, 262],
      [S.CLOSED, 42],
    ],
  },
  {
    id: "C2",
    created: 390,
    coordinator: c1,
    archetypes: ["isolated-parent"],
    path: [
      [S.HOST_COORDINATION, 380],
      [S.PROPOSED, 368],
      [S.ACTIVE_FOLLOW_UP, 360],
      [S.STABLE, 228],
      [S.CLOSED, 92],
    ],
    late: [1],
  },
  // Endings that lead to a second match for the same person.
  {
    id: "HD2",
    created: 320,
    coordinator: c1,
    archetypes: ["youth-hikikomori"],
    path: [
      [S.HOST_COORDINATION, 310],
      [S.PROPOSED, 300],
      [S.VISIT_TRIAL, 290],
      [S.HOST_DECLINED, 284],
    ],
    reasons: { [S.HOST_DECLINED]: "体験時の様子から、現時点では作業のペースが本人の負担になると受け入れ先が判断" },
  },
  {
    id: "HD1",
    created: 205,
    coordinator: c2,
    archetypes: ["not-job-ready"],
    path: [
      [S.HOST_COORDINATION, 196],
      [S.HOST_DECLINED, 184],
    ],
    reasons: { [S.HOST_DECLINED]: "受け入れ担当の職員が異動し、今期は新しい方の受け入れが難しいとの回答" },
  },
  {
    id: "NF2",
    created: 215,
    coordinator: c2,
    archetypes: ["mental-health"],
    path: [
      [S.HOST_COORDINATION, 208],
      [S.PROPOSED, 200],
      [S.VISIT_TRIAL, 192],
      [S.NOT_A_FIT, 186],
    ],
    reasons: { [S.NOT_A_FIT]: "体験してみて、にぎやかな活動内容が本人の希望 (静かな作業) と合わなかった" },
  },
  // 定着
  {
    id: "S1",
    created: 350,
    coordinator: c1,
    archetypes: ["physical-disability"],
    path: [
      [S.HOST_COORDINATION, 342],
      [S.PROPOSED, 336],
      [S.VISIT_TRIAL, 330],
      [S.ACTIVE_FOLLOW_UP, 325],
      [S.STABLE, 150],
    ],
  },
  {
    id: "S2",
    created: 290,
    coordinator: c2,
    archetypes: ["isolated-elder", "mental-health"],
    at: "host",
    path: [
      [S.HOST_COORDINATION, 283],
      [S.PROPOSED, 270],
      [S.VISIT_TRIAL, 262],
      [S.ACTIVE_FOLLOW_UP, 252],
      [S.STABLE, 80],
    ],
  },
  {
    id: "S3",
    created: 276,
    coordinator: c1,
    archetypes: [],
    samePersonAs: "HD2",
    path: [
      [S.HOST_COORDINATION, 268],
      [S.PROPOSED, 260],
      [S.ACTIVE_FOLLOW_UP, 245],
      [S.STABLE, 60],
    ],
  },
  {
    id: "S4",
    created: 172,
    coordinator: c2,
    archetypes: [],
    samePersonAs: "HD1",
    path: [
      [S.HOST_COORDINATION, 166],
      [S.PROPOSED, 160],
      [S.VISIT_TRIAL, 155],
      [S.ACTIVE_FOLLOW_UP, 148],
      [S.STABLE, 8],
    ],
  },
  // 参加開始 (フォローアップ中): some due this week, some overdue.
  {
    id: "A1",
    created: 40,
    coordinator: c1,
    archetypes: ["youth-hikikomori", "mental-health", "not-job-ready"],
    at: "host",
    path: [
      [S.HOST_COORDINATION, 32],
      [S.PROPOSED, 22],
      [S.VISIT_TRIAL, 16],
      [S.ACTIVE_FOLLOW_UP, { due: "first", inDays: 4 }],
    ],
  },
  {
    id: "A2",
    created: 62,
    coordinator: c1,
    archetypes: ["isolated-elder"],
    path: [
      [S.HOST_COORDINATION, 54],
      [S.PROPOSED, 46],
      [S.ACTIVE_FOLLOW_UP, { due: 1, inDays: 2 }],
    ],
  },
  {
    id: "A3",
    created: 80,
    coordinator: c1,
    archetypes: ["mental-health"],
    path: [
      [S.HOST_COORDINATION, 70],
      [S.PROPOSED, 60],
      [S.VISIT_TRIAL, 52],
      [S.ACTIVE_FOLLOW_UP, 45],
    ],
    overdue: [1],
  },
  {
    id: "A4",
    created: 110,
    coordinator: c1,
    archetypes: ["isolated-parent"],
    path: [
      [S.HOST_COORDINATION, 100],
      [S.PROPOSED, 90],
      [S.ACTIVE_FOLLOW_UP, 78],
    ],
    late: [1],
    overdue: [2],
  },
  {
    id: "A5",
    created: 120,
    coordinator: c1,
    archetypes: ["intellectual-youth"],
    path: [
      [S.HOST_COORDINATION, 112],
      [S.PROPOSED, 104],
      [S.VISIT_TRIAL, 96],
      [S.ACTIVE_FOLLOW_UP, { due: 3, inDays: 5 }],
    ],
  },
  {
    id: "A6",
    created: 160,
    coordinator: c2,
    archetypes: [],
    samePersonAs: "NF2",
    at: "host",
    path: [
      [S.HOST_COORDINATION, 150],
      [S.PROPOSED, 140],
      [S.VISIT_TRIAL, 134],
      [S.ACTIVE_FOLLOW_UP, 128],
    ],
  },
  {
    id: "A7",
    created: 125,
    coordinator: c2,
    archetypes: ["self-neglect"],
    path: [
      [S.HOST_COORDINATION, 118],
      [S.PROPOSED, 110],
      [S.ACTIVE_FOLLOW_UP, 104],
    ],
    overdue: [3],
  },
  {
    id: "A8",
    created: 400,
    coordinator: c2,
    archetypes: ["not-job-ready", "midlife-8050"],
    path: [
      [S.HOST_COORDINATION, 392],
      [S.PROPOSED, 385],
      [S.ACTIVE_FOLLOW_UP, 375],
      [S.SUSPENDED, 290],
      [S.ACTIVE_FOLLOW_UP, 60],
    ],
    reasons: { [S.SUSPENDED]: "短期の仕事が決まり、本人の希望で一時休止" },
  },
  // 中断
  {
    id: "SU1",
    created: 190,
    coordinator: c1,
    archetypes: ["isolated-elder", "physical-disability"],
    path: [
      [S.HOST_COORDINATION, 182],
      [S.PROPOSED, 175],
      [S.VISIT_TRIAL, 168],
      [S.ACTIVE_FOLLOW_UP, 158],
      [S.SUSPENDED, 72],
    ],
    reasons: { [S.SUSPENDED]: "体調を崩して入院したため、退院まで中断" },
  },
  {
    id: "SU2",
    created: 330,
    coordinator: c2,
    archetypes: ["midlife-8050"],
    path: [
      [S.HOST_COORDINATION, 322],
      [S.PROPOSED, 315],
      [S.ACTIVE_FOLLOW_UP, 305],
      [S.SUSPENDED, 205],
    ],
    reasons: { [S.SUSPENDED]: "同居する母の介護が必要になり、通所が難しくなったため中断" },
  },
  // 本人辞退
  {
    id: "PD1",
    created: 165,
    coordinator: c1,
    archetypes: ["youth-hikikomori"],
    withdrawsReferral: true,
    path: [
      [S.HOST_COORDINATION, 158],
      [S.PROPOSED, 146],
      [S.PERSON_DECLINED, 130],
    ],
    reasons: { [S.PERSON_DECLINED]: "見学の前に不安が強くなり、今は参加を見合わせたいとのこと" },
  },
  {
    id: "PD2",
    created: 95,
    coordinator: c2,
    archetypes: ["isolated-elder"],
    path: [
      [S.HOST_COORDINATION, 86],
      [S.PROPOSED, 76],
      [S.VISIT_TRIAL, 66],
      [S.PERSON_DECLINED, 58],
    ],
    reasons: { [S.PERSON_DECLINED]: "体験後「人が多くて疲れてしまった」と本人から。別の場を一緒に探す" },
  },
  // 保留
  {
    id: "OH1",
    created: 44,
    coordinator: c1,
    archetypes: ["retired-man"],
    expiredConsent: true,
    path: [
      [S.HOST_COORDINATION, 34],
      [S.PROPOSED, 22],
      [S.ON_HOLD, 8],
    ],
    reasons: { [S.ON_HOLD]: "紹介への同意の有効期限が切れたため、本人に更新の意思を確認するまで保留" },
  },
  {
    id: "OH2",
    created: 52,
    coordinator: c1,
    archetypes: ["self-neglect"],
    supportMeeting: true,
    path: [[S.ON_HOLD, 38]],
    reasons: { [S.ON_HOLD]: "本人の同意が得られるまで保留 (支援会議で関わり方を継続協議)" },
  },
  // 不成立
  {
    id: "NF1",
    created: 112,
    coordinator: c2,
    archetypes: ["isolated-elder"],
    path: [[S.NOT_A_FIT, 98]],
    reasons: { [S.NOT_A_FIT]: "自宅から通える範囲に合う場がなく、移動手段も確保できないため不成立" },
  },
  // In progress: proposed, visiting, with the host, candidates.
  {
    id: "PR1",
    created: 48,
    coordinator: c2,
    archetypes: ["physical-disability"],
    path: [
      [S.HOST_COORDINATION, 36],
      [S.PROPOSED, 12],
    ],
  },
  {
    id: "PR2",
    created: 30,
    coordinator: c1,
    archetypes: ["futoko"],
    path: [
      [S.HOST_COORDINATION, 20],
      [S.PROPOSED, 4],
    ],
  },
  {
    id: "VT1",
    created: 70,
    coordinator: c1,
    archetypes: ["youth-hikikomori", "not-job-ready"],
    at: "employer",
    path: [
      [S.HOST_COORDINATION, 60],
      [S.PROPOSED, 44],
      [S.VISIT_TRIAL, 18],
    ],
  },
  {
    id: "VT2",
    created: 55,
    coordinator: c2,
    archetypes: ["intellectual-youth"],
    path: [
      [S.HOST_COORDINATION, 45],
      [S.PROPOSED, 30],
      [S.VISIT_TRIAL, 6],
    ],
  },
  {
    id: "HC1",
    created: 30,
    coordinator: c1,
    archetypes: ["midlife-8050", "youth-hikikomori", "isolated-elder"],
    at: "host",
    path: [[S.HOST_COORDINATION, 18]],
  },
  {
    id: "HC2",
    created: 22,
    coordinator: c2,
    archetypes: ["retired-man", "isolated-elder", "mental-health"],
    at: "host",
    path: [[S.HOST_COORDINATION, 6]],
  },
  { id: "HC3", created: 38, coordinator: c2, archetypes: ["isolated-parent"], path: [[S.HOST_COORDINATION, 25]] },
  { id: "CA1", created: 3, coordinator: c1, archetypes: ["youth-hikikomori"], supportMeeting: true, path: [] },
  { id: "CA2", created: 9, coordinator: c2, archetypes: ["self-neglect"], path: [] },
  {
    id: "CA3",
    created: 20,
    coordinator: c1,
    archetypes: [],
    samePersonAs: "S1",
    kinds: [ResourceKind.VOLUNTEER, ResourceKind.SUPPORTER_ROLE, ResourceKind.KYOJO_ACTIVITY],
    path: [],
  },
];

/** How many people the demo has besides those with matches: 6 more on the 支援会議 track, the rest consented. */
export const EXTRA_SUPPORT_MEETING_PERSONS = 6;
export const TOTAL_PERSONS = 60;
