import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { BreakdownAxis as BreakdownAxisCode } from "./indicator-catalog.js";
import type { Bucket } from "./evaluation-report.js";
import { ReportNarrative } from "./indicator-value.entity.js";

/* The report as GraphQL returns it (evaluation-report.ts computes it; the definitions are in indicator-catalog.ts). */

export enum AchievementBucket {
  AT_LEAST_100 = "AT_LEAST_100",
  AT_LEAST_75 = "AT_LEAST_75",
  AT_LEAST_50 = "AT_LEAST_50",
  AT_LEAST_25 = "AT_LEAST_25",
  ABOVE_0 = "ABOVE_0",
  ZERO = "ZERO",
}
registerEnumType(AchievementBucket, {
  name: "AchievementBucket",
  description: "達成率の区分: 100%以上 / 75%以上 / 50%以上 / 25%以上 / 0%超 / 0%",
});
export const BUCKET_CODE: Record<Bucket, AchievementBucket> = {
  "100%以上": AchievementBucket.AT_LEAST_100,
  "75%以上": AchievementBucket.AT_LEAST_75,
  "50%以上": AchievementBucket.AT_LEAST_50,
  "25%以上": AchievementBucket.AT_LEAST_25,
  "0%超": AchievementBucket.ABOVE_0,
  "0%": AchievementBucket.ZERO,
};

export enum BreakdownAxis {
  AREA = "AREA",
  TARGET_GROUP = "TARGET_GROUP",
  KIND = "KIND",
  METHOD = "METHOD",
}
registerEnumType(BreakdownAxis, { name: "BreakdownAxis", description: "内訳の軸: 地区 / 対象 (分野) / 種類 / 方法" });
export const AXIS_CODE: Record<BreakdownAxisCode, BreakdownAxis> = BreakdownAxis;

@ObjectType({ description: "1年度の目標・実績・達成率" })
export class IndicatorYear {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Float, { nullable: true, description: "目標値 (未設定なら空)" })
  target: number | null;

  @Field(() => Float, { nullable: true, description: "実績 (手入力の指標で未入力なら空; 割合の指標で分母が0なら空)" })
  actual: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "達成率 (%) = 実績 ÷ 目標 × 100、小数第1位に四捨五入。目標がない・0 なら空",
  })
  rate: number | null;
}

@ObjectType({ description: "内訳の1行 (地区・対象・種類・方法ごとの値)" })
export class IndicatorBreakdown {
  @Field(() => BreakdownAxis)
  axis: BreakdownAxis;

  @Field(() => String, { description: "地区の id (CITYWIDE = 全市・地区なし)、または種類・対象・方法のコード" })
  key: string;

  @Field(() => Float)
  value: number;
}

@ObjectType({ description: "報告書の指標1つ" })
export class IndicatorReportRow {
  @Field(() => String, { description: "指標の id" })
  indicatorId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "単位 (件, 人, %, か所 …)" })
  unit: string;

  @Field(() => Int, { description: "第1号〜第5号事業" })
  jigyo: number;

  @Field(() => [String], { description: "分野 (全分野, 高齢, 障害, 子ども, 生活困窮)" })
  bunya: string[];

  @Field(() => String, { description: "定義: 何を数えるか、どの日付で年度に入るか、実人数か延べか" })
  definition: string;

  @Field(() => Boolean, { description: "手入力の指標 (記録から数えられない)" })
  entered: boolean;

  @Field(() => [IndicatorYear], { description: "4年度分 (古い順; 最後が報告の年度)" })
  years: IndicatorYear[];

  @Field(() => Float, { nullable: true, description: "報告の年度の達成率 (%)" })
  rate: number | null;

  @Field(() => AchievementBucket, { nullable: true, description: "報告の年度の達成率の区分 (達成率がなければ空)" })
  bucket: AchievementBucket | null;

  @Field(() => [IndicatorBreakdown], { description: "報告の年度の内訳 (その指標が内訳を持つときだけ)" })
  breakdown: IndicatorBreakdown[];
}

@ObjectType({ description: "達成率の区分ごとの指標の数 (事業別・分野別の表の1行)" })
export class BucketTableRow {
  @Field(() => String, { description: "事業の番号 (1〜5)、分野、または TOTAL (合計)" })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Int, { description: "達成率のある指標の数" })
  total: number;

  @Field(() => Int)
  atLeast100: number;

  @Field(() => Int)
  atLeast75: number;

  @Field(() => Int)
  atLeast50: number;

  @Field(() => Int)
  atLeast25: number;

  @Field(() => Int)
  above0: number;

  @Field(() => Int)
  zero: number;

  @Field(() => Int, { description: "目標のない指標の数 (区分に入らない)" })
  noTarget: number;
}

@ObjectType({ description: "参加支援の流れ: 相談受付 → 同意 → 支援人数 → プラン → 協力依頼 → マッチング" })
export class ParticipationFunnel {
  @Field(() => Int, { description: "相談受付件数 (延べ)" })
  intakes: number;

  @Field(() => Int, { description: "同意者数 (最初の同意が年度内の実人数)" })
  consents: number;

  @Field(() => Int, { description: "支援人数 (繰越を含む実人数)" })
  supportedPersons: number;

  @Field(() => Int, { description: "うち前年度からの繰越" })
  carriedOverPersons: number;

  @Field(() => Int, { description: "支援プラン策定人数" })
  planPersons: number;

  @Field(() => Int, { description: "うち新規" })
  newPlanPersons: number;

  @Field(() => Int, { description: "うち再プラン" })
  replanPersons: number;

  @Field(() => Int, { description: "協力依頼機関数" })
  cooperationOrganizations: number;

  @Field(() => Int, { description: "マッチング件数" })
  matchings: number;
}

@ObjectType({
  description: "実施状況報告 (年度の評価): 指標ごとの目標・実績・達成率、区分の表、参加支援の流れ、評価の文章",
})
export class EvaluationReport {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => [Int], { description: "表に並ぶ4年度 (古い順)" })
  years: number[];

  @Field(() => [IndicatorReportRow])
  rows: IndicatorReportRow[];

  @Field(() => [BucketTableRow], { description: "事業別の区分の表 (最後の行が合計)" })
  byJigyo: BucketTableRow[];

  @Field(() => [BucketTableRow], { description: "分野別の区分の表 (最後の行が合計; 2つの分野を持つ指標は両方に入る)" })
  byBunya: BucketTableRow[];

  @Field(() => ParticipationFunnel)
  funnel: ParticipationFunnel;

  @Field(() => [ReportNarrative], { description: "事業ごとの評価の文章 (書かれたものだけ)" })
  narratives: ReportNarrative[];
}
