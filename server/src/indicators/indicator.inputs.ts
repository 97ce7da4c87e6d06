import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { ja } from "../core/validators.js";
import { IndicatorEnteredValue, IndicatorTarget, ReportNarrative } from "./indicator-value.entity.js";

/** A 年度 the report can be about: bounded like outcomeSummary's. */
export const FISCAL_YEAR_MIN = 2000;
export const FISCAL_YEAR_MAX = 2100;
/** A value larger than any count a city reports (高松市's largest is 26,441): catches a typed extra digit row. */
export const VALUE_MAX = 1e9;

@InputType({ description: "指標1つの値 (目標値または手入力の実績値)" })
export class IndicatorValueInput {
  @Field(() => String, { description: "指標の id" })
  @IsString()
  @MaxLength(100, ja("指標の指定が正しくありません"))
  indicatorId: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, ja("数値を入力してください"))
  @Min(0, ja("0以上の値を入力してください"))
  @Max(VALUE_MAX, ja("値が大きすぎます"))
  value: number;
}

@InputType({ description: "年度の目標値 (または手入力の実績値) をまとめて設定する。含めなかった指標は変わらない" })
export class SetIndicatorValuesInput {
  @Field(() => Int, { description: "年度 (2026 = 2026年4月〜2027年3月)" })
  @IsInt(ja("年度は整数で入力してください"))
  @Min(FISCAL_YEAR_MIN, ja("年度は2000〜2100で指定してください"))
  @Max(FISCAL_YEAR_MAX, ja("年度は2000〜2100で指定してください"))
  fiscalYear: number;

  // Why 200: the catalog has a few dozen indicators; a city's own plan may list a hundred or so.
  @Field(() => [IndicatorValueInput])
  @ArrayMinSize(1, ja("値を1つ以上入力してください"))
  @ArrayMaxSize(200, ja("一度に設定できるのは200件までです"))
  @ValidateNested({ each: true })
  values: IndicatorValueInput[];
}

@InputType({ description: "前の年度の目標値を次の年度に引き継ぐ (次の年度にまだ目標値のない指標だけ)" })
export class CarryTargetsForwardInput {
  @Field(() => Int, { description: "引き継ぐ元の年度" })
  @IsInt(ja("年度は整数で入力してください"))
  @Min(FISCAL_YEAR_MIN, ja("年度は2000〜2100で指定してください"))
  @Max(FISCAL_YEAR_MAX, ja("年度は2000〜2100で指定してください"))
  fromYear: number;

  @Field(() => Int, { description: "引き継ぐ先の年度" })
  @IsInt(ja("年度は整数で入力してください"))
  @Min(FISCAL_YEAR_MIN, ja("年度は2000〜2100で指定してください"))
  @Max(FISCAL_YEAR_MAX, ja("年度は2000〜2100で指定してください"))
  toYear: number;
}

@InputType({ description: "事業ごとの評価の文章" })
export class SetReportNarrativeInput {
  @Field(() => Int)
  @IsInt(ja("年度は整数で入力してください"))
  @Min(FISCAL_YEAR_MIN, ja("年度は2000〜2100で指定してください"))
  @Max(FISCAL_YEAR_MAX, ja("年度は2000〜2100で指定してください"))
  fiscalYear: number;

  @Field(() => Int, { description: "第1号〜第5号事業 (1〜5)" })
  @IsInt(ja("事業は1〜5で指定してください"))
  @Min(1, ja("事業は1〜5で指定してください"))
  @Max(5, ja("事業は1〜5で指定してください"))
  jigyo: number;

  @Field(() => String, { description: "【達成度評価】" })
  @IsString()
  @MaxLength(4000, ja("4000文字以内にしてください"))
  achievementEvaluation: string;

  @Field(() => String, { description: "【今後の課題と方向性】" })
  @IsString()
  @MaxLength(4000, ja("4000文字以内にしてください"))
  issuesAndDirection: string;
}

@ObjectType()
export class IndicatorTargetsPayload {
  @Field(() => [IndicatorTarget], { description: "設定した (または引き継いだ) 目標値" })
  targets: IndicatorTarget[];
}

@ObjectType()
export class IndicatorEnteredValuesPayload {
  @Field(() => [IndicatorEnteredValue])
  values: IndicatorEnteredValue[];
}

@ObjectType()
export class ReportNarrativePayload {
  @Field(() => ReportNarrative)
  narrative: ReportNarrative;
}
