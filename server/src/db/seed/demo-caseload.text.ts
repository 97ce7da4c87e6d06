/** Japanese wording of the demo caseload: transition reasons, follow-up notes, host voices, plan goals. */
import { ChangeCategory } from "../../followups/followup.enums.js";
import { MatchStage } from "../../matching/match.enums.js";

const S = MatchStage;

/** Default reason for a move into a stage (exits get a scenario-specific one). */
export const STAGE_REASONS: Record<MatchStage, readonly string[]> = {
  [S.CANDIDATE]: ["ケース会議で候補として検討開始", "検索結果から候補に追加", "本人の希望をもとに候補を抽出"],
  [S.HOST_COORDINATION]: [
    "本人の同意を得て受け入れ先に協力依頼",
    "受け入れ先を訪問し、受け入れ体制を確認",
    "受け入れ先の担当者と電話で調整開始",
  ],
  [S.PROPOSED]: ["受け入れ先の了承を得て本人に提案", "面接で本人に活動内容を紹介", "家族同席のもと本人に提案"],
  [S.VISIT_TRIAL]: ["見学に同行", "体験参加に同行", "まずは1回の体験参加から"],
  [S.ACTIVE_FOLLOW_UP]: [
    "本人の希望で参加開始",
    "体験を経て参加開始。フォローアップ期間へ",
    "受け入れ先と本人が合意し参加開始",
  ],
  [S.STABLE]: ["参加が定着し、受け入れ先との関係も安定", "定着確認で関係性の安定を確認"],
  [S.CLOSED]: ["本人・受け入れ先と合意のうえ終結。終結後も定期的に連絡", "関係性が安定したため終結"],
  [S.POST_CLOSURE]: ["終結後の定期連絡を開始", "終結後の連絡で近況を確認"],
  [S.HOST_DECLINED]: ["受け入れ先から辞退の連絡"],
  [S.PERSON_DECLINED]: ["本人から辞退の申し出"],
  [S.ON_HOLD]: ["本人の意向確認のため保留"],
  [S.NOT_A_FIT]: ["条件が合わず不成立"],
  [S.SUSPENDED]: ["本人の事情により一時中断"],
};

export const REOPEN_REASONS = ["体調が回復し、本人の希望で再開", "状況が落ち着いたため本人の希望で再開"];

export const HOST_ACCEPT_NOTES = ["受け入れ可。初回は担当者が対応", "見学から受け入れ可"];

export const TRIAL_NOTES = [
  "見学に同行。緊張していたが、作業の様子を最後まで見ることができた",
  "体験参加に同行。休憩をはさみながら1時間参加",
  "同行して体験。帰り道に「思っていたより話しやすかった」と本人",
];

export const TRIAL_HOST_FEEDBACK = [
  "初めてにしては落ち着いていた",
  "丁寧な方。無理のないペースで来てもらえれば",
  "少し疲れた様子。次回は短めに",
];

export const FIRST_CHECK_NOTES = [
  "開始2週間。休まず参加できている。帰宅後は疲れて早く寝ているとのこと",
  "開始2週間の確認。1回欠席したが自分で連絡できた",
  "初回の確認。場の雰囲気には少しずつ慣れてきた",
];

export const MONTHLY_NOTES = [
  "定期訪問。参加は続いている。顔見知りの参加者ができた",
  "電話で近況確認。体調は安定。次回の活動を楽しみにしている",
  "受け入れ先で様子を確認。自分から挨拶できるようになった",
  "面接で振り返り。参加後の疲れは以前より少ない",
  "定期確認。休みが続いた時期があったが、また通い始めた",
];

export const SETTLING_NOTES = [
  "定着確認。参加が生活の一部になっている",
  "定着確認。受け入れ先の担当者との関係が安定してきた",
  "定着確認。本人から次にやってみたいことの話があった",
];

export const POST_CLOSURE_NOTES = [
  "終結後の連絡。今も自分で通い続けている",
  "終結後の電話。困りごとはないとのこと。何かあれば連絡するよう伝えた",
  "終結後の訪問。活動の仲間と地域の行事にも出ている",
];

export const SUSPENSION_NOTES = [
  "家族から連絡。しばらく参加を休む",
  "本人と電話。体調が戻るまで休むことを受け入れ先と確認",
];

export const SUSPENDED_CHECK_NOTES = [
  "中断中の様子を電話で確認。通院を続けており、落ち着いたら再開を相談したいとのこと",
  "家族と電話。本人は家で過ごせている。受け入れ先からの手紙を喜んでいた",
];

export const OUTCOME_NOTES = {
  stable: [
    "定着の評価。週1回の参加が3か月以上続き、受け入れ先との関係も安定",
    "定着の評価。本人・受け入れ先とも継続を希望",
  ],
  closed: ["終結の評価。自分で通い続けられており、困った時の相談先もある", "終結の評価。受け入れ先が見守りを引き継ぐ"],
};

export const HOST_FEEDBACK = [
  "休まず来ている。作業が丁寧で助かっている",
  "他の参加者とも少しずつ話すようになった",
  "疲れると黙り込むことがあるが、声をかけると戻ってくる",
  "最近は自分から準備を手伝ってくれる",
  "休みの連絡がないことが1回あった。様子を見ている",
];

export const HOST_GUIDANCE = [
  "声かけは短く具体的に。疲れた様子のときは休憩を促してください",
  "作業の手順は紙に書いて渡すと安心できるようです",
  "欠席が2回続いたら、受け入れ先から一言連絡をお願いしました",
  "本人の得意なこと (パソコン・書道など) を活かせる役割を一緒に考えました",
];

export const CHANGE_NOTES: Record<ChangeCategory, string> = {
  [ChangeCategory.WANTS_TO_CONTINUE]: "「来週も来たい」と自分から話した。",
  [ChangeCategory.TRAVELS_ALONE]: "同行なしで一人で通えるようになった。",
  [ChangeCategory.TOOK_HELPER_ROLE]: "お茶出しや準備の係を自分から引き受けた。",
  [ChangeCategory.NEW_ACTIVITY]: "参加者に誘われて、別の活動にも参加し始めた。",
  [ChangeCategory.CONTACTS_AGENCY]: "休むときに自分で受け入れ先に電話できた。",
  [ChangeCategory.DAILY_RHYTHM]: "朝起きる時間が一定になり、生活のリズムが整ってきた。",
  [ChangeCategory.NEW_RELATIONSHIP]: "参加者と連絡先を交換し、活動の外でも会うようになった。",
  [ChangeCategory.OTHER]: "表情が明るくなったと家族が話している。",
};

export const REPLAN_GOALS = {
  stable: [
    "担い手として活動の幅を広げる",
    "受け入れ先との関係を保ちながら自分で通い続ける",
    "終結に向けて相談先を整理する",
  ],
  suspended: ["体調を整え、無理のない形で参加を再開する", "家族の状況が落ち着くまで電話で関わりを続ける"],
  restart: ["再開後は週1回から、様子を見ながら回数を増やす"],
  next: ["体験の振り返りをもとに、次の受け入れ先を一緒に探す"],
  review: ["半年の振り返り。参加の継続と次のステップを確認する"],
};

export const CONSENT_NOTES = {
  info: ["重層的支援会議での情報共有に同意 (申込票)", "関係機関での情報共有について説明し同意"],
  plan: ["支援プランの作成・共有に同意"],
  anyHost: ["受け入れ先への紹介に同意。伝える内容は事前に本人と確認", "紹介先は担当者に任せるとのこと"],
  oneHost: ["この受け入れ先に限り紹介に同意", "見学先として名前の出た受け入れ先のみ同意"],
};

export const WITHDRAWAL_REASONS = [
  "当面は受け入れ先の紹介を希望しないと本人から",
  "家族と相談し、紹介は見合わせたいと本人から申し出",
];
