import { ValidateBy, ValidateIf, type ValidationOptions } from "class-validator";
import { isCalendarDate, today } from "@tsunagu/calendar";

/**
 * For update inputs: `undefined` (field left out) skips validation, but an explicit `null` is still checked, so
 * `null` cannot clear a column that must have a value. (class-validator's @IsOptional lets null through.)
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_obj, value) => value !== undefined);

export const ja = (message: string): ValidationOptions => ({ message });
export const jaEach = (message: string): ValidationOptions => ({ message, each: true });

/** Japanese phone numbers as people type them: digits (either width), hyphens, parentheses, spaces, leading +. */
export const PHONE_PATTERN = /^[+＋]?[0-9０-９()（）\-－ ]{6,20}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Lookups by id treat a malformed id as "not found" instead of letting PostgreSQL reject the cast. */
export const isUuid = (id: string): boolean => UUID.test(id);

export const DATE_MESSAGE = "日付は YYYY-MM-DD 形式の実在する日付で入力してください";

/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: "isCalendarDate", validator: { validate: (v) => isCalendarDate(v) } },
    { message: DATE_MESSAGE, ...options },
  );
}

/** Records describe what happened: a date after today (JST) is a typo, not a plan. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    // A string that is no calendar date is IsCalendarDate's to report; "in the future" would be a second, wrong message.
    {
      name: "notInFuture",
      validator: { validate: (v) => typeof v !== "string" || !isCalendarDate(v) || v <= today() },
    },
    { message: "未来の日付は入力できません", ...options },
  );
}
