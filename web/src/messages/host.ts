import type { MatchStage } from "../gql/graphql";
import { yen } from "./format";
import { MATCH_STAGE_LABELS } from "./labels";
import { withSan } from "./search";

/**
 * A stage as the host reads it: the host's own refusal is お断り here, as on its buttons (the stage's name for
 * coordinators, 受け入れ先辞退, is theirs).
 */
export const hostStageLabel = (stage: MatchStage): string =>
  stage === "HOST_DECLINED" ? "お断りしました" : MATCH_STAGE_LABELS[stage];

/** 受け入れ先ポータル: a host's own listings and the referrals sent to it (often read on a tablet at the venue). */
export const hostMessages = {
  portalHeading: "受け入れ先ポータル",
  portalLead: (organization: string) => `${organization} の掲載内容と、紹介された方の情報です。`,
  noOrganization: "このアカウントには団体が登録されていません。システム管理者にお問い合わせください。",

  listingsHeading: "掲載中の資源",
  listingsNone: "掲載している資源はありません。",
  verificationRequested: (date: string, who: string | null) =>
    `${date}に${who ? `${who} さんから` : ""}掲載内容の確認の依頼がありました。内容を確かめて「掲載内容を確認しました」を押してください。`,
  verificationRequestsWaiting: (n: number) => `確認の依頼が${n}件あります。`,
  listingOpenings: (n: number | null) =>
    n == null ? "空き: 未登録" : n === 0 ? "空き: なし (満員)" : `空き: ${yen.format(n)}人`,
  listingNeedsCheck: "掲載内容の確認をお願いします",

  referralsHeading: "紹介された方",
  referralsNone: "いま紹介されている方はいません。",
  referralLinkLabel: (name: string | null, resource: string) =>
    `${name ? withSan(name) : "お名前非共有の方"} — ${resource}`,
  referredOn: (date: string) => `${date} に紹介`,
  awaitingResponse: "お返事をお待ちしています",
  stage: "状況",

  listing: {
    backToPortal: "受け入れ先ポータルへ戻る",
    viewPublic: "公開されている掲載内容を見る",
    editHeading: "いまの受け入れ",
    openings: "空き状況",
    openingsHint: "いま受け入れられる人数です。空きがないときは 0、わからないときは空欄にしてください。",
    openingsUnit: "人",
    openingsDecrease: "空きを1人減らす",
    openingsIncrease: "空きを1人増やす",
    openingsInvalid: "空きは0以上の整数 (人数) で入力してください。",
    decreaseSymbol: "−",
    increaseSymbol: "＋",
    capacity: (n: number) => `定員 ${yen.format(n)}人`,
    status: "活動状況",
    statusHint: "しばらく休むときは「休止中」、活動をやめたときは「終了」にしてください。",
    scheduleHeading: "日程",
    currentSchedule: "いまの日程",
    save: "保存する",
    saving: "保存しています…",
    saved: "保存しました。",
    verifyHeading: "掲載内容の確認",
    verifyLead:
      "掲載内容が今も正しいことを確かめたら、このボタンを押してください。利用者に「最近確認された情報」として表示されます。",
    verify: "掲載内容を確認しました",
    verifying: "記録しています…",
    verified: "確認したことを記録しました。ありがとうございます。",
    lastVerified: "最終確認日",
    neverVerified: "まだ確認されていません",
    notEditable: "この資源を編集する権限がありません。",
  },

  referral: {
    heading: "ご紹介",
    backToPortal: "受け入れ先ポータルへ戻る",
    notFound: "この紹介は見つかりませんでした。終了したか、別の受け入れ先への紹介です。",
    resource: "紹介先の活動",
    referredOn: "紹介日",
    startedOn: "参加開始日",
    stage: "状況",
    yourResponse: "お返事",
    responseReason: "理由",
    sharedHeading: "共有された情報",
    othersNotShared: "ここにない情報は、ご本人の同意がないため共有されていません。",
    nothingShared:
      "ご本人の同意が撤回されたか期限が切れたため、いまはご本人の情報をお見せできません。担当のコーディネーターにお問い合わせください。",
    displayName: "お名前",
    ageBand: "年齢層",
    area: "お住まいの地区",
    contactPreference: "連絡方法の希望",
    contactNote: "連絡時の注意",
    wantedActivities: "やってみたい活動",
    weekdays: "参加できる曜日",
    timeBands: "参加できる時間帯",
    mobility: "移動の手段",
    groupSize: "人数の好み",
    accessibility: "必要な配慮",
    wishes: "ご本人の希望",
    strengths: "得意なこと",
    participationLevel: "参加の段階",
    householdCircumstances: "世帯の事情",

    respondHeading: "受け入れのお返事",
    respondLead: "この方を受け入れられるか、お返事をお願いします。",
    accept: "受け入れる",
    decline: "お断りする",
    declineReason: "お断りの理由",
    declineReasonHint: "コーディネーターが次の受け入れ先を探すときの参考にします (例: 今月は定員がいっぱい)。",
    sendDecline: "お断りを送る",
    cancel: "やめる",
    accepted: "「受け入れる」とお返事しました。コーディネーターから連絡があります。",
    declined: "お断りのお返事を送りました。",
    declineReasonRequired: "お断りの理由を入力してください",
    changeAnswer: "お返事を変えるときは、担当のコーディネーターにご連絡ください。",

    attendanceHeading: "参加の記録",
    attendanceDate: "参加日",
    attendance: "出欠",
    attended: "参加",
    absent: "欠席",
    chooseAttendance: "「参加」か「欠席」を選んでください。",
    attendanceNote: "メモ (任意)",
    recordAttendance: "出欠を記録",
    recording: "記録しています…",
    recorded: (date: string, attended: boolean) => `${date} を「${attended ? "参加" : "欠席"}」と記録しました。`,
    historyHeading: "これまでの記録",
    historyNone: "まだ記録はありません。",
    sameDayOverwrites: "同じ日をもう一度記録すると、前の記録が置き換わります。",
  },
} as const;
