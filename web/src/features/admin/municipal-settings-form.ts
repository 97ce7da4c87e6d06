import type { UpdateMunicipalSettingsInput, UserRole, Weekday } from "../../gql/graphql";
import { settingsMessages as t, WEEKDAYS_IN_ORDER } from "../../messages";

/** The settings as the API returns them (the fields the screen edits). */
export interface MunicipalSettingsValues {
  firstCheckDays: number;
  followUpMonths: number;
  settlingCheckMonths: number[];
  onTimeGraceDays: number;
  openWeekdays: Weekday[];
  closedOnHolidays: boolean;
  closedForYearEnd: boolean;
  postClosureContacts: number;
  postClosureIntervalMonths: number;
  requireSupportPlanForMatch: boolean;
  auditRetentionDays: number;
  personRetentionYears: number;
  followUpNoteRetentionYears: number;
  intakeRetentionYears: number;
  meetingRetentionYears: number;
  twoFactorRequiredRoles: UserRole[];
}

export const NUMBER_FIELDS = [
  "firstCheckDays",
  "followUpMonths",
  "onTimeGraceDays",
  "postClosureContacts",
  "postClosureIntervalMonths",
  "auditRetentionDays",
  "personRetentionYears",
  "followUpNoteRetentionYears",
  "intakeRetentionYears",
  "meetingRetentionYears",
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type FlagField = "closedOnHolidays" | "closedForYearEnd" | "requireSupportPlanForMatch";

/** What the form holds: numbers as typed (full-width digits allowed), the check months as one line of text. */
export type MunicipalSettingsForm = Record<NumberField, string> &
  Record<FlagField, boolean> & {
    settlingCheckMonths: string;
    openWeekdays: Weekday[];
    twoFactorRequiredRoles: UserRole[];
  };

export function toSettingsForm(s: MunicipalSettingsValues): MunicipalSettingsForm {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(s[f])])) as Record<NumberField, string>;
  return {
    ...numbers,
    settlingCheckMonths: s.settlingCheckMonths.join(", "),
    openWeekdays: s.openWeekdays,
    closedOnHolidays: s.closedOnHolidays,
    closedForYearEnd: s.closedForYearEnd,
    requireSupportPlanForMatch: s.requireSupportPlanForMatch,
    twoFactorRequiredRoles: s.twoFactorRequiredRoles,
  };
}

const halfWidth = (s: string) => s.replace(/[０-９－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** A whole number as typed, or undefined; the range is the server's to check (its message names the bounds). */
const wholeNumber = (s: string): number | undefined => {
  const v = halfWidth(s.trim());
  return /^-?\d{1,6}$/.test(v) ? Number(v) : undefined;
};
const monthList = (s: string): number[] | undefined => {
  const parts = halfWidth(s)
    .split(/[,，、\s]+/)
    .filter(Boolean);
  const months = parts.map(wholeNumber);
  return months.every((m): m is number => m !== undefined) ? months : undefined;
};
const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The form → only the fields that differ from what was loaded (so saving one field never resends, or overwrites,
 * another). A box that holds no number is answered beside it without sending anything.
 */
export function changedSettings(
  saved: MunicipalSettingsValues,
  form: MunicipalSettingsForm,
): { ok: true; input: UpdateMunicipalSettingsInput } | { ok: false; fields: Record<string, string[]> } {
  const input: UpdateMunicipalSettingsInput = {};
  const fields: Record<string, string[]> = {};
  for (const f of NUMBER_FIELDS) {
    const value = wholeNumber(form[f]);
    if (value === undefined) fields[f] = [t.notANumber];
    else if (value !== saved[f]) input[f] = value;
  }
  const months = monthList(form.settlingCheckMonths);
  if (months === undefined) fields.settlingCheckMonths = [t.notMonths];
  else if (!sameList(months, saved.settlingCheckMonths)) input.settlingCheckMonths = months;
  const weekdays = WEEKDAYS_IN_ORDER.filter((d) => form.openWeekdays.includes(d));
  if (
    !sameList(
      weekdays,
      WEEKDAYS_IN_ORDER.filter((d) => saved.openWeekdays.includes(d)),
    )
  )
    input.openWeekdays = weekdays;
  for (const f of ["closedOnHolidays", "closedForYearEnd", "requireSupportPlanForMatch"] as const)
    if (form[f] !== saved[f]) input[f] = form[f];
  const roles = [...form.twoFactorRequiredRoles].sort();
  if (!sameList(roles, [...saved.twoFactorRequiredRoles].sort())) input.twoFactorRequiredRoles = roles;
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, input };
}
