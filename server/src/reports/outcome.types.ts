import { Field, Float, Int, ObjectType } from "type-graphql";
import type { FollowUpFigures, MonthFigures, OutcomeFigures, RatioFigures } from "./outcome.compute.js";
import { LocalDate } from "../core/local-date.scalar.js";

/* The definitions are in outcome.compute.ts; each description here states the one the number follows. */

@ObjectType({ description: "割合: 分子・分母と率。率は丸めていない値 (0〜1) で、分母が0のときは null" })
export class Ratio implements RatioFigures {
  @Field(() => Int, { description: "分子" })
  numerator: number;

  @Field(() => Int, { description: "分母" })
  denominator: number;

  @Field(() => Float, { nullable: true, description: "分子 ÷ 分母 (丸めなし)。分母が0のときは null" })
  rate: number | null;
}

@ObjectType({ description: "フォローアップの実施状況 (予定日が年度内かつ集計日以前で、取消でない予定が対象)" })
export class OutcomeFollowUps implements FollowUpFigures {
  @Field(() => Int, { description: "期日到来の予定数: 予定日が年度内かつ集計日以前 (取消を除く)" })
  dueCount: number;

  @Field(() => Int, { description: "期限内に実施: 実施日が 予定日 + 猶予日数 (市町村設定) 以内" })
  onTimeCount: number;

  @Field(() => Int, { description: "遅れて実施: 実施日が猶予を過ぎていた (実施日の記録がないものを含む)" })
  lateCount: number;

  @Field(() => Int, { description: "期限切れ: 未実施のまま予定日を過ぎた (予定日 < 集計日)。猶予期間中のものを含む" })
  overdueCount: number;

  @Field(() => Int, {
    description: "今日が予定日: 未実施で予定日が集計日のもの。期日到来の予定数 = 期限内 + 遅れて + 期限切れ + 今日が予定日",
  })
  dueTodayCount: number;

  @Field(() => Ratio, {
    description: "期限内実施率: 分子 = 期限内に実施、分母 = 判定済み (実施済み + 猶予を過ぎても未実施)。" +
      "猶予期間中の未実施はまだ期限内に実施できるため分母に入れない",
  })
  onTimeRate: Ratio;
}

@ObjectType({ description: "月ごとの件数 (年度の数え方と同じ定義を、その日が属する月で数える)" })
export class OutcomeMonth implements MonthFigures {
  @Field(() => String, { description: "年月 (YYYY-MM)" })
  month: string;

  @Field(() => Int, { nullable: true, description: "マッチング件数 (初めて「本人へ提案」に入った日がこの月)。集計日の月より後の月は null" })
  matchingCount: number | null;

  @Field(() => Int, { nullable: true, description: "参加開始数 (初めて「参加開始」になった日がこの月)。集計日の月より後の月は null" })
  startedCount: number | null;
}

@ObjectType({ description: "年度 (4月〜翌年3月) の成果指標。記録から集計した値で、集計日 (asOf) 時点のもの" })
export class OutcomeSummary implements OutcomeFigures {
  @Field(() => Int, { description: "年度 (2026 = 2026年4月1日〜2027年3月31日)" })
  fiscalYear: number;

  @Field(() => LocalDate, { description: "集計期間の初日 (YYYY-04-01)" })
  periodStart: string;

  @Field(() => LocalDate, { description: "集計期間の末日 (翌年の03-31)" })
  periodEnd: string;

  @Field(() => LocalDate, { description: "集計日 (今日, JST)。これより後の確認日・予定日はまだ数えない" })
  asOf: string;

  @Field(() => Int, {
    description: "マッチング件数: 「本人へ提案」に初めて入った日 (保留からの提案を含む) が年度内のマッチング。" +
      "1件は最初に提案した年度に1回だけ数える",
  })
  matchingCount: number;

  @Field(() => Int, { description: "参加開始数: 初めて「参加開始」になった日が年度内のマッチング (再開は含まない)" })
  startedCount: number;

  @Field(() => Int, { description: "再開数: 中断・終結・終結後フォローから「参加開始」に戻った回数 (移行日が年度内)" })
  reopenedCount: number;

  @Field(() => Ratio, {
    description: "3か月定着率: 分母 = 最初の参加開始日の3か月後 (確認日) が年度内かつ集計日以前のマッチング、" +
      "分子 = 確認日の終わりに 参加開始・定着、または定着を経て終結・終結後フォローだったもの (中断からの終結は含まない)",
  })
  settlingRate3Months: Ratio;

  @Field(() => Ratio, { description: "6か月定着率: 3か月定着率と同じ定義で、確認日が最初の参加開始日の6か月後" })
  settlingRate6Months: Ratio;

  @Field(() => Ratio, {
    description: "行動や気持ちに変化が見られた人の割合: 分母 = 年度内に参加していた日がある本人の実人数 " +
      "(参加開始から、参加開始・定着以外になった日の前日まで)、分子 = そのうち年度内に「変化あり」の" +
      "フォローアップ記録がある人",
  })
  changeRate: Ratio;

  @Field(() => OutcomeFollowUps, { description: "フォローアップの実施状況" })
  followUps: OutcomeFollowUps;

  @Field(() => Ratio, {
    description: "同意率 (近似): 分子 = 最初の同意日が年度内の本人 (後の撤回を含む)、分母 = 相談受付日が年度内の本人 " +
      "(新規相談者)。3月受付・4月同意の人は分母と分子の年度が分かれるため、市の同意率の近似で100%を超えることがある",
  })
  consentRate: Ratio;

  @Field(() => [OutcomeMonth], { description: "4月〜翌3月の月ごとのマッチング件数と参加開始数 (12か月、集計日の月より後の月は null)" })
  monthly: OutcomeMonth[];
}
