import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Weekday } from "../schedules/schedule.value.js";
import { UserRole } from "../core/roles.js";

/**
 * 監査ログの保存期間. Five years by default (a common retention for municipal records of this kind); at least one
 * year so that an incident found late can still be traced, at most ten so the log does not keep people's traces
 * for ever.
 */
export const AUDIT_RETENTION_DEFAULT_DAYS = 1825;
export const AUDIT_RETENTION_MIN_DAYS = 365;
export const AUDIT_RETENTION_MAX_DAYS = 3650;

/** 記録の保存年数 (個人情報の消去まで): five years by default, as the audit log; 1〜30 years. */
export const RETENTION_DEFAULT_YEARS = 5;
export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 30;

/**
 * Per-municipality workflow rules (each city sets them its own way). One row, id = 1.
 * The follow-up defaults follow あきる野市's flow: a check two weeks after the start, monthly visits during the
 * follow-up period, 定着確認 at 3 and 6 months, then periodic contact after closure.
 */
@ObjectType({ description: "市町村ごとの運用設定" })
@Entity()
export class MunicipalSettings {
  @PrimaryColumn("int")
  id: number;

  @Field(() => Boolean, { description: "マッチングの前に支援プランを必須にする (山梨市の運用)" })
  @Column("boolean", { default: false })
  requireSupportPlanForMatch: boolean;

  @Field(() => Int, { description: "参加開始から最初の確認までの日数" })
  @Column("int", { default: 14 })
  firstCheckDays: number;

  @Field(() => Int, {
    description:
      "フォローアップ期間 (月); この間は毎月確認. 参加開始からこの期間が経つ前に「定着」にするには理由が必要",
  })
  @Column("int", { default: 3 })
  followUpMonths: number;

  @Field(() => [Int], { description: "定着確認の時期 (参加開始からの月数)" })
  @Column("int", { array: true, default: () => "'{3,6}'" })
  settlingCheckMonths: number[];

  @Field(() => Int, { description: "終結後の定期連絡の間隔 (月)" })
  @Column("int", { default: 3 })
  postClosureIntervalMonths: number;

  @Field(() => Int, { description: "終結後の定期連絡の回数" })
  @Column("int", { default: 2 })
  postClosureContacts: number;

  @Field(() => [Weekday], { description: "窓口の開いている曜日 (フォローアップの予定はこの曜日に置く; 既定は月〜金)" })
  @Column("text", { array: true, default: () => "'{MON,TUE,WED,THU,FRI}'" })
  openWeekdays: Weekday[];

  @Field(() => Boolean, { description: "祝日 (振替休日を含む) は閉庁 (予定は次の開庁日に移す)" })
  @Column("boolean", { default: true })
  closedOnHolidays: boolean;

  @Field(() => Boolean, { description: "年末年始 (12/29〜1/3) は閉庁" })
  @Column("boolean", { default: true })
  closedForYearEnd: boolean;

  @Field(() => Int, { description: "予定日から何日以内の実施を「期限内」とするか" })
  @Column("int", { default: 7 })
  onTimeGraceDays: number;

  /** The database checks the same bounds, and its audit_event trigger reads this to allow the retention purge. */
  @Field(() => Int, {
    description: "監査ログの保存日数 (365〜3650日; 既定は1825日 = 5年). これより古い記録は毎日削除される",
  })
  @Column("int", { default: AUDIT_RETENTION_DEFAULT_DAYS })
  auditRetentionDays: number;

  /* 保存期間 per record kind (person-rights/erasure.service.ts erases what has passed it, daily). In years. */
  @Field(() => Int, { description: "本人の記録の保存年数 (終結・利用停止・最後の記録から; 過ぎたら個人情報を消去)" })
  @Column("int", { default: RETENTION_DEFAULT_YEARS })
  personRetentionYears: number;

  @Field(() => Int, { description: "フォローアップ記録の記述の保存年数 (連絡日から)" })
  @Column("int", { default: RETENTION_DEFAULT_YEARS })
  followUpNoteRetentionYears: number;

  @Field(() => Int, { description: "相談受付の記録の記述の保存年数 (受付日から)" })
  @Column("int", { default: RETENTION_DEFAULT_YEARS })
  intakeRetentionYears: number;

  @Field(() => Int, { description: "会議の記録の記述の保存年数 (開催日から)" })
  @Column("int", { default: RETENTION_DEFAULT_YEARS })
  meetingRetentionYears: number;

  /** Read on every request with the session (auth.service.ts): a user of these roles without TOTP must enrol first. */
  @Field(() => [UserRole], {
    description: "二段階認証 (確認コード) を必須にする役割 (未設定の利用者は、設定するまでほかの操作ができない)",
  })
  @Column("text", { array: true, default: () => "'{}'" })
  twoFactorRequiredRoles: UserRole[];

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}

export const SETTINGS_ID = 1;
