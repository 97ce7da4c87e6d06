import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from "typeorm";

/** numeric comes back from the driver as a string: the value is read as a number (targets are counts, rates, 人/日). */
const numeric: ValueTransformer = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** 目標値 for an indicator and 年度, entered by staff; who set it last and when (earlier values: IndicatorValueChange). */
@ObjectType({ description: "指標の目標値 (年度ごと)" })
@Entity()
@Index("UQ_indicator_target_indicator_year", ["indicatorId", "fiscalYear"], { unique: true })
export class IndicatorTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "指標の id (指標の一覧の id)" })
  @Column("text")
  indicatorId: string;

  @Field(() => Int, { description: "年度 (2026 = 2026年4月〜2027年3月)" })
  @Column("int")
  fiscalYear: number;

  @Field(() => Float)
  @Column("numeric", { transformer: numeric })
  value: number;

  @Column("uuid")
  setById: string;

  @Field(() => Date, { description: "設定した日時" })
  @Column("timestamptz", { default: () => "now()" })
  setAt: Date;
}

/** 実績 of an indicator tsunagu cannot count (entered: true in the catalog), per 年度, entered by staff. */
@ObjectType({ description: "手入力の実績値 (記録から数えられない指標)" })
@Entity()
@Index("UQ_indicator_entered_value_indicator_year", ["indicatorId", "fiscalYear"], { unique: true })
export class IndicatorEnteredValue {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  indicatorId: string;

  @Field(() => Int)
  @Column("int")
  fiscalYear: number;

  @Field(() => Float)
  @Column("numeric", { transformer: numeric })
  value: number;

  @Column("uuid")
  setById: string;

  @Field(() => Date)
  @Column("timestamptz", { default: () => "now()" })
  setAt: Date;
}

export enum IndicatorValueKind {
  TARGET = "TARGET",
  ENTERED = "ENTERED",
}
registerEnumType(IndicatorValueKind, { name: "IndicatorValueKind", description: "目標値 / 手入力の実績値" });

/** Every setting of a target or an entered value (append-only): the value before and after, who, when. */
@ObjectType({ description: "目標値・実績値の変更履歴の1件" })
@Entity()
@Index("IDX_indicator_value_change_indicator_year", ["indicatorId", "fiscalYear"])
export class IndicatorValueChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Field(() => IndicatorValueKind)
  @Column("text")
  kind: IndicatorValueKind;

  @Field(() => String)
  @Column("text")
  indicatorId: string;

  @Field(() => Int)
  @Column("int")
  fiscalYear: number;

  @Field(() => Float, { nullable: true, description: "変更前の値 (初めての設定なら空)" })
  @Column("numeric", { nullable: true, transformer: numeric })
  previousValue: number | null;

  @Field(() => Float)
  @Column("numeric", { transformer: numeric })
  value: number;

  @Column("uuid")
  changedById: string;

  @Field(() => Date)
  @Column("timestamptz", { default: () => "now()" })
  changedAt: Date;
}

/** 【達成度評価】 and 【今後の課題と方向性】 of one 事業 for one 年度, written by staff. */
@ObjectType({ description: "事業ごとの評価の文章 (達成度評価・今後の課題と方向性)" })
@Entity()
@Index("UQ_report_narrative_year_jigyo", ["fiscalYear", "jigyo"], { unique: true })
export class ReportNarrative {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => Int)
  @Column("int")
  fiscalYear: number;

  @Field(() => Int, { description: "第1号〜第5号事業 (1〜5)" })
  @Column("int")
  jigyo: number;

  @Field(() => String, { description: "【達成度評価】" })
  @Column("text", { default: "" })
  achievementEvaluation: string;

  @Field(() => String, { description: "【今後の課題と方向性】" })
  @Column("text", { default: "" })
  issuesAndDirection: string;

  @Column("uuid")
  updatedById: string;

  @Field(() => Date)
  @Column("timestamptz", { default: () => "now()" })
  updatedAt: Date;
}
