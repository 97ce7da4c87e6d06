// type-graphql and class-validator decorators read Reflect metadata at class definition; importing it here
// keeps this module loadable on its own (the import is idempotent).
import "reflect-metadata";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  MaxLength,
  Validate,
  ValidateBy,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from "class-validator";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { IsCalendarDate } from "../core/validators.js";
import { isTimeOfDay, parseTime } from "@tsunagu/calendar";
import {
  ScheduleFrequency,
  Weekday,
  type ScheduleRuleValue,
  type ScheduleValue,
  type SessionValue,
} from "./schedule.value";
import { LocalDate } from "../core/local-date.scalar.js";

// ---------------------------------------------------------------- output types (data only; no resolvers)

@ObjectType({ description: "開催ルール (毎週 / 第n曜日 / 特定日)" })
export class ScheduleRule implements ScheduleRuleValue {
  @Field(() => ScheduleFrequency)
  frequency: ScheduleFrequency;

  @Field(() => [Weekday], { description: "WEEKLY / MONTHLY_NTH_WEEKDAY の曜日" })
  weekdays: Weekday[];

  @Field(() => [Int], { description: "MONTHLY_NTH_WEEKDAY の週 (1–5, -1 = 最終)" })
  nthWeeks: number[];

  @Field(() => [LocalDate], { description: "SPECIFIC_DATES の日付 (YYYY-MM-DD)" })
  dates: string[];

  @Field(() => String, { description: "開始時刻 HH:MM (JST)" })
  startTime: string;

  @Field(() => String, { description: "終了時刻 HH:MM (JST)" })
  endTime: string;
}

@ObjectType({ description: "開催日程" })
export class Schedule implements ScheduleValue {
  @Field(() => [ScheduleRule])
  rules: ScheduleRule[];

  @Field(() => Boolean, { description: "祝日は休み" })
  closedOnHolidays: boolean;

  @Field(() => Boolean, { description: "年末年始 (12/29–1/3) は休み" })
  closedYearEnd: boolean;

  @Field(() => [LocalDate], { description: "臨時休止日 (YYYY-MM-DD)" })
  closedDates: string[];

  @Field(() => String, { nullable: true, description: "補足 (例: 雨天中止)" })
  note: string | null;
}

@ObjectType({ description: "開催回 (日程から計算した1回分)" })
export class Session implements SessionValue {
  @Field(() => LocalDate, { description: "開催日 YYYY-MM-DD (JST)" })
  date: string;

  @Field(() => Weekday)
  weekday: Weekday;

  @Field(() => String)
  startTime: string;

  @Field(() => String)
  endTime: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String, { description: "例: 2026年11月24日(火) 10:00〜11:30" })
  label: string;
}

// ---------------------------------------------------------------- validation helpers

/*
 * Size bounds. nextSessions scans day by day and checks every rule, and the search indexer derives
 * facets from every rule and date; capping rules and dates keeps both cheap however a listing is edited.
 * 366 dates = one SPECIFIC_DATES entry per day for a whole (leap) year, more than any real listing needs.
 */
export const MAX_RULES = 20;
export const MAX_DATES = 366;
export const MAX_NOTE_LENGTH = 200;
export const NTH_WEEK_VALUES: readonly number[] = [1, 2, 3, 4, 5, -1];

const TIME_MESSAGE = "時刻は HH:MM 形式 (00:00〜23:59) で入力してください";

function IsTimeOfDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: "isTimeOfDay", validator: { validate: (v) => isTimeOfDay(v) } },
    { message: TIME_MESSAGE, ...options },
  );
}

/** The array must be non-empty when the rule's frequency is one of `frequencies`, and may be anything otherwise. */
function NotEmptyFor(frequencies: readonly ScheduleFrequency[], message: string): PropertyDecorator {
  return ValidateBy(
    {
      name: "notEmptyForFrequency",
      constraints: [frequencies],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          !frequencies.includes((args?.object as ScheduleRuleInput).frequency) ||
          (Array.isArray(value) && value.length > 0),
      },
    },
    { message },
  );
}

/** Cross-field check placed on `endTime` so the error is reported against the field the user must fix. */
@ValidatorConstraint({ name: "isAfterStartTime" })
export class IsAfterStartTimeConstraint implements ValidatorConstraintInterface {
  validate(endTime: unknown, args: ValidationArguments): boolean {
    const start = parseTime(String((args.object as ScheduleRuleInput).startTime));
    const end = parseTime(String(endTime));
    // A malformed time is already reported by IsTimeOfDay; don't pile a second error on it.
    if (start === null || end === null) return true;
    return end > start;
  }

  defaultMessage(): string {
    return "終了時刻は開始時刻より後にしてください";
  }
}

// ---------------------------------------------------------------- input types

@InputType({ description: "開催ルールの入力" })
export class ScheduleRuleInput implements ScheduleRuleValue {
  @Field(() => ScheduleFrequency)
  @IsEnum(ScheduleFrequency, { message: "繰り返しの種類が正しくありません" })
  frequency: ScheduleFrequency;

  @Field(() => [Weekday], { defaultValue: [] })
  @IsEnum(Weekday, { each: true, message: "曜日が正しくありません" })
  @ArrayMaxSize(7, { message: "曜日は7つまでです" })
  @NotEmptyFor([ScheduleFrequency.WEEKLY, ScheduleFrequency.MONTHLY_NTH_WEEKDAY], "曜日を1つ以上選んでください")
  weekdays: Weekday[];

  @Field(() => [Int], { defaultValue: [] })
  @IsInt({ each: true, message: "第何週かは 1〜5 または最終 (-1) で指定してください" })
  @IsIn(NTH_WEEK_VALUES, { each: true, message: "第何週かは 1〜5 または最終 (-1) で指定してください" })
  @ArrayMaxSize(NTH_WEEK_VALUES.length, { message: "第何週かの指定が多すぎます" })
  @NotEmptyFor([ScheduleFrequency.MONTHLY_NTH_WEEKDAY], "第何週かを1つ以上選んでください")
  nthWeeks: number[];

  @Field(() => [LocalDate], { defaultValue: [] })
  @IsCalendarDate({ each: true })
  @ArrayMaxSize(MAX_DATES, { message: `日付は${MAX_DATES}件までです` })
  @NotEmptyFor([ScheduleFrequency.SPECIFIC_DATES], "開催日を1つ以上入力してください")
  dates: string[];

  @Field(() => String, { description: "HH:MM" })
  @IsTimeOfDay()
  startTime: string;

  @Field(() => String, { description: "HH:MM (開始時刻より後)" })
  @IsTimeOfDay()
  @Validate(IsAfterStartTimeConstraint)
  endTime: string;
}

@InputType({ description: "開催日程の入力" })
export class ScheduleInput implements ScheduleValue {
  // No @Type needed: type-graphql itself instantiates nested input classes, so ValidateNested sees ScheduleRuleInput objects.
  @Field(() => [ScheduleRuleInput], { defaultValue: [] })
  @ValidateNested()
  @ArrayMaxSize(MAX_RULES, { message: `開催ルールは${MAX_RULES}件までです` })
  rules: ScheduleRuleInput[];

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  closedOnHolidays: boolean;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  closedYearEnd: boolean;

  @Field(() => [LocalDate], { defaultValue: [] })
  @IsCalendarDate({ each: true, message: "臨時休止日は YYYY-MM-DD 形式の実在する日付で入力してください" })
  @ArrayMaxSize(MAX_DATES, { message: `臨時休止日は${MAX_DATES}件までです` })
  closedDates: string[];

  // Default null (not undefined) so an omitted note is stored as JSON null, matching ScheduleValue.
  @Field(() => String, { nullable: true, defaultValue: null })
  @IsOptional()
  @MaxLength(MAX_NOTE_LENGTH, { message: `補足は${MAX_NOTE_LENGTH}文字以内で入力してください` })
  note: string | null;
}
